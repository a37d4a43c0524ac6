// What conditions, predictions and views can read from Raft: `run until="raft.leader != none"`.
import type { Query } from '../core/types.ts';
import { configOf, currentLeader, electionDeadline, type RaftServer, type RaftState } from './state.ts';

const server = (st: RaftState, id: string | undefined): RaftServer => {
  const s = st.servers[id ?? ''];
  if (!s) throw new Error(`no Raft server named '${id}'${st.order.length ? `; servers are ${st.order.join(',')}` : '; start some with raft.start'}`);
  return s;
};

const isCommitted = (st: RaftState, value: string): boolean =>
  st.audit.committedCommands.includes(value);

export const raftQueries: readonly Query<RaftState>[] = [
  {
    name: 'raft.leader', params: [], example: 'run until="raft.leader != none" max=5s',
    description: 'the running leader with the highest term, or none',
    get: (st) => currentLeader(st)?.id ?? 'none',
  },
  {
    name: 'raft.leaders', params: [], example: 'expect raft.leaders == 1',
    description: 'how many running servers believe they are leader (two during a partition is normal; two in one term is not)',
    get: (st) => st.order.filter((id) => st.servers[id]!.role === 'leader' && !st.servers[id]!.down).length,
  },
  {
    name: 'raft.role', params: ['server'], example: 'expect raft.role(n1) == follower',
    description: 'follower, candidate, leader, or down when crashed', get: (st, [id]) => {
      const s = server(st, id);
      return s.down ? 'down' : s.role;
    },
  },
  { name: 'raft.term', params: ['server'], example: 'expect raft.term(n1) >= 1', description: "the server's currentTerm", get: (st, [id]) => server(st, id).currentTerm },
  {
    name: 'raft.maxterm', params: [], example: 'expect raft.maxterm == 2', description: 'the highest currentTerm of any server',
    get: (st) => Math.max(0, ...st.order.map((id) => st.servers[id]!.currentTerm)),
  },
  {
    name: 'raft.votedFor', params: ['server'], example: 'expect raft.votedFor(n2) == n1',
    description: 'whom the server voted for in its current term, or none', get: (st, [id]) => server(st, id).votedFor ?? 'none',
  },
  { name: 'raft.log', params: ['server'], example: 'expect raft.log(n2) == 3', description: "the length of the server's log", get: (st, [id]) => server(st, id).log.length },
  {
    name: 'raft.entry', params: ['server', 'index'], example: 'expect raft.entry(n2, 1) == "1:x"',
    description: 'the entry at an index as term:command, or none', get: (st, [id, i]) => {
      const e = server(st, id).log[Number(i) - 1];
      return e ? `${e.term}:${e.command}` : 'none';
    },
  },
  { name: 'raft.commit', params: ['server'], example: 'expect raft.commit(n1) == 2', description: "the server's commitIndex", get: (st, [id]) => server(st, id).commitIndex },
  { name: 'raft.applied', params: ['server'], example: 'expect raft.applied(n3) == 2', description: "the server's lastApplied", get: (st, [id]) => server(st, id).lastApplied },
  {
    name: 'raft.next', params: ['leader', 'follower'], example: 'expect raft.next(n1, n2) == 3',
    description: "the leader's nextIndex for a follower (0 when it is not a leader)", get: (st, [l, f]) => server(st, l).nextIndex[f ?? ''] ?? 0,
  },
  {
    name: 'raft.match', params: ['leader', 'follower'], example: 'expect raft.match(n1, n2) == 2',
    description: "the leader's matchIndex for a follower (0 when it is not a leader)", get: (st, [l, f]) => server(st, l).matchIndex[f ?? ''] ?? 0,
  },
  {
    name: 'raft.committed', params: ['value'], example: 'run until="raft.committed(x)" max=2s',
    description: 'whether an entry with this command has been committed (by any server)', get: (st, [v]) => isCommitted(st, v ?? ''),
  },
  {
    name: 'raft.members', params: [], example: 'expect raft.members == 4',
    description: "how many servers are in the leader's configuration (or the newest one known, with no leader)",
    get: (st) => {
      const leader = currentLeader(st);
      if (leader) return configOf(st, leader).length;
      const longest = st.order.map((id) => st.servers[id]!).sort((a, b) => b.log.length - a.log.length)[0];
      return longest ? configOf(st, longest).length : 0;
    },
  },
  {
    name: 'raft.deadline', params: ['server'], example: 'expect raft.deadline(n2) > now',
    description: "when the server's election timer fires (ms), or -1 when none runs (leaders, crashed servers)",
    get: (st, [id]) => electionDeadline(server(st, id)) ?? -1,
  },
  {
    name: 'raft.lease', params: ['server'], example: 'expect raft.lease(n1) > 0',
    description: "until when (on the leader's own clock, in ms) the leader's lease holds; -1 without one", get: (st, [id]) => server(st, id).leaseUntil ?? -1,
  },
];
