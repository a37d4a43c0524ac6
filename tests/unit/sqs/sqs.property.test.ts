// Property tests: under random failures, consumer crashes and a lossy network, every SQS message ends
// deleted, dead-lettered or expired (never silently gone), and FIFO groups stay in order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab, violationsOf } from './lab.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';

const fault = fc.record({ at: fc.integer({ min: 0, max: 4000 }), who: fc.integer({ min: 1, max: 3 }), down: fc.integer({ min: 50, max: 3000 }) });
const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 1, max: 25 }),
  fail: fc.integer({ min: 0, max: 60 }),
  loss: fc.integer({ min: 0, max: 15 }),
  dup: fc.integer({ min: 0, max: 10 }),
  faults: fc.array(fault, { maxLength: 5 }),
  /** Messages per receive: a FIFO batch holds several of a group, so a failure mid-batch must hold the rest back. */
  batch: fc.integer({ min: 1, max: 3 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function play(sc: Scenario, fifo: boolean) {
  const s = lab(sc.seed);
  const q = fifo ? 'orders.fifo' : 'orders';
  s.run(`sqs.queue name=dlq${fifo ? '.fifo' : ''}
    sqs.queue name=${q} visibility=800ms dlq=dlq${fifo ? '.fifo' : ''} maxReceives=4
    sqs.send queue=${q} body=m count=${sc.count}${fifo ? ' group=a,b,c' : ''}
    network loss=${sc.loss}% dup=${sc.dup}%`);
  for (const w of [1, 2, 3]) s.run(`sqs.consumer name=w${w} queue=${q} work=40ms jitter=80ms fail=${sc.fail}% wait=500ms batch=${sc.batch}`);
  const events = [...sc.faults].sort((a, b) => a.at - b.at);
  for (const f of events) {
    if (f.at > s.sim.now) s.run(`run for=${f.at - s.sim.now}ms`);
    s.run(`crash node=w${f.who}
      run for=${f.down}ms
      restart node=w${f.who}`);
  }
  s.run('network loss=0% dup=0%');
  s.run('run for=60s');
  return { s, q };
}

describe('SQS under random failures (property)', () => {
  it('every message ends deleted, dead-lettered or expired, and no invariant breaks', () => {
    fc.assert(fc.property(scenario, (sc) => {
      const { s } = play(sc, false);
      const st = s.sim.state<SqsState>('sqs');
      const ends = Object.values(st.msgs).map((m) => m.status);
      expect(ends).toHaveLength(sc.count);
      for (const e of ends) expect(['acked', 'dead-lettered', 'expired']).toContain(e);
      expect(violationsOf(s)).toEqual([]);
    }), { numRuns: 40 });
  }, 60_000); // a ceiling for a busy machine; about 1s when idle

  it('FIFO groups are processed in send order under random consumer crashes, failures and batch sizes', () => {
    fc.assert(fc.property(scenario, (sc) => {
      const { s, q } = play(sc, true);
      // A consumer sends its DeleteMessage the moment it has processed a message; the first one per
      // message is when its effect first happened. (Deletion order may differ: a lost delete is
      // retried after the visibility timeout, while the group's next message, from the same batch,
      // was already processed after it.)
      const first: number[] = [];
      for (const e of s.sim.fullTrace()) {
        if (e.kind !== 'send' || e.msg?.type !== 'DeleteMessage' || e.msg.queue !== q) continue;
        const id = e.msg.id as number;
        if (!first.includes(id)) first.push(id);
      }
      // Ids follow send order; the groups a,b,c were given round-robin.
      for (const g of [0, 1, 2]) {
        const mine = first.filter((id) => (id - 1) % 3 === g);
        expect(mine).toEqual([...mine].sort((x, y) => x - y));
      }
      expect(violationsOf(s)).toEqual([]);
    }), { numRuns: 40 });
  }, 60_000); // a ceiling for a busy machine; about 1s when idle
});
