// Words for what the queue drawings show: aria-labels, hover cards and the inspector all say a thing's
// state the same way. Pure functions of the view models (and, for timers, of the current time).
import type { SqsChip, SqsConsumerBox, SqsQueueRow } from './model-sqs.ts';
import type { RabbitChip, RabbitConsumerBox, RabbitExchangeBox, RabbitQueueBox } from './model-rabbit.ts';
import type { PubsubChip, PubsubSubBox, PubsubSubscriberBox, PubsubTopicBox } from './model-pubsub.ts';
import type { StreamReaderMark, StreamTopicRow } from './model-stream.ts';
import { formatTime } from '../panels/format.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** "visible again in 1.2 s" style countdowns; `until` is a simulated time. */
export function countdown(until: number, now: number): string {
  const left = Math.max(0, until - now);
  return left === 0 ? 'now' : `in ${formatTime(left)}`;
}

/** A hover card: a title, plain lines, and at most one timer line that counts down every frame. */
export interface Card { title: string; lines: string[]; timer: { label: string; until: number } | null }

// ---- SQS ----

export function sqsChipWords(c: SqsChip, queue: string): string {
  const where = c.backoff ? `backing off before retry ${c.backoff.attempt + 1} (a ${formatTime(c.backoff.delayMs)} delay; invisible until then)`
    : c.status === 'inflight' ? `in flight with ${c.holder ?? 'someone'} (invisible to others)`
    : c.status === 'delayed' ? 'delayed: not receivable yet'
      : c.status === 'dead-lettered' ? 'a dead letter waiting here' : 'visible, waiting to be received';
  const group = c.group ? `, group ${c.group}` : '';
  return `message #${c.id} ${c.body} in ${queue}${group}: ${where}, ${c.receiveCount === 0 ? 'not received yet' : `received ${times(c.receiveCount)}`}`;
}

export function sqsChipCard(c: SqsChip, queue: string): Card {
  const lines = [
    `status: ${c.backoff ? `backing off before retry ${c.backoff.attempt + 1} (${formatTime(c.backoff.delayMs)})` : c.status === 'inflight' ? `in flight, held by ${c.holder ?? '?'}` : c.status}`,
    `receive count: ${c.receiveCount}`,
    `route: ${c.route.join(' → ')}`,
  ];
  if (c.group) lines.splice(1, 0, `message group: ${c.group}`);
  const timer = c.until === null ? null : { label: c.status === 'delayed' || c.backoff ? 'receivable' : 'visible again', until: c.until };
  return { title: `#${c.id} ${c.body} · ${queue}`, lines, timer };
}

export function sqsQueueWords(q: SqsQueueRow): string {
  const kind = q.sources.length ? `dead-letter queue of ${q.sources.join(', ')}` : `${q.fifo ? 'FIFO' : 'standard'} queue`;
  const redrive = q.dlq ? `, dead-letters to ${q.dlq} after ${plural(q.maxReceives, 'receive')}` : '';
  return `${kind} ${q.name}: ${q.counts.visible} visible, ${q.counts.inflight} in flight, ${q.counts.delayed} delayed; ${q.stats.deleted} deleted${redrive}; visibility timeout ${formatTime(q.visibilityMs)}`;
}

export function sqsConsumerWords(c: SqsConsumerBox): string {
  const phase = !c.up ? 'crashed' : c.paused ? 'paused' : c.stopped && c.phase === 'idle' ? 'stopped' : c.phase;
  const holding = c.holding.length ? `, holding ${c.holding.map((x) => `#${x}`).join(', ')}` : '';
  return `consumer ${c.id} on ${c.queue}: ${phase}${holding}; ${c.processed} processed, ${c.failed} failed`;
}

// ---- RabbitMQ ----

const hop = (h: { exchange: string; binding: string; queue: string; reason?: string }) =>
  `${h.reason ? `dead-lettered (${h.reason}) → ` : ''}${h.exchange} [${h.binding}] → ${h.queue}`;

export function rabbitChipWords(c: RabbitChip, queue: string): string {
  const where = c.status === 'unacked' ? `delivered to ${c.consumer ?? '?'}, not yet acknowledged` : 'ready, waiting for a consumer';
  return `message #${c.id} ${c.body} (key ${c.key || 'empty'}) in ${queue}: ${where}, ${c.deliveries === 0 ? 'not delivered yet' : `delivered ${times(c.deliveries)}`}${c.redelivered ? ', flagged redelivered' : ''}; came ${c.route.map(hop).join(', then ')}`;
}

export function rabbitChipCard(c: RabbitChip, queue: string): Card {
  return {
    title: `#${c.id} ${c.body} · ${queue}`,
    lines: [
      `status: ${c.status === 'unacked' ? `unacked, with ${c.consumer ?? '?'}` : 'ready'}`,
      `deliveries: ${c.deliveries}${c.redelivered ? ' · next one flagged redelivered' : ''}`,
      `routing key: ${c.key || '(empty)'}`,
      ...c.route.map((h, k) => `${k === 0 ? 'route' : '  then'}: ${hop(h)}`),
    ],
    timer: c.expiresAt === null ? null : { label: 'TTL runs out', until: c.expiresAt },
  };
}

const EXCHANGE_RULE: Record<string, string> = {
  direct: 'routes by exact key', fanout: 'copies to every bound queue', topic: 'routes by pattern (* one word, # any)', headers: 'routes by headers',
};
export const exchangeRule = (type: string) => EXCHANGE_RULE[type] ?? type;
const EXCHANGE_SHORT: Record<string, string> = { direct: 'exact key', fanout: 'copy to all', topic: 'by pattern', headers: 'by headers' };
/** The rule in two words, for the exchange's box. */
export const exchangeRuleShort = (type: string) => EXCHANGE_SHORT[type] ?? type;

export function rabbitExchangeWords(x: RabbitExchangeBox): string {
  const binds = x.bindings.map((b) => `${b.label} to ${b.queue}`).join(', ') || 'no bindings';
  return `${x.type} exchange ${x.name}${x.isDlx ? ' (a dead-letter exchange)' : ''}: ${exchangeRule(x.type)}; bindings: ${binds}`;
}

export function rabbitQueueWords(q: RabbitQueueBox): string {
  const extra = [q.ttlMs !== null ? `TTL ${formatTime(q.ttlMs)}` : '', q.dlx !== null ? `dead-letters to ${q.dlx || 'the default exchange'}` : '', q.maxLength !== null ? `max length ${q.maxLength}` : '']
    .filter(Boolean).join(', ');
  return `queue ${q.name}${q.deadLetterBox ? ' (dead-letter box)' : ''}: ${q.ready.length} ready, ${q.unacked.length} unacked, ${q.stats.acked} acked; ${plural(q.consumers.length, 'consumer')}${extra ? `; ${extra}` : ''}`;
}

export function rabbitConsumerWords(c: RabbitConsumerBox): string {
  const state = !c.up ? 'crashed' : c.paused ? 'paused' : c.connected ? 'connected' : 'disconnected';
  const window = c.autoAck ? 'auto-ack (no prefetch window)' : c.prefetch === 0 ? `${c.holding.length} unacked, no prefetch limit` : `${c.holding.length} of ${c.prefetch} prefetch slots unacked`;
  return `consumer ${c.id} on ${c.queue}: ${state}, ${window}; ${c.processed} processed, ${c.failed} failed`;
}

// ---- pub/sub ----

export function pubsubChipWords(c: PubsubChip, sub: string): string {
  const where = c.status === 'leased' ? `leased to ${c.leasedTo ?? '?'}, awaiting its ack` : 'waiting to be delivered';
  return `message #${c.id} ${c.body} in subscription ${sub}: ${where}, delivery attempts ${c.attempts}`;
}

export function pubsubChipCard(c: PubsubChip, sub: string): Card {
  return {
    title: `#${c.id} ${c.body} · ${sub}`,
    lines: [`status: ${c.status === 'leased' ? `leased to ${c.leasedTo ?? '?'}` : 'waiting'}`, `delivery attempts: ${c.attempts}`, `route: ${c.route.join(' → ').replace(/>/g, ' → ')}`],
    timer: c.deadline === null ? null : { label: 'ack deadline', until: c.deadline },
  };
}

export function pubsubSubWords(s: PubsubSubBox): string {
  const dl = s.deadLetterTopic ? `, dead-letters to ${s.deadLetterTopic} after ${plural(s.maxAttempts, 'attempt')}` : '';
  const waiting = s.msgs.filter((m) => m.status === 'waiting').length;
  return `${s.mode} subscription ${s.name} on ${s.topic}: ${waiting} waiting, ${s.msgs.length - waiting} leased, ${s.stats.acked} acked; ack deadline ${formatTime(s.ackDeadlineMs)}${dl}`;
}

export const pubsubTopicWords = (t: PubsubTopicBox) =>
  `topic ${t.name}${t.isDeadLetter ? ' (a dead-letter topic)' : ''}: ${t.published} published, copied to ${t.subscriptions.length ? t.subscriptions.join(', ') : 'no subscription'}`;

export function pubsubSubscriberWords(c: PubsubSubscriberBox): string {
  const state = !c.up ? 'crashed' : c.paused ? 'paused' : c.holding.length ? `working on ${c.holding.map((x) => `#${x}`).join(', ')}` : 'idle';
  return `subscriber ${c.id} on ${c.sub}: ${state}; ${c.processed} processed, ${c.failed} failed`;
}

// ---- stream ----

export function streamRecordWords(topic: string, offset: number, body: string, readers: readonly StreamReaderMark[]): string {
  const past = readers.filter((r) => (r.position ?? -1) > offset).map((r) => r.id);
  return `record at offset ${offset} of ${topic}: ${body}; ${past.length ? `read by ${past.join(', ')}` : 'not yet read by anyone'} (reading removes nothing)`;
}

export function streamRecordCard(topic: string, offset: number, body: string, at: number, readers: readonly StreamReaderMark[]): Card {
  const status = (r: StreamReaderMark) => (r.retrying === offset ? 'keeps failing on it' : r.inHand.includes(offset) ? 'holds it now' : (r.position ?? 0) > offset ? 'read it' : 'not yet');
  return {
    title: `${topic} offset ${offset}: ${body}`,
    lines: [`appended at ${formatTime(at)}`, ...readers.map((r) => `${r.id}: ${status(r)}`), 'it stays in the log for every reader'],
    timer: null,
  };
}

export function streamTopicWords(t: StreamTopicRow): string {
  const removed = t.removed ? `, ${t.removed} removed by retention` : '';
  return `stream topic ${t.name}: offsets ${t.start} to ${Math.max(t.start, t.end - 1)} retained (${t.end - t.start} records${removed}); ${plural(t.readers.length, 'reader')}`;
}

export function streamReaderWords(r: StreamReaderMark): string {
  const state = !r.up ? 'crashed' : r.paused ? 'paused' : r.retrying !== null ? `stuck retrying offset ${r.retrying}` : r.inHand.length ? `reading offset ${r.inHand[0]}` : 'waiting for new records';
  const mark = r.position === null ? 'no bookmark yet' : `bookmark at offset ${r.position}`;
  return `reader ${r.id}: ${state}, ${mark}, ${r.lag} behind; ${r.processed} processed${r.duplicates ? `, ${r.duplicates} re-read` : ''}`;
}
