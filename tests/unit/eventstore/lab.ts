// Drives a session line by line for the event store tests.
import { createSession, type Session } from '../../../src/script/runner.ts';
import { runLines } from '../session-lines.ts';
import type { EventStoreState } from '../../../src/engine/eventstore/state.ts';

export function lab(seed = 1): Session & { run(script: string): string[]; q(expr: string): number | string | boolean; st(): EventStoreState } {
  const s = createSession(seed);
  return Object.assign(s, {
    run: (script: string): string[] => runLines(s, script),
    q: (expr: string) => s.sim.query(expr),
    st: () => s.sim.state<EventStoreState>('eventstore'),
  });
}

export const notes = (s: ReturnType<typeof lab>): string[] => s.sim.trace().filter((e) => e.kind === 'note').map((e) => e.text ?? '');
