// SQS state: queues, every message with its status, receive count, visibility deadline and route, the
// consumer nodes that poll, and an audit the invariants read. Plain data only (snapshots are clones).
import type { NodeId, Time, TimerId } from '../core/types.ts';
import type { DeliveryAudit, PaymentRule, PaymentsState } from '../delivery/index.ts';
import type { BackoffPolicy } from '../resilience/backoff.ts';

export const SQS = 'sqs';
/** The queue service's node: every queue lives on it (SQS is one managed, replicated service). */
export const SQS_NODE = 'sqs';
/** FIFO deduplication window (SQS developer guide: "5-minute deduplication interval"). */
export const DEDUP_WINDOW: Time = 5 * 60_000;
/** How long a client waits for a reply before it polls again (a request timeout). */
export const REQUEST_TIMEOUT: Time = 1000;

/**
 * delayed: sent with a delay, not yet receivable. visible: waiting to be received. inflight: received,
 * invisible until deleted or its visibility deadline. acked: deleted by a consumer. dead-lettered: moved
 * to the dead-letter queue (it stays receivable there). expired: older than the queue's retention.
 */
export type SqsStatus = 'delayed' | 'visible' | 'inflight' | 'acked' | 'dead-lettered' | 'expired';

export interface SqsMessage {
  readonly id: number;
  readonly body: string;
  /** The queue it is in now (the dead-letter queue once moved). */
  queue: string;
  status: SqsStatus;
  /** FIFO message group, or null on a standard queue. */
  readonly group: string | null;
  readonly dedupId: string | null;
  /** Order within its current queue (FIFO order is by this). */
  seq: number;
  /** When it entered its current queue (delay and retention count from here). */
  enqueuedAt: Time;
  readonly sentAt: Time;
  receiveCount: number;
  /** Times a consumer finished processing it successfully (more than 1: duplicate side effects). */
  processed: number;
  /** While delayed: when it can first be received (the queue's delay, or its own on a standard queue). */
  availableAt: Time | null;
  /** While in flight: when it becomes visible again unless deleted. */
  visibleAt: Time | null;
  /** The receipt handle of the latest receive; a delete must quote it. */
  receipt: number | null;
  receiver: string | null;
  /** Queues it has been in, in order (orders -> orders-dlq -> orders after a redrive). */
  route: string[];
  /** When and why it left the queues for good (acked or expired), for views. */
  endedAt: Time | null;
  why: string | null;
  visTimer: TimerId | null;
  retTimer: TimerId | null;
  delayTimer: TimerId | null;
  /** Chapter 05: set while it waits out a consumer's retry backoff (its visibility changed to the delay). */
  backoff?: { attempt: number; delayMs: Time; until: Time } | null;
}

export interface SqsQueue {
  readonly name: string;
  readonly fifo: boolean;
  visibilityMs: Time;
  retentionMs: Time;
  delayMs: Time;
  /** Default long-poll wait for receives that do not say (ReceiveMessageWaitTimeSeconds). */
  waitMs: Time;
  /** Redrive policy: move to this queue once a message has been received maxReceives times. */
  dlq: string | null;
  maxReceives: number;
  contentDedup: boolean;
  /** Ids of messages in this queue (delayed, visible or in flight), in queue order. */
  ids: number[];
  /** Ids of messages that finished here, newest last (capped at KEEP_FINISHED). */
  finished: number[];
  /** Deduplication id -> the message it first named and when the window closes. */
  dedup: Record<string, { id: number; until: Time }>;
  nextSeq: number;
  stats: QueueStats;
  /** Message ids in the order consumers deleted them (capped), to compare ordering. */
  deletedOrder: number[];
  /** Receives of a message received before (retries), per 100 ms of simulated time by bucket index: the retry-storm figure; created on first use. */
  retryBuckets?: Record<string, number>;
}

export interface QueueStats {
  sent: number; received: number; emptyReceives: number; deleted: number;
  deadLettered: number; expired: number; deduplicated: number; returned: number;
  /** Successful processings of a message that had been processed before. */
  duplicates: number;
}

/** A consumer node: polls, processes each message for `workMs`, deletes it unless it fails. */
export interface SqsConsumer {
  readonly id: NodeId;
  queue: string;
  workMs: Time; jitterMs: Time;
  /** Probability that processing one message fails (the consumer then does not delete it). */
  failRate: number;
  /** Bodies this consumer always fails on (a poison message). */
  poison: string[];
  batch: number;
  /** Long-poll wait (0: short polling). */
  waitMs: Time;
  /** Pause after an empty short poll. */
  idleMs: Time;
  /** While working on a message, extend its visibility to `extendMs` every `heartbeatMs` (0: never). */
  heartbeatMs: Time;
  extendMs: Time;
  stopped: boolean;
  // volatile: lost on a crash
  phase: 'idle' | 'polling' | 'working' | 'down';
  pollId: number;
  pollTimer: TimerId | null;
  workTimer: TimerId | null;
  beatTimer: TimerId | null;
  current: { id: number; receipt: number; body: string; group: string | null }[];
  // counters (kept across crashes: they are the lab's bookkeeping, not the node's memory)
  processed: number; failed: number;
  /** Message ids this consumer deleted, in order (capped). */
  done: number[];
  // Chapter 05 (absent on the consumers of earlier lessons):
  /** On a failure, change the message's visibility to this backoff instead of waiting out the timeout. */
  backoff?: BackoffPolicy | null;
  /** Decorrelated jitter needs the delay this consumer last gave each message (by id). */
  lastBackoff?: Record<string, number>;
  /** Every message fails until this moment: a downstream outage, a transient failure. */
  failUntil?: Time;
  /** A payment consumer: processing a message charges the order its body names. */
  pay?: PaymentRule | null;
  /** A payment consumer's pause between the charge and the delete; a crash in it redelivers a charged order. */
  ackAfterMs?: Time;
  /** The charged message whose delete is pending (volatile). */
  pendingAck?: { id: number; receipt: number } | null;
}

/** A long poll the service holds open until a message arrives or the wait ends. */
export interface WaitingPoll {
  consumer: NodeId; queue: string; max: number; poll: number; timer: TimerId;
}

export interface SqsAudit extends DeliveryAudit {
  /** The first breach of FIFO order, as a sentence (null: none). */
  fifoOrder: string | null;
  /** The first message that failed, kept failing and expired in a queue with no dead-letter queue (chapter 05). */
  lostWithoutDlq?: string | null;
}

export interface SqsState {
  queues: Record<string, SqsQueue>;
  queueOrder: string[];
  msgs: Record<string, SqsMessage>;
  consumers: Record<string, SqsConsumer>;
  consumerOrder: NodeId[];
  producers: NodeId[];
  waiting: WaitingPoll[];
  nextId: number;
  nextReceipt: number;
  serviceUp: boolean;
  audit: SqsAudit;
  /** The payment consumers' ledger and the payment service's idempotency keys (chapter 05); created on first use. */
  payments?: PaymentsState;
}

export const initialSqsState = (): SqsState => ({
  queues: {}, queueOrder: [], msgs: {}, consumers: {}, consumerOrder: [], producers: [], waiting: [],
  nextId: 1, nextReceipt: 1, serviceUp: true,
  audit: { ackedRedelivered: null, fifoOrder: null, accepted: 0, pruned: 0 },
});

export const emptyStats = (): QueueStats => ({
  sent: 0, received: 0, emptyReceives: 0, deleted: 0, deadLettered: 0, expired: 0, deduplicated: 0, returned: 0, duplicates: 0,
});

export const isFinished = (m: SqsMessage): boolean => m.status === 'acked' || m.status === 'expired';
/** Receivable now: visible, or sitting in a dead-letter queue. */
export const isReceivable = (m: SqsMessage): boolean => m.status === 'visible' || m.status === 'dead-lettered';
