// A deep copy of plain data for snapshots, with structuredClone's meaning for what system state holds
// (objects, arrays, Maps, Sets, primitives) at a fraction of its cost: structuredClone serialises the
// whole graph and parses it back, this copies it directly. Like structuredClone it keeps shared
// references shared (two paths to one object stay two paths to one copy), copies only own enumerable
// string keys in their order, keeps array holes, and refuses functions and symbols. Anything else (Date,
// RegExp, typed arrays, class instances) goes to structuredClone itself, so it is copied exactly as
// before. Two differences: named (non-index) properties on an array are not copied (state has none), and
// a frozen object or array is shared, not copied: nothing can change it, so a copy could never differ
// from it (a system freezes only what is immutable all the way down, like Raft's log entries).

/**
 * Copies `value`; `seen` maps each object already copied to its copy (pass a fresh Map per graph). When
 * given, `slots.n` grows by the length of every array copied (what a snapshot holds besides objects).
 */
export function clonePlain<T>(value: T, seen: Map<object, unknown> = new Map(), slots?: { n: number }): T {
  return copy(value, seen, slots) as T;
}

function copy(v: unknown, seen: Map<object, unknown>, slots?: { n: number }): unknown {
  if (typeof v !== 'object' || v === null) {
    if (typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`snapshot: state cannot hold a ${typeof v}`);
    return v;
  }
  if (Object.isFrozen(v)) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) {
    // slice keeps holes and length; then the elements that are objects are replaced by their copies.
    const out = v.slice();
    seen.set(v, out);
    if (slots) slots.n += out.length;
    for (let i = 0; i < out.length; i++) {
      const x: unknown = out[i];
      if (typeof x === 'object' ? x !== null && !Object.isFrozen(x) : typeof x === 'function' || typeof x === 'symbol') out[i] = copy(x, seen, slots);
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const k of Object.keys(v)) {
      const x = copy((v as Record<string, unknown>)[k], seen, slots);
      if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out;
  }
  if (v instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(v, out);
    for (const [k, x] of v) out.set(copy(k, seen, slots), copy(x, seen, slots));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set<unknown>();
    seen.set(v, out);
    for (const x of v) out.add(copy(x, seen, slots));
    return out;
  }
  return fallback(v, seen);
}

/** Everything unusual is copied by structuredClone itself (sharing is kept inside it, not across it). */
function fallback(v: object, seen: Map<object, unknown>): unknown {
  const out: unknown = structuredClone(v);
  seen.set(v, out);
  return out;
}
