// What conditions and views can read from SQS: `expect sqs.visible(orders) == 2`.
import type { Query } from '../core/types.ts';
import { doubleChargedOrders, emptyPayments, overtaken } from '../delivery/index.ts';
import type { SqsConsumer, SqsMessage, SqsQueue, SqsState, SqsStatus } from './state.ts';

export const queueNamed = (s: SqsState, name: string | undefined): SqsQueue => {
  const q = s.queues[name ?? ''];
  if (!q) throw new Error(`no queue named '${name}'${s.queueOrder.length ? `; queues are ${s.queueOrder.join(',')}` : '; create one with sqs.queue name=orders'}`);
  return q;
};
const consumerNamed = (s: SqsState, name: string | undefined): SqsConsumer => {
  const c = s.consumers[name ?? ''];
  if (!c) throw new Error(`no SQS consumer named '${name}'${s.consumerOrder.length ? `; consumers are ${s.consumerOrder.join(',')}` : ''}`);
  return c;
};
const messageNamed = (s: SqsState, id: string | undefined): SqsMessage => {
  const m = s.msgs[(id ?? '').replace(/^#/, '')];
  if (!m) throw new Error(`no SQS message #${id}`);
  return m;
};
const count = (s: SqsState, q: SqsQueue, ...st: SqsStatus[]) => q.ids.filter((id) => st.includes(s.msgs[String(id)]!.status)).length;

type Q = Query<SqsState>;
const payments = (s: SqsState) => s.payments ?? emptyPayments();
const paymentQueries: Q[] = [
  {
    name: 'sqs.charges', params: ['order'], example: 'expect sqs.charges(order1) == 1',
    description: 'times the payment consumers charged this order (more than 1: charged twice)', get: (s, [o]) => payments(s).charges[o ?? ''] ?? 0,
  },
  {
    name: 'sqs.doubleCharged', params: [], example: 'expect sqs.doubleCharged == 0',
    description: 'orders charged more than once', get: (s) => doubleChargedOrders(payments(s)),
  },
  {
    name: 'sqs.ordersCharged', params: [], example: 'expect sqs.ordersCharged == 5',
    description: 'orders charged at least once', get: (s) => payments(s).orders.length,
  },
  {
    name: 'sqs.totalCharges', params: [], example: 'expect sqs.totalCharges == 5',
    description: 'charges made in all, over every order', get: (s) => Object.values(payments(s).charges).reduce((a, b) => a + b, 0),
  },
  {
    name: 'sqs.dedupeHits', params: [], example: 'expect sqs.dedupeHits == 2',
    description: 'repeats the payment service answered from a stored idempotency key, without charging', get: (s) => payments(s).dedupeHits,
  },
  {
    name: 'sqs.keyUntil', params: ['order'], example: 'expect sqs.keyUntil(order1) == 86400100',
    description: "when the payment service forgets this order's idempotency key, in ms of simulated time (-1: no key)", get: (s, [o]) => payments(s).keys[o ?? '']?.until ?? -1,
  },
];
const perQueue = (name: string, description: string, get: (s: SqsState, q: SqsQueue) => number | string): Q => ({
  name: `sqs.${name}`, params: ['queue'], description, example: `expect sqs.${name}(orders) == 0`,
  get: (s, [q]) => get(s, queueNamed(s, q)),
});

export const sqsQueries: readonly Q[] = [
  perQueue('visible', 'messages waiting to be received (in a dead-letter queue: the dead letters waiting there)', (s, q) => count(s, q, 'visible', 'dead-lettered')),
  perQueue('inflight', 'messages received and not yet deleted, invisible until their visibility timeout', (s, q) => count(s, q, 'inflight')),
  perQueue('delayed', 'messages sent with a delay that cannot be received yet', (s, q) => count(s, q, 'delayed')),
  perQueue('depth', 'all messages in the queue: delayed, visible and in flight', (_s, q) => q.ids.length),
  perQueue('sent', 'messages accepted into the queue (duplicates swallowed by deduplication not counted)', (_s, q) => q.stats.sent),
  perQueue('deleted', 'messages deleted (acknowledged) by consumers', (_s, q) => q.stats.deleted),
  perQueue('deadLettered', 'messages this queue moved to its dead-letter queue', (_s, q) => q.stats.deadLettered),
  perQueue('expired', 'messages dropped for being older than the retention period', (_s, q) => q.stats.expired),
  perQueue('received', 'messages handed out by receives, counting every redelivery', (_s, q) => q.stats.received),
  perQueue('redeliveries', 'receives of a message that had been received before (handed out again after a visibility timeout)', (s, q) =>
    q.ids.concat(q.finished).reduce((n, id) => n + Math.max(0, (s.msgs[String(id)]?.receiveCount ?? 1) - 1), 0)),
  perQueue('duplicates', 'times consumers processed a message they (or others) had already processed: duplicate side effects', (_s, q) => q.stats.duplicates),
  perQueue('emptyReceives', 'receives that returned nothing (short polling on an empty queue runs this up)', (_s, q) => q.stats.emptyReceives),
  perQueue('deduplicated', 'sends swallowed by FIFO deduplication within the five-minute window', (_s, q) => q.stats.deduplicated),
  perQueue('overtaken', 'messages deleted after a message sent later than them (0: the work was done in send order)', (_s, q) => overtaken(q.deletedOrder)),
  perQueue('deletedOrder', "bodies in the order consumers deleted them, comma-separated ('none' if none)", (s, q) =>
    q.deletedOrder.map((id) => s.msgs[String(id)]?.body ?? `#${id}`).join(',') || 'none'),
  perQueue('peakRetries', 'the most receives of already-received messages (retries) in any 100 ms of the run: a crowd retrying in lockstep makes a tall spike', (_s, q) =>
    Math.max(0, ...Object.values(q.retryBuckets ?? {}))),
  perQueue('backingOff', "messages waiting out a consumer's retry backoff (their visibility was changed to the delay)", (s, q) =>
    q.ids.filter((id) => { const m = s.msgs[String(id)]!; return m.status === 'inflight' && !!m.backoff; }).length),
  ...paymentQueries,
  {
    name: 'sqs.status', params: ['message'], example: 'expect sqs.status(1) == inflight',
    description: 'a message: delayed, visible, inflight, acked, dead-lettered or expired', get: (s, [id]) => messageNamed(s, id).status,
  },
  {
    name: 'sqs.receives', params: ['message'], example: 'expect sqs.receives(1) == 2',
    description: "a message's receive count in its current queue (ApproximateReceiveCount)", get: (s, [id]) => messageNamed(s, id).receiveCount,
  },
  {
    name: 'sqs.queueOf', params: ['message'], example: 'expect sqs.queueOf(1) == orders-dlq',
    description: 'the queue a message is in now', get: (s, [id]) => messageNamed(s, id).queue,
  },
  {
    name: 'sqs.route', params: ['message'], example: 'expect sqs.route(1) == "orders>orders-dlq"',
    description: "the queues a message has been in, joined by '>'", get: (s, [id]) => messageNamed(s, id).route.join('>'),
  },
  {
    name: 'sqs.processed', params: ['consumer'], example: 'expect sqs.processed(w1) == 3',
    description: 'messages the consumer processed successfully (and deleted)', get: (s, [c]) => consumerNamed(s, c).processed,
  },
  {
    name: 'sqs.failed', params: ['consumer'], example: 'expect sqs.failed(w1) == 0',
    description: 'messages the consumer failed to process (left for redelivery)', get: (s, [c]) => consumerNamed(s, c).failed,
  },
  {
    name: 'sqs.phase', params: ['consumer'], example: 'expect sqs.phase(w1) == polling',
    description: 'what the consumer is doing: idle, polling, working or down', get: (s, [c]) => consumerNamed(s, c).phase,
  },
];
