// Property test for transactions under broker and producer crashes: read_committed readers never apply
// a record of an aborted transaction, everything committed is eventually read, and no transaction is
// left hanging (the last stable offset catches up with the high watermark).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab } from './lab.ts';
import { isVisibleCommitted } from '../../../src/engine/kafka/log.ts';
import { wasApplied } from '../../../src/engine/kafka/audit.ts';

type Step = { op: 'txn'; n: number; commit: boolean } | { op: 'blip'; node: string; ms: number } | { op: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('txn' as const), n: fc.integer({ min: 1, max: 4 }), commit: fc.boolean() }),
  fc.record({ op: fc.constant('blip' as const), node: fc.constantFrom('b1', 'b2', 'b3', 'p1'), ms: fc.integer({ min: 30, max: 1000 }) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 10, max: 300 }) }),
);

describe('transactions under crashes', () => {
  it('read_committed never applies aborted records, reads every committed one, and nothing stays open', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(step, { maxLength: 8 }), (seed, steps) => {
      const l = lab(seed, `kafka.cluster brokers=3
kafka.topic name=pay partitions=2 replication=3 minisr=2
kafka.producer id=p1 txn=tx1
kafka.consumer id=c1 group=g topics=pay isolation=read_committed process=2ms`);
      for (const s of steps) {
        if (s.op === 'wait') l.run(`run for=${s.ms}ms`);
        else if (s.op === 'blip') l.run(`crash node=${s.node}\nrun for=${s.ms}ms\nrestart node=${s.node}\nrun for=1500ms`);
        else {
          const p = l.state().producers.p1!;
          if (p.txn.state !== 'none' || p.fenced) { l.run('run for=2s'); continue; }
          l.run(`kafka.txn producer=p1 action=begin\nkafka.produce producer=p1 topic=pay key=k${s.n} count=${s.n}\nrun for=50ms`);
          if (l.state().producers.p1!.txn.state === 'ongoing') l.run(`kafka.txn producer=p1 action=${s.commit ? 'commit' : 'abort'}`);
        }
      }
      l.run('run for=8s');
      expect(l.violations()).toEqual([]);
      const st = l.state();
      for (const tp of ['pay-0', 'pay-1']) {
        const leader = st.partitions[tp]!.leader!;
        const r = st.brokers[leader]!.replicas[tp]!;
        expect(l.q(`kafka.lso(${tp})`)).toBe(r.hw);
        for (const rec of r.log) {
          if (rec.control) continue;
          // Committed and visible records were applied; aborted ones never were.
          expect(wasApplied(st, 'g', tp, rec.offset)).toBe(isVisibleCommitted(r, rec));
        }
      }
    }), { numRuns: Number(process.env.KAFKA_RUNS ?? 40) });
  }, 30_000 + Number(process.env.KAFKA_RUNS ?? 0) * 300);
});
