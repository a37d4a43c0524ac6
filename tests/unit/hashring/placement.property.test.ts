// Movement and balance properties of every placement scheme, on random memberships and key sets.
// Sources: Karger et al. 1997 (monotonicity: a new node takes keys only for itself), Dynamo §4.2-4.3
// (virtual nodes, distinct preference lists), Thaler and Ravishankar 1996 (rendezvous), Lamping and Veach
// 2014 (jump), Mirrokni, Thorup and Zadimoghaddam 2018 (capacity ceil((1+eps) m/n)).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyName, murmur3 } from '../../../src/engine/hashring/hash.ts';
import { loads, loadStats, movement } from '../../../src/engine/hashring/metrics.ts';
import { buildRing, preferenceList } from '../../../src/engine/hashring/ring.ts';
import { boundedCapacity, makeItems, place, SCHEMES, type Layout } from '../../../src/engine/hashring/schemes.ts';

const keysOf = (m: number, salt: number) => makeItems(`${m}:${salt}`, Array.from({ length: m }, (_, i) => `${keyName(i)}s${salt}`));
const nodesOf = (n: number, salt: number) => Array.from({ length: n }, (_, i) => `h${i + 1}x${salt}`);

const arb = fc.record({ n: fc.integer({ min: 1, max: 12 }), m: fc.integer({ min: 1, max: 600 }), vnodes: fc.integer({ min: 1, max: 32 }), salt: fc.nat(1000) });

describe('joining one node', () => {
  it('ring, rendezvous and jump move keys only to the newcomer; modulo moves others too', () => {
    fc.assert(fc.property(arb, ({ n, m, vnodes, salt }) => {
      const items = keysOf(m, salt);
      const before: Layout = { nodes: nodesOf(n, salt), vnodes, eps: 0.25 };
      const after: Layout = { ...before, nodes: [...before.nodes, 'newcomer'] };
      for (const s of ['ring', 'rendezvous', 'jump'] as const) {
        const mv = movement(place(s, before, items), before.nodes, place(s, after, items), after.nodes);
        expect(Object.values(mv.matrix).every((row) => Object.keys(row).every((to) => to === 'newcomer'))).toBe(true);
      }
    }), { numRuns: 60 });
  });

  it('about 1/(N+1) of the keys move under a ring with many vnodes and under jump; about N/(N+1) under modulo', () => {
    const items = keysOf(20_000, 1);
    for (const n of [4, 9]) {
      const before: Layout = { nodes: nodesOf(n, 1), vnodes: 256, eps: 0.25 };
      const after: Layout = { ...before, nodes: [...before.nodes, 'newcomer'] };
      const frac = (s: (typeof SCHEMES)[number]) => movement(place(s, before, items), before.nodes, place(s, after, items), after.nodes).moved / 20_000;
      expect(frac('modulo')).toBeCloseTo(n / (n + 1), 1);
      expect(Math.abs(frac('jump') - 1 / (n + 1))).toBeLessThan(0.02);
      expect(Math.abs(frac('rendezvous') - 1 / (n + 1))).toBeLessThan(0.02);
      expect(Math.abs(frac('ring') - 1 / (n + 1))).toBeLessThan(0.04);
    }
  });

  it('leaving: under a ring and rendezvous only the leaver\'s keys move', () => {
    fc.assert(fc.property(arb.filter((a) => a.n >= 2), fc.nat(), ({ n, m, vnodes, salt }, pick) => {
      const items = keysOf(m, salt);
      const before: Layout = { nodes: nodesOf(n, salt), vnodes, eps: 0.25 };
      const gone = before.nodes[pick % n]!;
      const after: Layout = { ...before, nodes: before.nodes.filter((x) => x !== gone) };
      for (const s of ['ring', 'rendezvous'] as const) {
        const mv = movement(place(s, before, items), before.nodes, place(s, after, items), after.nodes);
        expect(Object.keys(mv.matrix).every((from) => from === gone)).toBe(true);
        expect(mv.moved).toBe(loads(place(s, before, items), n)[pick % n]);
      }
    }), { numRuns: 60 });
  });
});

describe('balance', () => {
  it('every scheme places every key on a member; bounded loads never exceeds its capacity', () => {
    fc.assert(fc.property(arb, fc.double({ min: 0.01, max: 2, noNaN: true }), ({ n, m, vnodes, salt }, eps) => {
      const items = keysOf(m, salt);
      const layout: Layout = { nodes: nodesOf(n, salt), vnodes, eps };
      for (const s of SCHEMES) {
        const o = place(s, layout, items);
        expect(o.every((x) => x >= 0 && x < n)).toBe(true);
      }
      expect(Math.max(...loads(place('bounded', layout, items), n))).toBeLessThanOrEqual(boundedCapacity(m, n, eps));
    }), { numRuns: 80 });
  });

  it('the spread of a ring falls as virtual nodes grow (roughly as 1/sqrt(vnodes))', () => {
    const items = keysOf(20_000, 2);
    const sd = (v: number) => loadStats(loads(place('ring', { nodes: nodesOf(10, 2), vnodes: v, eps: 0.25 }, items), 10)).stdDevPct;
    const [one, sixteen, twoFiftySix] = [sd(1), sd(16), sd(256)];
    expect(sixteen).toBeLessThan(one / 2);
    expect(twoFiftySix).toBeLessThan(sixteen / 2);
    expect(twoFiftySix).toBeLessThan(10);
  });
});

describe('preference lists (Dynamo §4.3)', () => {
  it('hold distinct nodes; rack-aware ones use distinct racks while racks remain', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.nat(1000),
      (n, vnodes, racks, count, salt) => {
        const nodes = nodesOf(n, salt);
        const ring = buildRing(nodes, vnodes);
        const rackOf = (i: number) => `r${i % racks}`;
        const rackTotal = Math.min(racks, n);
        for (let k = 0; k < 50; k++) {
          const h = murmur3(`key${k}-${salt}`);
          const plain = preferenceList(ring, h, count, n);
          expect(new Set(plain).size).toBe(plain.length);
          expect(plain.length).toBe(Math.min(count, n));
          const aware = preferenceList(ring, h, count, n, rackOf);
          expect(new Set(aware).size).toBe(aware.length);
          const used = new Set(aware.slice(0, Math.min(count, rackTotal)).map(rackOf));
          expect(used.size).toBe(Math.min(count, rackTotal));
        }
      }), { numRuns: 60 });
  });
});
