// Paxos' views, registered as one definition (src/views/registry.ts): the council settling one decree
// (town) and the cards with the decree panel (technical), a "propose a value" action in every Paxos
// server's menu, its inspector rows, and the two lines a picture that does not know Paxos writes.
import type { Sim } from '../../engine/core/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { proposalValueFor } from './model.ts';
import { inspectAgent } from './inspect.ts';
import { PaxosTechView } from './PaxosTechView.tsx';
import { PaxosTownView } from './PaxosTownView.tsx';

// Read through Paxos' documented queries, so the lines follow the system's own definitions.
const q = (sim: Sim, expr: string) => String(sim.query(expr));

export default defineSystemViews({
  sys: 'paxos',
  stage: { id: 'paxos', title: 'Paxos', Town: PaxosTownView, Tech: PaxosTechView },
  inspect: { node: inspectAgent },
  actions: [{
    id: 'paxos.propose',
    label: (n) => `Ask ${n.id} to propose ${proposalValueFor(n.id)}`,
    applies: (n) => n.sys === 'paxos' && n.up && !n.paused,
    run: (n) => run(`paxos.propose node=${n.id} value=${proposalValueFor(n.id)}`),
  }],
  summary: (sim, n) => [
    `promised ${q(sim, `paxos.promised(${n.id})`)} · accepted ${q(sim, `paxos.acceptedN(${n.id})`)}`,
    `learned ${q(sim, `paxos.learned(${n.id})`)}`,
  ],
});
