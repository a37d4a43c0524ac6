// The queue service's rules (SQS developer guide): send with delay and FIFO deduplication, receive up to
// N messages, visibility timeouts, delete with the latest receipt handle, change-visibility, redrive to
// a dead-letter queue, retention. Every way a message leaves a queue is noted in the trace.
import type { SystemContext, Time } from '../core/types.ts';
import { formatDuration } from '../core/duration.ts';
import { fifoOrderBreach } from './audit.ts';
import { flagAckedRedelivered, KEEP_FINISHED, retireFinished } from '../delivery/index.ts';
import { sha256Hex } from './sha256.ts';
import {
  DEDUP_WINDOW, SQS_NODE, type SqsMessage, type SqsQueue, type SqsState, type SqsStatus,
} from './state.ts';

export const msgOf = (s: SqsState, id: number): SqsMessage | undefined => s.msgs[String(id)];

export interface SendRequest { queue: string; body: string; group: string | null; dedup: string | null; delayMs?: Time }

/**
 * Why Amazon would refuse this SendMessage, or null. A FIFO message needs a message group id; groups,
 * deduplication ids and content-based deduplication are FIFO features; a FIFO queue has no per-message delay.
 */
export function sendRefusal(q: SqsQueue, req: Pick<SendRequest, 'group' | 'dedup' | 'delayMs'>): string | null {
  if (q.fifo && req.group === null) return `${q.name} is a FIFO queue: every message needs a message group id (group=)`;
  if (q.fifo && req.delayMs !== undefined) return `FIFO queues have a per-queue delay only (set delay= on sqs.queue ${q.name})`;
  if (!q.fifo && req.group !== null) return `${q.name} is a standard queue: message groups are for FIFO queues`;
  if (!q.fifo && req.dedup !== null) return `${q.name} is a standard queue: deduplication ids (dedup=) are for FIFO queues`;
  return null;
}

/**
 * The deduplication id of a FIFO send: the one given, or with content-based deduplication the SHA-256 of
 * the body (SQS API reference, SendMessage MessageDeduplicationId: "Amazon SQS uses a SHA-256 hash to
 * generate the MessageDeduplicationId using the body of the message"). Both live in one table, so an
 * explicit id equal to a body's hash is a duplicate too, as Amazon documents.
 */
export function dedupIdOf(q: SqsQueue, req: Pick<SendRequest, 'body' | 'dedup'>): string | null {
  if (!q.fifo) return null;
  return req.dedup ?? (q.contentDedup ? sha256Hex(req.body) : null);
}

/** SendMessage (already checked with sendRefusal). Returns the message id, or the earlier one when FIFO deduplication swallowed it. */
export function sendMessage(s: SqsState, req: SendRequest, ctx: SystemContext): { id: number; duplicate: boolean } {
  const q = s.queues[req.queue]!;
  const now = ctx.now;
  const dedupId = dedupIdOf(q, req);
  if (dedupId !== null) {
    const seen = q.dedup[dedupId];
    if (seen && seen.until > now) {
      q.stats.deduplicated++;
      const named = req.dedup !== null ? `deduplication id ${dedupId}` : `content-based deduplication id ${dedupId.slice(0, 12)}… (SHA-256 of the body)`;
      ctx.note(SQS_NODE, `${q.name}: '${req.body}' has ${named} like #${seen.id} sent ${now - (seen.until - DEDUP_WINDOW)}ms ago: accepted, not enqueued again`);
      return { id: seen.id, duplicate: true };
    }
    for (const k of Object.keys(q.dedup)) if (q.dedup[k]!.until <= now) delete q.dedup[k];
  }
  const id = s.nextId++;
  const delay = req.delayMs ?? q.delayMs;
  const m: SqsMessage = {
    id, body: req.body, queue: q.name, status: delay > 0 ? 'delayed' : 'visible', group: q.fifo ? req.group : null,
    dedupId, seq: q.nextSeq++, enqueuedAt: now, sentAt: now, receiveCount: 0, processed: 0, availableAt: delay > 0 ? now + delay : null, visibleAt: null, receipt: null, receiver: null,
    route: [q.name], endedAt: null, why: null, visTimer: null, retTimer: null, delayTimer: null,
  };
  s.msgs[String(id)] = m;
  q.ids.push(id);
  q.stats.sent++;
  s.audit.accepted++;
  if (dedupId !== null) q.dedup[dedupId] = { id, until: now + DEDUP_WINDOW };
  armRetention(m, q, ctx);
  if (delay > 0) m.delayTimer = ctx.setTimer(SQS_NODE, delay, 'delay', { id });
  else serveWaiting(s, q.name, ctx);
  return { id, duplicate: false };
}

export interface Received { id: number; receipt: number; body: string; group: string | null; receiveCount: number }

/** ReceiveMessage: up to `max` receivable messages, each made invisible for the queue's visibility timeout. */
export function receive(s: SqsState, queue: string, max: number, receiver: string, ctx: SystemContext): Received[] {
  const q = s.queues[queue]!;
  const picked = q.fifo ? pickFifo(s, q, max, ctx) : pickStandard(s, q, max, ctx);
  const batch = picked.map((m) => m.id);
  const out: Received[] = [];
  for (const m of picked) {
    if (m.status === 'acked') flagAckedRedelivered(s.audit, `#${m.id} was deleted (acknowledged) yet handed out again at t=${ctx.now}ms`);
    const breach = q.fifo ? fifoOrderBreach(s, q, m, batch) : null;
    if (breach && !s.audit.fifoOrder) s.audit.fifoOrder = breach;
    m.receiveCount++;
    m.status = 'inflight';
    m.receipt = s.nextReceipt++;
    m.receiver = receiver;
    m.visibleAt = ctx.now + q.visibilityMs;
    m.visTimer = ctx.setTimer(SQS_NODE, q.visibilityMs, 'visibility', { id: m.id, receipt: m.receipt });
    if (m.backoff) m.backoff = null;
    out.push({ id: m.id, receipt: m.receipt, body: m.body, group: m.group, receiveCount: m.receiveCount });
  }
  q.stats.received += out.length;
  const again = out.filter((m) => m.receiveCount > 1).length;
  if (again > 0) countRetries(q, again, ctx.now);
  return out;
}

/** Receives of a message received before, per 100 ms bucket (created on first use): a crowd retrying in lockstep shows as one tall bucket. */
export const RETRY_BUCKET_MS = 100;
function countRetries(q: SqsQueue, n: number, now: number): void {
  const b = (q.retryBuckets ??= {});
  const key = String(Math.floor(now / RETRY_BUCKET_MS));
  b[key] = (b[key] ?? 0) + n;
}

const isReceivableIn = (m: SqsMessage): boolean => m.status === 'visible' || m.status === 'dead-lettered';

/**
 * Redrive policy: the receive that would exceed maxReceiveCount moves the message to the dead-letter queue
 * instead of handing it out. Returns whether it did.
 */
function deadLetteredOnReceive(s: SqsState, q: SqsQueue, m: SqsMessage, ctx: SystemContext): boolean {
  if (!q.dlq || m.receiveCount < q.maxReceives) return false;
  deadLetter(s, q, m, ctx);
  return true;
}

/** A standard queue: the first `max` receivable messages in queue order. */
function pickStandard(s: SqsState, q: SqsQueue, max: number, ctx: SystemContext): SqsMessage[] {
  const picked: SqsMessage[] = [];
  for (const id of [...q.ids]) {
    if (picked.length >= max) break;
    const m = msgOf(s, id)!;
    if (isReceivableIn(m) && !deadLetteredOnReceive(s, q, m, ctx)) picked.push(m);
  }
  return picked;
}

/**
 * A FIFO queue (SQS guide, FIFO delivery logic): a group with a message in flight is locked; a group's
 * messages go out in order; and one receive takes as many messages of one group as it can before it adds
 * another group's ("Amazon SQS first attempts to return as many messages with the same message group ID
 * as possible"), the group with the oldest message first.
 */
function pickFifo(s: SqsState, q: SqsQueue, max: number, ctx: SystemContext): SqsMessage[] {
  const runs = new Map<string, SqsMessage[]>(); // each open group's receivable messages from its head
  const closed = new Set<string>(); // locked (a message in flight) or cut off (a message not yet receivable)
  for (const id of q.ids) {
    const m = msgOf(s, id)!;
    const group = m.group ?? '';
    if (m.status === 'inflight') { runs.delete(group); closed.add(group); continue; }
    if (closed.has(group)) continue;
    if (!isReceivableIn(m)) { closed.add(group); continue; }
    const run = runs.get(group);
    if (run) run.push(m);
    else runs.set(group, [m]);
  }
  const picked: SqsMessage[] = [];
  for (const run of runs.values()) {
    for (const m of run) {
      if (picked.length >= max) return picked;
      if (!deadLetteredOnReceive(s, q, m, ctx)) picked.push(m);
    }
  }
  return picked;
}

export type DeleteOutcome = 'deleted' | 'stale' | 'gone';

/** DeleteMessage: the acknowledgement. Only the latest receipt handle counts (a stale one is refused). */
export function deleteMessage(s: SqsState, queue: string, id: number, receipt: number, ctx: SystemContext): DeleteOutcome {
  const m = msgOf(s, id);
  if (!m || m.queue !== queue || m.status !== 'inflight') {
    ctx.note(SQS_NODE, `${queue}: delete of #${id} ignored: it is ${m ? `${m.status} in ${m.queue}` : 'unknown'}`);
    return 'gone';
  }
  if (m.receipt !== receipt) {
    ctx.note(SQS_NODE, `${queue}: delete of #${id} refused: receipt r${receipt} is stale (it was received again as r${m.receipt})`);
    return 'stale';
  }
  const q = s.queues[queue]!;
  q.stats.deleted++;
  q.deletedOrder.push(id);
  if (q.deletedOrder.length > KEEP_FINISHED) q.deletedOrder.shift();
  finish(s, q, m, 'acked', `deleted after ${m.receiveCount} receive${m.receiveCount === 1 ? '' : 's'}`, ctx);
  serveWaiting(s, queue, ctx); // a FIFO group may be unlocked now
  return 'deleted';
}

/** ChangeMessageVisibility: a new deadline counted from now (0 makes it visible at once). */
export function changeVisibility(s: SqsState, m: SqsMessage, timeoutMs: Time, ctx: SystemContext): void {
  if (m.visTimer !== null) ctx.cancelTimer(m.visTimer);
  m.visTimer = null;
  if (timeoutMs <= 0) { becomeVisible(s, m, 'its visibility was set to 0', ctx); return; }
  m.visibleAt = ctx.now + timeoutMs;
  m.visTimer = ctx.setTimer(SQS_NODE, timeoutMs, 'visibility', { id: m.id, receipt: m.receipt });
}

export function onVisibilityTimeout(s: SqsState, id: number, receipt: number, ctx: SystemContext): void {
  const m = msgOf(s, id);
  if (!m || m.status !== 'inflight' || m.receipt !== receipt) return;
  m.visTimer = null;
  becomeVisible(s, m, `visibility timeout; received ${m.receiveCount} time${m.receiveCount === 1 ? '' : 's'}`, ctx);
}

function becomeVisible(s: SqsState, m: SqsMessage, why: string, ctx: SystemContext): void {
  const q = s.queues[m.queue]!;
  m.status = m.route.length > 1 && isDlq(s, q.name) ? 'dead-lettered' : 'visible';
  m.visibleAt = null;
  q.stats.returned++;
  ctx.note(SQS_NODE, `${q.name}: #${m.id} is visible again (${why})`);
  serveWaiting(s, q.name, ctx);
}

export const isDlq = (s: SqsState, queue: string): boolean => s.queueOrder.some((n) => s.queues[n]!.dlq === queue);

export function onDelayOver(s: SqsState, id: number, ctx: SystemContext): void {
  const m = msgOf(s, id);
  if (!m || m.status !== 'delayed') return;
  m.delayTimer = null;
  m.availableAt = null;
  m.status = 'visible';
  serveWaiting(s, m.queue, ctx);
}

export function onRetention(s: SqsState, id: number, ctx: SystemContext): void {
  const m = msgOf(s, id);
  if (!m || m.status === 'acked' || m.status === 'expired') return;
  m.retTimer = null;
  const q = s.queues[m.queue]!;
  q.stats.expired++;
  // Chapter 05's detector: a message that was received yet never processed, left to fail until retention
  // dropped it because its queue has no redrive policy, is lost.
  if (q.dlq === null && m.receiveCount > 0 && m.processed === 0 && !s.audit.lostWithoutDlq) {
    s.audit.lostWithoutDlq = `#${m.id} (${m.body}) failed ${m.receiveCount} time${m.receiveCount === 1 ? '' : 's'} and expired from ${q.name}, which has no dead-letter queue: lost at t=${ctx.now}ms`;
  }
  // After a move, say which enqueue time counted (a standard DLQ keeps the source queue's).
  const since = m.route.length > 1 ? ` counted from t=${formatDuration(m.enqueuedAt)}, when it was enqueued in ${m.enqueuedAt === m.sentAt ? m.route[0] : q.name}` : '';
  finish(s, q, m, 'expired', `expired: older than the retention period of ${q.retentionMs}ms${since}`, ctx);
}

/** Moves a message to the queue's dead-letter queue; its receive count starts again there. */
export function deadLetter(s: SqsState, q: SqsQueue, m: SqsMessage, ctx: SystemContext): void {
  const dlq = s.queues[q.dlq!]!;
  ctx.note(SQS_NODE, `${q.name}: #${m.id} moved to dead-letter queue ${dlq.name} after ${m.receiveCount} receives (maxReceiveCount=${q.maxReceives})`);
  q.stats.deadLettered++;
  // SQS guide, dead-letter queue retention: "For standard queues, the expiration of a message is always
  // based on its original enqueue timestamp"; "For FIFO queues, the enqueue timestamp resets".
  moveTo(s, q, dlq, m, 'dead-lettered', { keepEnqueueTime: !dlq.fifo }, ctx);
}

/**
 * Moves a message between queues, keeping its id and adding to its route. Its retention is the new queue's,
 * counted from its enqueue time: kept when a standard queue dead-letters it, else reset to now (a FIFO
 * dead-letter queue; a redrive, whose messages "are considered new messages" in the SQS guide).
 */
export function moveTo(s: SqsState, from: SqsQueue, to: SqsQueue, m: SqsMessage, status: SqsStatus, age: { keepEnqueueTime: boolean }, ctx: SystemContext): void {
  from.ids = from.ids.filter((x) => x !== m.id);
  m.queue = to.name;
  m.route.push(to.name);
  m.status = status;
  m.seq = to.nextSeq++;
  m.receiveCount = 0;
  m.visibleAt = null;
  m.receipt = null;
  to.ids.push(m.id);
  if (!age.keepEnqueueTime) m.enqueuedAt = ctx.now;
  if (m.retTimer !== null) ctx.cancelTimer(m.retTimer);
  armRetention(m, to, ctx);
  serveWaiting(s, to.name, ctx);
}

/**
 * The retention deadline: the message's enqueue time plus its queue's retention period. The one formula
 * for a send, a move and a restart, so a crash of the service cannot change when a message expires.
 */
function armRetention(m: SqsMessage, q: SqsQueue, ctx: SystemContext): void {
  m.retTimer = ctx.setTimer(SQS_NODE, Math.max(0, m.enqueuedAt + q.retentionMs - ctx.now), 'retention', { id: m.id });
}

function finish(s: SqsState, q: SqsQueue, m: SqsMessage, status: 'acked' | 'expired', why: string, ctx: SystemContext): void {
  for (const t of [m.visTimer, m.retTimer, m.delayTimer]) if (t !== null) ctx.cancelTimer(t);
  m.visTimer = m.retTimer = m.delayTimer = null;
  m.status = status;
  m.visibleAt = null;
  m.endedAt = ctx.now;
  m.why = why;
  q.ids = q.ids.filter((x) => x !== m.id);
  if (status === 'expired') ctx.note(SQS_NODE, `${q.name}: #${m.id} ${why}`);
  retireFinished(s, q.finished, m.id);
}

/** Answers long polls that can now get something, oldest first. */
export function serveWaiting(s: SqsState, queue: string, ctx: SystemContext): void {
  for (const w of s.waiting.filter((x) => x.queue === queue)) {
    if (!s.queues[queue]!.ids.some((id) => isReceivableIn(msgOf(s, id)!))) return;
    const got = receive(s, queue, w.max, w.consumer, ctx);
    if (got.length === 0) continue;
    ctx.cancelTimer(w.timer);
    s.waiting = s.waiting.filter((x) => x !== w);
    ctx.send(SQS_NODE, w.consumer, { type: 'Messages', queue, poll: w.poll, messages: got });
  }
}

export function onLongPollEnd(s: SqsState, poll: number, consumer: string, ctx: SystemContext): void {
  const w = s.waiting.find((x) => x.poll === poll && x.consumer === consumer);
  if (!w) return;
  s.waiting = s.waiting.filter((x) => x !== w);
  s.queues[w.queue]!.stats.emptyReceives++;
  ctx.send(SQS_NODE, w.consumer, { type: 'Messages', queue: w.queue, poll, messages: [] });
}

/** After a restart the service re-arms every deadline from its stored times (they are durable). */
export function rearmTimers(s: SqsState, ctx: SystemContext): void {
  const now: Time = ctx.now;
  for (const name of s.queueOrder) {
    const q = s.queues[name]!;
    for (const id of q.ids) {
      const m = msgOf(s, id)!;
      armRetention(m, q, ctx);
      if (m.status === 'inflight' && m.visibleAt !== null) m.visTimer = ctx.setTimer(SQS_NODE, Math.max(0, m.visibleAt - now), 'visibility', { id, receipt: m.receipt });
      // A per-message delay is the message's own (DelaySeconds), not the queue's.
      if (m.status === 'delayed') m.delayTimer = ctx.setTimer(SQS_NODE, Math.max(0, (m.availableAt ?? m.enqueuedAt + q.delayMs) - now), 'delay', { id });
    }
  }
}
