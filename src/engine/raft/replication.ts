// Log replication (Figure 2: AppendEntries RPC, and the leader's rules for nextIndex, matchIndex and commit).
import type { NodeId, SystemContext } from '../core/types.ts';
import { configOf, lastIndex, majorityOf, termAt, type LogEntry, type RaftServer, type RaftState } from './state.ts';
import { appendEntry, digestOf, lastConfigIndex, mixId, truncateLog } from './log.ts';
import type { AppendEntries, AppendEntriesReply } from './messages.ts';
import { becomeFollower, peersOf, resetElectionTimer } from './roles.ts';
import { noteLeaderContact, recordAck, refreshLease } from './lease.ts';

/** Figure 2, leaders: a command from a client is appended to the leader's own log first. */
export function appendAsLeader(
  st: RaftState, s: RaftServer, what: { command: string; config?: readonly NodeId[] }, ctx: SystemContext,
): number {
  const entry: LogEntry = { term: s.currentTerm, command: what.command, id: st.nextEntryId++, ...(what.config ? { config: [...what.config] } : {}) };
  appendEntry(s, entry);
  // The record extends its own hash (not the log's), so a leader that rewrote its log still differs from it.
  const rec = st.audit.leaderLog[s.id];
  st.audit.leaderLog[s.id] = rec && rec.term === s.currentTerm && rec.len === s.log.length - 1
    ? { term: s.currentTerm, len: s.log.length, hash: mixId(rec.hash, entry.id) }
    : { term: s.currentTerm, len: s.log.length, hash: digestOf(s).hash[s.log.length]! };
  // A configuration takes effect as soon as it is in the log (dissertation §4.1): new peers start probing.
  if (what.config) {
    for (const p of peersOf(st, s)) {
      if (s.nextIndex[p] === undefined) { s.nextIndex[p] = lastIndex(s); s.matchIndex[p] = 0; }
    }
  }
  // A leader that is its configuration's only member has its majority already: it commits at once.
  advanceCommitIndex(st, s, ctx);
  return lastIndex(s);
}

/** Figure 2, leaders: "If last log index >= nextIndex for a follower: send AppendEntries with log entries
 *  starting at nextIndex"; with none to send it is a heartbeat. */
export function sendAppendEntries(st: RaftState, s: RaftServer, peer: NodeId, ctx: SystemContext): void {
  const next = s.nextIndex[peer] ?? lastIndex(s) + 1;
  const prevLogIndex = next - 1;
  const msg: AppendEntries = {
    type: 'AppendEntries', term: s.currentTerm, leaderId: s.id, prevLogIndex, prevLogTerm: termAt(s, prevLogIndex) ?? 0,
    entries: s.log.slice(prevLogIndex, prevLogIndex + st.config.maxBatch), leaderCommit: s.commitIndex, sentAt: ctx.clock(s.id),
  };
  ctx.send(s.id, peer, msg);
}

export function broadcastAppendEntries(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  for (const p of peersOf(st, s)) sendAppendEntries(st, s, p, ctx);
}

/** The receiver's side of AppendEntries, Figure 2 steps 1-5. */
export function handleAppendEntries(st: RaftState, s: RaftServer, from: NodeId, msg: AppendEntries, ctx: SystemContext): void {
  const reply = (success: boolean, matchIndex: number) => {
    const r: AppendEntriesReply = { type: 'AppendEntriesReply', term: s.currentTerm, success, prevLogIndex: msg.prevLogIndex, matchIndex, sentAt: msg.sentAt };
    ctx.send(s.id, from, r);
  };
  // 1. Reply false if term < currentTerm (§5.1).
  if (msg.term < s.currentTerm) { reply(false, 0); return; }
  // A higher term, or a candidate hearing from the leader of its own term: become a follower (§5.2).
  if (msg.term > s.currentTerm || s.role === 'candidate') becomeFollower(st, s, msg.term, ctx, `heard from leader ${msg.leaderId}`);
  if (s.role === 'leader') return; // two leaders in one term cannot happen; the election-safety check reports it
  s.leaderId = msg.leaderId;
  s.preVoting = false;
  noteLeaderContact(s, ctx);
  // 2. Reply false if the log has no entry at prevLogIndex whose term matches prevLogTerm (§5.3).
  if (termAt(s, msg.prevLogIndex) !== msg.prevLogTerm) {
    resetElectionTimer(st, s, ctx);
    reply(false, 0);
    return;
  }
  // 3. If an existing entry conflicts with a new one (same index, different terms), delete it and all that
  //    follow; 4. append any new entries not already in the log.
  msg.entries.forEach((e, k) => {
    const index = msg.prevLogIndex + 1 + k;
    const existing = s.log[index - 1];
    if (existing && existing.term !== e.term) {
      ctx.note(s.id, `deleted ${s.log.length - index + 1} conflicting entr${s.log.length - index + 1 === 1 ? 'y' : 'ies'} from index ${index}`);
      truncateLog(s, index - 1);
    }
    if (!s.log[index - 1]) appendEntry(s, e);
  });
  const lastNew = msg.prevLogIndex + msg.entries.length;
  // 5. If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry).
  if (msg.leaderCommit > s.commitIndex) setCommitIndex(st, s, Math.min(msg.leaderCommit, lastNew), ctx);
  // The timer restarts after the entries, so a server that just learned it joined starts campaigning.
  resetElectionTimer(st, s, ctx);
  reply(true, lastNew);
}

/** The leader's side: "If successful: update nextIndex and matchIndex for follower. If AppendEntries fails
 *  because of log inconsistency: decrement nextIndex and retry." */
export function handleAppendEntriesReply(st: RaftState, s: RaftServer, from: NodeId, msg: AppendEntriesReply, ctx: SystemContext): void {
  if (msg.term > s.currentTerm) { becomeFollower(st, s, msg.term, ctx, `${from} has term ${msg.term}`); return; }
  if (s.role !== 'leader' || msg.term !== s.currentTerm || s.nextIndex[from] === undefined) return;
  recordAck(s, from, msg.sentAt);
  if (st.config.lease) refreshLease(st, s, ctx);
  if (msg.success) {
    const before = s.nextIndex[from]!;
    s.matchIndex[from] = Math.max(s.matchIndex[from] ?? 0, msg.matchIndex);
    s.nextIndex[from] = Math.max(before, msg.matchIndex + 1);
    advanceCommitIndex(st, s, ctx);
    // More to send, and this reply told us something new (a duplicate reply must not start a second stream).
    if (s.role === 'leader' && s.nextIndex[from]! > before && s.nextIndex[from]! <= lastIndex(s)) sendAppendEntries(st, s, from, ctx);
    return;
  }
  // Only the answer to the current probe moves nextIndex, so a late or duplicated failure is not counted twice.
  if (s.nextIndex[from] !== msg.prevLogIndex + 1) return;
  s.nextIndex[from] = Math.max(1, (s.matchIndex[from] ?? 0) + 1, msg.prevLogIndex);
  if (s.nextIndex[from] === msg.prevLogIndex + 1) return; // cannot go lower; the next heartbeat probes again
  sendAppendEntries(st, s, from, ctx);
}

/** Figure 2, leaders: "If there exists an N > commitIndex such that a majority of matchIndex[i] >= N, and
 *  log[N].term == currentTerm: set commitIndex = N" (§5.3, §5.4). */
export function advanceCommitIndex(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  const last = lastIndex(s);
  if (last <= s.commitIndex) return;
  const members = configOf(st, s);
  const need = majorityOf(members);
  // The highest N a majority has: the largest member's matchIndex that a majority reaches (the leader
  // counting its whole log). Nine members at most, so the pairs are counted rather than sorted.
  const has = (m: NodeId) => (m === s.id ? last : Math.min(s.matchIndex[m] ?? 0, last));
  let n = 0;
  for (const m of members) {
    const v = has(m);
    if (v <= n || v <= s.commitIndex) continue;
    let count = 0;
    for (const o of members) if (has(o) >= v) count++;
    if (count >= need) n = v;
  }
  if (n === 0) return;
  // §5.4.2: never commit an earlier term's entry by counting replicas: N and every entry above it must be of
  // the current term (counting down from the top, the first entry of another term stops the search). The
  // broken switch skips exactly this.
  if (!st.config.brokenCommit) for (let i = last; i >= n; i--) if (termAt(s, i) !== s.currentTerm) return;
  setCommitIndex(st, s, n, ctx);
}

export function setCommitIndex(st: RaftState, s: RaftServer, n: number, ctx: SystemContext): void {
  if (n <= s.commitIndex) return;
  const a = st.audit;
  for (let i = Math.max(s.commitIndex, a.committedIds.length) + 1; i <= Math.min(n, lastIndex(s)); i++) {
    const e = s.log[i - 1]!;
    a.committedIds.push(e.id);
    a.committedCommands.push(e.command);
    a.committedInTerm.push(s.currentTerm);
    a.committedText.push(`${e.command}, term ${e.term}`);
  }
  if (s.role === 'leader') {
    const e = s.log[n - 1];
    ctx.note(s.id, `committed index ${n}${e ? ` (${e.command}, term ${e.term})` : ''}`);
  }
  s.commitIndex = n;
  applyCommitted(st, s, ctx);
}

/** Figure 2, all servers: "If commitIndex > lastApplied: increment lastApplied, apply log[lastApplied]". */
export function applyCommitted(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  const upTo = Math.min(s.commitIndex, lastIndex(s));
  while (s.lastApplied < upTo) {
    s.lastApplied++;
    const e = s.log[s.lastApplied - 1]!;
    if (s.role === 'leader') answerClient(st, s, e, ctx);
    if (st.audit.appliedIds.length < s.lastApplied) {
      st.audit.appliedIds.push(e.id);
      st.audit.appliedText.push(`${e.command} (term ${e.term}) by ${s.id}`);
    }
    // Dissertation §4.2.2: a leader removed from the configuration steps down once the change commits.
    if (e.config && s.role === 'leader' && !configOf(st, s).includes(s.id) && s.commitIndex >= lastConfigIndex(s)) {
      becomeFollower(st, s, s.currentTerm, ctx, 'it is no longer a member of the cluster');
    }
  }
}

/** Figure 2, leaders: respond to the client once its entry is applied. */
function answerClient(st: RaftState, s: RaftServer, e: LogEntry, ctx: SystemContext): void {
  const req = st.requests.find((r) => r.appliedAt === null && r.leader === s.id && r.index === s.lastApplied && r.term === e.term);
  if (req) req.appliedAt = ctx.now;
}

