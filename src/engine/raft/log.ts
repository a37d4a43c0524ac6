// Changes to a server's log, and the digest that the safety checks and the configuration lookup read instead
// of rescanning the log: the running hash of every prefix (equal hashes, equal prefixes), the log's runs of
// entries of one term, and where its configuration entries are. Entries are frozen as they are appended:
// they never change, so snapshots share them instead of copying them (core/clone.ts).
// The digest is kept beside the state, not in it, so snapshots copy nothing more: appendEntry and
// truncateLog keep it in step; any other change to a log must bump logVersion (as every change always
// had to), and the digest is then rebuilt from the log the next time it is read.
import type { LogEntry, RaftServer } from './state.ts';

/** A running hash over entry ids: equal hashes for equal prefixes (collisions are astronomically rare). */
export const mixId = (hash: number, id: number): number => (Math.imul(hash, 31) + id) | 0;
/** The running hash of the empty log. */
export const EMPTY_LOG_HASH = 17;

export interface LogDigest {
  /** The log and version this digest describes. */
  log: LogEntry[];
  version: number;
  /** hash[i]: mixId over the ids of entries 1..i; hash[0] = EMPTY_LOG_HASH. */
  readonly hash: number[];
  /** Runs of consecutive entries of one term: run r starts at 0-based index runStart[r], its term runTerm[r]. */
  readonly runStart: number[];
  readonly runTerm: number[];
  /** 0-based indices of the membership-change entries, in order. */
  readonly configs: number[];
}

const digests = new WeakMap<RaftServer, LogDigest>();

function rebuild(s: RaftServer): LogDigest {
  const d: LogDigest = { log: s.log, version: s.logVersion, hash: [EMPTY_LOG_HASH], runStart: [], runTerm: [], configs: [] };
  for (let i = 0; i < s.log.length; i++) extend(d, s.log[i]!, i);
  digests.set(s, d);
  return d;
}

function extend(d: LogDigest, e: LogEntry, index0: number): void {
  d.hash.push(mixId(d.hash[d.hash.length - 1]!, e.id));
  if (d.runTerm[d.runTerm.length - 1] !== e.term) { d.runStart.push(index0); d.runTerm.push(e.term); }
  if (e.config) d.configs.push(index0);
}

/** The digest of `s`'s log as it is now. */
export function digestOf(s: RaftServer): LogDigest {
  const d = digests.get(s);
  return d !== undefined && d.log === s.log && d.version === s.logVersion ? d : rebuild(s);
}

/** The digest if it is in step with the log right now (before a change), else undefined (rebuilt later). */
function inStep(s: RaftServer): LogDigest | undefined {
  const d = digests.get(s);
  return d !== undefined && d.log === s.log && d.version === s.logVersion ? d : undefined;
}

/** Appends one entry to the log (frozen, with its configuration, if it is not already). */
export function appendEntry(s: RaftServer, e: LogEntry): void {
  if (!Object.isFrozen(e)) { if (e.config) Object.freeze(e.config); Object.freeze(e); }
  const d = inStep(s);
  s.log.push(e);
  s.logVersion++;
  if (d === undefined) return;
  extend(d, e, s.log.length - 1);
  d.version = s.logVersion;
}

/** Deletes every entry from 1-based index `len + 1` on (Figure 2, AppendEntries step 3). */
export function truncateLog(s: RaftServer, len: number): void {
  if (len >= s.log.length) return;
  const d = inStep(s);
  s.log.length = len;
  s.logVersion++;
  if (d === undefined) return;
  d.hash.length = len + 1;
  while (d.runStart.length > 0 && d.runStart[d.runStart.length - 1]! >= len) { d.runStart.pop(); d.runTerm.pop(); }
  while (d.configs.length > 0 && d.configs[d.configs.length - 1]! >= len) d.configs.pop();
  d.version = s.logVersion;
}

/** The 1-based index of the newest membership-change entry in the log, or 0. */
export function lastConfigIndex(s: RaftServer): number {
  const c = digestOf(s).configs;
  return c.length === 0 ? 0 : c[c.length - 1]! + 1;
}

/** The run holding 0-based index `i` (which must be inside the log). */
function runAt(d: LogDigest, i: number): number {
  let lo = 0;
  let hi = d.runStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.runStart[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The highest 1-based index at or below `top` where the two logs hold entries of the same term, or 0.
 * Walks down both logs' runs together: within a pair of runs the terms are constant, so one comparison
 * decides the whole overlap. Costs the number of runs passed, not the number of entries.
 */
export function lastIndexOfEqualTerms(a: LogDigest, b: LogDigest, top: number): number {
  if (top <= 0) return 0;
  let pos = top - 1;
  let ra = runAt(a, pos);
  let rb = runAt(b, pos);
  while (pos >= 0) {
    if (a.runTerm[ra] === b.runTerm[rb]) return pos + 1;
    pos = Math.max(a.runStart[ra]!, b.runStart[rb]!) - 1;
    if (a.runStart[ra]! > pos) ra--;
    if (b.runStart[rb]! > pos) rb--;
  }
  return 0;
}

/** The longest common prefix of a log and a list of ids, given both lists' prefix hashes (equal hashes,
 *  equal prefixes), up to `max`: binary search, since a common prefix makes every shorter one common. */
export function commonPrefix(a: readonly number[], b: readonly number[], max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid] === b[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
