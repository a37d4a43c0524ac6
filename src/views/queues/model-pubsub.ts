// What the pub/sub drawings show: topics, the subscriptions each copies every message to (pull or push,
// with their ack deadline), the copies waiting or leased with the lease's deadline, and the subscribers.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { PubsubState } from '../../engine/pubsub/index.ts';
import { PUBSUB_NODE } from '../../engine/pubsub/index.ts';

export interface PubsubChip {
  id: number;
  msgId: number;
  body: string;
  status: 'waiting' | 'leased';
  attempts: number;
  deadline: number | null;
  span: number;
  leasedTo: string | null;
  route: readonly string[];
}

export interface PubsubSubBox {
  name: string;
  topic: string;
  mode: 'pull' | 'push';
  endpoint: string | null;
  ackDeadlineMs: number;
  deadLetterTopic: string | null;
  maxAttempts: number;
  msgs: PubsubChip[];
  stats: { acked: number; redelivered: number; deadLettered: number; expired: number };
}

export interface PubsubTopicBox { name: string; subscriptions: string[]; published: number; isDeadLetter: boolean }

export interface PubsubSubscriberBox {
  id: string; sub: string; up: boolean; paused: boolean; holding: number[]; processed: number; failed: number;
}

export interface PubsubModel {
  topics: PubsubTopicBox[];
  subs: PubsubSubBox[];
  subscribers: PubsubSubscriberBox[];
  publishers: string[];
  serviceUp: boolean;
}

export function pubsubModel(s: PubsubState, nodes: readonly NodeStatus[]): PubsubModel {
  const status = (id: string) => nodes.find((n) => n.id === id);
  const dlts = new Set(s.subOrder.map((n) => s.subs[n]!.deadLetterTopic).filter((x): x is string => x !== null));
  const topics = s.topicOrder.map((name) => {
    const t = s.topics[name]!;
    return { name, subscriptions: [...t.subscriptions], published: t.published, isDeadLetter: dlts.has(name) };
  });
  // Subscriptions in topic order, so each topic's fan-out reads top to bottom.
  const subNames = topics.flatMap((t) => t.subscriptions).filter((n, k, all) => all.indexOf(n) === k && s.subs[n]);
  const subs = subNames.map((name): PubsubSubBox => {
    const sub = s.subs[name]!;
    const msgs = sub.ids.map((id): PubsubChip => {
      const m = s.msgs[String(id)]!;
      return {
        id: m.id, msgId: m.msgId, body: m.body, status: m.status === 'leased' ? 'leased' : 'waiting', attempts: m.attempts,
        deadline: m.status === 'leased' ? m.deadline : null, span: sub.ackDeadlineMs, leasedTo: m.status === 'leased' ? m.leasedTo : null, route: m.route,
      };
    });
    return {
      name, topic: sub.topic, mode: sub.mode, endpoint: sub.endpoint, ackDeadlineMs: sub.ackDeadlineMs, deadLetterTopic: sub.deadLetterTopic,
      maxAttempts: sub.maxAttempts, msgs,
      stats: { acked: sub.stats.acked, redelivered: sub.stats.redelivered, deadLettered: sub.stats.deadLettered, expired: sub.stats.expired },
    };
  });
  const subscribers = s.subscriberOrder.map((id): PubsubSubscriberBox => {
    const c = s.subscribers[id]!;
    const n = status(id);
    return { id, sub: c.sub, up: n?.up ?? true, paused: n?.paused ?? false, holding: c.inHand.map((m) => m.id), processed: c.processed, failed: c.failed };
  });
  return { topics, subs, subscribers, publishers: [...s.publishers], serviceUp: status(PUBSUB_NODE)?.up ?? true };
}
