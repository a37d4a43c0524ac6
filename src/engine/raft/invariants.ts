// Raft's safety properties (Figure 3), checked after every event against the servers' state and the audit
// record of what happened (which leaders existed, what was committed and applied).
import type { Invariant } from '../core/types.ts';
import { prefixHash, type LogEntry, type RaftServer, type RaftState } from './state.ts';

// The checks are pure functions of the state. Each is memoised on a short key of what it reads (log
// versions, roles, terms, applied and committed counts) so an event that changed none of it costs O(servers).
const memo = new WeakMap<RaftState, Record<string, { key: string; result: string | null }>>();
function memoised(name: string, keyOf: (st: RaftState) => string, check: (st: RaftState) => string | null) {
  return (st: RaftState): string | null => {
    const key = keyOf(st);
    let m = memo.get(st);
    if (!m) { m = {}; memo.set(st, m); }
    const hit = m[name];
    if (hit && hit.key === key) return hit.result;
    const result = check(st);
    m[name] = { key, result };
    return result;
  };
}
// Prefix hashes of each log, recomputed only when that log changed, and of the applied record, which only grows.
const hashCache = new WeakMap<RaftState, { logs: Record<string, { version: number; hashes: Int32Array }>; applied: number[] }>();
function cacheOf(st: RaftState) {
  let c = hashCache.get(st);
  if (!c) { c = { logs: {}, applied: [17] }; hashCache.set(st, c); }
  return c;
}
function logHashes(st: RaftState, s: RaftServer): Int32Array {
  const c = cacheOf(st);
  const hit = c.logs[s.id];
  if (hit && hit.version === s.logVersion && hit.hashes.length === s.log.length + 1) return hit.hashes;
  const hashes = prefixHashes(s.log, null, s.log.length);
  c.logs[s.id] = { version: s.logVersion, hashes };
  return hashes;
}
function appliedHashes(st: RaftState): number[] {
  const h = cacheOf(st).applied;
  const ids = st.audit.appliedIds;
  if (h.length > ids.length + 1) h.length = 1;
  for (let i = h.length - 1; i < ids.length; i++) h.push((Math.imul(h[i]!, 31) + ids[i]!) | 0);
  return h;
}

const logsKey = (st: RaftState) => st.order.map((id) => `${st.servers[id]!.logVersion}.${st.servers[id]!.log.length}`).join(',');
const rolesKey = (st: RaftState) => st.order.map((id) => { const s = st.servers[id]!; return `${s.role[0]}${s.down ? 'd' : ''}${s.currentTerm}`; }).join(',');

const leaders = (st: RaftState): RaftServer[] =>
  st.order.map((id) => st.servers[id]!).filter((s) => s.role === 'leader' && !s.down);

/** Election Safety: at most one leader can be elected in a given term (§5.2). */
function electionSafety(st: RaftState): string | null {
  for (const term in st.audit.leadersByTerm) {
    const who = st.audit.leadersByTerm[term]!;
    const other = who.find((x) => x !== who[0]);
    if (other !== undefined) return `${who[0]} and ${other} were both elected leader in term ${term}`;
  }
  return null;
}

/** Leader Append-Only: a leader never overwrites or deletes entries in its log, only appends (§5.3). */
function leaderAppendOnly(st: RaftState): string | null {
  for (const s of leaders(st)) {
    const rec = st.audit.leaderLog[s.id];
    if (!rec || rec.term !== s.currentTerm) continue;
    if (rec.len > s.log.length) return `leader ${s.id} (term ${s.currentTerm}) lost entries from index ${s.log.length + 1}`;
    if (prefixHash(s.log, rec.len) !== rec.hash) return `leader ${s.id} (term ${s.currentTerm}) overwrote entries among its first ${rec.len}`;
  }
  return null;
}

/** Running hashes of prefixes: h[i] covers the ids of entries 1..i (h[0] is the empty log). The same mix
 *  as state.ts's `mixId`, written out here because this loop runs after every event that changed a log. */
function prefixHashes(log: readonly LogEntry[] | null, ids: readonly number[] | null, len: number): Int32Array {
  const h = new Int32Array(len + 1);
  let acc = 17;
  h[0] = acc;
  for (let i = 0; i < len; i++) {
    acc = (Math.imul(acc, 31) + (log ? log[i]!.id : ids![i]!)) | 0;
    h[i + 1] = acc;
  }
  return h;
}

/** Log Matching: if two logs contain an entry with the same index and term, the logs are identical in all
 *  entries up through that index (§5.3). For each pair of servers it is enough to compare the prefixes up
 *  to the last index where their terms agree: every earlier agreeing index is inside that prefix. */
function logMatching(st: RaftState): string | null {
  const servers = st.order.map((id) => st.servers[id]!);
  const hashes = servers.map((s) => logHashes(st, s));
  for (let x = 0; x < servers.length; x++) {
    for (let y = x + 1; y < servers.length; y++) {
      const a = servers[x]!;
      const b = servers[y]!;
      let m = Math.min(a.log.length, b.log.length);
      while (m > 0 && a.log[m - 1]!.term !== b.log[m - 1]!.term) m--;
      if (m === 0 || hashes[x]![m] === hashes[y]![m]) continue;
      let k = 1;
      while (a.log[k - 1]!.id === b.log[k - 1]!.id) k++;
      return `${a.id} and ${b.id} both hold an entry of term ${a.log[m - 1]!.term} at index ${m}, but their logs differ at index ${k}`;
    }
  }
  return null;
}

/** Leader Completeness: an entry committed in a term is present in the logs of the leaders of all later terms (§5.4). */
function leaderCompleteness(st: RaftState): string | null {
  for (const s of leaders(st)) {
    const a = st.audit;
    for (let i = 0; i < a.committedIds.length; i++) {
      if (a.committedInTerm[i]! < s.currentTerm && s.log[i]?.id !== a.committedIds[i]) {
        return `leader ${s.id} of term ${s.currentTerm} lacks committed entry ${i + 1} (${a.committedText[i]})`;
      }
    }
  }
  return null;
}

/** State Machine Safety: if a server has applied an entry at an index, no other server ever applies a
 *  different entry at that index (§5.4.3). Each server's applied prefix must equal the first-applied record. */
function stateMachineSafety(st: RaftState): string | null {
  const a = st.audit;
  const first = appliedHashes(st);
  for (const id of st.order) {
    const s = st.servers[id]!;
    const n = Math.min(s.lastApplied, s.log.length, a.appliedIds.length);
    if (logHashes(st, s)[n] === first[n]) continue;
    let i = 1;
    while (s.log[i - 1]!.id === a.appliedIds[i - 1]) i++;
    const mine = s.log[i - 1]!;
    return `index ${i}: ${a.appliedText[i - 1]} was applied, but ${id}, applied up to ${s.lastApplied}, holds ${mine.command} (term ${mine.term}) there`;
  }
  return null;
}

export const raftInvariants: readonly Invariant<RaftState>[] = [
  { name: 'election-safety', description: 'at most one leader is elected in a term', check: electionSafety },
  {
    name: 'leader-append-only', description: 'a leader never overwrites or deletes its log entries',
    check: memoised('lao', (st) => `${logsKey(st)}|${rolesKey(st)}`, leaderAppendOnly),
  },
  {
    name: 'log-matching', description: 'two logs with an entry of the same index and term agree up to it',
    check: memoised('lm', logsKey, logMatching),
  },
  {
    name: 'leader-completeness', description: 'a committed entry is in the log of every later leader',
    check: memoised('lc', (st) => `${logsKey(st)}|${rolesKey(st)}|${st.audit.committedIds.length}`, leaderCompleteness),
  },
  {
    name: 'state-machine-safety', description: 'no two servers apply different commands at the same index',
    check: memoised('sms', (st) => `${logsKey(st)}|${st.order.map((id) => st.servers[id]!.lastApplied).join(',')}|${st.audit.appliedIds.length}`, stateMachineSafety),
  },
];
