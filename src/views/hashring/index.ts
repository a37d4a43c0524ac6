// The hash ring's views, registered as one definition (src/views/registry.ts): the round street with its
// houses and parcels (town), the token circle with the schemes' figures, movement matrix and load charts
// (technical), a "leave the ring" action in every node's menu, its inspector rows, and its summary lines.
import type { Sim } from '../../engine/core/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { inspectRingNode } from './inspect.ts';
import { MIN_FONT } from './layout.ts';
import { HashRingTech } from './HashRingTech.tsx';
import { HashRingTown } from './HashRingTown.tsx';

const q = (sim: Sim, expr: string) => String(sim.query(expr));
const onRing = (sim: Sim, id: string) => sim.activeSystems().includes('hashring') && sim.query(`hashring.nodes`) !== 0 && (() => {
  try { sim.query(`hashring.keys(${id})`); return true; } catch { return false; }
})();

export default defineSystemViews({
  sys: 'hashring',
  stage: { id: 'hashring', title: 'Hash ring', Town: HashRingTown, Tech: HashRingTech, smallestType: MIN_FONT },
  inspect: { node: inspectRingNode },
  actions: [
    {
      id: 'hashring.leave', label: (n) => `Take ${n.id} off the ring (leave)`,
      applies: (n) => n.sys === 'hashring', run: (n) => run(`hashring.leave node=${n.id}`),
    },
    {
      id: 'hashring.join', label: () => 'Add a node to the ring (join)',
      applies: (n) => n.sys === 'hashring', run: () => run('hashring.join'),
    },
  ],
  summary: (sim, n) => (onRing(sim, n.id)
    ? [`${q(sim, `hashring.keys(${n.id})`)} keys · ${q(sim, `hashring.requests(${n.id})`)} requests`, `received ${q(sim, `hashring.received(${n.id})`)} in handoffs`]
    : ['off the ring', `received ${q(sim, `hashring.received(${n.id})`)} in handoffs`]),
});
