// What conditions and views can read from RabbitMQ: `expect rabbit.ready(orders) == 0`.
import type { Query } from '../core/types.ts';
import type { RabbitConsumer, RabbitMessage, RabbitQueue, RabbitState } from './state.ts';
import { overtaken, type MessageView } from '../delivery/index.ts';

export const queueNamed = (s: RabbitState, name: string | undefined): RabbitQueue => {
  const q = s.queueOrder.includes(name ?? '') ? s.queues[name!] : undefined;
  if (!q) throw new Error(`no RabbitMQ queue named '${name}'${s.queueOrder.length ? `; queues are ${s.queueOrder.join(',')}` : '; declare one with rabbit.queue name=orders'}`);
  return q;
};
export const consumerNamed = (s: RabbitState, name: string | undefined): RabbitConsumer => {
  const c = s.consumers[name ?? ''];
  if (!c) throw new Error(`no RabbitMQ consumer named '${name}'${s.consumerOrder.length ? `; consumers are ${s.consumerOrder.join(',')}` : ''}`);
  return c;
};
const messageNamed = (s: RabbitState, id: string | undefined): RabbitMessage => {
  const m = s.msgs[(id ?? '').replace(/^#/, '')];
  if (!m) throw new Error(`no RabbitMQ message #${id}`);
  return m;
};

type Q = Query<RabbitState>;
const perQueue = (name: string, description: string, get: (s: RabbitState, q: RabbitQueue) => number | string): Q => ({
  name: `rabbit.${name}`, params: ['queue'], description, example: `expect rabbit.${name}(orders) == 0`,
  get: (s, [q]) => get(s, queueNamed(s, q)),
});
const perConsumer = (name: string, description: string, get: (s: RabbitState, c: RabbitConsumer) => number | string | boolean): Q => ({
  name: `rabbit.${name}`, params: ['consumer'], description, example: `expect rabbit.${name}(c1) == 0`,
  get: (s, [c]) => get(s, consumerNamed(s, c)),
});

export const rabbitQueries: readonly Q[] = [
  perQueue('ready', 'messages waiting in the queue for a consumer', (_s, q) => q.ready.length),
  perQueue('unacked', 'messages delivered and not yet acknowledged', (_s, q) => q.unacked.length),
  perQueue('acked', 'messages acknowledged', (_s, q) => q.stats.acked),
  perQueue('deadLettered', 'messages this queue sent to its dead-letter exchange', (_s, q) => q.stats.deadLettered),
  perQueue('expired', 'messages whose TTL ran out with no dead-letter exchange', (_s, q) => q.stats.expired),
  perQueue('dropped', 'messages discarded: rejected or overflowed with no dead-letter exchange, or lost in a crash', (s, q) =>
    q.finished.filter((id) => s.msgs[String(id)]?.status === 'dropped').length),
  perQueue('delivered', 'deliveries made, counting redeliveries', (_s, q) => q.stats.delivered),
  perQueue('redelivered', 'deliveries flagged redelivered (after a requeue or a dead consumer)', (_s, q) => q.stats.redelivered),
  perQueue('duplicates', 'times consumers processed a message that had already been processed: duplicate side effects', (_s, q) => q.stats.duplicates),
  perQueue('consumers', 'consumers registered on the queue', (_s, q) => q.consumers.length),
  perQueue('overtaken', 'messages acknowledged after a message published later than them (0: the work was done in publish order)', (_s, q) => overtaken(q.ackedOrder)),
  perQueue('ackedOrder', "bodies in the order they were acknowledged, comma-separated ('none' if none)", (s, q) =>
    q.ackedOrder.map((id) => s.msgs[String(id)]?.body ?? `#${id}`).join(',') || 'none'),
  perConsumer('processed', 'messages the consumer processed and acked', (_s, c) => c.processed),
  perConsumer('failed', 'messages the consumer failed on (nacked or rejected)', (_s, c) => c.failed),
  perConsumer('holding', 'deliveries the broker counts as unacked by this consumer (never above its prefetch)', (s, c) =>
    (s.queues[c.queue]?.unacked ?? []).filter((id) => s.msgs[String(id)]!.consumer === c.id).length),
  perConsumer('connected', 'whether the broker has the consumer registered', (_s, c) => c.connected),
  { name: 'rabbit.published', params: [], description: 'messages published', example: 'expect rabbit.published == 3', get: (s) => s.published },
  { name: 'rabbit.unroutable', params: [], description: 'published messages no binding matched (dropped)', example: 'expect rabbit.unroutable == 0', get: (s) => s.unroutable },
  {
    name: 'rabbit.routedTo', params: ['publish'], example: 'expect rabbit.routedTo(1) == "audit,billing"',
    description: 'the queues publish number N reached, comma-separated (none if unroutable)',
    get: (s, [p]) => Object.values(s.msgs).filter((m) => String(m.pub) === p && m.route.length === 1).map((m) => m.queue).join(',') || 'none',
  },
  { name: 'rabbit.status', params: ['message'], example: 'expect rabbit.status(1) == acked', description: 'a queued copy: ready, unacked, acked, dead-lettered, expired or dropped', get: (s, [id]) => messageNamed(s, id).status },
  { name: 'rabbit.queueOf', params: ['message'], example: 'expect rabbit.queueOf(2) == dead', description: 'the queue a copy is in', get: (s, [id]) => messageNamed(s, id).queue },
  {
    name: 'rabbit.route', params: ['message'], example: 'expect rabbit.route(2) == "orders[new]>q"',
    description: 'the hops a copy took, exchange[binding]>queue, joined by spaces', get: (s, [id]) => messageNamed(s, id).route.map((h) => `${h.exchange}[${h.binding}]>${h.queue}`).join(' '),
  },
  { name: 'rabbit.redeliveredFlag', params: ['message'], example: 'expect rabbit.redeliveredFlag(1) == true', description: "whether the copy's next delivery carries redelivered=true", get: (s, [id]) => messageNamed(s, id).redelivered },
];

/** RabbitMQ copies in the shared view shape (ready -> visible, unacked -> inflight). */
export function rabbitMessageViews(s: RabbitState): MessageView[] {
  return Object.values(s.msgs).map((m) => ({
    id: m.id, body: m.body, queue: m.queue, status: m.status === 'ready' ? 'visible' : m.status === 'unacked' ? 'inflight' : m.status,
    receiveCount: m.deliveries, deadline: m.status === 'ready' ? m.expiresAt : null, holder: m.status === 'unacked' ? m.consumer : null,
    route: m.route.map((h) => `${h.exchange}[${h.binding}]>${h.queue}${h.reason ? ` (${h.reason})` : ''}`), redelivered: m.redelivered, why: m.why,
  }));
}
