// Drives a session line by line for the queue, broker, pub/sub and stream tests.
import { createSession, type Session } from '../../../src/script/runner.ts';
import { runLines } from '../session-lines.ts';

export function lab(seed = 1): Session & { run(script: string): string[]; q(expr: string): number | string | boolean } {
  const s = createSession(seed);
  return Object.assign(s, {
    run: (script: string): string[] => runLines(s, script),
    q: (expr: string) => s.sim.query(expr),
  });
}

export const violationsOf = (s: Session): string[] => s.sim.violations().map((v) => `${v.invariant}: ${v.text}`);
