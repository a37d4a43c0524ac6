// Settings with Kafka's names and defaults, except times scaled down so a lesson plays in seconds
// (each says what Kafka's default is). All times in simulated ms.
import type { AssignorName } from './assignors.ts';
import type { CommitMode } from './state.ts';

export interface ClusterConfig {
  /** replica.lag.time.max.ms (Kafka: 30000): a follower this far behind leaves the ISR. */
  replicaLagMs: number;
  /** broker.session.timeout.ms (Kafka: 9000): the controller fences a broker it has not heard from. */
  brokerSessionMs: number;
  /** broker.heartbeat.interval.ms (Kafka: 2000). */
  brokerHeartbeatMs: number;
  /** How often a broker's loop runs: follower fetches, ISR checks (Kafka fetches continuously). */
  tickMs: number;
  /** unclean.leader.election.enable (Kafka: false). */
  uncleanElection: boolean;
  /** log.retention.check.interval.ms (Kafka: 300000). */
  retentionCheckMs: number;
  /** replica.fetch.wait.max.ms (Kafka: 500): a leader holds a follower's fetch this long when it has nothing new. */
  replicaWaitMs: number;
}

export const DEFAULT_CLUSTER: ClusterConfig = {
  replicaLagMs: 300, brokerSessionMs: 600, brokerHeartbeatMs: 150, tickMs: 50, uncleanElection: false, retentionCheckMs: 500, replicaWaitMs: 200,
};

export interface TopicConfig {
  name: string;
  partitions: number;
  replication: number;
  /** min.insync.replicas (Kafka: 1). */
  minIsr: number;
  /** retention.ms; -1 keeps forever (Kafka: 7 days). */
  retentionMs: number;
  /** retention.bytes per partition; -1 is unlimited (Kafka: -1). */
  retentionBytes: number;
  /** cleanup.policy. */
  compact: boolean;
  /** delete.retention.ms: how long a tombstone survives compaction (Kafka: 1 day). */
  deleteRetentionMs: number;
}

export interface ProducerConfig {
  /** acks: 0, 1 or -1 (all). Kafka's default is all since 3.0. */
  acks: 0 | 1 | -1;
  /** retries (Kafka: effectively unlimited, bounded by delivery.timeout.ms). */
  retries: number;
  /** linger.ms (Kafka: 5 since 4.0, 0 before). */
  lingerMs: number;
  /** batch.size in records here (Kafka counts bytes, 16384). */
  batchRecords: number;
  /** enable.idempotence (Kafka: true since 3.0). */
  idempotent: boolean;
  transactionalId: string | null;
  /** request.timeout.ms (Kafka: 30000). */
  requestTimeoutMs: number;
  /** retry.backoff.ms (Kafka: 100). */
  retryBackoffMs: number;
  /** max.in.flight.requests.per.connection, per partition here (Kafka: 5). */
  maxInFlight: number;
  /** Keyless records: sticky (KIP-480, Kafka's default) or round-robin. */
  keyless: 'sticky' | 'roundrobin';
}

export const DEFAULT_PRODUCER: ProducerConfig = {
  acks: -1, retries: 5, lingerMs: 0, batchRecords: 100, idempotent: false, transactionalId: null,
  requestTimeoutMs: 1000, retryBackoffMs: 50, maxInFlight: 1, keyless: 'sticky',
};

export interface ConsumerConfig {
  assignor: AssignorName;
  /** When offsets are committed: auto (enable.auto.commit), before or after processing a batch, or manual. */
  commit: CommitMode;
  /** auto.commit.interval.ms (Kafka: 5000). */
  autoCommitMs: number;
  /** auto.offset.reset. */
  reset: 'earliest' | 'latest';
  /** isolation.level. */
  isolation: 'read_uncommitted' | 'read_committed';
  /** max.poll.records (Kafka: 500). */
  maxPoll: number;
  /** Time to process one record. */
  processMs: number;
  /** session.timeout.ms (Kafka: 45000) and heartbeat.interval.ms (Kafka: 3000). */
  sessionMs: number;
  heartbeatMs: number;
  /** How long to wait before polling again after an empty fetch (fetch.max.wait.ms, Kafka: 500). */
  idleMs: number;
  /** Exactly-once read-process-write: each batch's effects commit atomically with its offsets. */
  eos: boolean;
}

export const DEFAULT_CONSUMER: ConsumerConfig = {
  assignor: 'range', commit: 'after', autoCommitMs: 500, reset: 'earliest', isolation: 'read_uncommitted',
  maxPoll: 10, processMs: 10, sessionMs: 600, heartbeatMs: 150, idleMs: 100, eos: false,
};

/** Record size in bytes, roughly as Kafka's record format counts it (a fixed overhead plus key and value). */
export const recordSize = (key: string | null, value: string | null): number => 16 + (key?.length ?? 0) + (value?.length ?? 0);
