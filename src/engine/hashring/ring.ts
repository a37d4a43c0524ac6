// The token ring: every node owns `vnodes` tokens, each the hash of "node#i"; a key belongs to the first
// token at or after its own hash, going clockwise and wrapping past 2^32 - 1 to the start (Karger et al.
// 1997; Dynamo, DeCandia et al. 2007, §4.2). Tokens are kept sorted in a typed array and found by binary
// search, so a million keys on 25,600 tokens take a few hundred milliseconds.
import { murmur3, tokenName } from './hash.ts';

export interface Ring {
  /** Token positions, ascending. */
  readonly tokens: Uint32Array;
  /** For each token, the index (into the layout's node list) of the node that owns it. */
  readonly owner: Int32Array;
}

const ringCache = new Map<string, Ring>();

/** The ring of these nodes with `vnodes` tokens each (memoised: a pure function of its arguments). */
export function buildRing(nodes: readonly string[], vnodes: number): Ring {
  const sig = `${vnodes}|${nodes.join(',')}`;
  const hit = ringCache.get(sig);
  if (hit) return hit;
  const n = nodes.length * vnodes;
  const pos = new Float64Array(n);
  const idx = new Int32Array(n);
  for (let a = 0; a < nodes.length; a++) {
    for (let i = 0; i < vnodes; i++) {
      pos[a * vnodes + i] = murmur3(tokenName(nodes[a]!, i));
      idx[a * vnodes + i] = a;
    }
  }
  // Sort token indices by position; two tokens at one position (a 32-bit collision) go by node order.
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => pos[x]! - pos[y]! || idx[x]! - idx[y]!);
  const tokens = new Uint32Array(n);
  const owner = new Int32Array(n);
  order.forEach((o, i) => { tokens[i] = pos[o]!; owner[i] = idx[o]!; });
  const ring = { tokens, owner };
  if (ringCache.size > 16) ringCache.clear();
  ringCache.set(sig, ring);
  return ring;
}

/** Index of the first token at or after `h`, clockwise (0 after the last token: the ring wraps). */
export function successor(ring: Ring, h: number): number {
  const t = ring.tokens;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < h) lo = mid + 1; else hi = mid;
  }
  return lo === t.length ? 0 : lo;
}

/**
 * Dynamo's preference list: walking clockwise from the key's token, the first `count` DISTINCT nodes
 * (Dynamo §4.3: "skipping positions in the ring to ensure that the list contains only distinct physical
 * nodes"). With `rackOf`, like Cassandra's NetworkTopologyStrategy, a node in a rack already holding a
 * replica is skipped while an unused rack remains, and skipped nodes fill the list only when racks run out.
 */
export function preferenceList(ring: Ring, h: number, count: number, nodeCount: number, rackOf?: (node: number) => string): number[] {
  const want = Math.min(count, nodeCount);
  const out: number[] = [];
  const skipped: number[] = [];
  const racks = new Set<string>();
  const rackTotal = rackOf ? new Set(Array.from({ length: nodeCount }, (_, i) => rackOf(i))).size : 0;
  const n = ring.tokens.length;
  const start = successor(ring, h);
  for (let s = 0; s < n && out.length < want; s++) {
    const node = ring.owner[(start + s) % n]!;
    if (out.includes(node) || skipped.includes(node)) continue;
    if (rackOf && racks.size < rackTotal && racks.has(rackOf(node))) { skipped.push(node); continue; }
    out.push(node);
    if (rackOf) racks.add(rackOf(node));
  }
  for (const node of skipped) if (out.length < want) out.push(node);
  return out;
}

/** The share of the circle each node's tokens own (the arcs ending at its tokens), summing to 1. */
export function arcShares(ring: Ring, nodeCount: number): number[] {
  const share = new Array<number>(nodeCount).fill(0);
  const t = ring.tokens;
  const n = t.length;
  if (n === 0) return share;
  for (let i = 0; i < n; i++) {
    const prev = i === 0 ? t[n - 1]! - 2 ** 32 : t[i - 1]!;
    const o = ring.owner[i]!;
    share[o] = share[o]! + (t[i]! - prev) / 2 ** 32;
  }
  return share;
}
