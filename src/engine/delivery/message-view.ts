// One shape for "a message and where it is" across the SQS, RabbitMQ and pub/sub systems, so a view (or a
// hover card) can show any of them the same way: id, status, receive count, deadline, holder and route.
// Each system maps its own messages onto it (sqsMessageViews, rabbitMessageViews, pubsubMessageViews).
import type { Time } from '../core/types.ts';

/** The common vocabulary; each system maps its own statuses onto it. */
export type MessageStatus = 'delayed' | 'visible' | 'inflight' | 'acked' | 'dead-lettered' | 'expired' | 'dropped';

export interface MessageView {
  readonly id: number;
  readonly body: string;
  /** The queue (SQS, RabbitMQ) or subscription (pub/sub) it is in now. */
  readonly queue: string;
  readonly status: MessageStatus;
  /** Receives / deliveries so far. */
  readonly receiveCount: number;
  /**
   * When it becomes visible again (SQS visibility, pub/sub ack deadline), can first be received (SQS delay),
   * or expires (RabbitMQ TTL while ready).
   */
  readonly deadline: Time | null;
  /** Who holds it while in flight (a consumer node, or 'you' for a manual receive). */
  readonly holder: string | null;
  /** The way it came, one hop per entry: 'orders', 'orders-dlq' (SQS); 'x[key]>q' (RabbitMQ); 'topic>sub' (pub/sub). */
  readonly route: readonly string[];
  /** RabbitMQ: the next delivery carries redelivered=true. */
  readonly redelivered: boolean;
  readonly why: string | null;
}
