// The Kafka system's state as plain data. Split the way a view reads it: the controller's metadata
// (topics, partitions: leader, ISR, epoch), each broker's replicas (the partition logs), producers,
// consumers, groups (coordinator side: members, generation, committed offsets, rebalance history),
// transactions, and an audit that no real node can see (what was acknowledged, what was applied).
import type { NodeId, Time, TimerId } from '../core/types.ts';
import type { AssignorName, TopicPartitionId } from './assignors.ts';
import { DEFAULT_CLUSTER, type ClusterConfig, type ConsumerConfig, type ProducerConfig, type TopicConfig } from './config.ts';

/** One record in a partition log. Never mutated once appended (compaction removes whole records). */
export interface KRecord {
  readonly offset: number;
  /** Leader epoch it was written in: how a follower finds where its log diverges (KIP-101, KIP-320). */
  readonly epoch: number;
  /** Unique per record the producer made: a duplicate write has the same id as its original. */
  readonly id: number;
  readonly key: string | null;
  /** null is a tombstone (compaction deletes the key). */
  readonly value: string | null;
  readonly producer: NodeId | null;
  /** Producer id and sequence for idempotence (KIP-98); -1 when the producer is not idempotent. */
  readonly pid: number;
  readonly seq: number;
  /** Producer epoch, and the first sequence of the batch it came in (so every replica rebuilds the same batches). */
  readonly pepoch: number;
  readonly bseq: number;
  readonly txn: boolean;
  /** A transaction marker (control record), not data. */
  readonly control?: 'commit' | 'abort';
  /** Append time on the leader (retention.ms reads this). */
  readonly ts: Time;
  readonly size: number;
}

export interface ProducerIdState {
  epoch: number;
  lastSeq: number;
  /** The last few batches (Kafka keeps 5) so a retried batch gets its original offset back. */
  batches: { firstSeq: number; lastSeq: number; firstOffset: number }[];
}

export interface PendingAck {
  producer: NodeId;
  req: number;
  tp: TopicPartitionId;
  lastOffset: number;
  baseOffset: number;
  /** A transaction marker (written for the coordinator, answered once replicated) rather than a produce. */
  marker?: string;
}

/** A broker's copy of one partition. */
export interface Replica {
  log: KRecord[];
  logStart: number;
  /** Log end offset: the next offset to write. */
  leo: number;
  /** High watermark: records below it are on every ISR member and visible to consumers. */
  hw: number;
  // ---- leader only
  followerLeo: Record<NodeId, number>;
  followerCaughtUpAt: Record<NodeId, Time>;
  pendingAcks: PendingAck[];
  /** An ISR change sent to the controller and not yet confirmed. */
  pendingIsr: NodeId[] | null;
  // ---- rebuilt from the log on every replica (so a new leader still dedupes)
  producers: Record<string, ProducerIdState>;
  /** Open transactions: producer id -> first offset (the last stable offset stops before it). */
  ongoingTxns: Record<string, number>;
  abortedTxns: { pid: number; first: number; last: number }[];
}

export interface PartitionView { leader: NodeId | null; epoch: number; isr: NodeId[] }

export interface Broker {
  id: NodeId;
  replicas: Record<TopicPartitionId, Replica>;
  /** What this broker last heard from the controller about each partition it hosts. */
  view: Record<TopicPartitionId, PartitionView>;
  tickTimer: TimerId | null;
  /** Per leader broker: when the outstanding replica fetch was sent (null: none outstanding). */
  fetchSentAt: Record<NodeId, Time | null>;
  lastHeartbeat: Time;
  lastRetention: Time;
  /** Bumped on every restart: the controller treats a new incarnation as a fresh broker (KRaft's incarnation id). */
  incarnation: number;
  /** Follower fetches held until new data arrives or replica.fetch.wait.max.ms passes (long polling). */
  parked: Record<NodeId, { parts: { tp: TopicPartitionId; offset: number; lastEpoch: number; hwSeen?: number }[]; at: Time }>;
}

export interface PartitionMeta {
  topic: string;
  partition: number;
  replicas: NodeId[];
  leader: NodeId | null;
  epoch: number;
  isr: NodeId[];
  /** Every leader/ISR change, for the view's timeline. */
  history: { t: Time; leader: NodeId | null; epoch: number; isr: NodeId[]; why: string }[];
}

export interface Controller {
  fenced: Record<NodeId, boolean>;
  incarnation: Record<NodeId, number>;
  lastHeartbeat: Record<NodeId, Time>;
  tickTimer: TimerId | null;
}

export interface InFlightBatch {
  req: number;
  tp: TopicPartitionId;
  records: PendingRecord[];
  baseSeq: number;
  attempts: number;
  sentAt: Time;
  timer: TimerId | null;
  /** Waiting for retry.backoff before it is sent again. */
  backingOff: boolean;
}

export interface PendingRecord { id: number; key: string | null; value: string | null; createdAt: Time }

export interface Producer {
  id: NodeId;
  config: ProducerConfig;
  pid: number;
  epoch: number;
  nextSeq: Record<TopicPartitionId, number>;
  accum: Record<TopicPartitionId, PendingRecord[]>;
  lingerTimers: Record<TopicPartitionId, TimerId>;
  inflight: InFlightBatch[];
  /** Keyless records: the sticky partition per topic (KIP-480) or the round-robin counter. */
  sticky: Record<string, number>;
  roundRobin: Record<string, number>;
  txn: { state: 'none' | 'ongoing' | 'committing' | 'aborting'; partitions: TopicPartitionId[]; endSent: boolean; timer: TimerId | null };
  fenced: boolean;
  /** KIP-360: after giving up on a batch, wait for every in-flight batch, then bump the epoch and restart sequences. */
  bumpEpoch: boolean;
  stats: { sent: number; acked: number; failed: number; retries: number; lastError: string | null };
}

export type CommitMode = 'auto' | 'before' | 'after' | 'manual';

export interface Consumer {
  id: NodeId;
  group: string;
  topics: string[];
  config: ConsumerConfig;
  // ---- volatile (lost on crash)
  memberId: string | null;
  generation: number;
  phase: 'down' | 'joining' | 'syncing' | 'stable';
  /** Partitions it owns now (cooperative: kept through a rebalance). */
  owned: TopicPartitionId[];
  /** Next offset to fetch, per owned partition. */
  position: Record<TopicPartitionId, number>;
  /** Records fetched and not yet processed. */
  batch: { tp: TopicPartitionId; records: KRecord[]; next: number; endOffset: number } | null;
  busy: 'idle' | 'fetching' | 'processing' | 'committing';
  fetchRr: number;
  lastCommit: Time;
  heartbeatTimer: TimerId | null;
  workTimer: TimerId | null;
  /** Exactly-once mode: effects staged until the batch commits atomically with its offsets. */
  staged: { tp: TopicPartitionId; offset: number; id: number }[];
  sought: Record<TopicPartitionId, boolean>;
  processedCount: number;
  lastJoinAt: Time;
  /** A rebalance is due; it runs when the batch in hand is done (rebalances happen inside poll()). */
  rejoinPending: boolean;
  /**
   * Eager `sticky` only: StickyAssignor's user data, the last assignment and its generation. It outlives
   * the revocation before each join (that is how the group stays sticky); a crash loses it.
   */
  previousAssignment: { partitions: TopicPartitionId[]; generation: number } | null;
  fetchReq: number;
}

export interface GroupMember { id: string; consumer: NodeId; topics: string[]; owned: TopicPartitionId[]; generation: number; lastSeen: Time; joined: boolean; synced: boolean }

export interface Rebalance {
  generation: number;
  startedAt: Time;
  endedAt: Time | null;
  reason: string;
  protocol: 'eager' | 'cooperative';
  before: Record<string, TopicPartitionId[]>;
  after: Record<string, TopicPartitionId[]>;
  /** Partitions held back this round because their old owner must revoke them first. */
  pendingTransfer: TopicPartitionId[];
  /** What each consumer gave up because of this rebalance (eager: everything it had; cooperative: only what moved). */
  revoked: Record<NodeId, TopicPartitionId[]>;
}

export interface Group {
  id: string;
  coordinator: NodeId | null;
  state: 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';
  generation: number;
  leader: string | null;
  assignor: AssignorName;
  members: Record<string, GroupMember>;
  /** Member ids in join order (Kafka's first joiner leads). */
  order: string[];
  /** Coordinator's record of who owns what in the current generation. */
  assignment: Record<string, TopicPartitionId[]>;
  committed: Record<TopicPartitionId, number>;
  commitHistory: { t: Time; tp: TopicPartitionId; offset: number; member: string }[];
  rebalances: Rebalance[];
  rebalanceStartedAt: Time | null;
  /** A new group's first join waits until then (group.initial.rebalance.delay.ms). */
  delayJoinUntil: Time | null;
  checkTimer: TimerId | null;
  nextMember: number;
  eos: boolean;
  /** Lag samples for the view's chart: time and lag per partition. */
  lagSamples: { t: Time; lag: Record<TopicPartitionId, number> }[];
}

export interface TxnState {
  id: string;
  producer: NodeId;
  pid: number;
  epoch: number;
  state: 'Empty' | 'Ongoing' | 'PrepareCommit' | 'PrepareAbort' | 'CompleteCommit' | 'CompleteAbort';
  partitions: TopicPartitionId[];
  pendingMarkers: TopicPartitionId[];
  coordinator: NodeId | null;
  timer: TimerId | null;
}

/** What no node can see: used by invariants, the "lost" and "duplicates" queries and notes. */
export interface Audit {
  /** Acknowledged records per partition, in offset order; `strong` = acks=all with min.insync.replicas >= 2. */
  acked: Record<TopicPartitionId, { offset: number; id: number; strong: boolean }[]>;
  /** Per group and partition: offset ranges [from, to) whose effect was applied. */
  applied: Record<string, Record<TopicPartitionId, [number, number][]>>;
  duplicates: Record<string, number>;
  /** Per partition and key: the last record id the leader appended (per-key order). */
  lastIdByKey: Record<TopicPartitionId, Record<string, number>>;
  /** Violations found during the current event (cleared at the start of each). */
  fresh: Record<string, string>;
  lostNotes: string[];
}

export interface KafkaState {
  cluster: ClusterConfig;
  brokerOrder: NodeId[];
  brokers: Record<NodeId, Broker>;
  controllerUp: boolean;
  controller: Controller;
  topics: Record<string, TopicConfig>;
  partitions: Record<TopicPartitionId, PartitionMeta>;
  producers: Record<NodeId, Producer>;
  consumers: Record<NodeId, Consumer>;
  groups: Record<string, Group>;
  txns: Record<string, TxnState>;
  nextId: number;
  nextPid: number;
  nextReq: number;
  audit: Audit;
}

export const CONTROLLER: NodeId = 'controller';

export function initialKafkaState(): KafkaState {
  return {
    cluster: { ...DEFAULT_CLUSTER }, brokerOrder: [], brokers: {}, controllerUp: false,
    controller: { fenced: {}, incarnation: {}, lastHeartbeat: {}, tickTimer: null },
    topics: {}, partitions: {}, producers: {}, consumers: {}, groups: {}, txns: {},
    nextId: 1, nextPid: 1000, nextReq: 1,
    audit: { acked: {}, applied: {}, duplicates: {}, lastIdByKey: {}, fresh: {}, lostNotes: [] },
  };
}

export function emptyReplica(): Replica {
  return { log: [], logStart: 0, leo: 0, hw: 0, followerLeo: {}, followerCaughtUpAt: {}, pendingAcks: [], pendingIsr: null, producers: {}, ongoingTxns: {}, abortedTxns: [] };
}
