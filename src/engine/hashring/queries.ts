// What conditions, predictions and pictures can read: `expect hashring.movedPct(modulo) > 70`.
import type { Query } from '../core/types.ts';
import { murmur3 } from './hash.ts';
import { round } from './metrics.ts';
import { SCHEMES, boundedCapacity, type Scheme } from './schemes.ts';
import { expectedMoveFraction, keyItems, keyStats, keysPerNode, keysSharingRack, lastMovement, owners, replicasOf, requestStats, requestsPerNode } from './selectors.ts';
import type { HashRingState } from './state.ts';

/** The scheme named by a query's argument, or the one the cluster runs. */
export function schemeArg(st: HashRingState, s: string | undefined): Scheme {
  if (s === undefined || s === '') return st.scheme;
  if (!(SCHEMES as readonly string[]).includes(s)) throw new Error(`no placement scheme '${s}'; schemes are ${SCHEMES.join(', ')}`);
  return s as Scheme;
}

function nodeIndex(st: HashRingState, id: string | undefined): number {
  const i = st.nodes.indexOf(id ?? '');
  if (i < 0) throw new Error(`'${id}' is not on the ring${st.nodes.length ? `; members are ${st.nodes.join(',')}` : '; start one with hashring.start'}`);
  return i;
}

function keyIndex(st: HashRingState, key: string | undefined): number {
  const i = keyItems(st).items.names.indexOf(key ?? '');
  if (i < 0) throw new Error(`no key '${key}'; keys are k0..k${st.keys - 1}`);
  return i;
}

const pctMoved = (st: HashRingState, s: Scheme) => {
  const m = lastMovement(st, s);
  return m.total === 0 ? 0 : round((100 * m.moved) / m.total, 1);
};

export const hashringQueries: readonly Query<HashRingState>[] = [
  { name: 'hashring.vnodes', params: [], example: 'expect hashring.vnodes == 1', description: 'tokens (virtual nodes) per node', get: (st) => st.vnodes },
  { name: 'hashring.replicaCount', params: [], example: 'expect hashring.replicaCount == 1', description: 'copies kept of each key (the preference list\'s length)', get: (st) => st.replicas },
  { name: 'hashring.nodes', params: [], example: 'expect hashring.nodes == 4', description: 'how many nodes are on the ring', get: (st) => st.nodes.length },
  {
    name: 'hashring.owner', params: ['key', 'scheme?'], example: 'expect hashring.owner(k7, ring) == h2',
    description: "the node holding the key under a scheme (modulo, ring, rendezvous, jump, bounded; default: the cluster's)",
    get: (st, [k, s]) => st.nodes[owners(st, schemeArg(st, s))[keyIndex(st, k)]!] ?? 'none',
  },
  {
    name: 'hashring.replicas', params: ['key'], example: 'expect hashring.replicas(k7) == "h2,h3,h1"',
    description: "the key's preference list on the ring: its replicas, clockwise, comma-separated",
    get: (st, [k]) => replicasOf(st, murmur3(keyItems(st).items.names[keyIndex(st, k)]!)).join(',') || 'none',
  },
  {
    name: 'hashring.keys', params: ['node', 'scheme?'], example: 'expect hashring.keys(h1) > 100',
    description: 'how many keys the node holds under a scheme', get: (st, [n, s]) => keysPerNode(st, schemeArg(st, s))[nodeIndex(st, n)]!,
  },
  {
    name: 'hashring.requests', params: ['node', 'scheme?'], example: 'expect hashring.requests(h1) > 100',
    description: 'requests the node serves under a scheme (1 per ordinary key, a hot key its weight; cached keys none)',
    get: (st, [n, s]) => round(requestsPerNode(st, schemeArg(st, s))[nodeIndex(st, n)]!, 1),
  },
  {
    name: 'hashring.maxOverMean', params: ['scheme?'], example: 'expect hashring.maxOverMean(ring) < 1.5',
    description: 'the busiest node\'s keys divided by the mean (1 is perfectly even)', get: (st, [s]) => round(keyStats(st, schemeArg(st, s)).maxOverMean, 3),
  },
  {
    name: 'hashring.spread', params: ['scheme?'], example: 'expect hashring.spread(ring) <= 10',
    description: 'how far the node furthest from the mean is from it, in percent of the mean (keys)', get: (st, [s]) => round(keyStats(st, schemeArg(st, s)).spreadPct, 1),
  },
  {
    name: 'hashring.stddev', params: ['scheme?'], example: 'expect hashring.stddev(ring) < 20',
    description: 'the standard deviation of keys per node, in percent of the mean', get: (st, [s]) => round(keyStats(st, schemeArg(st, s)).stdDevPct, 1),
  },
  {
    name: 'hashring.requestPeak', params: ['scheme?'], example: 'expect hashring.requestPeak < 2',
    description: "the busiest node's requests divided by the mean: what a hot key does", get: (st, [s]) => round(requestStats(st, schemeArg(st, s)).maxOverMean, 2),
  },
  {
    name: 'hashring.hotWeight', params: ['key'], example: 'expect hashring.hotWeight(k7) == 1',
    description: 'the requests the key draws (1 unless made hot with hashring.hot)',
    get: (st, [k]) => { keyIndex(st, k); return st.hot[k ?? '']?.weight ?? 1; },
  },
  {
    name: 'hashring.moved', params: ['scheme?'], example: 'expect hashring.moved(ring) < 300',
    description: 'keys that changed node in the last join or leave under a scheme', get: (st, [s]) => lastMovement(st, schemeArg(st, s)).moved,
  },
  {
    name: 'hashring.movedPct', params: ['scheme?'], example: 'expect hashring.movedPct(modulo) > 70',
    description: 'the same, as a percentage of all keys', get: (st, [s]) => pctMoved(st, schemeArg(st, s)),
  },
  {
    name: 'hashring.expectedPct', params: ['scheme?'], example: 'expect hashring.expectedPct(modulo) == 80',
    description: 'what theory says moves in the last change: modulo N/(N+1) when one joins, the others 1/(N+1)',
    get: (st, [s]) => (st.before ? round(100 * expectedMoveFraction(schemeArg(st, s), st.before.nodes.length, st.nodes.length), 1) : 0),
  },
  {
    name: 'hashring.movedTo', params: ['node', 'scheme?'], example: 'expect hashring.movedTo(h5, ring) == hashring.moved(ring)',
    description: 'of the keys that moved in the last change, how many went to this node',
    get: (st, [n, s]) => {
      const { matrix } = lastMovement(st, schemeArg(st, s));
      return Object.values(matrix).reduce((sum, row) => sum + (row[n ?? ''] ?? 0), 0);
    },
  },
  {
    name: 'hashring.sharedRack', params: [], example: 'expect hashring.sharedRack == 0',
    description: 'keys with two or more replicas in one rack', get: (st) => keysSharingRack(st),
  },
  {
    name: 'hashring.capacity', params: [], example: 'expect hashring.capacity == 313',
    description: 'bounded loads\' capacity per node, ceil((1+eps) keys / nodes)',
    get: (st) => (st.nodes.length ? boundedCapacity(keyItems(st).items.names.length, st.nodes.length, st.eps) : 0),
  },
  {
    name: 'hashring.received', params: ['node?'], example: 'run until="hashring.received(h5) > 0" max=1s',
    description: 'keys a node (or every node) has received in Handoff messages so far',
    get: (st, [n]) => (n ? st.received[n] ?? 0 : Object.values(st.received).reduce((a, b) => a + b, 0)),
  },
];
