// What the inspector says about a Paxos server: its acceptor's promise and accepted proposal, what its
// learner learned, and how far its proposer got (number, value, promises and accepts of a majority).
import type { Sim } from '../../engine/core/index.ts';
import type { PaxosState } from '../../engine/paxos/index.ts';
import { paxosAgentViews } from '../../engine/paxos/index.ts';
import type { Inspection } from '../registry.ts';
import { proposerWords } from './model.ts';

export function inspectAgent(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('paxos')) return null;
  const st = sim.state<PaxosState>('paxos');
  const a = paxosAgentViews(st).find((x) => x.id === id);
  if (!a) return null;
  const p = a.proposer;
  const majority = Math.floor(st.order.length / 2) + 1;
  return {
    title: `Paxos server ${id}`,
    rows: [
      ['promised (acceptor)', a.promised || null],
      ['accepted (acceptor)', a.accepted ? `#${a.accepted.n} = ${a.accepted.value}` : null],
      ['learned (learner)', a.learned],
      ['proposer', proposerWords(a, majority)],
      ['proposal number', p.n || null],
      ['wants chosen', p.want],
      ['value in phase 2', p.value],
      ['promises / accepts', `${p.promises} / ${p.accepts} of ${majority} needed`],
      ['rounds started', p.rounds],
      ['distinguished proposer', st.config.leader],
    ],
  };
}
