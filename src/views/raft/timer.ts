// The election timer as a draining arc: pure maths from when the timer was armed, when it fires and the
// current time, so the frame loop only writes one attribute per server.

/** How much of the timeout is left at `now`: 1 just armed, 0 at (or past) the deadline; 0 with no timer. */
export function timerFraction(start: number | null, deadline: number | null, now: number): number {
  if (start === null || deadline === null) return 0;
  const span = deadline - start;
  if (span <= 0) return 0;
  return Math.min(1, Math.max(0, (deadline - now) / span));
}

/**
 * `stroke-dasharray` for a circle drawn with pathLength=1 that shows `fraction` of its length: the arc
 * left of the timeout, starting at twelve o'clock (the circle is rotated -90°) and shrinking back to it.
 */
export function timerDash(fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  return `${f.toFixed(4)} ${(1 - f + 0.0001).toFixed(4)}`;
}

/** The milliseconds left, for words ("fires in 45ms"); null with no timer. */
export function timerLeft(deadline: number | null, now: number): number | null {
  return deadline === null ? null : Math.max(0, deadline - now);
}

/**
 * An SVG path for a pie wedge of radius r centred on the origin covering `fraction` of the circle from
 * twelve o'clock clockwise: the town's "patience" clock. Empty string at 0; a full circle at 1.
 */
export function pieWedge(r: number, fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  if (f <= 0) return '';
  const n = (x: number) => (Math.round(x * 100) / 100).toString();
  if (f >= 0.9999) return `M0,${n(-r)}A${n(r)},${n(r)} 0 1,1 0,${n(r)}A${n(r)},${n(r)} 0 1,1 0,${n(-r)}Z`;
  const a = -Math.PI / 2 + f * 2 * Math.PI;
  const x = r * Math.cos(a);
  const y = r * Math.sin(a);
  return `M0,0L0,${n(-r)}A${n(r)},${n(r)} 0 ${f > 0.5 ? 1 : 0},1 ${n(x)},${n(y)}Z`;
}
