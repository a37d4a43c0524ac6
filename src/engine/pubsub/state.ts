// Managed pub/sub state (Google Cloud Pub/Sub's model): topics, subscriptions that each get every message
// published after they were created, one copy per subscription with its lease (ack deadline), delivery
// attempts and status, and the subscriber nodes. Plain data only.
import type { NodeId, Time, TimerId } from '../core/types.ts';
import type { DeliveryAudit } from '../delivery/index.ts';

export const PUBSUB = 'pubsub';
export const PUBSUB_NODE = 'pubsub';

/**
 * waiting: ready to be delivered (first time or again). leased: delivered, awaiting ack before its
 * deadline. acked: done. dead-lettered: forwarded to the dead-letter topic after max delivery attempts.
 * expired: unacknowledged longer than the subscription's retention.
 */
export type PubsubStatus = 'waiting' | 'leased' | 'acked' | 'dead-lettered' | 'expired';

export interface PubsubMessage {
  /** This subscription's copy. */
  readonly id: number;
  /** The published message (shared by every subscription's copy). */
  readonly msgId: number;
  readonly body: string;
  readonly topic: string;
  readonly sub: string;
  status: PubsubStatus;
  readonly publishedAt: Time;
  /** Deliveries so far (Pub/Sub's delivery_attempt). */
  attempts: number;
  /** Times a subscriber finished processing it successfully (more than 1: duplicate side effects). */
  processed: number;
  /** While leased: the ack deadline. */
  deadline: Time | null;
  ackId: number | null;
  leasedTo: string | null;
  deadlineTimer: TimerId | null;
  retentionTimer: TimerId | null;
  /** topic>subscription, then the dead-letter topic's hops if it was forwarded. */
  readonly route: string[];
  endedAt: Time | null;
  why: string | null;
}

export interface Subscription {
  readonly name: string;
  readonly topic: string;
  readonly mode: 'pull' | 'push';
  /** Push: the subscriber node the service pushes to (null until one is attached). */
  endpoint: NodeId | null;
  ackDeadlineMs: Time;
  retentionMs: Time;
  deadLetterTopic: string | null;
  maxAttempts: number;
  /** Push: at most this many deliveries outstanding at once (flow control). */
  pushWindow: number;
  /** Copies waiting or leased, in publish order. */
  ids: number[];
  finished: number[];
  stats: { delivered: number; redelivered: number; acked: number; deadLettered: number; expired: number; nacked: number; duplicates: number };
  ackedOrder: number[];
}

export interface Topic {
  readonly name: string;
  subscriptions: string[];
  published: number;
}

export interface Subscriber {
  readonly id: NodeId;
  sub: string;
  workMs: Time; jitterMs: Time; failRate: number;
  /** Bodies this subscriber always fails on (a poison message). */
  poison: string[];
  /** Pull: messages per pull, and the pause after an empty pull. */
  batch: number; idleMs: Time;
  // volatile
  inHand: { id: number; ackId: number; body: string }[];
  pullId: number;
  pulling: boolean;
  timer: TimerId | null;
  processed: number; failed: number;
}

export interface PubsubState {
  topics: Record<string, Topic>;
  topicOrder: string[];
  subs: Record<string, Subscription>;
  subOrder: string[];
  msgs: Record<string, PubsubMessage>;
  subscribers: Record<string, Subscriber>;
  subscriberOrder: NodeId[];
  publishers: NodeId[];
  nextMsgId: number;
  nextId: number;
  nextAckId: number;
  audit: DeliveryAudit;
}

export const initialPubsubState = (): PubsubState => ({
  topics: {}, topicOrder: [], subs: {}, subOrder: [], msgs: {}, subscribers: {}, subscriberOrder: [], publishers: [],
  nextMsgId: 1, nextId: 1, nextAckId: 1, audit: { ackedRedelivered: null, accepted: 0, pruned: 0 },
});

export const isLive = (m: PubsubMessage): boolean => m.status === 'waiting' || m.status === 'leased';
