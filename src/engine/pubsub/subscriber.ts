// A subscriber node. Pull: it asks for a batch, works through it, acks each success and nacks each failure
// (ModifyAckDeadline 0). Push: the service sends it messages and its answer is the ack (success) or nack.
// What it holds is volatile: after a crash those leases simply run out and the messages are redelivered.
import type { SystemContext } from '../core/types.ts';
import { PUBSUB_NODE, type PubsubState, type Subscriber } from './state.ts';
import { countEffect } from '../delivery/index.ts';

const REQUEST_TIMEOUT = 1000;

export function pull(s: PubsubState, c: Subscriber, ctx: SystemContext): void {
  if (s.subs[c.sub]?.mode !== 'pull') return;
  c.pulling = true;
  c.pullId++;
  ctx.send(c.id, PUBSUB_NODE, { type: 'Pull', sub: c.sub, max: c.batch, pull: c.pullId });
  c.timer = ctx.setTimer(c.id, REQUEST_TIMEOUT, 'pullTimeout', { pull: c.pullId });
}

export function onPulled(s: PubsubState, c: Subscriber, pullId: number, got: { id: number; ackId: number; body: string }[], ctx: SystemContext): void {
  if (!c.pulling || pullId !== c.pullId) return;
  c.pulling = false;
  if (c.timer !== null) ctx.cancelTimer(c.timer);
  c.timer = null;
  if (got.length === 0) { c.timer = ctx.setTimer(c.id, c.idleMs, 'pull'); return; }
  c.inHand.push(...got);
  startNext(s, c, ctx);
}

export function onPushed(s: PubsubState, c: Subscriber, m: { id: number; ackId: number; body: string }, ctx: SystemContext): void {
  c.inHand.push(m);
  if (c.timer === null) startNext(s, c, ctx);
}

function startNext(s: PubsubState, c: Subscriber, ctx: SystemContext): void {
  const m = c.inHand[0];
  if (!m) { c.timer = null; pull(s, c, ctx); return; }
  const work = c.workMs + (c.jitterMs > 0 ? ctx.rng.int(0, c.jitterMs) : 0);
  c.timer = ctx.setTimer(c.id, work, 'done', { ackId: m.ackId });
}

export function onWorkDone(s: PubsubState, c: Subscriber, ctx: SystemContext): void {
  c.timer = null;
  const m = c.inHand.shift();
  if (!m) return;
  const ok = !(c.poison.includes(m.body) || (c.failRate > 0 && ctx.rng.chance(c.failRate)));
  if (ok) { c.processed++; countEffect(s, m.id, c.id, ctx, (d) => s.subs[d.sub]!.stats); }
  else { c.failed++; ctx.note(c.id, `failed to process #${m.id} (${m.body}); nack`); }
  const mode = s.subs[c.sub]?.mode;
  if (mode === 'push') ctx.send(c.id, PUBSUB_NODE, { type: 'PushResult', sub: c.sub, ackId: m.ackId, ok });
  else if (ok) ctx.send(c.id, PUBSUB_NODE, { type: 'Acknowledge', sub: c.sub, ackId: m.ackId });
  else ctx.send(c.id, PUBSUB_NODE, { type: 'ModifyAckDeadline', sub: c.sub, ackId: m.ackId, deadline: 0 });
  startNext(s, c, ctx);
}

export function onSubscriberTimer(s: PubsubState, c: Subscriber, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'done') onWorkDone(s, c, ctx);
  else if (name === 'pull') { c.timer = null; pull(s, c, ctx); }
  else if (name === 'pullTimeout' && c.pulling && (data as { pull: number }).pull === c.pullId) { c.pulling = false; c.timer = null; pull(s, c, ctx); }
}

export function crashSubscriber(c: Subscriber, ctx: SystemContext): void {
  const held = c.inHand.map((m) => `#${m.id}`);
  c.inHand = [];
  c.pulling = false;
  c.timer = null;
  if (held.length) ctx.note(c.id, `crashed holding ${held.join(',')}: their leases will run out and they will be redelivered`);
}
