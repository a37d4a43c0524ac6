// Role changes (Figure 2, "Rules for Servers"): follower, candidate, leader, and the timers each keeps.
import type { NodeId, SystemContext } from '../core/types.ts';
import { configOf, lastIndex, lastTerm, majorityOf, recordLeader, type RaftServer, type RaftState } from './state.ts';
import { digestOf } from './log.ts';
import type { RequestVote } from './messages.ts';
import { appendAsLeader, broadcastAppendEntries } from './replication.ts';

/** Only a member of its own configuration campaigns (a new server waits to be told it joined; §4.2.1). */
export const canCampaign = (st: RaftState, s: RaftServer): boolean => !s.down && configOf(st, s).includes(s.id);

export const peersOf = (st: RaftState, s: RaftServer): NodeId[] => configOf(st, s).filter((p) => p !== s.id);

export function stopElectionTimer(s: RaftServer, ctx: SystemContext): void {
  if (s.electionTimer !== null) ctx.cancelTimer(s.electionTimer);
  s.electionTimer = null;
  s.electionStart = null;
  s.electionTimeout = null;
}

/** Raft §5.2: a fresh, randomized election timeout, so servers rarely time out together. */
export function resetElectionTimer(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  stopElectionTimer(s, ctx);
  if (!canCampaign(st, s) || s.role === 'leader') return;
  const timeout = ctx.rng.int(st.config.electionMin, st.config.electionMax);
  s.electionTimer = ctx.setTimer(s.id, timeout, 'election');
  s.electionStart = ctx.now;
  s.electionTimeout = timeout;
}

function stopHeartbeat(s: RaftServer, ctx: SystemContext): void {
  if (s.heartbeatTimer !== null) ctx.cancelTimer(s.heartbeatTimer);
  s.heartbeatTimer = null;
  if (s.loadTimer !== null) ctx.cancelTimer(s.loadTimer);
  s.loadTimer = null;
}

/** The built-in client: while `load` is on, the leader receives a request every `load` ms. */
export function armLoad(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  if (s.loadTimer !== null) ctx.cancelTimer(s.loadTimer);
  s.loadTimer = s.role === 'leader' && st.config.load > 0 ? ctx.setTimer(s.id, st.config.load, 'client') : null;
}

/** Figure 2, all servers: "If RPC request or response contains term T > currentTerm: set currentTerm = T,
 *  convert to follower". Also used when a candidate hears from the leader of its own term. */
export function becomeFollower(st: RaftState, s: RaftServer, term: number, ctx: SystemContext, why: string): void {
  const was = s.role;
  if (term > s.currentTerm) {
    s.currentTerm = term;
    s.votedFor = null;
    s.leaderId = null;
  }
  s.role = 'follower';
  s.votes = [];
  s.preVotes = [];
  s.preVoting = false;
  if (was === 'leader') {
    stopHeartbeat(s, ctx);
    s.nextIndex = {};
    s.matchIndex = {};
    s.leaseUntil = null;
    s.leaderSince = null;
    s.ackedSentAt = {};
    ctx.note(s.id, `stepped down to follower term=${s.currentTerm}: ${why}`);
  }
  if (s.electionTimer === null) resetElectionTimer(st, s, ctx);
}

function voteRequest(s: RaftServer, term: number, preVote: boolean): RequestVote {
  return { type: 'RequestVote', term, candidateId: s.id, lastLogIndex: lastIndex(s), lastLogTerm: lastTerm(s), ...(preVote ? { preVote } : {}) };
}

/** Pre-vote (dissertation §9.6): ask whether we could win term+1 before disturbing anyone's term. */
export function startPreVote(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  s.preVoting = true;
  s.preVotes = [s.id];
  resetElectionTimer(st, s, ctx);
  ctx.note(s.id, `starts a pre-vote for term=${s.currentTerm + 1}`);
  const msg = voteRequest(s, s.currentTerm + 1, true);
  for (const p of peersOf(st, s)) ctx.send(s.id, p, msg);
  if (hasMajority(st, s, s.preVotes)) startElection(st, s, ctx);
}

/** Figure 2, candidates: increment currentTerm, vote for self, reset the election timer, send RequestVote to all. */
export function startElection(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  s.preVoting = false;
  s.preVotes = [];
  s.currentTerm++;
  s.role = 'candidate';
  s.votedFor = s.id;
  s.votes = [s.id];
  s.leaderId = null;
  resetElectionTimer(st, s, ctx);
  ctx.note(s.id, `became candidate term=${s.currentTerm}`);
  const msg = voteRequest(s, s.currentTerm, false);
  for (const p of peersOf(st, s)) ctx.send(s.id, p, msg);
  if (hasMajority(st, s, s.votes)) becomeLeader(st, s, ctx);
}

/** Votes count only from members of the candidate's configuration. */
export function hasMajority(st: RaftState, s: RaftServer, voters: readonly NodeId[]): boolean {
  const members = configOf(st, s);
  return voters.filter((v) => members.includes(v)).length >= majorityOf(members);
}

/** Figure 2, leaders: initialise nextIndex to last log index + 1 and matchIndex to 0, then heartbeat. */
export function becomeLeader(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  s.role = 'leader';
  s.leaderId = s.id;
  s.votes = [];
  stopElectionTimer(s, ctx);
  s.nextIndex = {};
  s.matchIndex = {};
  for (const p of peersOf(st, s)) {
    s.nextIndex[p] = lastIndex(s) + 1;
    s.matchIndex[p] = 0;
  }
  s.leaderSince = ctx.clock(s.id);
  s.ackedSentAt = {};
  s.leaseUntil = null;
  recordLeader(st.audit, s.currentTerm, s.id);
  st.audit.leaderLog[s.id] = { term: s.currentTerm, len: s.log.length, hash: digestOf(s).hash[s.log.length]! };
  ctx.note(s.id, `became leader term=${s.currentTerm}`);
  if (st.config.noop) appendAsLeader(st, s, { command: 'noop' }, ctx);
  broadcastAppendEntries(st, s, ctx);
  s.heartbeatTimer = ctx.setTimer(s.id, st.config.heartbeat, 'heartbeat');
  armLoad(st, s, ctx);
}
