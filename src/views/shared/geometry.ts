// Layout and path geometry shared by the views: pure functions of sizes and counts.

export interface Point { x: number; y: number }
export interface Size { width: number; height: number }

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/**
 * `n` points evenly spaced on an ellipse centred in the box, starting at the top and going clockwise.
 * `margin` keeps drawings of that half-size inside the box.
 */
export function ringLayout(n: number, size: Size, margin: number): Point[] {
  const cx = size.width / 2;
  const cy = size.height / 2;
  const rx = Math.max(0, size.width / 2 - margin);
  const ry = Math.max(0, size.height / 2 - margin);
  return Array.from({ length: n }, (_, k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / Math.max(1, n);
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

/**
 * The control point of a gentle curve from `a` to `b`: offset sideways by `bend` times the distance.
 * Going a->b and b->a bend to opposite sides, so a request and its reply never overlap.
 */
export function curveControl(a: Point, b: Point, bend: number): Point {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return { x: mx - dy * bend, y: my + dx * bend };
}

/** The point at `t` (0..1) along the quadratic curve a -> c -> b. */
export function pointOnCurve(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** An SVG path for the quadratic curve a -> c -> b. */
export function curvePath(a: Point, c: Point, b: Point): string {
  const f = (x: number) => Math.round(x * 10) / 10;
  return `M${f(a.x)},${f(a.y)}Q${f(c.x)},${f(c.y)} ${f(b.x)},${f(b.y)}`;
}

/** Where the segment from the centre of a box of half-size (hw, hh) towards `to` leaves the box. */
export function boxExit(centre: Point, hw: number, hh: number, to: Point): Point {
  const dx = to.x - centre.x;
  const dy = to.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const sx = dx === 0 ? Infinity : hw / Math.abs(dx);
  const sy = dy === 0 ? Infinity : hh / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: centre.x + dx * s, y: centre.y + dy * s };
}

/** A size for a drawing that scales with the stage but stays readable (projector) and fits. */
export function drawingSize(stage: Size, count: number, lo: number, hi: number): number {
  const short = Math.min(stage.width, stage.height);
  const byCount = (Math.PI * short * 0.8) / Math.max(4, count) * 0.8;
  return clamp(Math.min(short * (count <= 4 ? 0.26 : 0.2), byCount), lo, hi);
}
