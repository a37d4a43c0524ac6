// What the hash ring pictures draw, read from its state: each node's tokens (as fractions of the circle),
// every key's place on the circle and node under the scheme the cluster runs, which keys moved in the last
// join or leave and from where, loads per node under every scheme, and the movement against theory. Pure.
import type { HashRingState, Scheme } from '../../engine/hashring/index.ts';
import { arcShares, currentRing, expectedMoveFraction, keyItems, keysPerNode, lastMovement, owners, requestsPerNode, SCHEMES, keyStats } from '../../engine/hashring/index.ts';

const CIRCLE = 2 ** 32;

export interface RingNode {
  id: string;
  index: number;
  rack: string;
  /** Its tokens' places on the circle, 0..1 clockwise from the top. */
  tokens: number[];
  /** Where its house stands (0..1): the token furthest from the houses placed before it. */
  home: number;
  /** The share of the circle its tokens own. */
  share: number;
  keys: number;
  requests: number;
  received: number;
}

export interface SchemeFigures {
  scheme: Scheme;
  keys: number[];
  maxOverMean: number;
  stdDevPct: number;
  moved: number;
  movedPct: number;
  expectedPct: number;
}

export interface RingPicture {
  nodes: RingNode[];
  scheme: Scheme;
  vnodes: number;
  replicas: number;
  /** Every key's place on the circle (0..1), its node's index under the cluster's scheme, and for a key
   *  that moved in the last change the index of the node it came from in the old membership's order (-1: stayed). */
  keyAt: Float64Array;
  keyOwner: Int32Array;
  movedFrom: Int32Array;
  /** The old membership's node names (movedFrom indexes it). */
  beforeNodes: readonly string[];
  keyCount: number;
  hotKeys: string[];
  lastChange: string | null;
  /** moves[from][to] under the cluster's scheme. */
  matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  figures: SchemeFigures[];
}

const pictures = new Map<string, RingPicture>();

/** The picture, worked out once per distinct state (the run's events that change nothing here, like a
 *  handoff in flight moving on, reuse it): every field it reads is in the signature. */
export function ringPicture(st: HashRingState): RingPicture {
  const sig = JSON.stringify([st.nodes, st.racks, st.vnodes, st.replicas, st.placement, st.eps, st.keys, st.scheme, st.hot, st.before, st.lastChange, st.received]);
  const hit = pictures.get(sig);
  if (hit) return hit;
  const pic = buildPicture(st);
  if (pictures.size > 8) pictures.clear();
  pictures.set(sig, pic);
  return pic;
}

function buildPicture(st: HashRingState): RingPicture {
  const ring = currentRing(st);
  const shares = arcShares(ring, st.nodes.length);
  const tokens: number[][] = st.nodes.map(() => []);
  for (let i = 0; i < ring.tokens.length; i++) tokens[ring.owner[i]!]!.push(ring.tokens[i]! / CIRCLE);
  const homes = placeHomes(tokens);
  const keys = keysPerNode(st, st.scheme);
  const requests = requestsPerNode(st, st.scheme);
  const { items } = keyItems(st);
  const keyAt = new Float64Array(items.hashes.length);
  for (let i = 0; i < keyAt.length; i++) keyAt[i] = items.hashes[i]! / CIRCLE;
  const keyOwner = owners(st, st.scheme);
  const movedFrom = new Int32Array(keyOwner.length).fill(-1);
  if (st.before && st.before.nodes.length) {
    const before = owners(st, st.scheme, st.before);
    for (let i = 0; i < keyOwner.length; i++) {
      if (st.before.nodes[before[i]!] !== st.nodes[keyOwner[i]!]) movedFrom[i] = before[i]!;
    }
  }
  const figures = SCHEMES.map((scheme): SchemeFigures => {
    const m = lastMovement(st, scheme);
    const s = keyStats(st, scheme);
    return {
      scheme, keys: keysPerNode(st, scheme), maxOverMean: s.maxOverMean, stdDevPct: s.stdDevPct, moved: m.moved,
      movedPct: m.total ? (100 * m.moved) / m.total : 0,
      expectedPct: st.before ? 100 * expectedMoveFraction(scheme, st.before.nodes.length, st.nodes.length) : 0,
    };
  });
  return {
    nodes: st.nodes.map((id, index) => ({ id, index, rack: st.racks[id] ?? '', tokens: tokens[index]!, home: homes[index]!, share: shares[index]!, keys: keys[index]!, requests: requests[index]!, received: st.received[id] ?? 0 })),
    scheme: st.scheme, vnodes: st.vnodes, replicas: st.replicas, keyAt, keyOwner, movedFrom, beforeNodes: st.before?.nodes ?? [],
    keyCount: items.names.length, hotKeys: Object.keys(st.hot).sort(), lastChange: st.lastChange,
    matrix: lastMovement(st, st.scheme).matrix, figures,
  };
}

const around = (a: number, b: number) => { const d = Math.abs(a - b) % 1; return Math.min(d, 1 - d); };

/** Each node's house at one of its tokens, chosen in turn as the one furthest from the houses already
 *  placed, so that with virtual nodes the houses spread round the street instead of crowding. */
export function placeHomes(tokens: readonly (readonly number[])[]): number[] {
  const placed: number[] = [];
  return tokens.map((ts) => {
    let best = ts[0] ?? 0;
    let bestD = -1;
    for (const t of ts) {
      const d = placed.length ? Math.min(...placed.map((p) => around(p, t))) : 1;
      if (d > bestD) { bestD = d; best = t; }
    }
    placed.push(best);
    return best;
  });
}

export const NO_RING: RingPicture = {
  nodes: [], scheme: 'ring', vnodes: 1, replicas: 1, keyAt: new Float64Array(0), keyOwner: new Int32Array(0), movedFrom: new Int32Array(0),
  beforeNodes: [], keyCount: 0, hotKeys: [], lastChange: null, matrix: {}, figures: [],
};

export const SCHEME_WORDS: Record<Scheme, string> = { modulo: 'modulo N', ring: 'ring', rendezvous: 'rendezvous', jump: 'jump', bounded: 'bounded loads' };

/** How many keys moved in the last change, said in words ("170 of 1000 parcels moved to h5 (17 %)"). */
export function movedWords(pic: RingPicture, noun = 'keys'): string {
  const f = pic.figures.find((x) => x.scheme === pic.scheme);
  if (!pic.lastChange || !f) return `${pic.keyCount} ${noun} on ${pic.nodes.length} nodes`;
  const dests = new Set(Object.values(pic.matrix).flatMap((row) => Object.keys(row)));
  const to = dests.size === 1 ? ` to ${[...dests][0]}` : dests.size ? ` to ${dests.size} nodes` : '';
  return `${pic.lastChange}: ${f.moved} of ${pic.keyCount} ${noun} moved${to} (${Math.round(f.movedPct)} %)`;
}

/** The same, from the longest phrasing to the shortest, for the room there is. */
export function movedPhrases(pic: RingPicture, noun = 'keys'): string[] {
  const f = pic.figures.find((x) => x.scheme === pic.scheme);
  if (!pic.lastChange || !f) return [movedWords(pic, noun), `${pic.keyCount} ${noun}`];
  return [movedWords(pic, noun), `${pic.lastChange}: ${f.moved} ${noun} moved (${Math.round(f.movedPct)} %)`, `${f.moved} moved (${Math.round(f.movedPct)} %)`];
}

/** A node's words for its label and screen readers. */
export function describeNode(n: RingNode, pic: RingPicture): string {
  return `${n.id} in ${n.rack}: ${n.keys} keys, ${Math.round(n.requests)} requests, ${n.tokens.length} token${n.tokens.length === 1 ? '' : 's'} owning ${Math.round(n.share * 100)} % of the ring under ${SCHEME_WORDS[pic.scheme]}`;
}
