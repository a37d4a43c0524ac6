// The lab's one hash for keys, tokens and rendezvous weights: MurmurHash3 x86_32 (Austin Appleby,
// MurmurHash3.cpp, public domain), written here from its specification. Fast, non-cryptographic, and with a
// good avalanche, so "k1", "k2", ... spread over the whole 32-bit circle. Names are ASCII (the commands
// refuse anything else), so a character's code is its byte.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/** MurmurHash3_x86_32 of an ASCII string with a seed, as an unsigned 32-bit integer. */
export function murmur3(text: string, seed = 0): number {
  let h = seed | 0;
  const len = text.length;
  const whole = len & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = (text.charCodeAt(i) & 0xff) | ((text.charCodeAt(i + 1) & 0xff) << 8)
      | ((text.charCodeAt(i + 2) & 0xff) << 16) | ((text.charCodeAt(i + 3) & 0xff) << 24);
    k = Math.imul(rotl(Math.imul(k, C1), 15), C2);
    h = rotl(h ^ k, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  // The tail: the last one to three bytes, little-endian.
  const tail = len & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= (text.charCodeAt(whole + 2) & 0xff) << 16;
    if (tail >= 2) k ^= (text.charCodeAt(whole + 1) & 0xff) << 8;
    k ^= text.charCodeAt(whole) & 0xff;
    h ^= Math.imul(rotl(Math.imul(k, C1), 15), C2);
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 64-bit key for jump hash: two murmur3 halves of the key's name (seeds 0 and 1). */
export function key64(text: string): bigint {
  return (BigInt(murmur3(text, 0)) << 32n) | BigInt(murmur3(text, 1));
}

/** The lab's keys are k0, k1, ...: the i-th one's name. */
export const keyName = (i: number): string => `k${i}`;

/** A node's i-th virtual node's token name: hashed to place the token on the ring. */
export const tokenName = (node: string, i: number): string => `${node}#${i}`;
