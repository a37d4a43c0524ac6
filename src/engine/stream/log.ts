// A retained, ordered log with per-reader positions: the data structure under a stream (lesson 02) and
// reusable by any log-shaped system. Records get consecutive offsets from 0; retention drops records
// from the front (by age, total size or count) and moves the log start; readers keep their own
// positions (the next offset each will read), so one reader's progress never affects another's.
// Plain data only: a log lives inside a system's state and is snapshot with structuredClone.
import type { Time } from '../core/types.ts';

export interface LogRecord<T> {
  readonly offset: number;
  /** When it was appended (retention by time counts from here). */
  readonly at: Time;
  /** Bytes it counts for retention by size. */
  readonly size: number;
  readonly value: T;
}

export interface RetainedLog<T> {
  /** Records still retained, in offset order: offsets start..end-1 with no gaps. */
  records: LogRecord<T>[];
  /** Offset of the oldest retained record (the log start offset). */
  start: number;
  /** Offset the next appended record gets (the log end offset). */
  end: number;
  bytes: number;
  /** Reader name -> the next offset it will read. */
  positions: Record<string, number>;
}

export interface RetentionPolicy {
  /** Drop records older than this (ms); 0 or absent: keep forever. */
  readonly maxAgeMs?: Time;
  /** Keep the total size at or under this many bytes; 0 or absent: no limit. */
  readonly maxBytes?: number;
  /** Keep at most this many records; 0 or absent: no limit. */
  readonly maxRecords?: number;
}

export const newLog = <T>(): RetainedLog<T> => ({ records: [], start: 0, end: 0, bytes: 0, positions: {} });

export function append<T>(log: RetainedLog<T>, value: T, at: Time, size = 1): LogRecord<T> {
  const rec: LogRecord<T> = { offset: log.end, at, size, value };
  log.records.push(rec);
  log.end++;
  log.bytes += size;
  return rec;
}

export function recordAt<T>(log: RetainedLog<T>, offset: number): LogRecord<T> | undefined {
  return offset >= log.start && offset < log.end ? log.records[offset - log.start] : undefined;
}

export interface ReadResult<T> {
  readonly records: LogRecord<T>[];
  /** Where the read actually began: `from`, or the log start when retention already removed `from`. */
  readonly from: number;
  /** Records the reader never saw because retention dropped them first. */
  readonly skipped: number;
  /** The offset to read next. */
  readonly next: number;
}

/** Up to `max` records from `from` on. A position behind the log start jumps to it (Kafka's reset to earliest). */
export function read<T>(log: RetainedLog<T>, from: number, max: number): ReadResult<T> {
  const begin = Math.min(Math.max(from, log.start), log.end);
  const count = Math.max(0, Math.min(max, log.end - begin));
  const records = log.records.slice(begin - log.start, begin - log.start + count);
  return { records, from: begin, skipped: Math.max(0, log.start - from), next: begin + count };
}

/** Applies the policy; returns the records it dropped, oldest first. */
export function applyRetention<T>(log: RetainedLog<T>, now: Time, policy: RetentionPolicy): LogRecord<T>[] {
  let drop = 0;
  let bytes = log.bytes;
  const n = log.records.length;
  const tooMany = (i: number) => (policy.maxRecords ? n - i > policy.maxRecords : false);
  const tooBig = () => (policy.maxBytes ? bytes > policy.maxBytes : false);
  const tooOld = (r: LogRecord<T>) => (policy.maxAgeMs ? now - r.at >= policy.maxAgeMs : false);
  while (drop < n) {
    const r = log.records[drop]!;
    if (!tooOld(r) && !tooBig() && !tooMany(drop)) break;
    bytes -= r.size;
    drop++;
  }
  if (drop === 0) return [];
  const removed = log.records.splice(0, drop);
  log.bytes = bytes;
  log.start += drop;
  return removed;
}

/** When the oldest record becomes too old under `maxAgeMs` (null: nothing to expire). */
export function nextExpiry<T>(log: RetainedLog<T>, maxAgeMs: Time | undefined): Time | null {
  const first = log.records[0];
  return first && maxAgeMs ? first.at + maxAgeMs : null;
}

export const positionOf = <T>(log: RetainedLog<T>, reader: string): number | undefined => log.positions[reader];

export function setPosition<T>(log: RetainedLog<T>, reader: string, offset: number): void {
  log.positions[reader] = Math.max(0, Math.min(offset, log.end));
}

/** Records the reader has yet to read (those retention dropped do not count: they are gone). */
export function lagOf<T>(log: RetainedLog<T>, reader: string): number {
  const p = log.positions[reader];
  return p === undefined ? 0 : log.end - Math.max(p, log.start);
}
