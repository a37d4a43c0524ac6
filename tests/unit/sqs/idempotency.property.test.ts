// Property (issue #13): an idempotent consumer's effects equal one per key under any duplication and
// reordering — orders sent several times in any order, duplicated and lost network messages, consumer
// crashes between the charge and the delete, several competing consumers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab, violationsOf } from './lab.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  /** Each send names an order 1..6; repeats are the producer's duplicates, the list order is the reordering. */
  sends: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 18 }),
  dup: fc.integer({ min: 0, max: 20 }),
  loss: fc.integer({ min: 0, max: 15 }),
  crashes: fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), who: fc.integer({ min: 1, max: 2 }) }), { maxLength: 4 }),
});

describe('idempotent payment consumer (fast-check)', () => {
  it('charges every order sent exactly once, whatever the duplication, reordering and crashes', () => {
    fc.assert(fc.property(scenario, (sc) => {
      const s = lab(sc.seed);
      s.run('sqs.queue name=payments visibility=500ms');
      for (const o of sc.sends) s.run(`sqs.send queue=payments body=order${o}`);
      s.run(`network dup=${sc.dup}% loss=${sc.loss}%`);
      for (const w of [1, 2]) s.run(`sqs.consumer name=pay${w} queue=payments work=30ms jitter=40ms ackAfter=60ms pay=charge idempotent=true wait=300ms`);
      for (const c of [...sc.crashes].sort((a, b) => a.at - b.at)) {
        if (c.at > s.sim.now) s.run(`run for=${c.at - s.sim.now}ms`);
        if (s.sim.state<SqsState>('sqs').consumers[`pay${c.who}`]!.phase !== 'down') s.run(`crash node=pay${c.who}\nrun for=50ms\nrestart node=pay${c.who}`);
      }
      s.run('network dup=0% loss=0%\nrun for=20s');
      for (const o of new Set(sc.sends)) expect(s.q(`sqs.charges(order${o})`)).toBe(1);
      expect(s.q('sqs.totalCharges')).toBe(new Set(sc.sends).size);
      expect(s.q('sqs.depth(payments)')).toBe(0);
      expect(violationsOf(s)).toEqual([]);
    }), { numRuns: 40 });
  });
});
