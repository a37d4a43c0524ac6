// Five ways to place the same keys on the same nodes, side by side. Each returns, per key, the index of
// its node in `layout.nodes`. All are pure functions of their inputs and memoised (a picture, a query and
// a prediction ask for the same placement many times).
import { key64, murmur3 } from './hash.ts';
import { jumpHash } from './jump.ts';
import { buildRing, successor } from './ring.ts';

export const SCHEMES = ['modulo', 'ring', 'rendezvous', 'jump', 'bounded'] as const;
export type Scheme = (typeof SCHEMES)[number];

export interface Layout {
  readonly nodes: readonly string[];
  readonly vnodes: number;
  /** Bounded loads' slack: capacity is ceil((1 + eps) * keys / nodes). */
  readonly eps: number;
}

/** The keys to place: their names and their 32-bit hashes (hashes computed once per key list). */
export interface Items {
  readonly sig: string;
  readonly names: readonly string[];
  readonly hashes: Uint32Array;
}

export function makeItems(sig: string, names: readonly string[]): Items {
  const hashes = new Uint32Array(names.length);
  for (let i = 0; i < names.length; i++) hashes[i] = murmur3(names[i]!);
  return { sig, names, hashes };
}

/** murmur3's 32-bit finaliser: mixes a word so every input bit moves every output bit. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** f of every hash, into a new array (a plain loop: typed-array \`from\` with a callback is several times slower). */
function each(hashes: Uint32Array, f: (h: number) => number): Int32Array {
  const out = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = f(hashes[i]!);
  return out;
}

/** Modulo: node number hash mod N (what a naive `shard = hash % servers` does). */
function modulo(layout: Layout, items: Items): Int32Array {
  const n = layout.nodes.length;
  return each(items.hashes, (h) => h % n);
}

/** The ring with virtual nodes: the node of the first token clockwise. */
function ring(layout: Layout, items: Items): Int32Array {
  const r = buildRing(layout.nodes, layout.vnodes);
  return each(items.hashes, (h) => r.owner[successor(r, h)]!);
}

/**
 * Rendezvous, highest random weight (Thaler and Ravishankar 1996): every node scores the key, the highest
 * score wins. The score is the finaliser of the key's hash mixed with the node's; ties go to the earlier node.
 */
function rendezvous(layout: Layout, items: Items): Int32Array {
  const seeds = layout.nodes.map((n) => murmur3(n));
  return each(items.hashes, (h) => {
    let best = -1;
    let bestW = -1;
    for (let a = 0; a < seeds.length; a++) {
      const w = fmix32(h ^ Math.imul(seeds[a]!, 0x9e3779b1));
      if (w > bestW) { bestW = w; best = a; }
    }
    return best;
  });
}

/** Jump consistent hash over the nodes in join order (bucket i is the i-th node). */
function jump(layout: Layout, items: Items): Int32Array {
  const n = layout.nodes.length;
  const out = new Int32Array(items.names.length);
  for (let i = 0; i < out.length; i++) out[i] = jumpHash(key64(items.names[i]!), n);
  return out;
}

/** Bounded loads' capacity: ceil((1 + eps) * m / n) (Mirrokni, Thorup and Zadimoghaddam 2018, §1). */
export const boundedCapacity = (keys: number, nodes: number, eps: number): number => Math.ceil((1 + eps) * keys / nodes - 1e-9);

/**
 * Consistent hashing with bounded loads: keys arrive in order; each goes to the first node clockwise
 * whose load is below capacity, walking past full ones (the paper's forwarding rule on the ring).
 */
function bounded(layout: Layout, items: Items): Int32Array {
  const r = buildRing(layout.nodes, layout.vnodes);
  const cap = boundedCapacity(items.names.length, layout.nodes.length, layout.eps);
  const load = new Int32Array(layout.nodes.length);
  const t = r.tokens.length;
  return each(items.hashes, (h) => {
    let at = successor(r, h);
    for (let s = 0; s < t; s++, at = (at + 1) % t) {
      const node = r.owner[at]!;
      if (load[node]! < cap) { load[node]! += 1; return node; }
    }
    return -1; // unreachable: capacity times nodes is at least the number of keys
  });
}

const PLACE: Record<Scheme, (layout: Layout, items: Items) => Int32Array> = { modulo, ring, rendezvous, jump, bounded };

const cache = new Map<string, Int32Array>();

/** Each key's node (an index into `layout.nodes`; -1 when there are no nodes). */
export function place(scheme: Scheme, layout: Layout, items: Items): Int32Array {
  if (layout.nodes.length === 0) return new Int32Array(items.names.length).fill(-1);
  const sig = `${scheme}|${layout.vnodes}|${layout.eps}|${layout.nodes.join(',')}|${items.sig}`;
  const hit = cache.get(sig);
  if (hit) return hit;
  const out = PLACE[scheme](layout, items);
  if (cache.size > 48) cache.clear();
  cache.set(sig, out);
  return out;
}
