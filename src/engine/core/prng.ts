// sfc32: a small, fast, well-tested 32-bit generator. Its whole state is four integers kept in the
// simulation state, so snapshots capture it and a restored run draws the same numbers again.
import type { Rng } from './types.ts';

export type RngState = [number, number, number, number];

export function seedRng(seed: number): RngState {
  // splitmix32 spreads a small seed over the four words.
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextU32(st);
  return st;
}

export function nextU32(st: RngState): number {
  // Indexed reads rather than destructuring: this runs for every message sent.
  const a = st[0], b = st[1], c = st[2], d = st[3];
  const t = (((a + b) | 0) + d) | 0;
  st[3] = (d + 1) | 0;
  st[0] = b ^ (b >>> 9);
  st[1] = (c + (c << 3)) | 0;
  st[2] = ((c << 21) | (c >>> 11)) + t;
  st[2] |= 0;
  return t >>> 0;
}

/** Uniform integer in [lo, hi] by rejection, so no modulo bias. */
export function randInt(st: RngState, lo: number, hi: number): number {
  const span = hi - lo + 1;
  if (span <= 1) return lo;
  const limit = 0x100000000 - (0x100000000 % span);
  let x = nextU32(st);
  while (x >= limit) x = nextU32(st);
  return lo + (x % span);
}

/** True with probability p, decided in integer parts per million. */
export function chancePpm(st: RngState, ppm: number): boolean {
  if (ppm <= 0) return false;
  if (ppm >= 1_000_000) return true;
  return randInt(st, 0, 999_999) < ppm;
}

export const toPpm = (p: number): number => Math.round(Math.min(1, Math.max(0, p)) * 1_000_000);

export function rngOf(st: RngState): Rng {
  return {
    int: (lo, hi) => randInt(st, lo, hi),
    chance: (p) => chancePpm(st, toPpm(p)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[randInt(st, 0, items.length - 1)]!;
    },
  };
}
