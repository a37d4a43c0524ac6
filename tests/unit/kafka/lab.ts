// Drives the Kafka system through the scenario language, the way lessons and the console do.
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
