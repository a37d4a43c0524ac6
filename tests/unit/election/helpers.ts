// Runs scenario lines against a fresh session and fails loudly on any command error.
import type { Session } from '../../../src/script/runner.ts';
import type { ElectionState } from '../../../src/engine/election/state.ts';
import { runLines, sessionAfter } from '../session-lines.ts';

export const session = sessionAfter;
export const run = (s: Session, script: string): void => { runLines(s, script); };

export const el = (s: Session): ElectionState => s.sim.state<ElectionState>('election');
export const q = (s: Session, query: string) => s.sim.query(query);
export const violations = (s: Session): string[] => s.sim.violations().map((v) => v.invariant ?? '');

/** Two clients on a lock with a 2 s lease; c1 holds it and has just checked its lease before a write. */
export const PAUSED_HOLDER = 'election.client name=c1\nrun for=50ms\nelection.client name=c2\nrun until="election.preparing(c1)" max=5s\npause node=c1';
