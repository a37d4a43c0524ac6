// The relay (the postman) that empties a service's outbox onto the board, at least once.
// Polling publisher (microservices.io, "Pattern: Polling publisher"): every `interval` it selects up to
// `batch` unpublished rows in insertion order, hands them to the board as one batch, and marks them
// published when the board acknowledges. Log tailing (microservices.io, "Pattern: Transaction log
// tailing"; Debezium's outbox event router): it reads committed outbox inserts from the database's log
// after its committed offset, a short lag after each commit, and advances the offset on acknowledgement;
// it never updates the table. Either way a crash between the hand-over and the mark (or offset commit)
// sends the same rows again after a restart: duplicates, which the consumer's inbox catches. Rows go in
// insertion order, one batch at a time, so each aggregate's events reach the board in version order
// (Debezium keys each message by `aggregateid` so a Kafka partition keeps that order).
import type { SystemContext } from '../core/types.ts';
import { BROKER, type OutboxRow, type OutboxState, type Relay } from './state.ts';

/** A batch the board has not acknowledged after this long is sent again. */
export const ACK_TIMEOUT = 1000;

export function pendingRows(s: OutboxState, r: Relay): OutboxRow[] {
  const rows = s.services[r.service]?.outbox ?? [];
  return r.kind === 'polling' ? rows.filter((x) => !x.published) : rows.filter((x) => x.seq > r.position);
}

/** Hands the next batch to the board unless one is still waiting for its acknowledgement. Returns the rows sent. */
export function pump(s: OutboxState, r: Relay, ctx: SystemContext): OutboxRow[] {
  if (r.inFlight.length > 0) {
    if (ctx.now - r.sentAt < ACK_TIMEOUT) return [];
    ctx.note(r.id, `no acknowledgement for ${r.inFlight.map((q) => `row ${q}`).join(', ')} within ${ACK_TIMEOUT}ms: reading them again`);
    r.inFlight = [];
  }
  const rows = pendingRows(s, r).slice(0, r.batch);
  if (rows.length === 0) return [];
  ctx.send(r.id, BROKER, { type: 'Publish', events: rows.map((x) => x.event), seqs: rows.map((x) => x.seq) });
  r.inFlight = rows.map((x) => x.seq);
  r.sentAt = ctx.now;
  r.sends++;
  ctx.note(r.id, `handed ${rows.map((x) => x.event.id).join(',')} to the board (${r.kind === 'polling' ? 'unpublished rows' : `log after offset ${r.position}`})`);
  if (r.kind === 'tailing') arm(r, ACK_TIMEOUT, ctx);
  return rows;
}

export function onAck(s: OutboxState, r: Relay, seqs: readonly number[], ctx: SystemContext): void {
  if (r.inFlight.length === 0 || seqs.some((q) => !r.inFlight.includes(q))) return; // a stale answer to an earlier attempt
  const svc = s.services[r.service];
  if (!svc) return;
  if (r.kind === 'polling') {
    for (const row of svc.outbox) if (seqs.includes(row.seq)) row.published = true;
    r.position = svc.outbox.filter((x) => x.published).length;
    ctx.note(r.id, `marked row${seqs.length === 1 ? '' : 's'} ${seqs.join(',')} published`);
  } else {
    r.position = Math.max(r.position, ...seqs);
    ctx.note(r.id, `committed offset ${r.position}`);
  }
  r.inFlight = [];
  if (r.kind === 'tailing') { cancel(r, ctx); if (pendingRows(s, r).length > 0) arm(r, 0, ctx); }
}

function arm(r: Relay, delay: number, ctx: SystemContext): void {
  cancel(r, ctx);
  r.timer = ctx.setTimer(r.id, delay, r.kind === 'polling' ? 'poll' : 'tail');
}
function cancel(r: Relay, ctx: SystemContext): void {
  if (r.timer !== null) ctx.cancelTimer(r.timer);
  r.timer = null;
}

/** A commit wakes a log-tailing relay after its lag (a polling one keeps its own schedule). */
export function armTail(s: OutboxState, relay: string, ctx: SystemContext): void {
  const r = s.relays[relay];
  if (!r || r.kind !== 'tailing' || !ctx.isUp(r.id) || r.timer !== null || r.inFlight.length > 0) return;
  arm(r, r.interval, ctx);
}

export function onRelayTimer(s: OutboxState, r: Relay, ctx: SystemContext): void {
  r.timer = null;
  r.polls++;
  if (r.kind === 'polling') arm(r, r.interval, ctx);
  pump(s, r, ctx);
}

/** Starts (or restarts) a relay's schedule. */
export function startRelay(s: OutboxState, r: Relay, ctx: SystemContext): void {
  if (r.kind === 'polling') arm(r, r.interval, ctx);
  else if (pendingRows(s, r).length > 0) arm(r, 0, ctx);
}

export function crashRelay(r: Relay): void {
  r.inFlight = [];
  r.timer = null;
}
