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

/**
 * What a message contributes to each trace entry about it (its send, deliveries and drops): its route and
 * its fields, hashed once when it is sent (a message never changes after it is sent).
 */
export function messageHash(from: string | undefined, to: string | undefined, msg: object | undefined): number {
  let h = from === undefined ? HASH_START : mixString(HASH_START, from);
  h = mix32(h, 0x3e); // '>' keeps (from, to) apart from (to, from)
  if (to !== undefined) h = mixString(h, to);
  if (msg === undefined) return h;
  h = mix32(h, 0x3a);
  // mixValue(h, msg), with a message's usual fields (strings, integers) mixed in line.
  for (const k in msg) {
    h = mixString(h, k);
    const x = (msg as Record<string, unknown>)[k];
    h = typeof x === 'string' ? mixString(h, x) : typeof x === 'number' && (x | 0) === x ? mixInt(h, x) : mixValue(h, x, 1);
  }
  return h;
}


export const hashHex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
