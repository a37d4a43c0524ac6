// What conditions, predictions and views can read from the election system: `expect election.lost == 0`.
import type { Query } from '../core/types.ts';
import { liveHolder, selfLeaders, type ElectionState, type LockClient } from './state.ts';

const client = (st: ElectionState, id: string | undefined): LockClient => {
  const c = st.clients[id ?? ''];
  if (!c) throw new Error(`no client named '${id}'${st.clientOrder.length ? `; clients are ${st.clientOrder.join(',')}` : '; start one with election.client'}`);
  return c;
};

const last = (xs: readonly number[]) => (xs.length ? xs[xs.length - 1]! : -1);

export const electionQueries: readonly Query<ElectionState>[] = [
  {
    name: 'election.leader', params: ['node?'], example: 'expect election.leader(b1) == b5',
    description: "with a bully node: who it believes is coordinator ('' while it does not know); without: the highest-ranked node that believes it is coordinator",
    get: (st, [id]) => {
      if (id) {
        const b = st.bully.find((x) => x.id === id);
        if (!b) throw new Error(`no bully node '${id}'${st.bully.length ? `; nodes are ${st.bully.map((x) => x.id).join(',')}` : '; start them with election.bully'}`);
        return b.leader ?? '';
      }
      return selfLeaders(st).at(-1) ?? '';
    },
  },
  { name: 'election.leaders', params: [], example: 'expect election.leaders == 1', description: 'how many bully nodes that are up believe they are coordinator', get: (st) => selfLeaders(st).length },
  { name: 'election.elections', params: [], example: 'expect election.elections >= 1', description: 'how many times a bully node announced itself coordinator', get: (st) => st.elected.length },
  { name: 'election.electedAt', params: [], example: 'expect election.electedAt > 0', description: 'when the last coordinator announced itself (ms), or -1', get: (st) => st.elected.at(-1)?.t ?? -1 },
  { name: 'election.messages', params: [], example: 'expect election.messages > 0', description: 'messages the election system sent', get: (st) => st.messages },
  { name: 'election.holder', params: [], example: 'expect election.holder == c1', description: "the client holding a live lease at the lock service ('' when none)", get: (st) => liveHolder(st) ?? '' },
  {
    name: 'election.token', params: ['client?'], example: 'expect election.token(c1) == 1',
    description: 'with a client: the token (lease revision) it believes it holds, 0 for none; without: the lock service\'s revision',
    get: (st, [id]) => (id ? client(st, id).token : st.revision),
  },
  {
    name: 'election.preparing', params: ['client'], example: 'expect election.preparing(c1) == false',
    description: 'whether the client has checked its lease and is preparing a write it will send without checking again',
    get: (st, [id]) => client(st, id).preparing > 0,
  },
  { name: 'election.grants', params: [], example: 'expect election.grants == 1', description: 'how many times the lock service granted the lock', get: (st) => st.grants.length },
  { name: 'election.expiries', params: [], example: 'expect election.expiries == 0', description: 'leases that ran out at the lock service', get: (st) => st.expiries.length },
  {
    name: 'election.spurious', params: [], example: 'expect election.spurious == 0',
    description: 'leases that ran out while their holder had not crashed (it was paused, or its keep-alives were lost)',
    get: (st) => st.expiries.filter((e) => e.alive).length,
  },
  {
    name: 'election.failover', params: [], example: 'expect election.failover < 5s',
    description: 'for the last grant that replaced an expired lease: ms from when the old holder was last heard from to the new grant; -1 before any',
    get: (st) => last(st.failovers),
  },
  { name: 'election.writes', params: [], example: 'expect election.writes > 0', description: 'writes that reached the storage (accepted or rejected)', get: (st) => st.log.length },
  { name: 'election.lost', params: [], example: 'expect election.lost == 0', description: "writes the storage accepted with a token older than one it had accepted: each overwrote a newer holder's write", get: (st) => st.log.filter((w) => w.lost).length },
  { name: 'election.rejected', params: [], example: 'expect election.rejected == 0', description: 'writes the storage rejected by their fencing token', get: (st) => st.log.filter((w) => !w.accepted).length },
  { name: 'election.highest', params: [], example: 'expect election.highest >= 1', description: 'the highest token the storage has accepted', get: (st) => st.highest },
  { name: 'election.value', params: [], example: 'expect election.value == "c1#1"', description: 'the storage\'s current value (the writer and its write number)', get: (st) => st.value },
  { name: 'election.staleSends', params: [], example: 'expect election.staleSends == 0', description: 'writes clients sent while not holding a live lease', get: (st) => st.clientOrder.reduce((s, id) => s + st.clients[id]!.staleSends, 0) },
];
