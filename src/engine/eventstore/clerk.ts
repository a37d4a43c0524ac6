// A clerk is a command handler: it loads an aggregate (snapshot + later events), folds it, validates the
// command against that state, thinks for a while, and appends the one event it decided on with the
// version it read as the expected version. A conflict means someone appended in between: it reloads and
// decides again (onConflict=retry) or gives up (fail). With expected=any nothing is checked, and a write
// decided on an old state can land anyway (a lost update, which the store reports).
import type { SystemContext } from '../core/types.ts';
import { decide, domainOf, fold } from './aggregates.ts';
import { STORE_NODE, type Clerk, type EventStoreState } from './state.ts';
import { REQUEST_TIMEOUT_MS, type EsWire } from './wire.ts';

type Msg<T extends EsWire['type']> = Extract<EsWire, { type: T }>;

function clearTimer(c: Clerk, ctx: SystemContext): void {
  if (c.timer !== null) ctx.cancelTimer(c.timer);
  c.timer = null;
}

/** Starts the job at the head of the queue, if it is waiting. */
export function startNext(c: Clerk, ctx: SystemContext): void {
  const job = c.jobs[0];
  if (!job || job.phase !== 'queued') return;
  load(c, ctx);
}

function load(c: Clerk, ctx: SystemContext): void {
  const job = c.jobs[0]!;
  job.phase = 'loading';
  c.requestId++;
  ctx.send(c.id, STORE_NODE, { type: 'Load', stream: job.stream, req: c.requestId });
  clearTimer(c, ctx);
  c.timer = ctx.setTimer(c.id, REQUEST_TIMEOUT_MS, 'timeout');
}

function sendAppend(c: Clerk, ctx: SystemContext): void {
  const job = c.jobs[0]!;
  job.phase = 'appending';
  const expected = c.expected === 'any' ? 'any' : job.readVersion === -1 ? 'no_stream' : job.readVersion;
  ctx.send(c.id, STORE_NODE, { type: 'Append', stream: job.stream, req: c.requestId, expected, basedOn: job.readVersion, id: job.id, event: job.decision! });
  clearTimer(c, ctx);
  c.timer = ctx.setTimer(c.id, REQUEST_TIMEOUT_MS, 'timeout');
}

function finish(c: Clerk, ctx: SystemContext, result: string): void {
  clearTimer(c, ctx);
  c.lastResult = result;
  ctx.note(c.id, result);
  c.jobs.shift();
  startNext(c, ctx);
}

export function onLoaded(s: EventStoreState, c: Clerk, m: Msg<'Loaded'>, ctx: SystemContext): void {
  const job = c.jobs[0];
  if (!job || job.phase !== 'loading' || m.req !== c.requestId) return;
  clearTimer(c, ctx);
  c.eventsRead += m.events.length;
  job.readVersion = m.version;
  const state = fold(domainOf(job.stream)!, m.events, s.upcast, m.snapshot?.state);
  const d = decide(state, job.verb, job);
  if (typeof d === 'string') { c.rejected++; finish(c, ctx, `${job.verb} on ${job.stream} refused: ${d}`); return; }
  job.decision = d;
  job.phase = 'thinking';
  if (c.thinkMs <= 0) sendAppend(c, ctx);
  else c.timer = ctx.setTimer(c.id, c.thinkMs, 'think');
}

export function onAppended(c: Clerk, m: Msg<'Appended'>, ctx: SystemContext): void {
  const job = c.jobs[0];
  if (!job || job.phase !== 'appending' || m.req !== c.requestId) return;
  c.done++;
  c.lastPosition = Math.max(c.lastPosition, m.pos);
  finish(c, ctx, `${job.decision!.type} appended to ${job.stream} at version ${m.version} (position ${m.pos})`);
}

export function onConflict(c: Clerk, m: Msg<'Conflict'>, ctx: SystemContext): void {
  const job = c.jobs[0];
  if (!job || job.phase !== 'appending' || m.req !== c.requestId) return;
  c.conflicts++;
  if (c.onConflict === 'retry' && job.attempt <= c.maxRetries) {
    c.retries++;
    job.attempt++;
    ctx.note(c.id, `${m.error}: reloading ${job.stream} to decide again (retry ${job.attempt - 1})`);
    load(c, ctx);
    return;
  }
  c.failed++;
  finish(c, ctx, `${job.verb} on ${job.stream} failed: ${m.error}`);
}

export function onClerkTimer(c: Clerk, name: string, ctx: SystemContext): void {
  c.timer = null;
  const job = c.jobs[0];
  if (!job) return;
  if (name === 'think' && job.phase === 'thinking') sendAppend(c, ctx);
  else if (name === 'timeout' && job.phase === 'loading') load(c, ctx);
  // The same event id again: if the first append was stored and only its answer lost, the store does not write it twice.
  else if (name === 'timeout' && job.phase === 'appending') sendAppend(c, ctx);
}

export function crashClerk(c: Clerk, ctx: SystemContext): void {
  const lost = c.jobs.length;
  c.jobs = [];
  c.timer = null;
  if (lost) ctx.note(c.id, `down: ${lost} command${lost === 1 ? '' : 's'} in hand forgotten (the store keeps every appended event)`);
}
