import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur2, murmur2String, partitionForKey } from '../../../src/engine/kafka/partitioner.ts';

describe('Kafka default partitioner', () => {
  // Values from Apache Kafka's UtilsTest.testMurmur2 (clients/src/test/.../utils/UtilsTest.java).
  const kafkaUtilsTest: [string, number][] = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ];
  it.each(kafkaUtilsTest)('murmur2(%j) is %d as in Kafka UtilsTest', (key, expected) => {
    expect(murmur2String(key)).toBe(expected);
  });

  // Further published values (Akka's Murmur2Spec, checked against Kafka's implementation).
  it.each([['1', -1993445489], ['12', 126087238], ['123', -267702483], ['1234', -1614185708], ['12345', -1188365604]] as const)(
    'murmur2(%j) is %d', (key, expected) => expect(murmur2String(key)).toBe(expected));

  it('hashes the UTF-8 bytes, not UTF-16 code units', () => {
    // "é" is two UTF-8 bytes (0xc3 0xa9); "€" three (0xe2 0x82 0xac).
    expect(murmur2String('é')).toBe(murmur2(new Uint8Array([0xc3, 0xa9])));
    expect(murmur2String('€')).toBe(murmur2(new Uint8Array([0xe2, 0x82, 0xac])));
  });

  it('encodes every string exactly as TextEncoder (UTF-8, lone surrogates as U+FFFD)', () => {
    const enc = new TextEncoder();
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (key) => murmur2String(key) === murmur2(enc.encode(key))), { numRuns: 300 });
  }, 20_000); // ~3 s alone (generating binary strings is slow); twice that beside other test workers on two cores

  it('partition = toPositive(murmur2) % partitions', () => {
    expect(partitionForKey('foobar', 3)).toBe((-790332482 & 0x7fffffff) % 3);
    expect(partitionForKey('21', 6)).toBe((-973932308 & 0x7fffffff) % 6);
  });

  it('always lands in range and is stable for every string key', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 64 }), (key, n) => {
      const p = partitionForKey(key, n);
      return p >= 0 && p < n && Number.isInteger(p) && p === partitionForKey(key, n);
    }));
  });

  it('rejects a partition count below one', () => {
    expect(() => partitionForKey('x', 0)).toThrow(/at least one partition/);
  });
});
