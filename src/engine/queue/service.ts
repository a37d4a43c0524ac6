// The queue service's rules (SQS developer guide): send with delay and FIFO deduplication, receive up to
// N messages, visibility timeouts, delete with the latest receipt handle, change-visibility, redrive to
// a dead-letter queue, retention. Every way a message leaves a queue is noted in the trace.
import type { SystemContext, Time } from '../core/types.ts';
import { fifoOrderBreach } from './audit.ts';
import {
  DEDUP_WINDOW, KEEP_FINISHED, SQS_NODE, type SqsMessage, type SqsQueue, type SqsState, type SqsStatus,
} from './state.ts';

export const msgOf = (s: SqsState, id: number): SqsMessage | undefined => s.msgs[String(id)];

export interface SendRequest { queue: string; body: string; group: string | null; dedup: string | null; delayMs?: Time }

/** SendMessage. Returns the message id, or the earlier one when FIFO deduplication swallowed it. */
export function sendMessage(s: SqsState, req: SendRequest, ctx: SystemContext): { id: number; duplicate: boolean } {
  const q = s.queues[req.queue]!;
  const now = ctx.now;
  const dedupId = q.fifo ? req.dedup ?? (q.contentDedup ? req.body : null) : null;
  if (dedupId !== null) {
    const seen = q.dedup[dedupId];
    if (seen && seen.until > now) {
      q.stats.deduplicated++;
      ctx.note(SQS_NODE, `${q.name}: '${req.body}' has deduplication id ${dedupId} like #${seen.id} sent ${now - (seen.until - DEDUP_WINDOW)}ms ago: accepted, not enqueued again`);
      return { id: seen.id, duplicate: true };
    }
    for (const k of Object.keys(q.dedup)) if (q.dedup[k]!.until <= now) delete q.dedup[k];
  }
  const id = s.nextId++;
  const delay = req.delayMs ?? q.delayMs;
  const m: SqsMessage = {
    id, body: req.body, queue: q.name, status: delay > 0 ? 'delayed' : 'visible', group: q.fifo ? req.group ?? 'default' : null,
    dedupId, seq: q.nextSeq++, enqueuedAt: now, sentAt: now, receiveCount: 0, processed: 0, availableAt: delay > 0 ? now + delay : null, visibleAt: null, receipt: null, receiver: null,
    route: [q.name], endedAt: null, why: null, visTimer: null, retTimer: null, delayTimer: null,
  };
  s.msgs[String(id)] = m;
  q.ids.push(id);
  q.stats.sent++;
  s.audit.accepted++;
  if (dedupId !== null) q.dedup[dedupId] = { id, until: now + DEDUP_WINDOW };
  m.retTimer = ctx.setTimer(SQS_NODE, q.retentionMs, 'retention', { id });
  if (delay > 0) m.delayTimer = ctx.setTimer(SQS_NODE, delay, 'delay', { id });
  else serveWaiting(s, q.name, ctx);
  return { id, duplicate: false };
}

export interface Received { id: number; receipt: number; body: string; group: string | null; receiveCount: number }

/** ReceiveMessage: up to `max` receivable messages, each made invisible for the queue's visibility timeout. */
export function receive(s: SqsState, queue: string, max: number, receiver: string, ctx: SystemContext): Received[] {
  const q = s.queues[queue]!;
  const picked: SqsMessage[] = [];
  const blocked: Record<string, true> = {}; // FIFO groups with an earlier message not receivable
  for (const id of [...q.ids]) {
    if (picked.length >= max) break;
    const m = msgOf(s, id)!;
    if (m.group !== null && blocked[m.group]) continue;
    if (!isReceivableIn(m)) {
      if (q.fifo && m.group !== null) blocked[m.group] = true; // a group is locked while a message is in flight
      continue;
    }
    if (q.dlq && m.receiveCount >= q.maxReceives) {
      // Redrive policy: the receive that would exceed maxReceiveCount moves the message instead.
      deadLetter(s, q, m, ctx);
      continue;
    }
    picked.push(m);
  }
  const batch = picked.map((m) => m.id);
  const out: Received[] = [];
  for (const m of picked) {
    if (m.status === 'acked' && !s.audit.ackedRedelivered) s.audit.ackedRedelivered = `#${m.id} was deleted (acknowledged) yet handed out again at t=${ctx.now}ms`;
    const breach = q.fifo ? fifoOrderBreach(s, q, m, batch) : null;
    if (breach && !s.audit.fifoOrder) s.audit.fifoOrder = breach;
    m.receiveCount++;
    m.status = 'inflight';
    m.receipt = s.nextReceipt++;
    m.receiver = receiver;
    m.visibleAt = ctx.now + q.visibilityMs;
    m.visTimer = ctx.setTimer(SQS_NODE, q.visibilityMs, 'visibility', { id: m.id, receipt: m.receipt });
    out.push({ id: m.id, receipt: m.receipt, body: m.body, group: m.group, receiveCount: m.receiveCount });
  }
  q.stats.received += out.length;
  return out;
}

const isReceivableIn = (m: SqsMessage): boolean => m.status === 'visible' || m.status === 'dead-lettered';

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
  finish(s, q, m, 'expired', `expired: older than the retention period of ${q.retentionMs}ms`, ctx);
}

/** Moves a message to the queue's dead-letter queue; its receive count starts again there. */
export function deadLetter(s: SqsState, q: SqsQueue, m: SqsMessage, ctx: SystemContext): void {
  const dlq = s.queues[q.dlq!]!;
  ctx.note(SQS_NODE, `${q.name}: #${m.id} moved to dead-letter queue ${dlq.name} after ${m.receiveCount} receives (maxReceiveCount=${q.maxReceives})`);
  q.stats.deadLettered++;
  moveTo(s, q, dlq, m, 'dead-lettered', ctx);
}

/** Moves a message between queues, keeping its id and adding to its route. */
export function moveTo(s: SqsState, from: SqsQueue, to: SqsQueue, m: SqsMessage, status: SqsStatus, ctx: SystemContext): void {
  from.ids = from.ids.filter((x) => x !== m.id);
  m.queue = to.name;
  m.route.push(to.name);
  m.status = status;
  m.seq = to.nextSeq++;
  m.receiveCount = 0;
  m.visibleAt = null;
  m.receipt = null;
  to.ids.push(m.id);
  // Standard queues keep the original enqueue time for retention; a FIFO DLQ resets it (SQS guide).
  if (to.fifo) {
    m.enqueuedAt = ctx.now;
    if (m.retTimer !== null) ctx.cancelTimer(m.retTimer);
    m.retTimer = ctx.setTimer(SQS_NODE, to.retentionMs, 'retention', { id: m.id });
  }
  serveWaiting(s, to.name, ctx);
}

function finish(s: SqsState, q: SqsQueue, m: SqsMessage, status: 'acked' | 'expired', why: string, ctx: SystemContext): void {
  for (const t of [m.visTimer, m.retTimer, m.delayTimer]) if (t !== null) ctx.cancelTimer(t);
  m.visTimer = m.retTimer = m.delayTimer = null;
  m.status = status;
  m.visibleAt = null;
  m.endedAt = ctx.now;
  m.why = why;
  q.ids = q.ids.filter((x) => x !== m.id);
  q.finished.push(m.id);
  if (status === 'expired') ctx.note(SQS_NODE, `${q.name}: #${m.id} ${why}`);
  if (q.finished.length > KEEP_FINISHED) {
    const old = q.finished.shift()!;
    delete s.msgs[String(old)];
    s.audit.pruned++;
  }
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
      m.retTimer = ctx.setTimer(SQS_NODE, Math.max(0, m.enqueuedAt + q.retentionMs - now), 'retention', { id });
      if (m.status === 'inflight' && m.visibleAt !== null) m.visTimer = ctx.setTimer(SQS_NODE, Math.max(0, m.visibleAt - now), 'visibility', { id, receipt: m.receipt });
      // A per-message delay is the message's own (DelaySeconds), not the queue's.
      if (m.status === 'delayed') m.delayTimer = ctx.setTimer(SQS_NODE, Math.max(0, (m.availableAt ?? m.enqueuedAt + q.delayMs) - now), 'delay', { id });
    }
  }
}
