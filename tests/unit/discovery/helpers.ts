// Runs scenario lines against a fresh session and fails loudly on any command error.
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { DiscoveryState } from '../../../src/engine/discovery/state.ts';

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

export const disc = (s: Session): DiscoveryState => s.sim.state<DiscoveryState>('discovery');
export const q = (s: Session, query: string) => s.sim.query(query);
export const violations = (s: Session): string[] => s.sim.violations().map((v) => v.invariant ?? '');
