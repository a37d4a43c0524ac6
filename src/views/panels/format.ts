// Small formatting helpers shared by the panels.
export function formatTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  // Trailing zeros go only after a decimal point (10 s must not read "1 s").
  if (ms < 60_000) return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m} min ${s} s`;
}

export function formatSpeed(x: number): string {
  if (x >= 1) return `${Number(x.toPrecision(2))}×`;
  return `1/${Number((1 / x).toPrecision(2))}×`;
}

/** A round number ≥ x for the end of the timeline (1, 2, 5 × 10^k). */
export function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
