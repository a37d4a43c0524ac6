// A projector is a catch-up subscription to the whole store: it fetches a batch from its checkpoint,
// applies each event to its own table and moves the checkpoint, table and checkpoint saved together (one
// write, as Marten's async daemon stores a projection's progress in the same transaction as its
// documents), so a crash loses only the batch in hand and it resumes from the checkpoint. Caught up, it
// polls again after `poll`. Asks waiting for a position (read-your-own-writes) are answered as it passes.
import type { SystemContext } from '../core/types.ts';
import { readAs } from './aggregates.ts';
import { project } from './projections.ts';
import { STORE_NODE, type EventStoreState, type Projector, type StoredEvent } from './state.ts';
import { REQUEST_TIMEOUT_MS, type EsWire } from './wire.ts';
import { answerWaiting } from './reads.ts';

function clearTimer(p: Projector, ctx: SystemContext): void {
  if (p.timer !== null) ctx.cancelTimer(p.timer);
  p.timer = null;
}

export function fetchMore(p: Projector, ctx: SystemContext): void {
  if (p.fetching) return;
  clearTimer(p, ctx);
  p.fetchId++;
  p.fetching = true;
  ctx.send(p.id, STORE_NODE, { type: 'Fetch', from: p.checkpoint, max: p.batch, fetch: p.fetchId });
  p.timer = ctx.setTimer(p.id, REQUEST_TIMEOUT_MS, 'timeout');
}

export function onEvents(s: EventStoreState, p: Projector, m: Extract<EsWire, { type: 'Events' }>, ctx: SystemContext): void {
  if (!p.fetching || m.fetch !== p.fetchId) return;
  clearTimer(p, ctx);
  p.fetching = false;
  if (m.events.length === 0) { p.timer = ctx.setTimer(p.id, p.pollMs, 'poll'); return; }
  p.inHand = m.events;
  if (p.workMs > 0) p.timer = ctx.setTimer(p.id, p.workMs * m.events.length, 'apply');
  else applyInHand(s, p, ctx);
}

/** Applies one event to the projector's table and moves its checkpoint past it. */
export function applyOne(s: EventStoreState, p: Projector, e: StoredEvent, now: number): void {
  p.lastDelayMs = now - e.t;
  if (!p.rebuilding && p.lastDelayMs > p.maxDelayMs) p.maxDelayMs = p.lastDelayMs;
  project(p.kind, p, readAs(e, s.upcast), p.bug);
  p.checkpoint = e.pos + 1;
  p.eventsRead++;
  if (p.rebuilding) p.rebuildRead++;
}

function applyInHand(s: EventStoreState, p: Projector, ctx: SystemContext): void {
  const batch = p.inHand;
  p.inHand = [];
  for (const e of batch) if (e.pos === p.checkpoint) applyOne(s, p, e, ctx.now);
  answerWaiting(s, p, ctx);
  if (p.rebuilding && p.checkpoint >= s.log.length) {
    p.rebuilding = false;
    p.rebuildDoneAt = ctx.now;
    ctx.note(p.id, `rebuilt: read ${p.rebuildRead} events from position 0`);
  }
  if (batch.length >= p.batch) fetchMore(p, ctx);
  else p.timer = ctx.setTimer(p.id, p.pollMs, 'poll');
}

export function onProjectorTimer(s: EventStoreState, p: Projector, name: string, ctx: SystemContext): void {
  p.timer = null;
  if (name === 'apply') applyInHand(s, p, ctx);
  else if (name === 'poll') fetchMore(p, ctx);
  else if (name === 'timeout') { p.fetching = false; fetchMore(p, ctx); }
}

export function crashProjector(s: EventStoreState, p: Projector, ctx: SystemContext): void {
  const lost = p.inHand.length;
  // The reads waiting on it were held in its memory: their clerks get no answer and may ask again.
  for (const a of p.asks) { const c = s.clerks[a.clerk]; if (c && c.lastAnswer === 'waiting') c.lastAnswer = `no answer: ${p.id} crashed`; }
  p.inHand = [];
  p.fetching = false;
  p.timer = null;
  const waiting = p.asks.length;
  p.asks = [];
  ctx.note(p.id, `down: checkpoint ${p.checkpoint} and its table are saved${lost ? `; ${lost} events in hand will be read again` : ''}${waiting ? `; ${waiting} waiting reads dropped` : ''}`);
}

/** Starts over from position 0 with an empty table (after a projector bug is fixed, or a new read model). */
export function rebuild(p: Projector, ctx: SystemContext): void {
  clearTimer(p, ctx);
  p.table = {};
  p.orders = {};
  p.checkpoint = 0;
  p.inHand = [];
  p.fetching = false;
  p.rebuilds++;
  p.rebuilding = true;
  p.rebuildRead = 0;
  p.rebuildDoneAt = -1;
  fetchMore(p, ctx);
}
