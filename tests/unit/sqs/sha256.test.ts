// The engine's SHA-256 (content-based deduplication ids) against the FIPS 180-4 / NIST example vectors,
// and against Node's own implementation over random text, including multi-byte and lone-surrogate UTF-8.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from '../../../src/engine/sqs/sha256.ts';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the NIST example vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // 448 bits: the padding needs a second block.
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes the UTF-8 bytes, as TextEncoder encodes them', () => {
    expect(utf8('é€😀')).toEqual([...new TextEncoder().encode('é€😀')]);
    expect(utf8('\ud800x')).toEqual([...new TextEncoder().encode('\ud800x')]);
  });

  it('agrees with node:crypto on any text, around every block boundary', () => {
    // Code points of every width, lone surrogates included (fast-check's own binary strings are slow to make).
    const text = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0x10ffff })), { maxLength: 150 })
      .map((points) => String.fromCodePoint(...points));
    fc.assert(fc.property(text, (t) => sha256Hex(t) === nodeSha(t)), { numRuns: 200 });
    for (let n = 50; n <= 130; n++) expect(sha256Hex('x'.repeat(n))).toBe(nodeSha('x'.repeat(n)));
  });
});
