// Runs scenario lines against a fresh session and fails loudly on any command error.
import { createSession, type Session } from '../../../src/script/runner.ts';

export function session(script: string, seed = 1): Session {
  const s = createSession(seed);
  for (const line of script.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const r = s.exec(line);
    if (r.error) throw new Error(`${line}: ${r.error}`);
  }
  return s;
}
