// Consumer lag over time for the small charts. The engine keeps the history (Group.lagSamples: one
// sample of every partition's lag each 100 ms on the coordinator, at most 300), so it is part of the
// state: it travels with snapshots, seeking back shows the history as it was then, and two runs with the
// same inputs draw the same chart. A view-side sampler would lose all that on a seek. Here we only cut a
// window out of it and turn it into a path.

export interface LagPoint { t: number; lag: number }

/** At most this many points per chart, whatever the window. */
export const MAX_LAG_POINTS = 60;

/** The samples of one partition's lag in (now - windowMs, now], oldest first, at most MAX_LAG_POINTS. */
export function lagSeries(samples: readonly { t: number; lag: Record<string, number> }[], tp: string, now: number, windowMs: number): LagPoint[] {
  const out: LagPoint[] = [];
  for (let i = samples.length - 1; i >= 0 && out.length < MAX_LAG_POINTS; i--) {
    const s = samples[i]!;
    if (s.t > now) continue;
    if (s.t <= now - windowMs) break;
    const lag = s.lag[tp];
    if (lag !== undefined) out.push({ t: s.t, lag });
  }
  return out.reverse();
}

/**
 * An SVG path for a sparkline of `points` in a w x h box: time on x over (now - windowMs, now], lag on y
 * from 0 (bottom) to `max`. Returns an area path (closed to the baseline) and the line on its own.
 */
export function sparkPaths(points: readonly LagPoint[], now: number, windowMs: number, w: number, h: number, max: number): { line: string; area: string } {
  if (points.length === 0) return { line: '', area: '' };
  const x = (t: number) => Math.round(Math.max(0, Math.min(w, w - ((now - t) / windowMs) * w)) * 10) / 10;
  const y = (l: number) => Math.round((h - (Math.min(l, max) / Math.max(1, max)) * h) * 10) / 10;
  const pts = points.map((p) => `${x(p.t)},${y(p.lag)}`);
  const line = `M${pts.join('L')}`;
  const area = `${line}L${x(points[points.length - 1]!.t)},${h}L${x(points[0]!.t)},${h}Z`;
  return { line, area };
}

/** A round top for a chart's y axis: at least 5 so a lag of 1 does not fill the chart. */
export function lagScale(max: number): number {
  if (max <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}
