// Service discovery's views, registered as one definition (src/views/registry.ts): the town directory and
// the gossip circle (town), the registry's table, the clients' caches and the membership grid (technical),
// the inspector's rows, and the line a picture that does not know discovery writes under a node.
import type { Sim } from '../../engine/core/index.ts';
import type { DiscoveryState } from '../../engine/discovery/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { labStore } from '../../store/lab-store.ts';
import { inspectDiscoveryNode } from './inspect.ts';
import { DiscoveryTech } from './DiscoveryTech.tsx';
import { DiscoveryTown } from './DiscoveryTown.tsx';

const q = (sim: Sim, expr: string) => String(sim.query(expr));
const isMember = (id: string) => /^m\d+$/.test(id);
const isInstance = (sim: Sim, id: string) => id in sim.state<DiscoveryState>('discovery').instances;

const isInstanceNow = (id: string) => id in (labStore.getState().session.sim.state<DiscoveryState>('discovery')?.instances ?? {});

export default defineSystemViews({
  sys: 'discovery',
  stage: { id: 'discovery', title: 'Service discovery', Town: DiscoveryTown, Tech: DiscoveryTech },
  inspect: { node: inspectDiscoveryNode },
  actions: [{
    id: 'discovery.deregister',
    label: (n) => `Shut ${n.id} down gracefully (deregister)`,
    applies: (n) => n.sys === 'discovery' && n.up && !n.paused && isInstanceNow(n.id),
    run: (n) => run(`discovery.deregister node=${n.id}`),
  }],
  summary: (sim, n) => {
    if (n.id === 'registry') return [`hands out ${q(sim, 'discovery.listed')}`];
    if (n.id === 'lb') return ['server-side balancer'];
    if (isMember(n.id)) return [`incarnation ${q(sim, `discovery.incarnation(${n.id})`)} · suspected by ${q(sim, `discovery.suspects(${n.id})`)}`];
    if (isInstance(sim, n.id)) return [`served ${q(sim, `discovery.served(${n.id})`)} · ${q(sim, `discovery.listed(${n.id})`) === 'true' ? 'listed' : 'not listed'}`];
    return [`ok ${q(sim, `discovery.ok(${n.id})`)} · failed ${q(sim, `discovery.failed(${n.id})`)}`];
  },
});
