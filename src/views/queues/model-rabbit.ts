// What the RabbitMQ drawings show: exchanges with their bindings (the routing rules), queues with ready
// and unacknowledged messages, and consumers with their prefetch windows. Each message keeps its route
// (exchange, binding, queue per hop) so a drawing can light up the way it came.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { ExchangeType, RabbitState, RouteHop } from '../../engine/rabbit/index.ts';
import { BROKER } from '../../engine/rabbit/index.ts';
import { describeBinding } from '../../engine/rabbit/index.ts';

export interface RabbitChip {
  id: number;
  pub: number;
  body: string;
  key: string;
  status: 'ready' | 'unacked';
  deliveries: number;
  redelivered: boolean;
  consumer: string | null;
  /** Ready with a TTL: when it expires (it only expires at the head of the queue). */
  expiresAt: number | null;
  ttlSpan: number;
  route: readonly RouteHop[];
}

export interface RabbitBindingEdge { exchange: string; queue: string; label: string; key: string }

export interface RabbitExchangeBox { name: string; type: ExchangeType; bindings: RabbitBindingEdge[]; isDlx: boolean }

export interface RabbitQueueBox {
  name: string;
  ready: RabbitChip[];
  unacked: RabbitChip[];
  consumers: string[];
  dlx: string | null;
  ttlMs: number | null;
  maxLength: number | null;
  durable: boolean;
  /** Bound to an exchange that some queue dead-letters to: the dead-letter box. */
  deadLetterBox: boolean;
  stats: { acked: number; deadLettered: number; expired: number; dropped: number; redelivered: number };
}

export interface RabbitConsumerBox {
  id: string;
  queue: string;
  prefetch: number;
  autoAck: boolean;
  /** Deliveries the broker counts as unacked by this consumer. */
  holding: number[];
  connected: boolean;
  up: boolean;
  paused: boolean;
  processed: number;
  failed: number;
}

export interface RabbitModel {
  exchanges: RabbitExchangeBox[];
  queues: RabbitQueueBox[];
  consumers: RabbitConsumerBox[];
  producers: string[];
  published: number;
  unroutable: number;
  brokerUp: boolean;
}

export function rabbitModel(s: RabbitState, nodes: readonly NodeStatus[]): RabbitModel {
  const status = (id: string) => nodes.find((n) => n.id === id);
  const dlxNames = new Set(s.queueOrder.map((n) => s.queues[n]!.dlx).filter((x): x is string => x !== null));
  const chip = (id: number): RabbitChip => {
    const m = s.msgs[String(id)]!;
    return {
      id: m.id, pub: m.pub, body: m.body, key: m.routingKey, status: m.status === 'unacked' ? 'unacked' : 'ready', deliveries: m.deliveries,
      redelivered: m.redelivered, consumer: m.status === 'unacked' ? m.consumer : null, expiresAt: m.status === 'ready' ? m.expiresAt : null,
      ttlSpan: m.expiresAt === null ? 0 : Math.max(1, m.expiresAt - m.enqueuedAt), route: m.route,
    };
  };
  const exchanges = s.exchangeOrder.map((name): RabbitExchangeBox => {
    const x = s.exchanges[name]!;
    return {
      name, type: x.type, isDlx: dlxNames.has(name),
      bindings: x.bindings.filter((b) => s.queueOrder.includes(b.queue)).map((b) => ({ exchange: name, queue: b.queue, label: describeBinding(x, b), key: b.key })),
    };
  });
  const queues = s.queueOrder.map((name): RabbitQueueBox => {
    const q = s.queues[name]!;
    return {
      name, ready: q.ready.map(chip), unacked: q.unacked.map(chip), consumers: [...q.consumers], dlx: q.dlx, ttlMs: q.ttlMs, maxLength: q.maxLength,
      durable: q.durable, deadLetterBox: exchanges.some((x) => x.isDlx && x.bindings.some((b) => b.queue === name)),
      stats: { acked: q.stats.acked, deadLettered: q.stats.deadLettered, expired: q.stats.expired, dropped: q.stats.dropped, redelivered: q.stats.redelivered },
    };
  });
  // Dead-letter boxes after the queues that feed them, as SQS draws its dead-letter queues.
  queues.sort((a, b) => Number(a.deadLetterBox) - Number(b.deadLetterBox));
  const consumers = s.consumerOrder.map((id): RabbitConsumerBox => {
    const c = s.consumers[id]!;
    const n = status(id);
    const holding = (s.queues[c.queue]?.unacked ?? []).filter((m) => s.msgs[String(m)]!.consumer === id);
    return {
      id, queue: c.queue, prefetch: c.prefetch, autoAck: c.autoAck, holding, connected: c.connected, up: n?.up ?? true, paused: n?.paused ?? false,
      processed: c.processed, failed: c.failed,
    };
  });
  return { exchanges, queues, consumers, producers: [...s.producers], published: s.published, unroutable: s.unroutable, brokerUp: status(BROKER)?.up ?? s.brokerUp };
}

/**
 * The edges a message's route used, to light up the path it took: `bind:exchange>queue` for each binding
 * it went through, `dead:queue>exchange` for each time it was dead-lettered out of a queue.
 */
export function routeEdges(route: readonly RouteHop[]): Set<string> {
  const out = new Set<string>();
  route.forEach((h, k) => {
    out.add(`bind:${h.exchange}>${h.queue}`);
    const before = route[k - 1];
    if (before && h.reason) out.add(`dead:${before.queue}>${h.exchange}`);
  });
  return out;
}
