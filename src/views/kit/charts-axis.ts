// What the kit's live charts share: the time axis over simulated time (ticks in seconds, spaced so their
// labels never touch), the value axis, the "now" marker, and how numbers are written. Pure: sizes in, positions
// and words out, every word measured with the TextWidth it is given (shared/measure.ts).
import { format, scaleLinear } from 'd3';
import type { TextWidth } from '../shared/measure.ts';
import type { Rect } from './ring-layout.ts';

/** Charts never write smaller than this (the views' floor at 1280x800). */
export const CHART_MIN_FONT = 11;

export interface Tick { at: number; label: string }

/** Simulated milliseconds written as seconds, with a decimal only when the span needs one: "12 s", "1.5 s". */
export function secondsLabel(ms: number, spanMs: number): string {
  const s = ms / 1000;
  const digits = spanMs < 3000 ? 2 : spanMs < 30_000 ? 1 : 0;
  return `${Number(s.toFixed(digits))} s`;
}

const si = format('~s');
/** A value for a label: whole numbers up to 9999, "12.5k" above, two significant digits under 10. */
export function valueLabel(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 10_000) return si(Number(v.toPrecision(3)));
  if (a >= 10 || a === 0) return String(Math.round(v));
  return String(Number(v.toPrecision(2)));
}

/**
 * Ticks of the time axis between `from` and `to` (ms) along `width` px: as many as fit with a label's
 * width and a gap between them, at round seconds.
 */
export function timeTicks(from: number, to: number, width: number, fontSize: number, measure: TextWidth): Tick[] {
  const span = Math.max(1, to - from);
  const widest = measure(secondsLabel(to, span), fontSize) + fontSize * 1.5;
  const count = Math.max(2, Math.floor(width / widest));
  const scale = scaleLinear().domain([from / 1000, to / 1000]);
  let ticks = scale.ticks(count);
  // d3 may give a few more than asked: drop every other one until neighbours are a label apart.
  const apart = (t: number[]) => t.length < 2 || ((t[1]! - t[0]!) * 1000 * width) / span >= widest;
  while (ticks.length > 1 && !apart(ticks)) ticks = ticks.filter((_, i) => i % 2 === 0);
  return ticks.map((s) => ({ at: s * 1000, label: secondsLabel(s * 1000, span) }));
}

/** The value axis: from 0 to at least `max`, rounded up to a nice number, with ticks `fontSize * 2.2` apart or more. */
export function valueTicks(max: number, height: number, fontSize: number): { top: number; ticks: Tick[] } {
  const count = Math.max(2, Math.floor(height / (fontSize * 2.2)));
  const scale = scaleLinear().domain([0, max > 0 ? max : 1]).nice(count);
  const top = scale.domain()[1]!;
  return { top, ticks: scale.ticks(count).map((v) => ({ at: v, label: valueLabel(v) })) };
}

/** The x of time `t` in the plot, and whether it lies inside the plot's time range. */
export function timeX(plot: Rect, from: number, to: number, t: number): number {
  const span = Math.max(1, to - from);
  return plot.x + ((t - from) / span) * plot.w;
}

/** The "now" marker: a line at the simulated time the run is at, inside the plot or null when outside it. */
export function nowMarker(plot: Rect, from: number, to: number, now: number): number | null {
  if (now < from || now > to) return null;
  return timeX(plot, from, to, now);
}

/**
 * The time window a live chart shows at `now`: the first `window` ms while the run is younger than that
 * (the now marker walks across), then the last `window` ms (the marker stays at the right edge and the
 * past scrolls left). Time travel moves `now`, so the chart follows it both ways.
 */
export function liveWindow(now: number, window: number): { from: number; to: number } {
  return now <= window ? { from: 0, to: window } : { from: now - window, to: now };
}
