// Runs scenario lines against a fresh session and fails loudly on any command error.
import type { Session } from '../../../src/script/runner.ts';
import type { DiscoveryState } from '../../../src/engine/discovery/state.ts';
import { runLines, sessionAfter } from '../session-lines.ts';

export const session = sessionAfter;
export const run = (s: Session, script: string): void => { runLines(s, script); };

export const disc = (s: Session): DiscoveryState => s.sim.state<DiscoveryState>('discovery');
export const q = (s: Session, query: string) => s.sim.query(query);
export const violations = (s: Session): string[] => s.sim.violations().map((v) => v.invariant ?? '');
