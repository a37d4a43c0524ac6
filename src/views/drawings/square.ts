// Lines in a town picture that go round its middle (the square, the hall) instead of across it.
import type { Point } from '../shared/geometry.ts';

/**
 * The control point of a line between two buildings that swings around the square instead of crossing
 * the board: when the straight line passes within `clear` of the centre, the curve's middle is pushed
 * out to `clear` on the side away from the centre.
 */
export function aroundSquare(a: Point, b: Point, centre: Point, clear: number): Point {
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const n = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  // Signed distance of the centre from the line; the curve bends to the other side.
  const s = (centre.x - a.x) * n.x + (centre.y - a.y) * n.y;
  const along = ((centre.x - a.x) * (b.x - a.x) + (centre.y - a.y) * (b.y - a.y)) / (len * len);
  if (Math.abs(s) >= clear || along < 0 || along > 1) return m;
  // Exactly through the centre: always go round the same side (the normal pointing right, or down).
  const away = s > 0.5 ? -1 : s < -0.5 ? 1 : n.x > 0 || (n.x === 0 && n.y > 0) ? 1 : -1;
  // The curve's middle is halfway between the chord's middle and the control point, and it must end up
  // `clear` from the centre: |s| on one side plus the bulge on the other.
  const t = 2 * (clear - Math.abs(s));
  return { x: m.x + n.x * away * t, y: m.y + n.y * away * t };
}
