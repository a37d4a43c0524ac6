// A reader: fetches from its position, processes records one by one, and commits its new position.
// Reading never removes anything: other readers, and a newcomer starting from the beginning, still see it.
import type { SystemContext } from '../core/types.ts';
import { STREAM_NODE, type StreamReader, type StreamState } from './state.ts';

const REQUEST_TIMEOUT = 1000;

export function fetch(c: StreamReader, ctx: SystemContext): void {
  c.fetching = true;
  c.fetchId++;
  ctx.send(c.id, STREAM_NODE, { type: 'Fetch', topic: c.topic, offset: c.next, max: c.batch, fetch: c.fetchId });
  c.timer = ctx.setTimer(c.id, REQUEST_TIMEOUT, 'fetchTimeout', { fetch: c.fetchId });
}

export function onRecords(s: StreamState, c: StreamReader, m: { fetch: number; asked: number; from: number; skipped: number; records: { offset: number; body: string }[] }, ctx: SystemContext): void {
  if (!c.fetching || m.fetch !== c.fetchId) return;
  c.fetching = false;
  if (c.timer !== null) ctx.cancelTimer(c.timer);
  c.timer = null;
  c.next = m.from;
  if (m.skipped > 0) {
    c.skipped += m.skipped;
    ctx.note(c.id, `wanted offset ${m.asked} of ${c.topic} but retention removed it first: skips ${m.skipped} record${m.skipped === 1 ? '' : 's'}, continues at ${m.from}`);
  }
  if (m.records.length === 0) { c.timer = ctx.setTimer(c.id, c.idleMs, 'fetch'); return; }
  c.inHand = [...m.records];
  startNext(c, ctx);
}

function startNext(c: StreamReader, ctx: SystemContext): void {
  const rec = c.inHand[0];
  if (!rec) { fetch(c, ctx); return; }
  if (c.commit === 'before') ctx.send(c.id, STREAM_NODE, { type: 'Commit', topic: c.topic, offset: rec.offset + 1 });
  const work = c.workMs + (c.jitterMs > 0 ? ctx.rng.int(0, c.jitterMs) : 0);
  c.timer = ctx.setTimer(c.id, work, 'done', { offset: rec.offset });
}

export function onDone(s: StreamState, c: StreamReader, ctx: SystemContext): void {
  c.timer = null;
  const rec = c.inHand[0];
  if (!rec) return;
  if (c.poison.includes(rec.body) || (c.failRate > 0 && ctx.rng.chance(c.failRate))) { onFailed(c, rec, ctx); return; }
  c.inHand.shift();
  c.retrying = null;
  if (rec.offset <= c.lastOffset && !c.rewound && !s.audit.outOfOrder) s.audit.outOfOrder = `${c.id} processed offset ${rec.offset} after ${c.lastOffset} without a rewind`;
  c.rewound = false;
  c.lastOffset = rec.offset;
  c.processed++;
  if (rec.offset <= c.highest) c.duplicates++;
  c.highest = Math.max(c.highest, rec.offset);
  c.seen.push(rec.offset);
  if (c.seen.length > 500) c.seen.shift();
  c.next = rec.offset + 1;
  if (c.commit === 'after' || (c.commit === 'batch' && c.inHand.length === 0)) ctx.send(c.id, STREAM_NODE, { type: 'Commit', topic: c.topic, offset: rec.offset + 1 });
  startNext(c, ctx);
}

/** Retry in place (head-of-line blocking, a Kafka consumer's usual answer) or give up and move on. */
function onFailed(c: StreamReader, rec: { offset: number; body: string }, ctx: SystemContext): void {
  c.failed++;
  if (c.onFail === 'retry') {
    // Noted once per record: a poison record would otherwise fill the trace.
    if (c.retrying !== rec.offset) ctx.note(c.id, `failed on offset ${rec.offset} (${rec.body}); retrying it: the log has no redelivery or dead-letter queue, so everything behind it waits`);
    c.retrying = rec.offset;
    const work = c.workMs + (c.jitterMs > 0 ? ctx.rng.int(0, c.jitterMs) : 0);
    c.timer = ctx.setTimer(c.id, work, 'done', { offset: rec.offset });
    return;
  }
  c.inHand.shift();
  c.retrying = null;
  c.gaveUp++;
  c.rewound = false;
  c.lastOffset = rec.offset;
  c.highest = Math.max(c.highest, rec.offset);
  c.next = rec.offset + 1;
  ctx.note(c.id, `failed on offset ${rec.offset} (${rec.body}); skipping it: its effect never happens (a log has no dead-letter queue)`);
  if (c.commit === 'after' || (c.commit === 'batch' && c.inHand.length === 0)) ctx.send(c.id, STREAM_NODE, { type: 'Commit', topic: c.topic, offset: rec.offset + 1 });
  startNext(c, ctx);
}

export function onReaderTimer(s: StreamState, c: StreamReader, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'done') onDone(s, c, ctx);
  else if (name === 'fetch') { c.timer = null; fetch(c, ctx); }
  else if (name === 'fetchTimeout' && c.fetching && (data as { fetch: number }).fetch === c.fetchId) { c.fetching = false; fetch(c, ctx); }
}

/** Its position in memory and the records in hand are gone; it resumes from its committed position. */
export function crashReader(c: StreamReader, ctx: SystemContext): void {
  if (c.inHand.length) ctx.note(c.id, `crashed while processing offset ${c.inHand[0]!.offset}; it will resume from its committed position`);
  c.inHand = [];
  c.next = null;
  c.fetching = false;
  c.timer = null;
  c.rewound = true;
  c.retrying = null;
}
