// Durations as people type them (250ms, 2s, 1.5s, 1m) <-> integer milliseconds.
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Integer ms, or null when `text` is not a duration. A bare number means milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]) * UNITS[m[2] ?? 'ms']!;
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** 250ms, 2s, 1.5s, 2m: the shortest exact form. */
export function formatDuration(ms: number): string {
  if (ms !== 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 100 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
