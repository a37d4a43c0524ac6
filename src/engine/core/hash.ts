// A stable 32-bit FNV-1a hash of the trace, mixed incrementally as events happen, so the hash covers the
// whole run even after old trace entries are dropped from the bounded ring.
const PRIME = 0x01000193;

export function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return Math.imul(h ^ 0xff, PRIME);
}

export function mixInt(h: number, n: number): number {
  // Mix the low and high 32 bits so large integers hash fully.
  h = Math.imul(h ^ (n & 0xffffffff), PRIME);
  return Math.imul(h ^ Math.floor(n / 0x100000000), PRIME);
}

/** Mixes any plain value: primitives, arrays and objects (keys in insertion order). */
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
        h = mixValue(h, (v as Record<string, unknown>)[k], depth + 1);
      }
      return h;
    }
    default:
      return h;
  }
}

export const HASH_START = 0x811c9dc5;

export const hashHex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
