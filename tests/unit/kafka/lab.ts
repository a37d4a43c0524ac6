// Drives the Kafka system through the scenario language, the way lessons and the console do.
import { expect } from 'vitest';
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { KafkaState } from '../../../src/engine/kafka/state.ts';

export interface Lab {
  session: Session;
  run(text: string): string[];
  q(expr: string): number | string | boolean;
  state(): KafkaState;
  notes(): string[];
  violations(): string[];
}

export function lab(seed = 1, text = ''): Lab {
  const session = createSession(seed);
  const l: Lab = {
    session,
    run(block) {
      const out: string[] = [];
      for (const raw of block.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#')) continue;
        const r = session.exec(line);
        if (r.error) throw new Error(`${line}: ${r.error}`);
        out.push(...r.output);
      }
      return out;
    },
    q: (expr) => session.sim.query(expr),
    state: () => session.sim.state<KafkaState>('kafka'),
    notes: () => session.sim.trace().filter((e) => e.kind === 'note').map((e) => `t=${e.t} ${e.node ?? ''} ${e.text ?? ''}`),
    violations: () => session.sim.violations().map((e) => `${e.invariant}: ${e.text}`),
  };
  if (text) l.run(text);
  return l;
}

/** Runs `ms` one event at a time; fails at the first moment two live consumers of `group` hold one partition. */
export function runCheckingOwners(l: Lab, group: string, ms: number): void {
  const sim = l.session.sim;
  const until = sim.now + ms;
  while ((sim.nextEventTime() ?? Infinity) <= until) {
    sim.step();
    const holder: Record<string, string> = {};
    for (const c of Object.values(l.state().consumers)) {
      if (c.group !== group || c.phase === 'down') continue;
      for (const tp of c.owned) {
        if (holder[tp] !== undefined) expect.fail(`t=${sim.now}: ${tp} is held by ${holder[tp]} and ${c.id} at once`);
        holder[tp] = c.id;
      }
    }
  }
  sim.runUntil(until);
}
