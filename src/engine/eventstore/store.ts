// The store's rules. Appending follows EventStoreDB's expected revision (its client docs, ExpectedRevision:
// Any "should not conflict with anything and should always succeed"; NoStream "the stream being written to
// should not yet exist"; StreamExists "the stream should exist"; Exact(n) "the last event written to the
// stream should have an event number matching your expected value"). Stream revisions count from 0, so an
// empty stream's version is -1. A failed check appends nothing and names the stream, the expected and the
// actual version (WrongExpectedVersion). Reading: a stream forwards or backwards from a version, the whole
// store ($all) forwards from a global position.
import type { SystemContext, Time } from '../core/types.ts';
import { domainOf, fold } from './aggregates.ts';
import type { AggregateState, EventData, EventStoreState, Expected, StoredEvent } from './state.ts';

export const streamVersion = (s: EventStoreState, stream: string): number => (s.streams[stream]?.length ?? 0) - 1;

export const expectedWords = (e: Expected): string => (typeof e === 'number' ? String(e) : e);

/** Null when an append with `expected` may go ahead on a stream at `actual` (-1: no stream); else the error. */
export function checkExpected(stream: string, expected: Expected, actual: number): string | null {
  const ok = expected === 'any' ? true
    : expected === 'no_stream' ? actual === -1
    : expected === 'stream_exists' ? actual >= 0
    : actual === expected;
  if (ok) return null;
  const actualWords = actual === -1 ? 'no stream (-1)' : String(actual);
  return `WrongExpectedVersion: stream ${stream} expected version ${expectedWords(expected)}, actual version ${actualWords}`;
}

export interface NewEvent { readonly type: string; readonly data: EventData; readonly schema?: 1 | 2; readonly id?: string }
export type AppendResult = { ok: true; first: number; last: number; version: number } | { ok: false; error: string; actual: number };

/**
 * Appends events to a stream atomically if `expected` holds. `basedOn` is the version the writer decided
 * on (a clerk's load): an `any` append onto a stream that moved since then is a lost update, reported.
 */
export function appendEvents(s: EventStoreState, stream: string, expected: Expected, events: readonly NewEvent[], now: Time, ctx: SystemContext | null, basedOn?: number): AppendResult {
  const actual = streamVersion(s, stream);
  // EventStoreDB appends idempotently: the same event id sent again (a retry after a lost reply) is not
  // written twice; the writer gets the original result.
  const again = events[0]?.id !== undefined ? s.eventIds[events[0].id] : undefined;
  if (again !== undefined) return { ok: true, first: again, last: again, version: s.log[again]!.version };
  const error = checkExpected(stream, expected, actual);
  if (error) {
    s.counts.conflicts++;
    ctx?.note(undefined, error);
    return { ok: false, error, actual };
  }
  if (expected === 'any' && basedOn !== undefined && basedOn !== actual) {
    s.counts.lostUpdates++;
    s.audit.lostUpdate = `lost update on ${stream}: a write decided on version ${basedOn} was appended with expected=any at version ${actual}; the events after ${basedOn} were never seen`;
  }
  if (!s.streams[stream]) { s.streams[stream] = []; s.streamOrder.push(stream); }
  const versions = s.streams[stream]!;
  const first = s.log.length;
  for (const e of events) {
    const stored: StoredEvent = Object.freeze({ pos: s.log.length, stream, version: versions.length, type: e.type, schema: e.schema ?? 2, data: Object.freeze({ ...e.data }), t: now });
    s.log.push(stored);
    if (e.id !== undefined) s.eventIds[e.id] = stored.pos;
    versions.push(stored.pos);
    s.counts.appends++;
    maybeSnapshot(s, stream);
  }
  return { ok: true, first, last: s.log.length - 1, version: versions.length - 1 };
}

/** Every `snapshotEvery` events of a stream, the store saves its folded state at that version. */
function maybeSnapshot(s: EventStoreState, stream: string): void {
  const n = s.snapshotEvery;
  const versions = s.streams[stream]!;
  const domain = domainOf(stream);
  if (n <= 0 || domain === null || versions.length % n !== 0) return;
  const prev = s.snapshots[stream];
  const from = prev ? prev.version + 1 : 0;
  const state = fold(domain, versions.slice(from).map((p) => s.log[p]!), s.upcast, prev?.state);
  s.snapshots[stream] = { version: versions.length - 1, state };
}

/** A stream's events from `from` (a version) forwards, or backwards from `from` (default: the last). */
export function readStream(s: EventStoreState, stream: string, direction: 'forwards' | 'backwards', from: number | undefined, max: number): StoredEvent[] {
  const versions = s.streams[stream] ?? [];
  const out: StoredEvent[] = [];
  if (direction === 'forwards') for (let v = Math.max(0, from ?? 0); v < versions.length && out.length < max; v++) out.push(s.log[versions[v]!]!);
  else for (let v = Math.min(versions.length - 1, from ?? versions.length - 1); v >= 0 && out.length < max; v--) out.push(s.log[versions[v]!]!);
  return out;
}

/** The whole store from a global position forwards. */
export const readAll = (s: EventStoreState, from: number, max: number): StoredEvent[] => s.log.slice(Math.max(0, from), Math.max(0, from) + max);

/** What loading an aggregate reads: the latest snapshot (if any) and the events after it. */
export function loadAggregate(s: EventStoreState, stream: string): { snapshot: { version: number; state: AggregateState } | null; events: StoredEvent[]; version: number } {
  const snap = s.snapshots[stream] ?? null;
  const events = readStream(s, stream, 'forwards', snap ? snap.version + 1 : 0, Number.MAX_SAFE_INTEGER);
  return { snapshot: snap, events, version: streamVersion(s, stream) };
}

/** An aggregate's state as of a version (inclusive; -1: before its first event), folded from scratch. */
export function stateAtVersion(s: EventStoreState, stream: string, version: number) {
  const domain = domainOf(stream);
  if (!domain) return null;
  return fold(domain, readStream(s, stream, 'forwards', 0, version + 1), s.upcast);
}

/** An aggregate's state as of a moment: every event appended at or before `t`. */
export function stateAtTime(s: EventStoreState, stream: string, t: Time) {
  const domain = domainOf(stream);
  if (!domain) return null;
  return fold(domain, readStream(s, stream, 'forwards', 0, Number.MAX_SAFE_INTEGER).filter((e) => e.t <= t), s.upcast);
}

export function describeEvent(e: StoredEvent): string {
  const data = Object.entries(e.data).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  return `${e.type}${e.schema === 1 ? '(v1)' : ''}${data ? ` ${data}` : ''}`;
}
