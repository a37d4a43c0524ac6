// Kafka throughput: records per second (wall clock) for 1,000,000 records produced to a topic of 12
// partitions (3 brokers, replication factor 3, acks=all, min.insync.replicas=2, idempotent producer,
// batches of 500 with linger.ms=5) and consumed by a 4-member group (range assignor, auto-commit,
// max.poll.records=500, no processing time), through createSim with every invariant checked after
// every event. Snapshots are off: they clone the whole state, logs included (see the Kafka README).
// Called by tests/bench/run.ts.
import { createSim, type Sim } from '../../src/engine/core/sim.ts';
import { kafkaSystem } from '../../src/engine/kafka/system.ts';
import { kafkaCommands } from '../../src/engine/kafka/commands.ts';
import type { KafkaState } from '../../src/engine/kafka/state.ts';
import { produceRecord } from '../../src/engine/kafka/producer.ts';
import type { ArgValues } from '../../src/engine/core/command.ts';
import type { Figure } from './kernel.ts';

const run = (sim: Sim, name: string, args: ArgValues) => kafkaCommands.find((c) => c.name === name)!.run(sim, args, undefined);

export function kafkaRecordsPerSecond(records: number, replication = 3): { rate: number; events: number; simMs: number; applied: number } {
  const sim = createSim({ seed: 11, systems: [kafkaSystem], snapshotEvery: 0 });
  run(sim, 'kafka.cluster', { brokers: 3, lag: 300, session: 600, unclean: false });
  run(sim, 'kafka.topic', { name: 'bench', partitions: 12, replication, minisr: Math.min(2, replication), compact: false, tombstones: 1000 });
  run(sim, 'kafka.producer', { id: 'p1', acks: 'all', retries: 5, linger: 5, batch: 500, idempotent: true, inflight: 5, timeout: 5000, keyless: 'sticky' });
  for (let i = 1; i <= 4; i++) {
    run(sim, 'kafka.consumer', {
      id: `c${i}`, group: 'g1', topics: ['bench'], assignor: 'range', commit: 'auto', autocommit: 500, reset: 'earliest',
      isolation: 'read_uncommitted', maxpoll: 500, process: 0, session: 600, heartbeat: 150, eos: false,
    });
  }
  sim.runFor(200); // the group forms
  const start = process.hrtime.bigint();
  // One input hands the producer every record (1,000 keys, so all 12 partitions get a share): each input
  // costs the kernel a dry run and a snapshot of the whole state, which would otherwise dominate.
  sim.act<KafkaState>('kafka', `bench: produce ${records} records`, (s, ctx) => {
    const p = s.producers.p1!;
    for (let i = 0; i < records; i++) produceRecord(s, ctx, p, 'bench', `k${i % 1000}`, `v${i}`);
  });
  const applied = () => Object.values(sim.state<KafkaState>('kafka').audit.applied.g1 ?? {}).reduce((n, rs) => n + rs.reduce((m, [a, b]) => m + b - a, 0), 0);
  sim.runUntilTrue(() => applied() >= records, 600_000);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (sim.violations().length > 0) throw new Error(`kafka bench broke an invariant: ${sim.violations()[0]!.text}`);
  return { rate: applied() / secs, events: sim.eventCount, simMs: sim.now, applied: applied() };
}

export async function benchKafka(): Promise<Figure[]> {
  const r = kafkaRecordsPerSecond(1_000_000);
  return [
    { name: 'Kafka: 1M records, 12 partitions x3 replicas, 4-member group', value: r.rate, unit: 'records/s' },
    { name: 'Kafka: simulated events for that run', value: r.events, unit: 'events' },
    { name: 'Kafka: simulated time for that run', value: r.simMs, unit: 'ms' },
  ];
}
