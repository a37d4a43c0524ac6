// The column-stored trace ring against the plain array it replaced: same entries, same order, same limit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DELIVER, DROP, SEND, TraceRing, kindCode, type MsgRef } from '../../../src/engine/core/trace-ring.ts';
import type { TraceEvent } from '../../../src/engine/core/types.ts';

const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const node = fc.constantFrom('a', 'b', 'n1');
const msgRef = fc.record({ id: fc.nat(), from: node, to: node, sys: fc.constantFrom('ping', 'town'), msg: fc.record({ type: fc.constantFrom('Ping', 'Ack'), n: fc.integer() }), sentAt: fc.nat() });
/** Each kind of entry with the fields the simulator gives it, and how it is pushed into the ring. */
type Push = (ring: TraceRing, i: number, ev: TraceEvent) => void;
const entry: fc.Arbitrary<{ ev: Omit<TraceEvent, 'i'>; push: Push }> = fc.oneof(
  fc.tuple(fc.nat({ max: 2 ** 40 }), fc.constantFrom('send' as const, 'deliver' as const, 'drop' as const), msgRef, fc.string()).map(([t, kind, r, why]) => ({
    ev: {
      t, kind, node: kind === 'send' ? r.from : r.to, from: r.from, to: r.to, msgId: r.id, msg: r.msg,
      sentAt: kind === 'send' ? undefined : r.sentAt, text: kind === 'drop' ? why : undefined, sys: r.sys, invariant: undefined, cause: undefined,
    },
    push: (ring: TraceRing, i: number) => ring.pushMsg(i, t, kind === 'send' ? SEND : kind === 'deliver' ? DELIVER : DROP, r as MsgRef, kind === 'drop' ? why : undefined),
  })),
  fc.tuple(fc.nat({ max: 2 ** 40 }), msgRef).map(([t, r]) => ({
    ev: { t, kind: 'drop' as const, node: r.from, from: r.from, to: r.to, msgId: r.id, msg: r.msg, sentAt: t, text: 'partition', sys: r.sys, invariant: undefined, cause: undefined },
    push: (ring: TraceRing, i: number) => ring.pushDropAtSend(i, t, r, 'partition'),
  })),
  fc.tuple(fc.nat({ max: 2 ** 40 }), node, fc.constantFrom('ping', 'town'), fc.string()).map(([t, n, sys, text]) => ({
    ev: { t, kind: 'timer' as const, node: n, from: undefined, to: undefined, msgId: undefined, msg: undefined, sentAt: undefined, text, sys, invariant: undefined, cause: undefined },
    push: (ring: TraceRing, i: number) => ring.pushTimer(i, t, { node: n, sys }, text),
  })),
  fc.tuple(fc.nat({ max: 2 ** 40 }), fc.constantFrom('note' as const, 'fault' as const, 'input' as const, 'fork' as const), maybe(node), maybe(fc.constantFrom('ping', 'town')), maybe(fc.string()))
    .map(([t, kind, n, sys, text]) => ({
      ev: { t, kind, node: n, from: undefined, to: undefined, msgId: undefined, msg: undefined, sentAt: undefined, text, sys, invariant: undefined, cause: undefined },
      push: (ring: TraceRing, i: number) => ring.pushText(i, t, kindCode(kind), n, sys, text),
    })),
  fc.tuple(fc.nat({ max: 2 ** 40 }), fc.string(), fc.nat()).map(([t, text, cause]) => {
    const ev = { t, kind: 'violation' as const, node: undefined, from: undefined, to: undefined, msgId: undefined, msg: undefined, sentAt: undefined, text, sys: 'ping', invariant: 'safe', cause };
    return { ev, push: (ring: TraceRing, _i: number, whole: TraceEvent) => ring.pushObject(whole) };
  }),
);

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
            const ev: TraceEvent = { i: ref.end, ...e.ev };
            ref.push(ev);
            e.push(ring, ev.i, ev);
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
    for (let i = 0; i < 5000; i++) ring.pushMsg(i, i * 3, i % 2 ? SEND : DELIVER, { id: i, from: `n${i % 7}`, to: 'b', sys: 'x', msg: { type: 'T', i }, sentAt: i - 1 }, undefined);
    const all = ring.upTo(Number.POSITIVE_INFINITY);
    expect(all).toHaveLength(5000);
    expect(all.every((e, i) => e.i === i && e.t === i * 3 && e.from === `n${i % 7}` && e.msg?.i === i)).toBe(true);
    expect(all[4999]).toEqual({ i: 4999, t: 14997, kind: 'send', node: 'n1', from: 'n1', to: 'b', msgId: 4999, msg: { type: 'T', i: 4999 }, sentAt: undefined, text: undefined, sys: 'x', invariant: undefined, cause: undefined });
    expect(all[4998]).toMatchObject({ kind: 'deliver', node: 'b', from: 'n0', sentAt: 4997 });
  });
});
