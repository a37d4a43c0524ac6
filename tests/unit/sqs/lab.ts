// Drives a session line by line for the queue, broker, pub/sub and stream tests.
import { createSession, type Session } from '../../../src/script/runner.ts';

export function lab(seed = 1): Session & { run(script: string): string[]; q(expr: string): number | string | boolean } {
  const s = createSession(seed);
  return Object.assign(s, {
    run(script: string): string[] {
      const out: string[] = [];
      for (const raw of script.split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        const r = s.exec(line);
        out.push(...r.output);
        if (r.error) throw new Error(`${line}: ${r.error}\n${out.join('\n')}`);
      }
      return out;
    },
    q: (expr: string) => s.sim.query(expr),
  });
}

export const violationsOf = (s: Session): string[] => s.sim.violations().map((v) => `${v.invariant}: ${v.text}`);
