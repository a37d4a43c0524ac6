// A stable 32-bit FNV-1a hash of the trace, mixed incrementally as events happen, so the hash covers the
// whole run even after old trace entries are dropped from the bounded ring. Only integer arithmetic and
// string char codes: the same value in every JavaScript engine.
const PRIME = 0x01000193;

export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return Math.imul(h ^ 0xff, PRIME);
}

export function mixInt(h: number, n: number): number {
  // A 32-bit integer's high word is its sign (n >> 31): the same as the general case below, without the division.
  if ((n | 0) === n) return Math.imul(Math.imul(h ^ n, PRIME) ^ (n >> 31), PRIME);
  // Mix the low and high 32 bits so large integers hash fully.
  h = Math.imul(h ^ (n & 0xffffffff), PRIME);
  return Math.imul(h ^ Math.floor(n / 0x100000000), PRIME);
}

/**
 * Mixes any plain value: primitives, arrays and objects (keys in for-in order, which the language fixes:
 * integer-like keys ascending, then the rest in insertion order, in every engine). A non-integer number
 * is mixed through String(v), which ECMAScript defines exactly (the shortest round-trip digits).
 */
export function mixValue(h: number, v: unknown, depth = 0): number {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? mixInt(h, v) : mixString(h, String(v));
    case 'string':
      return mixString(h, v);
    case 'boolean':
      return Math.imul(h ^ (v ? 0x74 : 0x66), PRIME);
    case 'undefined':
      return Math.imul(h ^ 0x75, PRIME);
    case 'object': {
      if (v === null) return Math.imul(h ^ 0x6e, PRIME);
      if (depth > 8) return h;
      if (Array.isArray(v)) {
        h = mixInt(h, v.length);
        for (const x of v) h = mixValue(h, x, depth + 1);
        return h;
      }
      for (const k in v as Record<string, unknown>) {
        h = mixString(h, k);
        const x = (v as Record<string, unknown>)[k];
        // The common field types inline (the same result as the recursive call, without the call).
        h = typeof x === 'string' ? mixString(h, x) : mixValue(h, x, depth + 1);
      }
      return h;
    }
    default:
      return h;
  }
}

export const HASH_START = 0x811c9dc5;

/** Mixes a 32-bit integer (a code or another hash) in one step. */
export const mix32 = (h: number, n: number): number => Math.imul(h ^ n, PRIME);

/** A message type's field names as last seen, their hash, and the hash of the type's name. */
interface Shape { readonly keys: readonly string[]; readonly keysHash: number; readonly typeHash: number }
/** By message type. Only a cache (a miss costs time, never a different hash), so it is simply emptied when
 *  a run invents more types than a system plausibly has. */
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 512;

function shapeOf(type: unknown, msg: object): { keysHash: number; typeHash: number } {
  const keys: string[] = [];
  let keysHash = 0x3a;
  for (const k in msg) { keys.push(k); keysHash = mixString(keysHash, k); }
  const shape = { keys, keysHash, typeHash: typeof type === 'string' ? mixString(HASH_START, type) : 0 };
  if (typeof type === 'string') {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(type, shape);
  }
  return shape;
}

/**
 * What a message contributes to each trace entry about it (its send, deliveries and drops): its route and
 * its fields, hashed once when it is sent (a message never changes after it is sent). The field names in
 * order and the values in order are two separate chains, so the names, the same for every message of a type,
 * are hashed once per type and afterwards only compared; a string value is mixed as its own hash, so the
 * type's name is hashed once too. Names and values in order together say exactly which object it was.
 */
export function messageHash(from: string | undefined, to: string | undefined, msg: object | undefined): number {
  let h = from === undefined ? HASH_START : mixString(HASH_START, from);
  h = mix32(h, 0x3e); // '>' keeps (from, to) apart from (to, from)
  if (to !== undefined) h = mixString(h, to);
  if (msg === undefined) return h;
  const type = (msg as { type?: unknown }).type;
  const cached = typeof type === 'string' ? shapes.get(type) : undefined;
  let same = cached !== undefined;
  let n = 0;
  let vals = HASH_START;
  for (const k in msg) {
    if (same && cached!.keys[n] !== k) same = false;
    const x = (msg as Record<string, unknown>)[k];
    if (typeof x === 'string') vals = mix32(vals, same && n === 0 && x === type ? cached!.typeHash : mixString(HASH_START, x));
    else vals = typeof x === 'number' && (x | 0) === x ? mixInt(vals, x) : mixValue(vals, x, 1);
    n++;
  }
  const shape = same && n === cached!.keys.length ? cached! : shapeOf(type, msg);
  return mix32(mix32(h, shape.keysHash), vals);
}

export const hashHex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
