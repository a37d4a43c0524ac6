// Kafka's default partitioner for keyed records, bit for bit: murmur2 of the key's UTF-8 bytes
// (org.apache.kafka.common.utils.Utils.murmur2), made positive with `& 0x7fffffff` (Utils.toPositive),
// modulo the partition count (BuiltInPartitioner.partitionForKey). Java's signed 32-bit ints are
// reproduced with Math.imul and `| 0`; Java's `>>>` is JavaScript's `>>>`.

const utf8 = new TextEncoder();

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

export const murmur2String = (key: string): number => murmur2(utf8.encode(key));

/** Utils.toPositive: clears the sign bit (not Math.abs, which would fail for Integer.MIN_VALUE). */
export const toPositive = (n: number): number => n & 0x7fffffff;

/** The partition Kafka's producer picks for a record with this key. */
export function partitionForKey(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions <= 0) throw new Error(`a topic needs at least one partition (got ${partitions})`);
  return toPositive(murmur2String(key)) % partitions;
}
