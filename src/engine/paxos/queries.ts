// What conditions and views can read from Paxos: `run until="paxos.chosen != none"`.
import type { Query } from '../core/types.ts';
import { chosenValues, type PaxosAgent, type PaxosState } from './state.ts';

const agent = (st: PaxosState, id: string | undefined): PaxosAgent => {
  const a = st.agents[id ?? ''];
  if (!a) throw new Error(`no Paxos server named '${id}'${st.order.length ? `; servers are ${st.order.join(',')}` : '; start some with paxos.start'}`);
  return a;
};

export const paxosQueries: readonly Query<PaxosState>[] = [
  {
    name: 'paxos.chosen', params: [], example: 'run until="paxos.chosen != none" max=2s',
    description: 'the value accepted by a majority under one proposal number, or none (several, comma-separated, only if Paxos is broken)',
    get: (st) => chosenValues(st).join(',') || 'none',
  },
  { name: 'paxos.learned', params: ['server'], example: 'expect paxos.learned(s3) == x', description: 'the value the server has learned was chosen, or none', get: (st, [id]) => agent(st, id).learned ?? 'none' },
  { name: 'paxos.promised', params: ['server'], example: 'expect paxos.promised(s2) == 5', description: 'the highest proposal number the acceptor has promised (0: none)', get: (st, [id]) => agent(st, id).promised },
  { name: 'paxos.acceptedN', params: ['server'], example: 'expect paxos.acceptedN(s2) == 5', description: 'the number of the proposal the acceptor last accepted (0: none)', get: (st, [id]) => agent(st, id).acceptedN },
  { name: 'paxos.accepted', params: ['server'], example: 'expect paxos.accepted(s2) == x', description: 'the value the acceptor last accepted, or none', get: (st, [id]) => agent(st, id).acceptedValue ?? 'none' },
  { name: 'paxos.phase', params: ['server'], example: 'expect paxos.phase(s1) == done', description: "the proposer's phase: idle, prepare, accept, backoff or done", get: (st, [id]) => agent(st, id).proposer.phase },
  { name: 'paxos.n', params: ['server'], example: 'expect paxos.n(s1) == 5', description: "the proposer's current proposal number (0: none yet)", get: (st, [id]) => agent(st, id).proposer.n },
  { name: 'paxos.held', params: [], example: 'expect paxos.held == 0', description: 'Accepts the FLP adversary holds right now (each is delivered within its limit)', get: (st) => st.held?.length ?? 0 },
  {
    name: 'paxos.rounds', params: ['server?'], example: 'expect paxos.rounds > 10',
    description: 'phase-1 rounds started (by one proposer, or by all): duelling proposers run this up',
    get: (st, [id]) => (id ? agent(st, id).proposer.rounds : st.order.reduce((sum, x) => sum + st.agents[x]!.proposer.rounds, 0)),
  },
];
