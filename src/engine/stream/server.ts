// The stream server: appends to a topic's log, applies retention (noting what it removes), answers
// fetches from any offset, and stores each reader's committed position.
import type { SystemContext } from '../core/types.ts';
import { append, applyRetention, nextExpiry, read, setPosition } from './log.ts';
import { STREAM_NODE, type StreamState, type StreamTopic } from './state.ts';

export function appendRecord(t: StreamTopic, body: string, ctx: SystemContext): number {
  const rec = append(t.log, { body }, ctx.now, body.length);
  retain(t, ctx);
  if (t.retentionTimer === null) armRetention(t, ctx);
  return rec.offset;
}

/** Applies the topic's retention and notes the offsets it removed (they are gone for every reader). */
export function retain(t: StreamTopic, ctx: SystemContext): void {
  const gone = applyRetention(t.log, ctx.now, t.policy);
  if (gone.length === 0) return;
  t.removed += gone.length;
  const readersBehind = Object.entries(t.log.positions).filter(([, p]) => p <= gone[gone.length - 1]!.offset).map(([r]) => r);
  ctx.note(STREAM_NODE, `${t.name}: retention removed offset${gone.length === 1 ? '' : 's'} ${gone[0]!.offset}${gone.length > 1 ? `..${gone[gone.length - 1]!.offset}` : ''}${readersBehind.length ? ` before ${readersBehind.join(',')} read ${gone.length === 1 ? 'it' : 'them'}` : ''}`);
}

export function armRetention(t: StreamTopic, ctx: SystemContext): void {
  const at = nextExpiry(t.log, t.policy.maxAgeMs);
  t.retentionTimer = at === null ? null : ctx.setTimer(STREAM_NODE, Math.max(0, at - ctx.now), 'retention', { topic: t.name });
}

export function onRetentionTimer(t: StreamTopic, ctx: SystemContext): void {
  t.retentionTimer = null;
  retain(t, ctx);
  armRetention(t, ctx);
}

export function onFetch(s: StreamState, from: string, m: { topic: string; offset: number | null; max: number; fetch: number }, ctx: SystemContext): void {
  const t = s.topics[m.topic];
  const r = s.readers[from];
  if (!t || !r) return;
  // A reader with no position of its own starts from its committed one, or from earliest/latest.
  const committed = t.log.positions[from];
  const offset = m.offset ?? committed ?? (r.start === 'latest' ? t.log.end : t.log.start);
  const got = read(t.log, offset, m.max);
  ctx.send(STREAM_NODE, from, { type: 'Records', topic: t.name, fetch: m.fetch, asked: offset, from: got.from, skipped: got.skipped, records: got.records.map((x) => ({ offset: x.offset, body: x.value.body })) });
}

export function onCommit(s: StreamState, from: string, m: { topic: string; offset: number }): void {
  const t = s.topics[m.topic];
  if (t) setPosition(t.log, from, m.offset);
}
