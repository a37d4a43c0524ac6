// The column-stored trace ring against the plain array it replaced: same entries, same order, same limit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TraceRing, kindCode } from '../../../src/engine/core/trace-ring.ts';
import type { TraceEvent, TraceKind } from '../../../src/engine/core/types.ts';

const KINDS: TraceKind[] = ['send', 'deliver', 'drop', 'timer', 'note', 'fault', 'input', 'fork', 'violation'];
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const entry = fc.record({
  t: fc.nat({ max: 2 ** 40 }), kind: fc.constantFrom(...KINDS), node: maybe(fc.constantFrom('a', 'b', 'n1')),
  from: maybe(fc.constantFrom('a', 'b')), to: maybe(fc.constantFrom('a', 'b')), msgId: maybe(fc.nat()),
  msg: maybe(fc.record({ type: fc.constantFrom('Ping', 'Ack'), n: fc.integer() })), sentAt: maybe(fc.nat()),
  text: maybe(fc.string()), sys: maybe(fc.constantFrom('ping', 'town')), invariant: maybe(fc.constant('safe')),
  cause: maybe(fc.nat()),
});

const op = fc.oneof(
  { weight: 8, arbitrary: fc.array(entry, { minLength: 1, maxLength: 30 }).map((es) => ({ k: 'push' as const, es })) },
  { weight: 2, arbitrary: fc.nat({ max: 400 }).map((back) => ({ k: 'truncate' as const, back })) },
  { weight: 3, arbitrary: fc.nat({ max: 400 }).map((back) => ({ k: 'read' as const, back })) },
);

/** The array the ring replaced: push, and past `limit` drop the oldest quarter. */
function model(limit: number) {
  let trace: TraceEvent[] = [];
  let base = 0;
  return {
    get end() { return base + trace.length; },
    push(ev: TraceEvent) {
      trace.push(ev);
      if (trace.length > limit) { const cut = Math.max(1, Math.floor(limit / 4)); trace = trace.slice(cut); base += cut; }
    },
    upTo: (n: number) => (n >= base + trace.length ? trace : trace.slice(0, Math.max(0, n - base))),
    truncate(n: number) {
      if (n >= base + trace.length) return;
      if (n >= base) trace = trace.slice(0, n - base);
      else { trace = []; base = n; }
    },
  };
}

describe('trace ring', () => {
  it('holds what a plain array with the same limit holds, through pushes, reads and forks', () => {
    // Small first columns, so growing happens while entries wrap around and the oldest are dropped.
    fc.assert(fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 16 }), fc.array(op, { maxLength: 40 }), (limit, first, ops) => {
      const ring = new TraceRing(limit, first);
      const ref = model(limit);
      for (const o of ops) {
        if (o.k === 'push') {
          for (const e of o.es) {
            const ev: TraceEvent = { i: ref.end, ...e };
            ref.push(ev);
            if (ev.kind === 'violation') ring.pushObject(ev);
            else ring.push(ev.i, ev.t, kindCode(ev.kind), ev.node, ev.from, ev.to, ev.msgId, ev.msg, ev.sentAt, ev.text, ev.sys, ev.invariant, ev.cause);
          }
        } else if (o.k === 'truncate') {
          const n = Math.max(0, ref.end - o.back);
          ref.truncate(n);
          ring.truncate(n);
        } else {
          const n = Math.max(0, ref.end - o.back);
          expect(ring.upTo(n)).toEqual(ref.upTo(n));
        }
        expect(ring.end).toBe(ref.end);
      }
      const all = ring.upTo(Number.POSITIVE_INFINITY);
      expect(all).toEqual(ref.upTo(Number.POSITIVE_INFINITY));
      // Same objects on every read, and a violation is the very object recorded.
      expect(ring.upTo(Number.POSITIVE_INFINITY)).toBe(all);
      all.forEach((e, k) => { if (e.kind === 'violation') expect(e).toBe(ref.upTo(Number.POSITIVE_INFINITY)[k]); });
      if (limit > 0) expect(all.length).toBeLessThanOrEqual(limit);
    }), { numRuns: 300 });
  });

  it('grows past its first columns without losing or reordering entries', () => {
    const ring = new TraceRing(100_000);
    for (let i = 0; i < 5000; i++) ring.push(i, i * 3, kindCode(i % 2 ? 'send' : 'deliver'), `n${i % 7}`, 'a', 'b', i, { type: 'T', i }, i - 1, undefined, 'x', undefined, undefined);
    const all = ring.upTo(Number.POSITIVE_INFINITY);
    expect(all).toHaveLength(5000);
    expect(all.every((e, i) => e.i === i && e.t === i * 3 && e.node === `n${i % 7}` && e.msg?.i === i)).toBe(true);
    expect(all[4999]).toEqual({ i: 4999, t: 14997, kind: 'send', node: 'n1', from: 'a', to: 'b', msgId: 4999, msg: { type: 'T', i: 4999 }, sentAt: 4998, text: undefined, sys: 'x', invariant: undefined, cause: undefined });
  });
});
