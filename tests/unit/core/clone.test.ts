// Snapshots copy state with clonePlain instead of structuredClone: it must give the same copy.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clonePlain } from '../../../src/engine/core/clone.ts';

/** Plain state as systems keep it: nested records and lists of numbers, strings, booleans, null, undefined. */
const plain = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0)),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('0', '7', '__proto__', 'constructor')), tie('node'), { maxKeys: 5 }),
    fc.array(fc.tuple(fc.string(), tie('node')), { maxLength: 3 }).map((es) => new Map(es)),
    fc.array(fc.integer(), { maxLength: 4 }).map((xs) => new Set(xs))),
})).node;

/**
 * A structural description: kinds, prototypes, key order, holes, -0, NaN and undefined all show.
 * (toStrictEqual would compare an own `constructor` key as if it were the prototype's.)
 */
function shape(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object' || v === null) return String(v);
  if (v instanceof Map) return `Map{${[...v].map(([k, x]) => `${shape(k)}:${shape(x)}`).join(',')}}`;
  if (v instanceof Set) return `Set{${[...v].map(shape).join(',')}}`;
  if (Array.isArray(v)) return `[${Array.from({ length: v.length }, (_, i) => (i in v ? shape(v[i]) : '<hole>')).join(',')}]`;
  const proto = Object.getPrototypeOf(v) === Object.prototype ? '' : `<${String(Object.getPrototypeOf(v)?.constructor?.name)}>`;
  return `${proto}{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${shape((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Every path to an object, as `path -> index of the first path that reached the same object`. */
function sharing(v: unknown): string[] {
  const seen = new Map<object, string>();
  const out: string[] = [];
  const walk = (x: unknown, path: string) => {
    if (typeof x !== 'object' || x === null) return;
    const first = seen.get(x);
    if (first !== undefined) { out.push(`${path}=${first}`); return; }
    seen.set(x, path);
    if (x instanceof Map) for (const [k, y] of x) walk(y, `${path}.get(${String(k)})`);
    else if (x instanceof Set) [...x].forEach((y, i) => walk(y, `${path}{${i}}`));
    else for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], `${path}.${k}`);
  };
  walk(v, '$');
  return out;
}

describe('clonePlain', () => {
  it('copies plain state exactly as structuredClone does: same values, key order, holes, -0 and undefined', () => {
    fc.assert(fc.property(plain, (v) => {
      const a = clonePlain(v);
      expect(shape(a)).toBe(shape(structuredClone(v)));
      if (typeof v === 'object' && v !== null) expect(a).not.toBe(v);
    }), { numRuns: 400 });
  });

  it('keeps shared references shared and copies nothing twice', () => {
    fc.assert(fc.property(fc.array(plain, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, picks) => {
      // A state whose fields point at the same parts several times.
      const state: Record<string, unknown> = {};
      picks.forEach((p, i) => { state[`f${i}`] = parts[p % parts.length]; });
      state.list = picks.map((p) => parts[p % parts.length]);
      const copy = clonePlain(state);
      expect(sharing(copy)).toEqual(sharing(structuredClone(state)));
      expect(shape(copy)).toBe(shape(structuredClone(state)));
    }), { numRuns: 300 });
  });

  it('a copy is independent: changing it leaves the original as it was', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), plain, { maxKeys: 5 }), (v) => {
      const before = shape(v);
      const copy = clonePlain(v) as Record<string, unknown>;
      for (const k of Object.keys(copy)) {
        const x = copy[k];
        if (x instanceof Map || x instanceof Set) x.clear();
        else if (typeof x === 'object' && x !== null) for (const j of Object.keys(x)) (x as Record<string, unknown>)[j] = 'changed';
        copy[k] = 'changed';
      }
      copy.added = 1;
      expect(shape(v)).toBe(before);
    }), { numRuns: 200 });
  });

  it('keeps array holes and lengths', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [1, , 3];
    holey.length = 6;
    const c = clonePlain({ holey });
    expect(c.holey).toHaveLength(6);
    expect(1 in c.holey).toBe(false);
    expect(shape(c)).toBe(shape(structuredClone({ holey })));
  });

  it('copies a __proto__ key as a key, not as a prototype', () => {
    const v = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
    const c = clonePlain(v);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(Object.keys(c)).toEqual(['__proto__', 'a']);
    expect(shape(c)).toBe(shape(structuredClone(v)));
  });

  it('hands unusual values (dates, typed arrays, class instances) to structuredClone', () => {
    class Point { constructor(public x: number) {} }
    const v = { d: new Date(5), bytes: new Uint8Array([1, 2]), p: new Point(3), r: /a+/g };
    expect(clonePlain(v)).toStrictEqual(structuredClone(v));
  });

  it('refuses functions and symbols, as structuredClone does', () => {
    expect(() => clonePlain({ f: () => 1 })).toThrow(/cannot hold a function/);
    expect(() => clonePlain([Symbol('s')])).toThrow(/cannot hold a symbol/);
    expect(() => structuredClone({ f: () => 1 })).toThrow();
  });

  it('shares a frozen object or array instead of copying it (nothing can change it), and copies what holds it', () => {
    const entry = Object.freeze({ term: 2, id: 7, config: Object.freeze(['n1', 'n2']) });
    const v = { log: [entry, { term: 3, id: 8 }], last: entry, list: Object.freeze([1, 2]) };
    const c = clonePlain(v);
    expect(c.log[0]).toBe(entry);
    expect(c.last).toBe(entry);
    expect(c.list).toBe(v.list);
    expect(c.log).not.toBe(v.log);
    expect(c.log[1]).not.toBe(v.log[1]);
    expect(shape(c)).toBe(shape(structuredClone(v)));
  });

  it('counts the slots of the arrays it copies, when asked', () => {
    const slots = { n: 0 };
    clonePlain({ a: [1, 2, 3], b: { c: [[4], []] }, m: new Map([['k', [5, 6]]]) }, new Map(), slots);
    expect(slots.n).toBe(3 + 2 + 1 + 0 + 2);
  });
});
