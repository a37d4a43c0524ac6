// What conditions and views can read from pub/sub: `expect pubsub.acked(audit) == 3`.
import type { Query } from '../core/types.ts';
import type { PubsubMessage, PubsubState, Subscriber, Subscription } from './state.ts';
import { overtaken, type MessageView } from '../delivery/index.ts';

export const subNamed = (s: PubsubState, name: string | undefined): Subscription => {
  const sub = s.subs[name ?? ''];
  if (!sub) throw new Error(`no subscription named '${name}'${s.subOrder.length ? `; subscriptions are ${s.subOrder.join(',')}` : '; create one with pubsub.subscription'}`);
  return sub;
};
const subscriberNamed = (s: PubsubState, name: string | undefined): Subscriber => {
  const c = s.subscribers[name ?? ''];
  if (!c) throw new Error(`no subscriber named '${name}'${s.subscriberOrder.length ? `; subscribers are ${s.subscriberOrder.join(',')}` : ''}`);
  return c;
};
const copyNamed = (s: PubsubState, id: string | undefined): PubsubMessage => {
  const m = s.msgs[(id ?? '').replace(/^#/, '')];
  if (!m) throw new Error(`no pub/sub message #${id}`);
  return m;
};

type Q = Query<PubsubState>;
const perSub = (name: string, description: string, get: (s: PubsubState, sub: Subscription) => number | string): Q => ({
  name: `pubsub.${name}`, params: ['subscription'], description, example: `expect pubsub.${name}(audit) == 0`,
  get: (s, [n]) => get(s, subNamed(s, n)),
});
const count = (s: PubsubState, sub: Subscription, status: string) => sub.ids.filter((id) => s.msgs[String(id)]!.status === status).length;

export const pubsubQueries: readonly Q[] = [
  perSub('waiting', 'copies waiting to be delivered (first time or again)', (s, sub) => count(s, sub, 'waiting')),
  perSub('leased', 'copies delivered and awaiting an ack before their deadline', (s, sub) => count(s, sub, 'leased')),
  perSub('backlog', 'copies not yet acknowledged (waiting + leased)', (_s, sub) => sub.ids.length),
  perSub('acked', 'copies acknowledged', (_s, sub) => sub.stats.acked),
  perSub('delivered', 'deliveries, counting redeliveries', (_s, sub) => sub.stats.delivered),
  perSub('redelivered', 'deliveries after the first of a copy (deadline passed or nacked)', (_s, sub) => sub.stats.redelivered),
  perSub('deadLettered', 'copies forwarded to the dead-letter topic', (_s, sub) => sub.stats.deadLettered),
  perSub('expired', 'copies dropped after the retention period', (_s, sub) => sub.stats.expired),
  perSub('duplicates', 'times subscribers processed a copy that had already been processed: duplicate side effects', (_s, sub) => sub.stats.duplicates),
  perSub('overtaken', 'copies acked after a copy published later than them (0: the work was done in publish order)', (_s, sub) => overtaken(sub.ackedOrder)),
  perSub('ackedOrder', "bodies in the order they were acked, comma-separated ('none' if none)", (s, sub) =>
    sub.ackedOrder.map((id) => s.msgs[String(id)]?.body ?? `#${id}`).join(',') || 'none'),
  { name: 'pubsub.published', params: ['topic'], example: 'expect pubsub.published(orders) == 3', description: 'messages published to the topic', get: (s, [t]) => s.topics[t ?? '']?.published ?? 0 },
  { name: 'pubsub.processed', params: ['subscriber'], example: 'expect pubsub.processed(s1) == 3', description: 'messages the subscriber processed successfully', get: (s, [c]) => subscriberNamed(s, c).processed },
  { name: 'pubsub.failed', params: ['subscriber'], example: 'expect pubsub.failed(s1) == 0', description: 'messages the subscriber failed on (nacked)', get: (s, [c]) => subscriberNamed(s, c).failed },
  { name: 'pubsub.status', params: ['copy'], example: 'expect pubsub.status(1) == acked', description: "a subscription's copy: waiting, leased, acked, dead-lettered or expired", get: (s, [id]) => copyNamed(s, id).status },
  { name: 'pubsub.attempts', params: ['copy'], example: 'expect pubsub.attempts(1) == 2', description: "a copy's delivery attempts", get: (s, [id]) => copyNamed(s, id).attempts },
  { name: 'pubsub.route', params: ['copy'], example: 'expect pubsub.route(1) == "orders>audit"', description: 'topic>subscription hops, joined by spaces', get: (s, [id]) => copyNamed(s, id).route.join(' ') },
];

/** Pub/sub copies in the shared view shape (waiting -> visible, leased -> inflight). */
export function pubsubMessageViews(s: PubsubState): MessageView[] {
  return Object.values(s.msgs).map((m) => ({
    id: m.id, body: m.body, queue: m.sub, status: m.status === 'waiting' ? 'visible' : m.status === 'leased' ? 'inflight' : m.status,
    receiveCount: m.attempts, deadline: m.deadline, holder: m.leasedTo, route: m.route, redelivered: m.attempts > 1, why: m.why,
  }));
}
