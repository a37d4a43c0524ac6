// The election system's views, registered as one definition (src/views/registry.ts): the town (crier, key
// office, storage clerk, key holders) and the technical picture (lease timelines, tokens on writes), the
// inspector's rows, fencing on/off in the storage's menu, and the summary lines other pictures write.
import type { Sim } from '../../engine/core/index.ts';
import { LOCKS, STORAGE } from '../../engine/election/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { inspectElectionNode } from './inspect.ts';
import { ElectionTown } from './ElectionTown.tsx';
import { ElectionTech } from './ElectionTech.tsx';

const q = (sim: Sim, expr: string) => String(sim.query(expr));

export default defineSystemViews({
  sys: 'election',
  stage: { id: 'election', title: 'Leader election', Town: ElectionTown, Tech: ElectionTech },
  inspect: { node: inspectElectionNode },
  actions: [
    { id: 'election.fencing.on', label: () => 'Check fencing tokens', applies: (n) => n.id === STORAGE && n.sys === 'election', run: () => run('election.fencing on=true') },
    { id: 'election.fencing.off', label: () => 'Take any write (no fencing)', applies: (n) => n.id === STORAGE && n.sys === 'election', run: () => run('election.fencing on=false') },
  ],
  summary: (sim, n) => {
    if (n.id === LOCKS) return [`holder ${q(sim, 'election.holder') || 'none'}`, `revision ${q(sim, 'election.token')}`];
    if (n.id === STORAGE) return [`highest token ${q(sim, 'election.highest')}`, `lost ${q(sim, 'election.lost')}`];
    if (/^b\d+$/.test(n.id)) return [`coordinator ${q(sim, `election.leader(${n.id})`) || 'unknown'}`];
    return [`token ${q(sim, `election.token(${n.id})`)}`];
  },
});
