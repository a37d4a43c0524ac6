// Kafka's default partitioner for keyed records, bit for bit: murmur2 of the key's UTF-8 bytes
// (org.apache.kafka.common.utils.Utils.murmur2), made positive with `& 0x7fffffff` (Utils.toPositive),
// modulo the partition count (BuiltInPartitioner.partitionForKey). Java's signed 32-bit ints are
// reproduced with Math.imul and `| 0`; Java's `>>>` is JavaScript's `>>>`.

let scratch = new Uint8Array(64);

/** UTF-8 bytes of a string (as Java's getBytes(UTF_8)), into a reused buffer: keys are hashed per record. */
function utf8Bytes(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) { scratch[n++] = c; continue; }
    if (c < 0x800) { scratch[n++] = 0xc0 | (c >> 6); scratch[n++] = 0x80 | (c & 63); continue; }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
        scratch[n++] = 0xf0 | (c >> 18); scratch[n++] = 0x80 | ((c >> 12) & 63); scratch[n++] = 0x80 | ((c >> 6) & 63); scratch[n++] = 0x80 | (c & 63);
        continue;
      }
    }
    // Lone surrogates become U+FFFD, as Java's encoder (and TextEncoder) replace them.
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    scratch[n++] = 0xe0 | (c >> 12); scratch[n++] = 0x80 | ((c >> 6) & 63); scratch[n++] = 0x80 | (c & 63);
  }
  return scratch.subarray(0, n);
}

/** Utils.murmur2: a signed 32-bit hash, exactly the value Java returns. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const r = 24;
  let h = (seed ^ length) | 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4]! & 0xff) + ((data[i4 + 1]! & 0xff) << 8) + ((data[i4 + 2]! & 0xff) << 16) + ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  // The last few bytes: Java's switch falls through from case 3 to case 1.
  const rest = length & 3;
  const base = length & ~3;
  if (rest === 3) h ^= (data[base + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[base + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[base]! & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

export const murmur2String = (key: string): number => murmur2(utf8Bytes(key));

/** Utils.toPositive: clears the sign bit (not Math.abs, which would fail for Integer.MIN_VALUE). */
export const toPositive = (n: number): number => n & 0x7fffffff;

/** The partition Kafka's producer picks for a record with this key. */
export function partitionForKey(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions <= 0) throw new Error(`a topic needs at least one partition (got ${partitions})`);
  return toPositive(murmur2String(key)) % partitions;
}
