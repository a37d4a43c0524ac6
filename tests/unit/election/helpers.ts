// Runs scenario lines against a fresh session and fails loudly on any command error.
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { ElectionState } from '../../../src/engine/election/state.ts';

export function session(script: string, seed = 1): Session {
  const s = createSession(seed);
  run(s, script);
  return s;
}

export function run(s: Session, script: string): void {
  for (const line of script.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const r = s.exec(line);
    if (r.error) throw new Error(`${line}: ${r.error}`);
  }
}

export const el = (s: Session): ElectionState => s.sim.state<ElectionState>('election');
export const q = (s: Session, query: string) => s.sim.query(query);
export const violations = (s: Session): string[] => s.sim.violations().map((v) => v.invariant ?? '');

/** Two clients on a lock with a 2 s lease; c1 holds it and has just checked its lease before a write. */
export const PAUSED_HOLDER = 'election.client name=c1\nrun for=50ms\nelection.client name=c2\nrun until="election.preparing(c1)" max=5s\npause node=c1';
