// The broker's rules (RabbitMQ docs: Consumer Acknowledgements and Publisher Confirms, Dead Letter
// Exchanges, TTL, Consumer Prefetch): enqueue routed copies, deliver round-robin within each consumer's
// prefetch window, ack/nack/reject, requeue to the original position with the redelivered flag,
// dead-letter on reject, expiry or overflow, and expire messages with a TTL when they reach the head.
import type { SystemContext } from '../core/types.ts';
import { route } from './routing.ts';
import { flagAckedRedelivered, KEEP_FINISHED, retireFinished } from '../delivery/index.ts';
import {
  BROKER, type RabbitConsumer, type RabbitMessage, type RabbitQueue, type RabbitState, type RouteHop,
} from './state.ts';

export const msgOf = (s: RabbitState, id: number): RabbitMessage | undefined => s.msgs[String(id)];

export interface PublishRequest {
  exchange: string; key: string; body: string; headers: Record<string, string>; ttlMs: number | null; persistent: boolean;
}

/** basic.publish: route, then put a copy in every queue reached. Unroutable messages are dropped (noted). */
export function publish(s: RabbitState, req: PublishRequest, ctx: SystemContext): RabbitMessage[] {
  const pub = s.nextPub++;
  s.published++;
  const hops = route(s, req.exchange, req.key, req.headers);
  if (hops.length === 0) {
    s.unroutable++;
    ctx.note(BROKER, `publish ${pub} (${req.body}) to ${req.exchange || '(default)'} key=${req.key}: unroutable, no binding matched; dropped`);
    return [];
  }
  const copies = hops.map((h) => enqueue(s, s.queues[h.queue]!, pub, req, [h], ctx));
  for (const q of new Set(hops.map((h) => h.queue))) dispatch(s, s.queues[q]!, ctx);
  return copies;
}

function enqueue(s: RabbitState, q: RabbitQueue, pub: number, req: Omit<PublishRequest, 'exchange'>, hops: RouteHop[], ctx: SystemContext): RabbitMessage {
  const ttl = q.ttlMs === null ? req.ttlMs : req.ttlMs === null ? q.ttlMs : Math.min(q.ttlMs, req.ttlMs);
  const m: RabbitMessage = {
    id: s.nextId++, pub, body: req.body, routingKey: req.key, headers: req.headers, persistent: req.persistent, queue: q.name,
    status: 'ready', seq: q.nextSeq++, redelivered: false, deliveries: 0, processed: 0, consumer: null, tag: null, enqueuedAt: ctx.now,
    expiresAt: ttl === null ? null : ctx.now + ttl, ttlTimer: null, ackTimer: null, route: hops, endedAt: null, why: null,
  };
  s.msgs[String(m.id)] = m;
  s.audit.accepted++;
  q.ready.push(m.id);
  q.stats.enqueued++;
  if (ttl !== null) m.ttlTimer = ctx.setTimer(BROKER, ttl, 'ttl', { queue: q.name });
  if (q.maxLength !== null && q.ready.length > q.maxLength) {
    // x-overflow drop-head: the oldest ready message makes room.
    deadLetterOrDrop(s, msgOf(s, q.ready[0]!)!, 'maxlen', ctx);
  }
  return m;
}

/** Expires ready messages at the head whose TTL ran out (RabbitMQ only expires at the head of a queue). */
export function expireHead(s: RabbitState, q: RabbitQueue, ctx: SystemContext): void {
  for (;;) {
    const head = q.ready[0] === undefined ? undefined : msgOf(s, q.ready[0]);
    if (!head || head.expiresAt === null || head.expiresAt > ctx.now) return;
    deadLetterOrDrop(s, head, 'expired', ctx);
  }
}

/** Hands ready messages to consumers in turn, each within its prefetch window. */
export function dispatch(s: RabbitState, q: RabbitQueue, ctx: SystemContext): void {
  if (!s.brokerUp) return;
  expireHead(s, q, ctx);
  while (q.ready.length > 0 && q.consumers.length > 0) {
    let chosen: RabbitConsumer | null = null;
    for (let i = 0; i < q.consumers.length; i++) {
      const c = s.consumers[q.consumers[(q.rr + i) % q.consumers.length]!]!;
      if (c.connected && (c.autoAck || c.prefetch === 0 || unackedBy(s, c) < c.prefetch)) { chosen = c; q.rr = (q.rr + i + 1) % q.consumers.length; break; }
    }
    if (!chosen) return;
    const m = takeHead(s, q, chosen.id)!;
    ctx.send(BROKER, chosen.id, { type: 'Deliver', queue: q.name, id: m.id, tag: m.tag, body: m.body, redelivered: m.redelivered });
    if (chosen.autoAck) {
      // No-ack mode: the broker forgets the message the moment it is sent; a crash or a lost frame loses it.
      q.stats.acked++;
      finish(s, m, 'acked', `auto-acked on delivery to ${chosen.id}`, ctx);
    } else m.ackTimer = ctx.setTimer(BROKER, q.ackTimeoutMs, 'ackTimeout', { id: m.id, tag: m.tag });
    expireHead(s, q, ctx);
  }
}

/** Marks the head of the queue delivered to `consumer` under a fresh delivery tag. */
export function takeHead(s: RabbitState, q: RabbitQueue, consumer: string): RabbitMessage | null {
  const id = q.ready.shift();
  if (id === undefined) return null;
  const m = msgOf(s, id)!;
  if (m.status === 'acked') flagAckedRedelivered(s.audit, `${q.name}: #${m.id} was acknowledged yet delivered again`);
  m.status = 'unacked';
  m.consumer = consumer;
  m.tag = s.nextTag++;
  m.deliveries++;
  q.unacked.push(m.id);
  q.stats.delivered++;
  if (m.redelivered) q.stats.redelivered++;
  return m;
}

export const unackedBy = (s: RabbitState, c: RabbitConsumer): number =>
  (s.queues[c.queue]?.unacked ?? []).filter((id) => msgOf(s, id)!.consumer === c.id).length;

/** Finds the unacked message a consumer's ack or nack names; null when the tag is unknown or not theirs. */
function byTag(s: RabbitState, q: RabbitQueue, consumer: string, tag: number): RabbitMessage | null {
  for (const id of q.unacked) {
    const m = msgOf(s, id)!;
    if (m.tag === tag) return m.consumer === consumer ? m : null;
  }
  return null;
}

export function ack(s: RabbitState, queue: string, consumer: string, tag: number, ctx: SystemContext): boolean {
  const q = s.queues[queue];
  const m = q ? byTag(s, q, consumer, tag) : null;
  if (!q || !m) { ctx.note(BROKER, `ack of unknown delivery tag ${tag} from ${consumer} ignored`); return false; }
  q.stats.acked++;
  q.ackedOrder.push(m.id);
  if (q.ackedOrder.length > KEEP_FINISHED) q.ackedOrder.shift();
  finish(s, m, 'acked', 'acknowledged', ctx);
  dispatch(s, q, ctx);
  return true;
}

/** basic.nack / basic.reject: requeue (back to its original place, flagged redelivered) or dead-letter/drop. */
export function nack(s: RabbitState, queue: string, consumer: string, tag: number, requeue: boolean, ctx: SystemContext): boolean {
  const q = s.queues[queue];
  const m = q ? byTag(s, q, consumer, tag) : null;
  if (!q || !m) { ctx.note(BROKER, `nack of unknown delivery tag ${tag} from ${consumer} ignored`); return false; }
  if (requeue) requeueMessage(s, q, m, ctx);
  else deadLetterOrDrop(s, m, 'rejected', ctx);
  dispatch(s, q, ctx);
  return true;
}

export function requeueMessage(s: RabbitState, q: RabbitQueue, m: RabbitMessage, ctx: SystemContext): void {
  if (m.ackTimer !== null) ctx.cancelTimer(m.ackTimer);
  m.ackTimer = null;
  q.unacked = q.unacked.filter((x) => x !== m.id);
  m.status = 'ready';
  m.redelivered = true;
  m.consumer = null;
  m.tag = null;
  q.stats.requeued++;
  let at = q.ready.length;
  while (at > 0 && msgOf(s, q.ready[at - 1]!)!.seq > m.seq) at--;
  q.ready.splice(at, 0, m.id);
}

/** A dead consumer's (or a closed channel's) unacked messages go back to the queue, flagged redelivered. */
export function connectionLost(s: RabbitState, c: RabbitConsumer, ctx: SystemContext, why = `connection of ${c.id} lost`): void {
  if (c.lostTimer !== null) ctx.cancelTimer(c.lostTimer);
  c.lostTimer = null;
  c.connected = false;
  const q = s.queues[c.queue];
  if (!q) return;
  q.consumers = q.consumers.filter((x) => x !== c.id);
  const mine = q.unacked.filter((id) => msgOf(s, id)!.consumer === c.id);
  for (const id of mine) requeueMessage(s, q, msgOf(s, id)!, ctx);
  ctx.note(BROKER, `${why}${mine.length ? `: requeued ${mine.map((id) => `#${id}`).join(',')} with redelivered=true` : ''}`);
  dispatch(s, q, ctx);
}

/** Delivery acknowledgement timeout: the broker closes the consumer's channel; the client opens a new one. */
export function onAckTimeout(s: RabbitState, id: number, tag: number, ctx: SystemContext): RabbitConsumer | null {
  const m = msgOf(s, id);
  if (!m || m.status !== 'unacked' || m.tag !== tag) return null;
  m.ackTimer = null;
  const c = m.consumer === null ? undefined : s.consumers[m.consumer];
  if (!c) { requeueMessage(s, s.queues[m.queue]!, m, ctx); return null; }
  connectionLost(s, c, ctx, `#${id} unacked for ${s.queues[m.queue]!.ackTimeoutMs}ms: channel of ${c.id} closed (delivery acknowledgement timeout)`);
  return c;
}

/** Why a message left its queue without an ack: it goes to the dead-letter exchange, or is dropped. */
export function deadLetterOrDrop(s: RabbitState, m: RabbitMessage, reason: 'rejected' | 'expired' | 'maxlen', ctx: SystemContext): void {
  const q = s.queues[m.queue]!;
  const dlx = q.dlx;
  if (dlx === null || (dlx !== '' && !s.exchanges[dlx])) {
    const why = reason === 'expired' ? 'TTL ran out' : reason === 'rejected' ? 'rejected without requeue' : 'queue over its max length';
    if (reason === 'expired') q.stats.expired++; else q.stats.dropped++;
    finish(s, m, reason === 'expired' ? 'expired' : 'dropped', `${why}; no dead-letter exchange`, ctx);
    ctx.note(BROKER, `${q.name}: #${m.id} (${m.body}) ${reason === 'expired' ? 'expired' : 'dropped'}: ${why}, no dead-letter exchange`);
    return;
  }
  const key = q.dlk ?? m.routingKey;
  q.stats.deadLettered++;
  finish(s, m, 'dead-lettered', reason, ctx);
  const hops = route(s, dlx, key, m.headers).filter((h) => !isAutomaticCycle(m.route, h.queue, reason));
  const copies = hops.map((h) => enqueue(s, s.queues[h.queue]!, m.pub, { key, body: m.body, headers: m.headers, ttlMs: null, persistent: m.persistent }, [...m.route, { ...h, reason }], ctx));
  ctx.note(BROKER, `${q.name}: #${m.id} (${m.body}) dead-lettered (${reason}) to ${dlx || '(default)'} key=${key}: ${copies.length ? copies.map((c) => `#${c.id} in ${c.queue}`).join(', ') : 'routed nowhere, dropped'}`);
  for (const c of copies) dispatch(s, s.queues[c.queue]!, ctx);
}

/** RabbitMQ drops a dead-letter cycle back to a queue the message was in when no rejection happened since. */
function isAutomaticCycle(path: readonly RouteHop[], queue: string, reason: string): boolean {
  if (reason === 'rejected') return false;
  let last = -1;
  path.forEach((h, i) => { if (h.queue === queue) last = i; });
  return last >= 0 && !path.slice(last + 1).some((h) => h.reason === 'rejected');
}

export function finish(s: RabbitState, m: RabbitMessage, status: RabbitMessage['status'], why: string, ctx: SystemContext): void {
  const q = s.queues[m.queue]!;
  q.ready = q.ready.filter((x) => x !== m.id);
  q.unacked = q.unacked.filter((x) => x !== m.id);
  for (const t of [m.ttlTimer, m.ackTimer]) if (t !== null) ctx.cancelTimer(t);
  m.ttlTimer = m.ackTimer = null;
  m.status = status;
  m.endedAt = ctx.now;
  m.why = why;
  retireFinished(s, q.finished, m.id);
}
