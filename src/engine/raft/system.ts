// The Raft system: wires Figure 2's handlers to the simulator's messages, timers, crashes and restarts.
import type { Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { initialRaftState, type RaftServer, type RaftState } from './state.ts';
import { formatRaftMessage, type RaftMessage } from './messages.ts';
import { handleRequestVote, handleRequestVoteReply, onElectionTimeout } from './election.ts';
import { appendAsLeader, broadcastAppendEntries, handleAppendEntries, handleAppendEntriesReply } from './replication.ts';
import { armLoad, becomeFollower, resetElectionTimer } from './roles.ts';
import { clientRequest } from './client.ts';
import { refreshLease } from './lease.ts';
import { raftInvariants } from './invariants.ts';
import { raftQueries } from './queries.ts';

export const RAFT = 'raft';

function onHeartbeat(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  s.heartbeatTimer = null;
  if (s.role !== 'leader') return;
  if (!refreshLease(st, s, ctx)) {
    becomeFollower(st, s, s.currentTerm, ctx, 'no majority answered within an election timeout');
    return;
  }
  // Figure 2, leaders: "repeat during idle periods to prevent election timeouts (§5.2)".
  broadcastAppendEntries(st, s, ctx);
  s.heartbeatTimer = ctx.setTimer(s.id, st.config.heartbeat, 'heartbeat');
}

/** A request from the built-in client: appended and sent at once, without a note (the traffic shows it). */
function onLoad(st: RaftState, s: RaftServer, ctx: SystemContext): void {
  s.loadTimer = null;
  if (s.role !== 'leader') return;
  appendAsLeader(st, s, { command: `c${st.nextLoadValue++}` }, ctx);
  broadcastAppendEntries(st, s, ctx);
  armLoad(st, s, ctx);
}

export const raft: SystemDef<RaftState> = {
  name: RAFT,
  initialState: initialRaftState,
  onMessage(st: RaftState, node: NodeId, from: NodeId, m: Message, ctx: SystemContext) {
    const s = st.servers[node];
    if (!s || s.down) return;
    const msg = m as unknown as RaftMessage;
    switch (msg.type) {
      case 'RequestVote': handleRequestVote(st, s, from, msg, ctx); return;
      case 'RequestVoteReply': handleRequestVoteReply(st, s, from, msg, ctx); return;
      case 'AppendEntries': handleAppendEntries(st, s, from, msg, ctx); return;
      case 'AppendEntriesReply': handleAppendEntriesReply(st, s, from, msg, ctx); return;
      case 'ClientRequest': clientRequest(st, s, msg.value, ctx, true); return;
    }
  },
  onTimer(st, node, name, _data, ctx) {
    const s = st.servers[node];
    if (!s || s.down) return;
    if (name === 'election') onElectionTimeout(st, s, ctx);
    else if (name === 'heartbeat') onHeartbeat(st, s, ctx);
    else if (name === 'client') onLoad(st, s, ctx);
  },
  // Figure 2: currentTerm, votedFor and log are persistent; everything else is volatile and lost.
  onCrash(st, node, ctx) {
    const s = st.servers[node];
    if (!s) return;
    const wasLeader = s.role === 'leader';
    Object.assign(s, {
      down: true, role: 'follower', commitIndex: 0, lastApplied: 0, leaderId: null, votes: [], preVotes: [], preVoting: false,
      electionTimer: null, electionStart: null, electionTimeout: null, lastLeaderContact: null,
      nextIndex: {}, matchIndex: {}, heartbeatTimer: null, loadTimer: null, leaderSince: null, leaseUntil: null, ackedSentAt: {},
    } satisfies Partial<RaftServer>);
    ctx.note(node, `crashed${wasLeader ? ' (was leader)' : ''}: keeps term=${s.currentTerm}, its vote and ${s.log.length} log entries; forgets commitIndex`);
  },
  onRestart(st, node, ctx) {
    const s = st.servers[node];
    if (!s) return;
    s.down = false;
    resetElectionTimer(st, s, ctx);
  },
  invariants: raftInvariants,
  queries: raftQueries,
  formatMessage: formatRaftMessage,
};
