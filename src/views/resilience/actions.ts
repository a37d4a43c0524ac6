// What the learner can do to the resilience system from its pictures: a latency spike, errors and load
// shedding at a server; more or less load from a client; a breaker forced open or closed by hand. Each runs a
// scenario command through the store, so it lands in the console's history, the recorded inputs and links.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { ResilienceState } from '../../engine/resilience/index.ts';
import { labStore } from '../../store/lab-store.ts';
import { run } from '../kit/menu.tsx';
import type { NodeAction } from '../registry.ts';

const state = (): ResilienceState | null => {
  const sim = labStore.getState().session.sim;
  return sim.activeSystems().includes('resilience') ? sim.state<ResilienceState>('resilience') : null;
};
const serverOf = (n: NodeStatus) => (n.sys === 'resilience' ? state()?.servers[n.id] : undefined);
const clientOf = (n: NodeStatus) => (n.sys === 'resilience' ? state()?.clients[n.id] : undefined);
/** The breaker on a node's calls: a client's, or a server's to its dependency. */
const breakerOf = (n: NodeStatus) => clientOf(n)?.caller.pipeline.breaker ?? serverOf(n)?.dependency?.pipeline.breaker ?? null;
const now = () => labStore.getState().session.sim.now;

export const SPIKE = { extra: '500ms', for: '10s' };

export const resilienceNodeActions: readonly NodeAction[] = [
  {
    id: 'resilience.spike',
    label: (n) => `Latency spike at ${n.id}: +${SPIKE.extra} a request for ${SPIKE.for}`,
    applies: (n) => { const s = serverOf(n); return !!s && n.up && !(s.spike && s.spike.until > now()); },
    run: (n) => run(`resilience.spike server=${n.id} extra=${SPIKE.extra} for=${SPIKE.for}`),
  },
  {
    id: 'resilience.fail',
    label: (n) => `Make ${n.id} fail every request`,
    applies: (n) => (serverOf(n)?.errorRate ?? 1) < 1,
    run: (n) => run(`resilience.fail server=${n.id} rate=100%`),
  },
  {
    id: 'resilience.heal',
    label: (n) => `Heal ${n.id}'s errors`,
    applies: (n) => (serverOf(n)?.errorRate ?? 0) > 0,
    run: (n) => run(`resilience.fail server=${n.id} rate=0`),
  },
  {
    id: 'resilience.shed',
    label: (n) => `Shed load at ${n.id}: refuse past a queue of ${2 * (serverOf(n)?.workers ?? 1)}`,
    applies: (n) => { const s = serverOf(n); return !!s && !s.queueLimit && !s.maxQueueMs; },
    run: (n) => run(`resilience.shed server=${n.id} queue=${2 * (serverOf(n)?.workers ?? 1)}`),
  },
  {
    id: 'resilience.unshed',
    label: (n) => `Stop shedding load at ${n.id}`,
    applies: (n) => { const s = serverOf(n); return !!s && (s.queueLimit > 0 || s.maxQueueMs > 0); },
    run: (n) => run(`resilience.shed server=${n.id} queue=0 maxQueueTime=0ms`),
  },
  {
    id: 'resilience.more',
    label: (n) => `Double ${n.id}'s calls (${clientOf(n)?.rate ?? 0} → ${2 * (clientOf(n)?.rate ?? 0)} a second)`,
    applies: (n) => (clientOf(n)?.rate ?? 0) > 0,
    run: (n) => run(`resilience.load client=${n.id} rate=${2 * (clientOf(n)?.rate ?? 0)}`),
  },
  {
    id: 'resilience.less',
    label: (n) => `Halve ${n.id}'s calls (${clientOf(n)?.rate ?? 0} → ${Math.floor((clientOf(n)?.rate ?? 0) / 2)} a second)`,
    applies: (n) => (clientOf(n)?.rate ?? 0) > 1,
    run: (n) => run(`resilience.load client=${n.id} rate=${Math.floor((clientOf(n)?.rate ?? 0) / 2)}`),
  },
  {
    id: 'resilience.force-open',
    label: (n) => `Force ${n.id}'s breaker open (blow the fuse)`,
    applies: (n) => { const b = breakerOf(n); return !!b && b.state !== 'FORCED_OPEN'; },
    run: (n) => run(`resilience.breakerState node=${n.id} to=FORCED_OPEN`),
  },
  {
    id: 'resilience.close',
    label: (n) => `Close ${n.id}'s breaker (put the fuse back)`,
    applies: (n) => { const b = breakerOf(n); return !!b && b.state !== 'CLOSED'; },
    run: (n) => run(`resilience.breakerState node=${n.id} to=CLOSED`),
  },
];
