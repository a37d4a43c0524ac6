// Jump consistent hash against published vectors, and the hash it is fed against MurmurHash3's.
import { describe, expect, it } from 'vitest';
import { jumpHash } from '../../../src/engine/hashring/jump.ts';
import { murmur3 } from '../../../src/engine/hashring/hash.ts';

describe('jumpHash (Lamping and Veach 2014, figure 1)', () => {
  it("matches Guava's published vectors (HashingTest.testConsistentHash_linearCongruentialGeneratorCompatibility)", () => {
    const golden100 = [0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83];
    golden100.forEach((want, key) => expect(jumpHash(BigInt(key), 100)).toBe(want));
    expect(jumpHash(10863919174838991n, 11)).toBe(6);
    expect(jumpHash(2016238256797177309n, 11)).toBe(3);
    expect(jumpHash(1673758223894951030n, 11)).toBe(5);
    expect(jumpHash(2n, 100001)).toBe(80343);
    expect(jumpHash(2201n, 100001)).toBe(22152);
    expect(jumpHash(2202n, 100001)).toBe(15018);
  });

  it('treats the key as unsigned 64-bit and refuses zero buckets', () => {
    expect(jumpHash(2n ** 64n + 2n, 100001)).toBe(80343);
    expect(jumpHash(123n, 1)).toBe(0);
    expect(() => jumpHash(1n, 0)).toThrow(/at least one bucket/);
  });

  it('a key only ever moves to the new bucket as buckets grow (the paper\'s monotonicity)', () => {
    for (let key = 0n; key < 2000n; key++) {
      let prev = 0;
      for (let n = 1; n <= 40; n++) {
        const b = jumpHash(key * 7919n, n);
        if (b !== prev) expect(b).toBe(n - 1);
        prev = b;
      }
    }
  });
});

describe('murmur3 x86_32 (MurmurHash3.cpp)', () => {
  it('matches the reference outputs', () => {
    expect(murmur3('', 0)).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3('test', 0)).toBe(0xba6bd213);
    expect(murmur3('The quick brown fox jumps over the lazy dog', 0)).toBe(0x2e4ff723);
    expect(murmur3('Hello, world!', 1234)).toBe(0xfaf6cdb3);
  });
});
