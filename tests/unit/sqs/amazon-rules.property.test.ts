// Properties behind amazon-rules.test.ts, over random cases: a FIFO receive fills from one group before
// the next (SQS Developer Guide, "FIFO queue delivery logic"), and a dead letter's expiry follows the
// dead-letter retention rule whatever moment the queue service crashes and restarts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SqsMessage, SqsState } from '../../../src/engine/sqs/state.ts';
import { lab, violationsOf } from './lab.ts';

const GROUPS = ['A', 'B', 'C'];
const op = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), max: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
);

/** The queue's messages, oldest first, as they stood (a copy). */
const snapshot = (s: ReturnType<typeof lab>): SqsMessage[] => {
  const st = s.sim.state<SqsState>('sqs');
  return structuredClone(st.queues['q.fifo']!.ids.map((id) => st.msgs[String(id)]!));
};

describe('FIFO receive (property)', () => {
  it('takes whole runs of one group before the next, oldest open group first, and leaves nothing it could have taken', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...GROUPS), { minLength: 1, maxLength: 12 }), fc.array(op, { maxLength: 12 }), (groups, ops) => {
      const s = lab();
      s.run('sqs.queue name=q.fifo visibility=1h');
      groups.forEach((g, i) => s.run(`sqs.send queue=q.fifo body=${g}${i + 1} group=${g}`));
      for (const o of ops) {
        const before = snapshot(s);
        const inflight = before.filter((m) => m.status === 'inflight');
        if (o.kind !== 'receive') {
          const m = inflight[o.pick % Math.max(1, inflight.length)];
          if (m) s.run(o.kind === 'delete' ? `sqs.delete queue=q.fifo msg=${m.id}` : `sqs.visibility queue=q.fifo msg=${m.id} timeout=0s`);
          continue;
        }
        const got = s.run(`sqs.receive queue=q.fifo max=${o.max}`).filter((l) => l.startsWith('received')).map((l) => Number(l.split(' ')[1]!.slice(1)));
        const locked = new Set(inflight.map((m) => m.group));
        const open = before.filter((m) => !locked.has(m.group));
        const batch = got.map((id) => open.find((m) => m.id === id)!);
        expect(batch.every((m) => m !== undefined), 'only open groups are handed out').toBe(true);
        const order = [...new Set(batch.map((m) => m.group))];
        // Each group's part is contiguous and, for every group but the last, the whole group.
        let at = 0;
        order.forEach((g, i) => {
          const mine = open.filter((m) => m.group === g);
          const part = batch.slice(at, at + (i < order.length - 1 ? mine.length : batch.length - at));
          expect(part.map((m) => m.id)).toEqual(mine.slice(0, part.length).map((m) => m.id));
          at += part.length;
        });
        expect(at).toBe(batch.length);
        // Oldest open group first, and a short batch means nothing receivable was left behind.
        if (open.length) expect(order[0]).toBe(open[0]!.group);
        if (got.length < o.max) expect(got.length).toBe(open.length);
      }
      expect(violationsOf(s)).toEqual([]);
    }), { numRuns: 150 });
  });
});

describe('dead-letter retention under a service crash (property)', () => {
  const M = 60_000;
  const caseArb = fc.record({
    fifo: fc.boolean(),
    sourceMin: fc.integer({ min: 1, max: 240 }),
    dlqMin: fc.integer({ min: 1, max: 240 }),
    crashAt: fc.integer({ min: 1, max: 300 * M }),
    downFor: fc.integer({ min: 1, max: 120 * M }),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

  function expiry(c: Case, crash: boolean) {
    const x = c.fifo ? '.fifo' : '';
    const s = lab();
    s.run(`sqs.queue name=dlq${x} retention=${c.dlqMin}m
      sqs.queue name=orders${x} retention=${c.sourceMin}m visibility=1s dlq=dlq${x} maxReceives=1
      sqs.send queue=orders${x} body=a${c.fifo ? ' group=g' : ''}
      sqs.receive queue=orders${x}
      run for=1s
      sqs.receive queue=orders${x}`);
    if (crash) s.run(`run for=${c.crashAt}ms\ncrash node=sqs\nrun for=${c.downFor}ms\nrestart node=sqs`);
    s.sim.runUntil(600 * M);
    const m = s.sim.state<SqsState>('sqs').msgs['1']!;
    return { status: m.status, endedAt: m.endedAt };
  }

  it('expires at the enqueue time plus the DLQ\'s retention (standard: first sent; FIFO: moved), crash or no crash', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const movedAt = 1000;
      const expected = (c.fifo ? movedAt : 0) + c.dlqMin * M;
      const quiet = expiry(c, false);
      // A standard message whose DLQ retention has already run out at the move expires at once.
      expect(quiet).toEqual({ status: 'expired', endedAt: Math.max(expected, movedAt) });
      // While the service is down its timers wait; one due meanwhile fires at the restart.
      const down = { from: 1000 + c.crashAt, to: 1000 + c.crashAt + c.downFor };
      const due = Math.max(expected, movedAt);
      expect(expiry(c, true).endedAt).toBe(due > down.from && due < down.to ? down.to : due);
    }), { numRuns: 60 });
  });
});
