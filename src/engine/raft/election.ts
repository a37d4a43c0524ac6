// Leader election (Figure 2: RequestVote RPC; §5.2, §5.4.1), with optional pre-vote and leader stickiness.
import type { NodeId, SystemContext } from '../core/types.ts';
import { lastIndex, lastTerm, type RaftServer, type RaftState } from './state.ts';
import type { RequestVote, RequestVoteReply } from './messages.ts';
import { becomeFollower, becomeLeader, canCampaign, hasMajority, resetElectionTimer, startElection, startPreVote } from './roles.ts';
import { heardFromLeaderRecently } from './lease.ts';

/** §5.4.1: "the candidate's log is at least as up-to-date as the receiver's": a later last term wins; with
 *  equal last terms the longer log wins. */
export function candidateIsUpToDate(s: RaftServer, lastLogIndex: number, lastLogTerm: number): boolean {
  const myTerm = lastTerm(s);
  return lastLogTerm > myTerm || (lastLogTerm === myTerm && lastLogIndex >= lastIndex(s));
}

/** Figure 2, followers and candidates: "If election timeout elapses ... convert to candidate". */
export function onElectionTimeout(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  s.electionTimer = null;
  if (s.role === 'leader' || !canCampaign(st, s)) return;
  if (st.config.preVote) startPreVote(st, s, ctx);
  else startElection(st, s, ctx);
}

export function handleRequestVote(st: RaftState, s: RaftServer, from: NodeId, msg: RequestVote, ctx: SystemContext): void {
  const reply = (voteGranted: boolean, term: number) => {
    const r: RequestVoteReply = { type: 'RequestVoteReply', term, voteGranted, ...(msg.preVote ? { preVote: true } : {}) };
    ctx.send(s.id, from, r);
  };
  const upToDate = candidateIsUpToDate(s, msg.lastLogIndex, msg.lastLogTerm);
  if (msg.preVote) {
    // Nobody's state changes: grant when a real vote could be granted and no leader is heard from lately.
    const grant = msg.term > s.currentTerm && upToDate && !heardFromLeaderRecently(st, s, ctx);
    reply(grant, grant ? msg.term : s.currentTerm);
    return;
  }
  // §4.2.3: with leases on, a server that heard from its leader lately ignores the request altogether, so a
  // removed or partitioned server cannot depose a leader whose lease is still running.
  if (st.config.lease && msg.term > s.currentTerm && heardFromLeaderRecently(st, s, ctx)) {
    reply(false, s.currentTerm);
    return;
  }
  if (msg.term > s.currentTerm) becomeFollower(st, s, msg.term, ctx, `${from} asked for votes in term ${msg.term}`);
  // Figure 2, RequestVote receiver: 1. reply false if term < currentTerm; 2. grant if votedFor is null or
  // candidateId, and the candidate's log is at least as up-to-date as the receiver's.
  const grant = msg.term === s.currentTerm && (s.votedFor === null || s.votedFor === msg.candidateId) && upToDate;
  if (grant) {
    s.votedFor = msg.candidateId;
    // Figure 2, followers: granting a vote restarts the election timer.
    resetElectionTimer(st, s, ctx);
  }
  reply(grant, s.currentTerm);
}

export function handleRequestVoteReply(st: RaftState, s: RaftServer, from: NodeId, msg: RequestVoteReply, ctx: SystemContext): void {
  if (msg.preVote) {
    if (!msg.voteGranted) {
      if (msg.term > s.currentTerm) becomeFollower(st, s, msg.term, ctx, `${from} has term ${msg.term}`);
      return;
    }
    if (!s.preVoting || msg.term !== s.currentTerm + 1 || s.preVotes.includes(from)) return;
    s.preVotes.push(from);
    if (hasMajority(st, s, s.preVotes)) startElection(st, s, ctx);
    return;
  }
  if (msg.term > s.currentTerm) { becomeFollower(st, s, msg.term, ctx, `${from} has term ${msg.term}`); return; }
  if (s.role !== 'candidate' || msg.term !== s.currentTerm || !msg.voteGranted || s.votes.includes(from)) return;
  s.votes.push(from);
  // Figure 2, candidates: "If votes received from majority of servers: become leader".
  if (hasMajority(st, s, s.votes)) becomeLeader(st, s, ctx);
}
