// Property: under random consumer failures and crashes, a lossy network and a broker crash, every
// RabbitMQ message copy ends acknowledged, dead-lettered (and sitting in the dead-letter queue), expired
// or dropped with a note — never silently gone — and no acknowledged message is delivered again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab, violationsOf } from '../sqs/lab.ts';
import type { RabbitState } from '../../../src/engine/rabbit/state.ts';

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 1, max: 20 }),
  fail: fc.integer({ min: 0, max: 50 }),
  prefetch: fc.integer({ min: 0, max: 3 }),
  loss: fc.integer({ min: 0, max: 10 }),
  ttl: fc.option(fc.integer({ min: 200, max: 3000 }), { nil: undefined }),
  crashes: fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), who: fc.constantFrom('c1', 'c2', 'rabbit'), down: fc.integer({ min: 50, max: 2000 }) }), { maxLength: 4 }),
});

describe('RabbitMQ under random failures (property)', () => {
  it('every copy ends acked, dead-lettered, expired or dropped with a note, or waits in the dead-letter queue', () => {
    fc.assert(fc.property(scenario, (sc) => {
      const s = lab(sc.seed);
      s.run(`rabbit.exchange name=dlx type=fanout
        rabbit.queue name=dead
        rabbit.bind exchange=dlx queue=dead
        rabbit.exchange name=orders type=topic
        rabbit.queue name=work dlx=dlx ackTimeout=5s${sc.ttl ? ` ttl=${sc.ttl}ms` : ''}
        rabbit.bind exchange=orders queue=work key="order.*"
        rabbit.consumer name=c1 queue=work work=50ms jitter=50ms fail=${sc.fail}% onFail=requeue prefetch=${sc.prefetch}
        rabbit.consumer name=c2 queue=work work=50ms jitter=50ms fail=${sc.fail}% onFail=reject prefetch=${sc.prefetch}
        network loss=${sc.loss}%
        rabbit.publish exchange=orders key=order.new body=m count=${sc.count}`);
      for (const c of [...sc.crashes].sort((a, b) => a.at - b.at)) {
        if (c.at > s.sim.now) s.run(`run for=${c.at - s.sim.now}ms`);
        s.run(`crash node=${c.who}
          run for=${c.down}ms
          restart node=${c.who}`);
      }
      s.run(`network loss=0%
        rabbit.consumer name=c3 queue=work work=10ms prefetch=1
        run for=60s`);
      const st = s.sim.state<RabbitState>('rabbit');
      const notes = s.sim.trace().filter((e) => e.kind === 'note').map((e) => e.text ?? '');
      for (const m of Object.values(st.msgs)) {
        if (m.queue === 'dead') { expect(m.status).toBe('ready'); continue; }
        expect(['acked', 'dead-lettered', 'expired', 'dropped']).toContain(m.status);
        if (m.status !== 'acked') expect(notes.some((n) => n.includes(`#${m.id} `))).toBe(true);
      }
      expect(Object.values(st.msgs).filter((m) => m.queue === 'work')).toHaveLength(sc.count);
      expect(violationsOf(s)).toEqual([]);
    }), { numRuns: 40 });
  }, 60_000); // a ceiling for a busy machine; about 1s when idle
});
