// Selectors for views: one plain record per Paxos server (acceptor, learner and proposer side by side).
import type { NodeId } from '../core/types.ts';
import { chosenValues, majority, type PaxosState, type ProposerPhase } from './state.ts';

export interface PaxosAgentView {
  id: NodeId;
  down: boolean;
  promised: number;
  accepted: { n: number; value: string } | null;
  learned: string | null;
  proposer: { phase: ProposerPhase; n: number; want: string | null; value: string | null; promises: number; accepts: number; rounds: number };
}

export function paxosAgentViews(st: PaxosState): PaxosAgentView[] {
  return st.order.map((id) => {
    const a = st.agents[id]!;
    const p = a.proposer;
    return {
      id, down: a.down, promised: a.promised, learned: a.learned,
      accepted: a.acceptedN === 0 ? null : { n: a.acceptedN, value: a.acceptedValue ?? '' },
      proposer: { phase: p.phase, n: p.n, want: p.want, value: p.value, promises: p.promises.length, accepts: p.accepts.length, rounds: p.rounds },
    };
  });
}

export function paxosSummary(st: PaxosState): { chosen: string[]; majority: number; leader: NodeId | null } {
  return { chosen: chosenValues(st), majority: st.order.length ? majority(st) : 0, leader: st.config.leader };
}
