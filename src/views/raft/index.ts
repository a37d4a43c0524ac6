// Raft's views, registered as one definition (src/views/registry.ts): the council (town) and the ring
// with its logs (technical), its inspector rows, what a pointed-at log entry highlights elsewhere, its
// node actions, and the two lines a picture that does not know Raft writes under a server.
import type { Sim } from '../../engine/core/index.ts';
import { defineSystemViews } from '../registry.ts';
import { RaftTechView } from './RaftTechView.tsx';
import { RaftTownView } from './RaftTownView.tsx';
import { raftNodeActions } from './actions.ts';
import { inspectEntry, inspectServer, raftItemFocus } from './inspect.ts';

// Read through Raft's documented queries, so the lines follow the system's own definitions.
const q = (sim: Sim, expr: string) => String(sim.query(expr));

export default defineSystemViews({
  sys: 'raft',
  stage: { id: 'raft', title: 'Raft cluster', Town: RaftTownView, Tech: RaftTechView },
  inspect: { node: inspectServer, item: inspectEntry },
  focus: raftItemFocus,
  actions: raftNodeActions,
  summary: (sim, n) => [
    `${q(sim, `raft.role(${n.id})`)} · term ${q(sim, `raft.term(${n.id})`)}`,
    `log ${q(sim, `raft.log(${n.id})`)} · commit ${q(sim, `raft.commit(${n.id})`)}`,
  ],
});
