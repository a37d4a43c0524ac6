// A competing consumer: polls its queue (short or long polling), processes each message for a while,
// and deletes it on success. On failure it does nothing, so the message comes back after its
// visibility timeout — the at-least-once loop of SQS. Its batch in hand is volatile: a crash loses it.
import type { SystemContext } from '../core/types.ts';
import { REQUEST_TIMEOUT, SQS_NODE, type SqsConsumer, type SqsState } from './state.ts';
import type { Received } from './service.ts';
import { countEffect } from '../delivery/index.ts';
import { backOff, inOutage, pay } from './retry.ts';

export function poll(c: SqsConsumer, ctx: SystemContext): void {
  if (c.stopped || c.phase === 'down') { c.phase = c.phase === 'down' ? 'down' : 'idle'; return; }
  c.phase = 'polling';
  c.pollId++;
  ctx.send(c.id, SQS_NODE, { type: 'ReceiveMessage', queue: c.queue, max: c.batch, wait: c.waitMs, poll: c.pollId });
  // No answer (lost, or the service crashed while holding the poll): ask again.
  c.pollTimer = ctx.setTimer(c.id, c.waitMs + REQUEST_TIMEOUT, 'pollTimeout', { poll: c.pollId });
}

export function onMessages(c: SqsConsumer, pollId: number, got: readonly Received[], ctx: SystemContext): void {
  if (c.phase !== 'polling' || pollId !== c.pollId) return; // a late answer to a poll we gave up on
  if (c.pollTimer !== null) ctx.cancelTimer(c.pollTimer);
  c.pollTimer = null;
  if (got.length === 0) {
    if (c.waitMs > 0) poll(c, ctx); // a long poll that ended empty: ask again at once
    else { c.phase = 'idle'; c.pollTimer = ctx.setTimer(c.id, c.idleMs, 'poll'); }
    return;
  }
  c.current = got.map((m) => ({ id: m.id, receipt: m.receipt, body: m.body, group: m.group, receiveCount: m.receiveCount }));
  startNext(c, ctx);
}

function startNext(c: SqsConsumer, ctx: SystemContext): void {
  const m = c.current[0];
  if (!m) { poll(c, ctx); return; }
  c.phase = 'working';
  const work = c.workMs + (c.jitterMs > 0 ? ctx.rng.int(0, c.jitterMs) : 0);
  c.workTimer = ctx.setTimer(c.id, work, 'done', { id: m.id, receipt: m.receipt });
  if (c.heartbeatMs > 0) c.beatTimer = ctx.setTimer(c.id, c.heartbeatMs, 'heartbeat', { id: m.id, receipt: m.receipt });
}

/** Still working: ask for more time before the visibility timeout hands the message to someone else. */
export function onHeartbeat(c: SqsConsumer, data: { id: number; receipt: number }, ctx: SystemContext): void {
  c.beatTimer = null;
  const m = c.current[0];
  if (!m || m.receipt !== data.receipt) return;
  ctx.send(c.id, SQS_NODE, { type: 'ChangeMessageVisibility', queue: c.queue, id: m.id, receipt: m.receipt, timeout: c.extendMs });
  c.beatTimer = ctx.setTimer(c.id, c.heartbeatMs, 'heartbeat', data);
}

export function onWorkDone(s: SqsState, c: SqsConsumer, ctx: SystemContext): void {
  const m = c.current.shift();
  c.workTimer = null;
  if (c.beatTimer !== null) ctx.cancelTimer(c.beatTimer);
  c.beatTimer = null;
  if (!m) return;
  if (c.poison.includes(m.body) || inOutage(c, ctx.now) || (c.failRate > 0 && ctx.rng.chance(c.failRate))) {
    c.failed++;
    if (c.backoff) {
      ctx.note(c.id, `failed to process #${m.id} (${m.body}); backing off (${c.backoff.kind}) before it may be received again`);
      backOff(c, m, ctx);
    } else ctx.note(c.id, `failed to process #${m.id} (${m.body}); not deleting it, so it returns after its visibility timeout`);
    if (m.group !== null) holdBackGroup(c, m.group, ctx);
  } else {
    c.processed++;
    pay(s, c, m, ctx);
    countEffect(s, m.id, c.id, ctx, (d) => s.queues[d.queue]!.stats);
    c.done.push(m.id);
    if (c.done.length > 500) c.done.shift();
    if (c.pay && (c.ackAfterMs ?? 0) > 0) {
      // The charge is made; the delete follows after a pause. A crash in between loses the delete, so the
      // charged message comes back after its visibility timeout.
      c.pendingAck = { id: m.id, receipt: m.receipt };
      c.workTimer = ctx.setTimer(c.id, c.ackAfterMs!, 'ack', { id: m.id, receipt: m.receipt });
      return;
    }
    ctx.send(c.id, SQS_NODE, { type: 'DeleteMessage', queue: c.queue, id: m.id, receipt: m.receipt });
  }
  startNext(c, ctx);
}

/** A payment consumer deletes the message it charged for, after its pause. */
export function onAck(c: SqsConsumer, ctx: SystemContext): void {
  c.workTimer = null;
  const m = c.pendingAck;
  c.pendingAck = null;
  if (m) ctx.send(c.id, SQS_NODE, { type: 'DeleteMessage', queue: c.queue, id: m.id, receipt: m.receipt });
  startNext(c, ctx);
}

/**
 * FIFO: once a message of a group fails, the later ones of that group in the same batch must wait for it,
 * or the group would be processed out of order (SQS developer guide, FIFO delivery logic). They stay
 * invisible and come back after their visibility timeout, in order, with the failed one.
 */
function holdBackGroup(c: SqsConsumer, group: string, ctx: SystemContext): void {
  const later = c.current.filter((x) => x.group === group);
  if (later.length === 0) return;
  c.current = c.current.filter((x) => x.group !== group);
  ctx.note(c.id, `leaves ${later.map((x) => `#${x.id}`).join(',')} of group ${group} unprocessed, so the group stays in order`);
}

export function onPollTimer(c: SqsConsumer, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'poll') { c.pollTimer = null; poll(c, ctx); return; }
  if (name === 'pollTimeout' && (data as { poll: number }).poll === c.pollId && c.phase === 'polling') {
    c.pollTimer = null;
    poll(c, ctx);
  }
}

/** What a consumer loses when it crashes: the batch in hand and its place in the poll loop. */
export function crashConsumer(c: SqsConsumer, ctx: SystemContext): void {
  const lost = c.current.map((m) => `#${m.id}`);
  c.current = [];
  c.phase = 'down';
  c.pollTimer = c.workTimer = c.beatTimer = null;
  if (lost.length) ctx.note(c.id, `crashed holding ${lost.join(',')}: they stay invisible until their visibility timeout`);
  if (c.lastBackoff) c.lastBackoff = {};
  if (c.pendingAck) {
    ctx.note(c.id, `crashed after charging for #${c.pendingAck.id} and before deleting it: it will be received again`);
    c.pendingAck = null;
  }
}
