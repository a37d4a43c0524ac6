// The trace hash is a function of the trace's contents, covers every entry, and does not depend on how
// much of the trace the ring still holds.
import { describe, expect, it } from 'vitest';
import { createSim } from '../../../src/engine/core/sim.ts';
import fc from 'fast-check';
import { HASH_START, messageHash, mix32, mixInt, mixString, mixValue } from '../../../src/engine/core/hash.ts';
import type { SystemDef } from '../../../src/engine/core/types.ts';

interface EchoState { seen: number }
/** Each delivery sends one reply carrying `extra`, until `rounds` replies went out. */
const echo = (extra: unknown, rounds = 300): SystemDef<EchoState> => ({
  name: 'echo',
  initialState: () => ({ seen: 0 }),
  onMessage(s, node, from, _msg, ctx) {
    if (++s.seen < rounds) ctx.send(node, from, { type: 'Echo', n: s.seen, extra });
    if (s.seen % 50 === 0) ctx.note(node, `heard ${s.seen}`);
  },
  onTimer() {},
});

function run(opts: { extra?: unknown; traceLimit?: number; latency?: number; to?: string } = {}) {
  const sim = createSim({ seed: 1, systems: [echo(opts.extra ?? 'x')], traceLimit: opts.traceLimit, network: { latency: opts.latency ?? 3, jitter: 5 } });
  sim.act('echo', 'start', (_s, ctx) => {
    ctx.addNode('a');
    ctx.addNode(opts.to ?? 'b');
    ctx.send('a', opts.to ?? 'b', { type: 'Echo', n: 0, extra: opts.extra ?? 'x' });
  });
  sim.runFor(10_000);
  return sim;
}

describe('trace hash', () => {
  it('is the same whatever the ring keeps: it covers entries long gone from it', () => {
    const full = run();
    const short = run({ traceLimit: 40 });
    expect(short.trace().length).toBeLessThanOrEqual(40);
    expect(short.traceHash()).toBe(full.traceHash());
    const tail = full.trace().slice(-short.trace().length).map(full.formatEvent);
    expect(short.trace().map(short.formatEvent)).toEqual(tail);
  });

  it('changes when any part of an entry changes: a message field, a node, a time', () => {
    const base = run().traceHash();
    expect(run({ extra: 'y' }).traceHash()).not.toBe(base);
    expect(run({ extra: 1.5 }).traceHash()).not.toBe(run({ extra: 2.5 }).traceHash());
    expect(run({ extra: [1, { k: true }] }).traceHash()).not.toBe(run({ extra: [1, { k: false }] }).traceHash());
    expect(run({ to: 'c' }).traceHash()).not.toBe(base);
    expect(run({ latency: 4 }).traceHash()).not.toBe(base);
  });

  it('tells a route from its reverse and a message from the same fields in another order', () => {
    const m = { type: 'T', a: 1, b: 2 };
    expect(messageHash('a', 'b', m)).not.toBe(messageHash('b', 'a', m));
    expect(messageHash('a', 'b', m)).not.toBe(messageHash('a', 'b', { type: 'T', b: 2, a: 1 }));
    expect(messageHash('ab', undefined, undefined)).not.toBe(messageHash(undefined, 'ab', undefined));
  });

  it('mixes integers by value, whichever path it takes (32-bit or wider)', () => {
    // The 32-bit fast path agrees with the general one for values both can take.
    const wide = (h: number, n: number) => Math.imul(Math.imul(h ^ (n & 0xffffffff), 0x01000193) ^ Math.floor(n / 0x100000000), 0x01000193);
    for (const n of [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 123_456_789]) expect(mixInt(7, n)).toBe(wide(7, n));
    expect(mixInt(7, 2 ** 40)).not.toBe(mixInt(7, 0));
  });

  it('is the same whether or not a message of its type was seen before with these fields (its cache changes nothing)', () => {
    // The definition, worked out from scratch: route, then the field names in order, then the values in order.
    const reference = (from: string, to: string, msg: Record<string, unknown>) => {
      let keys = 0x3a;
      let vals = HASH_START;
      for (const k in msg) {
        keys = mixString(keys, k);
        const x = msg[k];
        vals = typeof x === 'string' ? mix32(vals, mixString(HASH_START, x)) : typeof x === 'number' && (x | 0) === x ? mixInt(vals, x) : mixValue(vals, x, 1);
      }
      return mix32(mix32(mixString(mix32(mixString(HASH_START, from), 0x3e), to), keys), vals);
    };
    const field = fc.constantFrom('term', 'id', 'x', 'entries', 'ok');
    const value = fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.double({ noNaN: true }));
    const msg = fc.tuple(fc.constantFrom('A', 'B', 'Ping'), fc.uniqueArray(fc.tuple(field, value), { selector: ([k]) => k, maxLength: 4 }), fc.boolean())
      .map(([type, fields, typeLast]) => {
        const rest = Object.fromEntries(fields);
        return typeLast ? { ...rest, type } : { type, ...rest };
      });
    fc.assert(fc.property(fc.array(msg, { minLength: 1, maxLength: 30 }), (msgs) => {
      for (const m of msgs) expect(messageHash('n1', 'n2', m)).toBe(reference('n1', 'n2', m));
    }), { numRuns: 300 });
  });
});
