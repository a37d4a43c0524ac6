// RabbitMQ state: exchanges with their bindings, queues, every queued message copy with its status,
// delivery count, redelivered flag and route, and the consumers. Plain data only.
import type { NodeId, Time, TimerId } from '../core/types.ts';
import type { DeliveryAudit } from '../delivery/index.ts';

export const RABBIT = 'rabbit';
/** The broker node. */
export const BROKER = 'rabbit';
/** How long the broker takes to notice a dead consumer's connection (missed heartbeats / TCP reset). */
export const CONNECTION_LOSS_DETECT: Time = 1000;

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export interface Binding {
  readonly queue: string;
  /** Routing key (direct), pattern (topic); ignored by fanout and headers. */
  readonly key: string;
  /** Headers exchange: the header values to match, and x-match all or any. */
  readonly args: Record<string, string>;
  readonly match: 'all' | 'any';
}

export interface Exchange {
  readonly name: string;
  readonly type: ExchangeType;
  bindings: Binding[];
}

/** One hop a message took: through an exchange, by a binding, into a queue. */
export interface RouteHop {
  readonly exchange: string;
  /** The binding that matched, as text: the key or pattern, `headers k=v` or `fanout`. */
  readonly binding: string;
  readonly queue: string;
  /** Why it took this hop when it was not a publish: expired, rejected, maxlen. */
  readonly reason?: string;
}

/**
 * ready: in the queue, waiting for a consumer. unacked: delivered, awaiting ack. acked: done.
 * dead-lettered: left this queue for the dead-letter exchange. expired: TTL ran out with no DLX.
 * dropped: discarded (rejected without requeue and no DLX, queue overflow, or lost in a broker crash).
 */
export type RabbitStatus = 'ready' | 'unacked' | 'acked' | 'dead-lettered' | 'expired' | 'dropped';

export interface RabbitMessage {
  /** This copy's id (a message routed to two queues makes two copies). */
  readonly id: number;
  /** The publish it came from. */
  readonly pub: number;
  readonly body: string;
  readonly routingKey: string;
  readonly headers: Record<string, string>;
  readonly persistent: boolean;
  readonly queue: string;
  status: RabbitStatus;
  /** Order in its queue: requeued messages go back to their original position. */
  readonly seq: number;
  redelivered: boolean;
  deliveries: number;
  /** Times a consumer finished processing it successfully (more than 1: duplicate side effects). */
  processed: number;
  consumer: string | null;
  tag: number | null;
  readonly enqueuedAt: Time;
  /** When its TTL (per-queue or per-message, whichever is lower) runs out; null: never. */
  readonly expiresAt: Time | null;
  ttlTimer: TimerId | null;
  /** The delivery acknowledgement timeout of the current delivery. */
  ackTimer: TimerId | null;
  readonly route: RouteHop[];
  endedAt: Time | null;
  why: string | null;
}

export interface RabbitQueue {
  readonly name: string;
  readonly durable: boolean;
  /** x-message-ttl. */
  readonly ttlMs: number | null;
  /** x-dead-letter-exchange and x-dead-letter-routing-key. */
  readonly dlx: string | null;
  readonly dlk: string | null;
  /** x-max-length (overflow drop-head: the oldest is dead-lettered or dropped). */
  readonly maxLength: number | null;
  /** x-consumer-timeout: a delivery unacked this long closes the consumer's channel (RabbitMQ default 30 min). */
  readonly ackTimeoutMs: number;
  /** Ready message ids in queue order. */
  ready: number[];
  unacked: number[];
  finished: number[];
  consumers: NodeId[];
  /** Next consumer to try, for round-robin. */
  rr: number;
  nextSeq: number;
  ackedOrder: number[];
  stats: { enqueued: number; delivered: number; redelivered: number; acked: number; deadLettered: number; expired: number; dropped: number; requeued: number; duplicates: number };
}

export interface RabbitConsumer {
  readonly id: NodeId;
  queue: string;
  /** basic.qos prefetch count: max unacked deliveries (0: unlimited). */
  prefetch: number;
  workMs: Time; jitterMs: Time; failRate: number;
  /** Bodies this consumer always fails on (a poison message). */
  poison: string[];
  /** On failure: nack with requeue, or reject (requeue=false: dead-letter or drop). */
  onFail: 'requeue' | 'reject';
  /** basic.consume no-ack: the broker counts a message acknowledged as soon as it sends it (at-most-once). */
  autoAck: boolean;
  /** Registered with the broker (its connection is open). */
  connected: boolean;
  /** A crash the broker has not noticed yet (its unacked messages are still charged to it). */
  lostTimer: TimerId | null;
  // volatile (the client's memory)
  buffer: { id: number; tag: number; body: string; redelivered: boolean }[];
  workTimer: TimerId | null;
  // lab bookkeeping
  processed: number; failed: number; redeliveriesSeen: number;
}

export interface RabbitState {
  exchanges: Record<string, Exchange>;
  exchangeOrder: string[];
  queues: Record<string, RabbitQueue>;
  queueOrder: string[];
  msgs: Record<string, RabbitMessage>;
  consumers: Record<string, RabbitConsumer>;
  consumerOrder: NodeId[];
  producers: NodeId[];
  nextPub: number;
  nextId: number;
  nextTag: number;
  brokerUp: boolean;
  published: number;
  unroutable: number;
  audit: DeliveryAudit;
}

export const initialRabbitState = (): RabbitState => ({
  exchanges: {}, exchangeOrder: [], queues: {}, queueOrder: [], msgs: {}, consumers: {}, consumerOrder: [], producers: [],
  nextPub: 1, nextId: 1, nextTag: 1, brokerUp: true, published: 0, unroutable: 0,
  audit: { ackedRedelivered: null, accepted: 0, pruned: 0 },
});

export const isLive = (m: RabbitMessage): boolean => m.status === 'ready' || m.status === 'unacked';
