// Shared by the systems' unit tests: scenario lines run on a session the way a lesson or the console runs
// them (one command a line, blank lines skipped), failing loudly on the first command error.
import { createSession, type Session } from '../../src/script/runner.ts';

/** Runs each line; returns their output, or throws with the line, its error and the output so far. */
export function runLines(s: Session, script: string): string[] {
  const out: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const r = s.exec(line);
    out.push(...r.output);
    if (r.error) throw new Error(`${line}: ${r.error}\n${out.join('\n')}`);
  }
  return out;
}

/** A fresh session with `seed` that has run `script`. */
export function sessionAfter(script: string, seed = 1): Session {
  const s = createSession(seed);
  runLines(s, script);
  return s;
}
