// The space-time diagram's time window: following the current time, zoom gestures turned into a new
// window, and tick labels. Pure functions, so the behaviour is tested without a browser.

export interface Window { t0: number; t1: number }

/** Shortest and longest windows a learner can zoom to (ms). */
export const MIN_SPAN = 5;
export const MAX_SPAN = 24 * 3600 * 1000;

/**
 * The window while following the current time: the whole run while it is short, then a sliding window
 * that keeps `now` about two thirds of the way across.
 */
export function followWindow(now: number, span = 2000): Window {
  // Grows in doubling steps from the start, so following re-draws the diagram only now and then.
  let t1 = Math.min(span, 500);
  while (t1 < span && now > t1 * 0.9) t1 = Math.min(span, t1 * 2);
  if (now <= t1 * 0.9) return { t0: 0, t1 };
  return { t0: now - span * 0.66, t1: now + span * 0.34 };
}

/** Whether a followed window must move to keep `now` in view (it moves in steps, not every frame). */
export function needsShift(w: Window, now: number): boolean {
  const span = w.t1 - w.t0;
  return now > w.t1 - span * 0.04 || now < w.t0;
}

/**
 * A zoom or pan gesture maps old screen x to `a * x + b`; the time under each pixel moves with it.
 * Returns the window that shows, on [r0, r1], what the gesture put there.
 */
export function applyGesture(w: Window, r0: number, r1: number, a: number, b: number): Window {
  const toTime = (px: number) => w.t0 + ((px - r0) / (r1 - r0)) * (w.t1 - w.t0);
  let t0 = toTime((r0 - b) / a);
  let t1 = toTime((r1 - b) / a);
  const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, t1 - t0));
  const mid = (t0 + t1) / 2;
  t0 = mid - span / 2;
  t1 = mid + span / 2;
  if (t0 < -span * 0.05) { t1 -= t0 + span * 0.05; t0 = -span * 0.05; }
  return { t0, t1 };
}

/** Zooms by `factor` (> 1 zooms in) around time `at`. */
export function zoomAround(w: Window, at: number, factor: number): Window {
  const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (w.t1 - w.t0) / factor));
  const f = (at - w.t0) / (w.t1 - w.t0);
  const t0 = Math.max(-span * 0.05, at - f * span);
  return { t0, t1: t0 + span };
}

/** A tick label: milliseconds for short windows, seconds with as many decimals as the spacing needs. */
export function formatTick(t: number, step: number): string {
  if (step < 1000 && Math.abs(t) < 10_000) return `${Math.round(t)}ms`;
  const decimals = step >= 1000 ? 0 : step >= 100 ? 1 : 2;
  return `${(t / 1000).toFixed(decimals)}s`;
}
