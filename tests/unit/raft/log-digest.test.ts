// The log digest (log.ts) and the min-tree the safety checks read, each against the obvious computation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendEntry, commonPrefix, digestOf, lastIndexOfEqualTerms, truncateLog } from '../../../src/engine/raft/log.ts';
import { MinTree } from '../../../src/engine/raft/min-tree.ts';
import { newServer, type LogEntry, type RaftServer } from '../../../src/engine/raft/state.ts';
import { prefixHash } from './reference-invariants.ts';

const SEED = Number(process.env.FC_SEED ?? 20261201);
let nextId = 1;
const entry = (term: number): LogEntry => ({ term, command: `e${nextId}`, id: nextId++ });

/** What the digest must say about a log, worked out the long way. */
function expected(log: readonly LogEntry[]) {
  const hash = Array.from({ length: log.length + 1 }, (_, i) => prefixHash(log, i));
  const runStart: number[] = [];
  const runTerm: number[] = [];
  log.forEach((e, i) => { if (i === 0 || log[i - 1]!.term !== e.term) { runStart.push(i); runTerm.push(e.term); } });
  return { hash, runStart, runTerm };
}
const digestFields = (s: RaftServer) => { const d = digestOf(s); return { hash: [...d.hash], runStart: [...d.runStart], runTerm: [...d.runTerm] }; };

const editArb = fc.array(fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('append' as const), term: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('poke' as const), at: fc.integer({ min: 0, max: 100 }), term: fc.integer({ min: 1, max: 4 }) }) },
), { minLength: 1, maxLength: 80 });

describe('log digest', () => {
  it('stays equal to the prefix hashes and term runs of the log through appends, truncations and edits made behind its back', () => {
    fc.assert(fc.property(editArb, fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), (edits, reads) => {
      const s = newServer('n1');
      edits.forEach((e, k) => {
        if (e.op === 'append') appendEntry(s, entry(e.term));
        else if (e.op === 'truncate') truncateLog(s, Math.floor((s.log.length * e.at) / 100));
        else if (s.log.length > 0) { s.log[Math.floor(((s.log.length - 1) * e.at) / 100)] = entry(e.term); s.logVersion++; }
        // Read sometimes (the digest then follows each change) and sometimes not (it is rebuilt later).
        if (reads[k]) expect(digestFields(s)).toEqual(expected(s.log));
      });
      expect(digestFields(s)).toEqual(expected(s.log));
    }), { numRuns: 300, seed: SEED });
  });

  it('finds the highest index where two logs hold the same term, and the longest common prefix', () => {
    const termsArb = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 30 });
    fc.assert(fc.property(termsArb, termsArb, fc.integer({ min: 0, max: 30 }), (ta, tb, shared) => {
      const common = ta.slice(0, shared).map(entry);
      const a = newServer('a');
      const b = newServer('b');
      for (const e of [...common, ...ta.slice(shared).map(entry)]) appendEntry(a, e);
      for (const e of [...common, ...tb.slice(shared).map(entry)]) appendEntry(b, e);
      const top = Math.min(a.log.length, b.log.length);
      let want = top;
      while (want > 0 && a.log[want - 1]!.term !== b.log[want - 1]!.term) want--;
      expect(lastIndexOfEqualTerms(digestOf(a), digestOf(b), top)).toBe(want);
      let lcp = 0;
      while (lcp < top && a.log[lcp]!.id === b.log[lcp]!.id) lcp++;
      expect(commonPrefix(digestOf(a).hash, digestOf(b).hash, top)).toBe(lcp);
    }), { numRuns: 500, seed: SEED });
  });
});

describe('min-tree', () => {
  it('finds the first position at or after p holding a value below x', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 70 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 75 }), (vs, x, from) => {
      const t = new MinTree();
      vs.forEach((v, k) => {
        t.push(v);
        const seen = vs.slice(0, k + 1);
        const want = seen.findIndex((w, i) => i >= from && w < x);
        expect(t.firstBelow(x, from)).toBe(want);
      });
      expect(t.length).toBe(vs.length);
    }), { numRuns: 300, seed: SEED });
  });
});
