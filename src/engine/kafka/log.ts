// One replica's partition log: append, read, truncate, and the producer/transaction state Kafka
// rebuilds from the log on every replica (so a follower that becomes leader still dedupes retries).
import type { KRecord, Replica } from './state.ts';

/** Index of the first record with offset >= `offset` (the log may have gaps after compaction). */
export function indexAtOrAfter(r: Replica, offset: number): number {
  let lo = 0;
  let hi = r.log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.log[mid]!.offset < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

export function recordAt(r: Replica, offset: number): KRecord | undefined {
  const rec = r.log[indexAtOrAfter(r, offset)];
  return rec?.offset === offset ? rec : undefined;
}

/** Records in [from, to), at most `max`. */
export function readRange(r: Replica, from: number, to: number, max: number): KRecord[] {
  const out: KRecord[] = [];
  for (let i = indexAtOrAfter(r, from); i < r.log.length && out.length < max; i++) {
    const rec = r.log[i]!;
    if (rec.offset >= to) break;
    out.push(rec);
  }
  return out;
}

/** Appends records that already carry their offsets (from the leader, or made by it). */
export function appendRecords(r: Replica, records: readonly KRecord[]): void {
  for (const rec of records) {
    if (rec.offset < r.leo) continue; // already have it (a repeated fetch)
    r.log.push(rec);
    r.leo = rec.offset + 1;
    trackProducerState(r, rec);
  }
}

function trackProducerState(r: Replica, rec: KRecord): void {
  if (rec.pid < 0) return;
  const key = String(rec.pid);
  if (rec.control) {
    // A marker written for a newer epoch fences the older producer instance.
    const st = (r.producers[key] ??= { epoch: rec.pepoch, lastSeq: -1, batches: [] });
    if (rec.pepoch > st.epoch) { st.epoch = rec.pepoch; st.lastSeq = -1; st.batches = []; }
    const first = r.ongoingTxns[key];
    if (first !== undefined && rec.control === 'abort') r.abortedTxns.push({ pid: rec.pid, first, last: rec.offset });
    delete r.ongoingTxns[key];
    return;
  }
  if (rec.txn && r.ongoingTxns[key] === undefined) r.ongoingTxns[key] = rec.offset;
  const st = (r.producers[key] ??= { epoch: rec.pepoch, lastSeq: -1, batches: [] });
  if (rec.pepoch > st.epoch) { st.epoch = rec.pepoch; st.lastSeq = -1; st.batches = []; }
  if (rec.seq >= 0) {
    const last = st.batches[st.batches.length - 1];
    if (last && last.firstSeq === rec.bseq) last.lastSeq = rec.seq;
    else st.batches.push({ firstSeq: rec.bseq, lastSeq: rec.seq, firstOffset: rec.offset });
    if (st.batches.length > 5) st.batches.shift(); // Kafka keeps the last five batches per producer
    st.lastSeq = rec.seq;
  }
}

/** Drops every record at or above `offset` and rebuilds the state derived from the log. */
export function truncateTo(r: Replica, offset: number): KRecord[] {
  if (offset >= r.leo) return [];
  const i = indexAtOrAfter(r, offset);
  const removed = r.log.splice(i);
  r.leo = Math.max(offset, r.logStart);
  r.hw = Math.min(r.hw, r.leo);
  rebuildDerived(r);
  return removed;
}

export function rebuildDerived(r: Replica): void {
  r.producers = {};
  r.ongoingTxns = {};
  r.abortedTxns = [];
  for (const rec of r.log) trackProducerState(r, rec);
}

/** KIP-101: the end offset of `epoch` on this log = start offset of the first later epoch, or the LEO. */
export function endOffsetForEpoch(r: Replica, epoch: number): number {
  for (let i = r.log.length - 1; i >= 0; i--) {
    const rec = r.log[i]!;
    if (rec.epoch <= epoch) return i === r.log.length - 1 ? r.leo : r.log[i + 1]!.offset;
  }
  return r.logStart;
}

export const lastEpoch = (r: Replica): number => r.log[r.log.length - 1]?.epoch ?? -1;

/** Last stable offset: the high watermark, or the first offset of the oldest open transaction if lower. */
export function lastStableOffset(r: Replica): number {
  let lso = r.hw;
  for (const first of Object.values(r.ongoingTxns)) lso = Math.min(lso, first);
  return lso;
}

/** What a read_committed consumer sees: no records of aborted transactions, no control records. */
export function isVisibleCommitted(r: Replica, rec: KRecord): boolean {
  if (rec.control) return false;
  if (!rec.txn) return true;
  return !r.abortedTxns.some((a) => a.pid === rec.pid && rec.offset >= a.first && rec.offset <= a.last);
}

export const logBytes = (r: Replica): number => r.log.reduce((n, rec) => n + rec.size, 0);
