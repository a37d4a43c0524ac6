// The pub/sub service's rules (Cloud Pub/Sub docs: subscriptions, lease management, push delivery,
// dead-letter topics, retention): fan a published message out to every subscription, lease copies to
// pullers or push them to an endpoint, redeliver when the ack deadline passes or on a nack, forward to a
// dead-letter topic after max delivery attempts, and expire what stays unacked past retention.
import type { SystemContext, Time } from '../core/types.ts';
import { flagAckedRedelivered, KEEP_FINISHED, retireFinished } from '../delivery/index.ts';
import { PUBSUB_NODE, type PubsubMessage, type PubsubState, type Subscription } from './state.ts';

export const copyOf = (s: PubsubState, id: number): PubsubMessage | undefined => s.msgs[String(id)];

/** Publish: one copy per subscription that exists now (a later subscription does not see it). */
export function publish(s: PubsubState, topic: string, body: string, ctx: SystemContext, via: string[] = []): PubsubMessage[] {
  const t = s.topics[topic]!;
  const msgId = s.nextMsgId++;
  t.published++;
  const copies: PubsubMessage[] = [];
  for (const name of t.subscriptions) {
    const sub = s.subs[name]!;
    const m: PubsubMessage = {
      id: s.nextId++, msgId, body, topic, sub: name, status: 'waiting', publishedAt: ctx.now, attempts: 0, processed: 0, deadline: null, ackId: null,
      leasedTo: null, deadlineTimer: null, retentionTimer: null, route: [...via, `${topic}>${name}`], endedAt: null, why: null,
    };
    m.retentionTimer = ctx.setTimer(PUBSUB_NODE, sub.retentionMs, 'retention', { id: m.id });
    s.msgs[String(m.id)] = m;
    s.audit.accepted++;
    sub.ids.push(m.id);
    copies.push(m);
  }
  if (copies.length === 0) ctx.note(PUBSUB_NODE, `${topic}: message ${msgId} (${body}) has no subscriptions; nobody will ever read it`);
  for (const m of copies) push(s, s.subs[m.sub]!, ctx);
  return copies;
}

/** Leases up to `max` waiting copies to `who` for the ack deadline, forwarding exhausted ones to the DLT. */
export function lease(s: PubsubState, sub: Subscription, max: number, who: string, ctx: SystemContext): PubsubMessage[] {
  const out: PubsubMessage[] = [];
  for (const id of [...sub.ids]) {
    if (out.length >= max) break;
    const m = copyOf(s, id)!;
    if (m.status !== 'waiting') continue;
    if (sub.deadLetterTopic && m.attempts >= sub.maxAttempts) { deadLetter(s, sub, m, ctx); continue; }
    if (m.endedAt !== null) flagAckedRedelivered(s.audit, `${sub.name}: #${m.id} was acked yet delivered again`);
    m.attempts++;
    if (m.attempts > 1) sub.stats.redelivered++;
    sub.stats.delivered++;
    m.status = 'leased';
    m.ackId = s.nextAckId++;
    m.leasedTo = who;
    m.deadline = ctx.now + sub.ackDeadlineMs;
    m.deadlineTimer = ctx.setTimer(PUBSUB_NODE, sub.ackDeadlineMs, 'deadline', { id: m.id, ackId: m.ackId });
    out.push(m);
  }
  return out;
}

/** Push subscriptions: deliver waiting copies to the endpoint, within the push window. */
export function push(s: PubsubState, sub: Subscription, ctx: SystemContext): void {
  if (sub.mode !== 'push' || sub.endpoint === null) return;
  const leased = sub.ids.filter((id) => copyOf(s, id)!.status === 'leased').length;
  const room = sub.pushWindow - leased;
  if (room <= 0) return;
  for (const m of lease(s, sub, room, sub.endpoint, ctx)) {
    ctx.send(PUBSUB_NODE, sub.endpoint, { type: 'Push', sub: sub.name, id: m.id, ackId: m.ackId, body: m.body, attempt: m.attempts });
  }
}

const findLease = (s: PubsubState, sub: Subscription, ackId: number): PubsubMessage | undefined =>
  sub.ids.map((id) => copyOf(s, id)!).find((m) => m.status === 'leased' && m.ackId === ackId);

export function acknowledge(s: PubsubState, sub: Subscription, ackId: number, ctx: SystemContext): boolean {
  const m = findLease(s, sub, ackId);
  if (!m) { ctx.note(PUBSUB_NODE, `${sub.name}: ack ${ackId} ignored: that lease expired or was already acked`); return false; }
  sub.stats.acked++;
  sub.ackedOrder.push(m.id);
  if (sub.ackedOrder.length > KEEP_FINISHED) sub.ackedOrder.shift();
  finish(s, sub, m, 'acked', `acked after ${m.attempts} deliver${m.attempts === 1 ? 'y' : 'ies'}`, ctx);
  push(s, sub, ctx);
  return true;
}

/** ModifyAckDeadline: a new deadline counted from now; 0 is a nack (redeliver at once). */
export function modifyDeadline(s: PubsubState, sub: Subscription, ackId: number, deadlineMs: Time, ctx: SystemContext): boolean {
  const m = findLease(s, sub, ackId);
  if (!m) return false;
  if (m.deadlineTimer !== null) ctx.cancelTimer(m.deadlineTimer);
  m.deadlineTimer = null;
  if (deadlineMs <= 0) { sub.stats.nacked++; release(s, sub, m, ctx); return true; }
  m.deadline = ctx.now + deadlineMs;
  m.deadlineTimer = ctx.setTimer(PUBSUB_NODE, deadlineMs, 'deadline', { id: m.id, ackId });
  return true;
}

export function onDeadline(s: PubsubState, id: number, ackId: number, ctx: SystemContext): void {
  const m = copyOf(s, id);
  if (!m || m.status !== 'leased' || m.ackId !== ackId) return;
  m.deadlineTimer = null;
  ctx.note(PUBSUB_NODE, `${m.sub}: #${m.id} ack deadline passed (delivery ${m.attempts}); it will be redelivered`);
  release(s, s.subs[m.sub]!, m, ctx);
}

function release(s: PubsubState, sub: Subscription, m: PubsubMessage, ctx: SystemContext): void {
  m.status = 'waiting';
  m.deadline = null;
  m.ackId = null;
  m.leasedTo = null;
  push(s, sub, ctx);
}

export function onRetention(s: PubsubState, id: number, ctx: SystemContext): void {
  const m = copyOf(s, id);
  if (!m || (m.status !== 'waiting' && m.status !== 'leased')) return;
  m.retentionTimer = null;
  const sub = s.subs[m.sub]!;
  sub.stats.expired++;
  finish(s, sub, m, 'expired', `unacked longer than the retention of ${sub.retentionMs}ms`, ctx);
  ctx.note(PUBSUB_NODE, `${sub.name}: #${m.id} expired: unacked longer than the retention of ${sub.retentionMs}ms`);
}

function deadLetter(s: PubsubState, sub: Subscription, m: PubsubMessage, ctx: SystemContext): void {
  sub.stats.deadLettered++;
  finish(s, sub, m, 'dead-lettered', `forwarded to ${sub.deadLetterTopic} after ${m.attempts} delivery attempts`, ctx);
  const copies = publish(s, sub.deadLetterTopic!, m.body, ctx, m.route);
  ctx.note(PUBSUB_NODE, `${sub.name}: #${m.id} forwarded to dead-letter topic ${sub.deadLetterTopic} after ${m.attempts} delivery attempts${copies.length ? ` (${copies.map((c) => `#${c.id} in ${c.sub}`).join(', ')})` : ''}`);
}

function finish(s: PubsubState, sub: Subscription, m: PubsubMessage, status: 'acked' | 'dead-lettered' | 'expired', why: string, ctx: SystemContext): void {
  for (const t of [m.deadlineTimer, m.retentionTimer]) if (t !== null) ctx.cancelTimer(t);
  m.deadlineTimer = m.retentionTimer = null;
  m.status = status;
  m.deadline = null;
  m.endedAt = ctx.now;
  m.why = why;
  sub.ids = sub.ids.filter((x) => x !== m.id);
  retireFinished(s, sub.finished, m.id);
}

/** After a restart: deadlines and retention are stored, so re-arm them. */
export function rearm(s: PubsubState, ctx: SystemContext): void {
  for (const name of s.subOrder) {
    const sub = s.subs[name]!;
    for (const id of sub.ids) {
      const m = copyOf(s, id)!;
      m.retentionTimer = ctx.setTimer(PUBSUB_NODE, Math.max(0, m.publishedAt + sub.retentionMs - ctx.now), 'retention', { id });
      if (m.status === 'leased' && m.deadline !== null) m.deadlineTimer = ctx.setTimer(PUBSUB_NODE, Math.max(0, m.deadline - ctx.now), 'deadline', { id, ackId: m.ackId });
    }
    push(s, sub, ctx);
  }
}
