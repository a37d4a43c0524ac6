// What queries and pictures read: the keys, each scheme's placement, loads and movement, from the state.
import { keyName } from './hash.ts';
import { loads, loadStats, movement, type LoadStats, type Movement } from './metrics.ts';
import { buildRing, preferenceList, type Ring } from './ring.ts';
import { makeItems, place, type Items, type Layout, type Scheme } from './schemes.ts';
import type { HashRingState, Membership } from './state.ts';

const itemsCache = new Map<string, { items: Items; weights: Float64Array }>();

/** The keys (k0.., plus the sub-keys of split hot keys) and the requests each draws. */
export function keyItems(st: HashRingState): { items: Items; weights: Float64Array } {
  const hotSig = Object.keys(st.hot).sort().map((k) => { const h = st.hot[k]!; return `${k}:${h.weight}:${h.split}:${h.cached ? 'c' : ''}`; }).join(';');
  const sig = `${st.keys}|${hotSig}`;
  const hit = itemsCache.get(sig);
  if (hit) return hit;
  const names: string[] = [];
  for (let i = 0; i < st.keys; i++) names.push(keyName(i));
  for (const k of Object.keys(st.hot).sort()) for (let s = 1; s < st.hot[k]!.split; s++) names.push(`${k}/${s}`);
  const weights = new Float64Array(names.length);
  names.forEach((name, i) => {
    const base = name.split('/')[0]!;
    const h = st.hot[base];
    weights[i] = !h ? 1 : h.cached ? 0 : h.weight / h.split;
  });
  const built = { items: makeItems(sig, names), weights };
  if (itemsCache.size > 16) itemsCache.clear();
  itemsCache.set(sig, built);
  return built;
}

const layoutOf = (st: HashRingState, m: Membership): Layout => ({ nodes: m.nodes, vnodes: m.vnodes, eps: st.eps });

/** Each key's node index under `scheme` for the current membership (or another one). */
export function owners(st: HashRingState, scheme: Scheme, m: Membership = st): Int32Array {
  return place(scheme, layoutOf(st, m), keyItems(st).items);
}

// Figures derived from a placement, memoised on the placement array itself (placements are memoised by
// their inputs, so the same membership and keys give the same array): invariants, queries and pictures read
// them after every event, and recounting 10,000 keys each time would dominate a run.
const keyLoads = new WeakMap<Int32Array, number[]>();
const requestLoads = new WeakMap<Int32Array, WeakMap<Float64Array, number[]>>();
const moves = new WeakMap<Int32Array, WeakMap<Int32Array, Movement>>();

export function keysPerNode(st: HashRingState, scheme: Scheme): number[] {
  const o = owners(st, scheme);
  let l = keyLoads.get(o);
  if (!l) { l = loads(o, st.nodes.length); keyLoads.set(o, l); }
  return l;
}

export function requestsPerNode(st: HashRingState, scheme: Scheme): number[] {
  const o = owners(st, scheme);
  const w = keyItems(st).weights;
  let byWeights = requestLoads.get(o);
  if (!byWeights) { byWeights = new WeakMap(); requestLoads.set(o, byWeights); }
  let l = byWeights.get(w);
  if (!l) { l = loads(o, st.nodes.length, w); byWeights.set(w, l); }
  return l;
}
export const keyStats = (st: HashRingState, scheme: Scheme): LoadStats => loadStats(keysPerNode(st, scheme));
export const requestStats = (st: HashRingState, scheme: Scheme): LoadStats => loadStats(requestsPerNode(st, scheme));

const noMoves: Movement = { moved: 0, total: 0, matrix: {} };

/** What moved under `scheme` in the last join or leave (nothing before the first one). */
export function lastMovement(st: HashRingState, scheme: Scheme): Movement {
  if (!st.before || st.before.nodes.length === 0) return { ...noMoves, total: keyItems(st).items.names.length };
  const before = owners(st, scheme, st.before);
  const after = owners(st, scheme);
  let byBefore = moves.get(after);
  if (!byBefore) { byBefore = new WeakMap(); moves.set(after, byBefore); }
  let m = byBefore.get(before);
  if (!m) { m = movement(before, st.before.nodes, after, st.nodes); byBefore.set(before, m); }
  return m;
}

/** The fraction of keys theory says move when going from `from` to `to` nodes (one joins or one leaves). */
export function expectedMoveFraction(scheme: Scheme, from: number, to: number): number {
  if (from === 0 || to === 0) return 1;
  if (scheme === 'modulo') return to > from ? from / to : to / from; // keep h mod N == h mod N±1 with p 1/max
  return 1 / Math.max(from, to); // the newcomer's share, or the leaver's
}

export const currentRing = (st: HashRingState): Ring => buildRing(st.nodes, st.vnodes);

/** A key's replicas on the ring (Dynamo's preference list, rack-aware when so configured). */
export function replicasOf(st: HashRingState, h: number): string[] {
  const rackOf = st.placement === 'rack' ? (i: number) => st.racks[st.nodes[i]!] ?? '' : undefined;
  return preferenceList(currentRing(st), h, st.replicas, st.nodes.length, rackOf).map((i) => st.nodes[i]!);
}

/** How many keys have two or more replicas in one rack. */
export function keysSharingRack(st: HashRingState): number {
  const { items } = keyItems(st);
  let shared = 0;
  for (let i = 0; i < items.hashes.length; i++) {
    const racks = replicasOf(st, items.hashes[i]!).map((n) => st.racks[n]);
    if (new Set(racks).size < racks.length) shared++;
  }
  return shared;
}
