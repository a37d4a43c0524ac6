// Paxos' pictures on the stage (the council settling one decree; the cards and the decree panel), the
// "propose a value" action in every Paxos server's menu, and its inspector rows.
import type { Sim } from '../../engine/core/index.ts';
import type { PaxosState } from '../../engine/paxos/index.ts';
import { paxosAgentViews } from '../../engine/paxos/index.ts';
import { registerStage } from '../stages.ts';
import { registerNodeAction } from '../shared/node-actions.ts';
import { registerNodeInspector, type Inspection } from '../panels/Inspector.tsx';
import { run } from '../raft/actions.ts';
import { proposalValueFor, proposerWords } from './model.ts';
import { PaxosTechView } from './PaxosTechView.tsx';
import { PaxosTownView } from './PaxosTownView.tsx';

registerStage({ id: 'paxos', systems: ['paxos'], title: 'Paxos', Town: PaxosTownView, Tech: PaxosTechView });

registerNodeAction({
  id: 'paxos.propose',
  label: (n) => `Ask ${n.id} to propose ${proposalValueFor(n.id)}`,
  applies: (n) => n.sys === 'paxos' && n.up && !n.paused,
  run: (n) => run(`paxos.propose node=${n.id} value=${proposalValueFor(n.id)}`),
});

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
registerNodeInspector('paxos', inspectAgent);
