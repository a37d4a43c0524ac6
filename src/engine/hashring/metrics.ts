// Figures over a placement: load per node, how uneven it is, and what moved between two placements.

export interface LoadStats {
  readonly mean: number;
  readonly max: number;
  readonly min: number;
  /** max / mean (1 is perfectly even). */
  readonly maxOverMean: number;
  /** Standard deviation as a percentage of the mean (the coefficient of variation). */
  readonly stdDevPct: number;
  /** The largest distance of any node from the mean, as a percentage of the mean. */
  readonly spreadPct: number;
}

/** Sum of `weights` (1 each when absent) per node index. */
export function loads(owners: Int32Array, nodeCount: number, weights?: Float64Array): number[] {
  const out = new Array<number>(nodeCount).fill(0);
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i]!;
    if (o >= 0) out[o] = out[o]! + (weights ? weights[i]! : 1);
  }
  return out;
}

export function loadStats(values: readonly number[]): LoadStats {
  const n = values.length;
  if (n === 0) return { mean: 0, max: 0, min: 0, maxOverMean: 0, stdDevPct: 0, spreadPct: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  const pct = (x: number) => (mean === 0 ? 0 : (100 * x) / mean);
  return { mean, max, min, maxOverMean: mean === 0 ? 0 : max / mean, stdDevPct: pct(Math.sqrt(variance)), spreadPct: pct(Math.max(max - mean, mean - min)) };
}

export interface Movement {
  readonly moved: number;
  readonly total: number;
  /** moves[from][to]: keys that went from node `from` to node `to` (names; a key that stayed is not counted). */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Which keys changed node between two placements of the same keys (each over its own node list). */
export function movement(before: Int32Array, beforeNodes: readonly string[], after: Int32Array, afterNodes: readonly string[]): Movement {
  const matrix: Record<string, Record<string, number>> = {};
  let moved = 0;
  for (let i = 0; i < after.length; i++) {
    const from = beforeNodes[before[i]!] ?? 'none';
    const to = afterNodes[after[i]!] ?? 'none';
    if (from === to) continue;
    moved++;
    const row = (matrix[from] ??= {});
    row[to] = (row[to] ?? 0) + 1;
  }
  return { moved, total: after.length, matrix };
}

/** Round to a few decimals so figures read the same everywhere (queries print them). */
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
