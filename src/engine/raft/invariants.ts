// Raft's safety properties (Figure 3), checked after every event against the servers' state and the audit
// record of what happened (which leaders existed, what was committed and applied).
//
// Each check is a pure function of the state, worked out incrementally. Per state it remembers what it last
// saw of each server (its log and log version, role, term, lastApplied) and of the audit (its lengths), and
// the answer it gave; an event that changed nothing a check reads costs a few comparisons per server, and
// one that did re-checks only what it touched. Logs are compared through their digests (log.ts): prefix
// hashes, so two prefixes compare in one step (equal hashes, equal prefixes), and runs of equal terms.
// tests/unit/raft/reference-invariants.ts states each property from scratch; a property test keeps the two
// in agreement under random fault schedules and random edits.
import type { Invariant, NodeId } from '../core/types.ts';
import type { LogEntry, RaftServer, RaftState } from './state.ts';
import { commonPrefix, digestOf, lastIndexOfEqualTerms } from './log.ts';
import { MinTree } from './min-tree.ts';

/** What one server looked like when a check last worked out its part of the answer. */
interface Seen {
  server: RaftServer;
  log: LogEntry[];
  version: number;
  /** Check-specific: the term (leader completeness) or lastApplied (state machine safety). */
  a: number;
  /** The audit length the answer covered. */
  b: number;
  result: string | null;
}

interface Memo {
  /** The servers in order, looked up once per cluster size: a server's record is never replaced, only added. */
  order?: readonly NodeId[];
  servers: RaftServer[];
  election?: { record: RaftState['audit']['leadersByTerm']; count: number; result: string | null };
  /** Log matching: the servers' logs as last seen, and one answer per pair (x < y at x * n + y). */
  pairs?: { n: number; seen: (Seen | undefined)[]; dirty: boolean[]; results: (string | null)[]; broken: number };
  completeness: (Seen | undefined)[];
  machine: (Seen | undefined)[];
  /** Prefix hashes and terms of the committed record, and prefix hashes of the applied one (append-only). */
  committed?: { ids: readonly number[]; terms: readonly number[]; hash: number[]; minTerm: MinTree };
  applied?: { ids: readonly number[]; hash: number[] };
}

const memos = new WeakMap<RaftState, Memo>();
let lastState: RaftState | null = null;
let lastMemo: Memo | null = null;
function memoOf(st: RaftState): Memo {
  if (st === lastState) return lastMemo!;
  let m = memos.get(st);
  if (!m) { m = { servers: [], completeness: [], machine: [] }; memos.set(st, m); }
  lastState = st;
  lastMemo = m;
  return m;
}

function serversOf(st: RaftState, m: Memo): readonly RaftServer[] {
  if (m.order !== st.order || m.servers.length !== st.order.length) {
    m.order = st.order;
    m.servers = st.order.map((id) => st.servers[id]!);
  }
  return m.servers;
}

const unchanged = (w: Seen | undefined, s: RaftServer, a: number, b: number): w is Seen =>
  w !== undefined && w.server === s && w.log === s.log && w.version === s.logVersion && w.a === a && w.b === b;
const seen = (s: RaftServer, a: number, b: number, result: string | null): Seen =>
  ({ server: s, log: s.log, version: s.logVersion, a, b, result });

/** Election Safety: at most one leader can be elected in a given term (§5.2). Worked out again only when
 *  someone became leader (the record's count moved). */
function electionSafety(st: RaftState): string | null {
  const m = memoOf(st);
  const a = st.audit;
  const e = m.election;
  if (e && e.record === a.leadersByTerm && e.count === a.elected) return e.result;
  let result: string | null = null;
  for (const term in a.leadersByTerm) {
    const who = a.leadersByTerm[term]!;
    const other = who.find((x) => x !== who[0]);
    if (other !== undefined) { result = `${who[0]} and ${other} were both elected leader in term ${term}`; break; }
  }
  m.election = { record: a.leadersByTerm, count: a.elected, result };
  return result;
}

/** Leader Append-Only: a leader never overwrites or deletes entries in its log, only appends (§5.3). One
 *  prefix hash per running leader, read from its digest. */
function leaderAppendOnly(st: RaftState): string | null {
  const servers = serversOf(st, memoOf(st));
  for (let x = 0; x < servers.length; x++) {
    const s = servers[x]!;
    if (s.role !== 'leader' || s.down) continue;
    const id = s.id;
    const rec = st.audit.leaderLog[id];
    if (!rec || rec.term !== s.currentTerm) continue;
    if (rec.len > s.log.length) return `leader ${id} (term ${s.currentTerm}) lost entries from index ${s.log.length + 1}`;
    if (digestOf(s).hash[rec.len] !== rec.hash) return `leader ${id} (term ${s.currentTerm}) overwrote entries among its first ${rec.len}`;
  }
  return null;
}

/** Log Matching for one pair: if two logs contain an entry with the same index and term, the logs are
 *  identical in all entries up through that index (§5.3). It is enough to compare the prefixes up to the
 *  last index where their terms agree: every earlier agreeing index is inside that prefix. */
function logsMatch(a: RaftServer, b: RaftServer): string | null {
  const da = digestOf(a);
  const db = digestOf(b);
  const m = lastIndexOfEqualTerms(da, db, Math.min(a.log.length, b.log.length));
  if (m === 0 || da.hash[m] === db.hash[m]) return null;
  let k = 1;
  while (a.log[k - 1]!.id === b.log[k - 1]!.id) k++;
  return `${a.id} and ${b.id} both hold an entry of term ${a.log[m - 1]!.term} at index ${m}, but their logs differ at index ${k}`;
}

/** Log Matching over every pair of servers; only the pairs with a log that changed are compared again. */
function logMatching(st: RaftState): string | null {
  const m = memoOf(st);
  const n = st.order.length;
  let p = m.pairs;
  if (!p || p.n !== n) {
    p = m.pairs = { n, seen: new Array<Seen | undefined>(n), dirty: new Array<boolean>(n).fill(false), results: new Array<string | null>(n * n).fill(null), broken: 0 };
  }
  const servers = serversOf(st, m);
  let any = false;
  for (let x = 0; x < n; x++) {
    const s = servers[x]!;
    if (unchanged(p.seen[x], s, 0, 0)) continue;
    p.seen[x] = seen(s, 0, 0, null);
    p.dirty[x] = any = true;
  }
  if (any) {
    for (let x = 0; x < n; x++) {
      for (let y = x + 1; y < n; y++) {
        if (!p.dirty[x] && !p.dirty[y]) continue;
        const k = x * n + y;
        const before = p.results[k]!;
        const now = logsMatch(servers[x]!, servers[y]!);
        p.results[k] = now;
        p.broken += (now !== null ? 1 : 0) - (before !== null ? 1 : 0);
      }
    }
    p.dirty.fill(false);
  }
  if (p.broken === 0) return null;
  for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) if (p.results[x * n + y] !== null) return p.results[x * n + y]!;
  return null;
}

/** Prefix hashes of a list of ids that only grows (the audit's), extended as it grows. */
function extendHashes(hash: number[], ids: readonly number[]): void {
  for (let i = hash.length - 1; i < ids.length; i++) hash.push((Math.imul(hash[i]!, 31) + ids[i]!) | 0);
}

function committedOf(st: RaftState, m: Memo): NonNullable<Memo['committed']> {
  const a = st.audit;
  let c = m.committed;
  if (!c || c.hash.length > a.committedIds.length + 1) {
    c = m.committed = { ids: a.committedIds, terms: a.committedInTerm, hash: [17], minTerm: new MinTree() };
  }
  extendHashes(c.hash, a.committedIds);
  while (c.minTerm.length < a.committedInTerm.length) c.minTerm.push(a.committedInTerm[c.minTerm.length]!);
  return c;
}

/** Leader Completeness for one leader: the first committed entry of an earlier term its log lacks. The
 *  prefix its log shares with the committed record is found by binary search over the prefix hashes; past
 *  it, only the entries committed in an earlier term than the leader's are looked at (the min-tree finds
 *  them), each compared by id. */
function leaderHasCommitted(st: RaftState, s: RaftServer, c: NonNullable<Memo['committed']>): string | null {
  const a = st.audit;
  const count = a.committedIds.length;
  let i = commonPrefix(digestOf(s).hash, c.hash, Math.min(s.log.length, count));
  for (;;) {
    i = c.minTerm.firstBelow(s.currentTerm, i);
    if (i < 0 || i >= count) return null;
    if (s.log[i]?.id !== a.committedIds[i]) return `leader ${s.id} of term ${s.currentTerm} lacks committed entry ${i + 1} (${a.committedText[i]})`;
    i++;
  }
}

/** Leader Completeness: an entry committed in a term is present in the logs of the leaders of all later terms (§5.4). */
function leaderCompleteness(st: RaftState): string | null {
  const m = memoOf(st);
  const a = st.audit;
  // A record replaced wholesale (not grown) makes every remembered answer stale.
  if (m.committed && (m.committed.ids !== a.committedIds || m.committed.terms !== a.committedInTerm)) { m.committed = undefined; m.completeness = []; }
  let c: NonNullable<Memo['committed']> | undefined;
  const count = a.committedIds.length;
  const servers = serversOf(st, m);
  for (let x = 0; x < servers.length; x++) {
    const s = servers[x]!;
    if (s.role !== 'leader' || s.down) continue;
    let w = m.completeness[x];
    if (!unchanged(w, s, s.currentTerm, count)) {
      c ??= committedOf(st, m);
      w = m.completeness[x] = seen(s, s.currentTerm, count, leaderHasCommitted(st, s, c));
    }
    if (w.result !== null) return w.result;
  }
  return null;
}

/** State Machine Safety: if a server has applied an entry at an index, no other server ever applies a
 *  different entry at that index (§5.4.3). Each server's applied prefix must equal the first-applied record. */
function stateMachineSafety(st: RaftState): string | null {
  const m = memoOf(st);
  const a = st.audit;
  if (m.applied && m.applied.ids !== a.appliedIds) { m.applied = undefined; m.machine = []; }
  const count = a.appliedIds.length;
  let first: number[] | undefined;
  const servers = serversOf(st, m);
  for (let x = 0; x < servers.length; x++) {
    const s = servers[x]!;
    let w = m.machine[x];
    if (!unchanged(w, s, s.lastApplied, count)) {
      first ??= appliedHashes(st, m);
      w = m.machine[x] = seen(s, s.lastApplied, count, appliedMatches(st, s, first));
    }
    if (w.result !== null) return w.result;
  }
  return null;
}

function appliedHashes(st: RaftState, m: Memo): number[] {
  const ids = st.audit.appliedIds;
  let h = m.applied;
  if (!h || h.hash.length > ids.length + 1) h = m.applied = { ids, hash: [17] };
  extendHashes(h.hash, ids);
  return h.hash;
}

function appliedMatches(st: RaftState, s: RaftServer, first: readonly number[]): string | null {
  const a = st.audit;
  const n = Math.min(s.lastApplied, s.log.length, a.appliedIds.length);
  if (digestOf(s).hash[n] === first[n]) return null;
  let i = 1;
  while (s.log[i - 1]!.id === a.appliedIds[i - 1]) i++;
  const mine = s.log[i - 1]!;
  return `index ${i}: ${a.appliedText[i - 1]} was applied, but ${s.id}, applied up to ${s.lastApplied}, holds ${mine.command} (term ${mine.term}) there`;
}

export const raftInvariants: readonly Invariant<RaftState>[] = [
  { name: 'election-safety', description: 'at most one leader is elected in a term', check: electionSafety },
  { name: 'leader-append-only', description: 'a leader never overwrites or deletes its log entries', check: leaderAppendOnly },
  { name: 'log-matching', description: 'two logs with an entry of the same index and term agree up to it', check: logMatching },
  { name: 'leader-completeness', description: 'a committed entry is in the log of every later leader', check: leaderCompleteness },
  { name: 'state-machine-safety', description: 'no two servers apply different commands at the same index', check: stateMachineSafety },
];
