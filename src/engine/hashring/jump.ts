// Jump consistent hash: Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm" (2014),
// figure 1, the 64-bit loop exactly:
//   int64_t b = -1, j = 0;
//   while (j < num_buckets) { b = j; key = key * 2862933555777941757ULL + 1;
//                             j = (b + 1) * (double(1LL << 31) / double((key >> 33) + 1)); }
//   return b;
// Buckets are numbered 0..n-1: a new bucket is always the last, which is why it fits a cluster that only
// grows or shrinks at its end.

const MULT = 2862933555777941757n;
const TWO31 = 2 ** 31;

/** The bucket in [0, buckets) that `key` (an unsigned 64-bit integer) falls in. */
export function jumpHash(key: bigint, buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`jumpHash needs at least one bucket, got ${buckets}`);
  let k = BigInt.asUintN(64, key);
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    k = BigInt.asUintN(64, k * MULT + 1n);
    j = Math.floor((b + 1) * (TWO31 / (Number(k >> 33n) + 1)));
  }
  return b;
}
