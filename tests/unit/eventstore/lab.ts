// Drives a session line by line for the event store tests.
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { EventStoreState } from '../../../src/engine/eventstore/state.ts';

export function lab(seed = 1): Session & { run(script: string): string[]; q(expr: string): number | string | boolean; st(): EventStoreState } {
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
    st: () => s.sim.state<EventStoreState>('eventstore'),
  });
}

export const notes = (s: ReturnType<typeof lab>): string[] => s.sim.trace().filter((e) => e.kind === 'note').map((e) => e.text ?? '');
