// Property tests: random broker and consumer crashes against the safety properties Kafka promises.
// A failing run prints its seed and the shrunk schedule; paste them into a .lab file to replay.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab } from './lab.ts';

type Step =
  | { op: 'produce'; key: string; count: number }
  | { op: 'brokerBlip'; broker: number; downMs: number }
  | { op: 'consumerBlip'; consumer: number; downMs: number }
  | { op: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('produce' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('brokerBlip' as const), broker: fc.integer({ min: 1, max: 3 }), downMs: fc.integer({ min: 50, max: 1500 }) }),
  fc.record({ op: fc.constant('consumerBlip' as const), consumer: fc.integer({ min: 1, max: 2 }), downMs: fc.integer({ min: 20, max: 1000 }) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 5, max: 300 }) }),
);

function script(steps: Step[]): string {
  const lines = [
    'kafka.cluster brokers=3',
    'kafka.topic name=orders partitions=3 replication=3 minisr=2',
    'kafka.producer id=p1 acks=all idempotent=true inflight=3 retries=20',
    'kafka.consumer id=c1 group=eos topics=orders eos=true process=5ms maxpoll=4 session=400ms',
    'kafka.consumer id=c2 group=eos topics=orders eos=true process=5ms maxpoll=4 session=400ms assignor=range',
    'kafka.consumer id=d1 group=alo topics=orders commit=auto autocommit=100ms process=3ms',
  ];
  for (const s of steps) {
    if (s.op === 'produce') lines.push(`kafka.produce producer=p1 topic=orders key=${s.key} count=${s.count}`);
    else if (s.op === 'wait') lines.push(`run for=${s.ms}ms`);
    else if (s.op === 'brokerBlip') {
      // One broker down at a time: it comes back and catches up before anything else fails.
      lines.push(`crash node=b${s.broker}`, `run for=${s.downMs}ms`, `restart node=b${s.broker}`, 'run for=1500ms');
    } else lines.push(`crash node=c${s.consumer}`, `run for=${s.downMs}ms`, `restart node=c${s.consumer}`);
  }
  lines.push('run for=8s');
  return lines.join('\n');
}

describe('Kafka safety under random crashes', () => {
  it('acks=all + min.insync.replicas=2 loses nothing acknowledged; exactly-once applies each record once', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(step, { maxLength: 10 }), (seed, steps) => {
      const l = lab(seed, script(steps));
      expect(l.violations()).toEqual([]);
      expect(l.q('kafka.lost(orders)')).toBe(0);
      expect(l.q('kafka.duplicated(orders)')).toBe(0);
      const acked = l.q('kafka.acked(p1)') as number;
      const produced = steps.reduce((n, s) => n + (s.op === 'produce' ? s.count : 0), 0);
      expect(acked + (l.q('kafka.failed(p1)') as number)).toBe(produced);
      expect(l.q('kafka.duplicates(eos)')).toBe(0);
      expect(l.q('kafka.applied(eos)')).toBe(l.q('kafka.records(orders)'));
      expect(l.q('kafka.lag(alo)')).toBe(0);
    }), { numRuns: Number(process.env.KAFKA_RUNS ?? 60) });
  }, 30_000 + Number(process.env.KAFKA_RUNS ?? 0) * 300);
});
