// Where things stand in the town: the board in the middle of the square, buildings on an ellipse around
// it, sized to the stage so the picture stays readable from the back of a lecture hall.
import { boxExit, clamp, drawingSize, type Point, type Size } from '../shared/geometry.ts';

export interface Rect { x: number; y: number; w: number; h: number }

export interface TownLayout {
  /** Building drawing size (a drawing is s x s, centred on its point). */
  s: number;
  board: Rect;
  centre: Point;
  at: Record<string, Point>;
  fontSize: number;
}

export function townLayout(size: Size, ids: readonly string[]): TownLayout {
  const s = drawingSize(size, ids.length, 56, 168);
  const fontSize = clamp(Math.round(s * 0.14), 12, 21);
  const centre = { x: size.width / 2, y: size.height / 2 };
  // Room around each building for its label underneath and its queue to the right.
  const mx = s * 0.62 + 46;
  const my = s * 0.55 + fontSize * 2.8;
  let bw = clamp(size.width * 0.34, 170, 600);
  let bh = clamp(size.height * 0.34, 110, 340);
  const rx = Math.max(size.width / 2 - mx, 0);
  const ry = Math.max(size.height / 2 - my, 0);
  // The board, grown by a building's half-size, must fit inside the ring of buildings, corners included.
  const fits = (w: number, h: number) => ((w / 2 + s * 0.5) / rx) ** 2 + ((h / 2 + s * 0.5 + fontSize * 2.6) / ry) ** 2 <= 1;
  for (let k = 0; k < 40 && !fits(bw, bh) && bw > 90; k++) { bw *= 0.95; bh *= 0.95; }
  bh = Math.max(bh, 60);
  const pts = ids.map((_, k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / Math.max(1, ids.length);
    return { x: centre.x + rx * Math.cos(a), y: centre.y + ry * Math.sin(a) };
  });
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = pts[k]!; });
  return { s, board: { x: centre.x - bw / 2, y: centre.y - bh / 2, w: bw, h: bh }, centre, at, fontSize };
}

/** Where a path between a building and the board meets the board's edge. */
export function boardEdge(l: TownLayout, toward: Point): Point {
  return boxExit(l.centre, l.board.w / 2 + 6, l.board.h / 2 + 6, toward);
}

/**
 * The control point of a line between two buildings that swings around the square instead of crossing
 * the board: the curve's middle lies at least `clear` from the centre.
 */
export function aroundSquare(a: Point, b: Point, centre: Point, clear: number): Point {
  const m = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  let vx = m.x - centre.x;
  let vy = m.y - centre.y;
  let len = Math.hypot(vx, vy);
  if (len < 1) {
    // Opposite buildings: go round on the side to the right of a -> b's direction, the same way each time.
    vx = -(b.y - a.y);
    vy = b.x - a.x;
    len = Math.hypot(vx, vy) || 1;
    if (vx < 0 || (vx === 0 && vy < 0)) { vx = -vx; vy = -vy; }
  }
  const d = Math.max(len, clear);
  // A quadratic curve's middle is halfway between the chord's middle and the control point.
  const k = (2 * d - Math.min(len, d)) / len;
  return len < 1 ? { x: centre.x + (vx / len) * 2 * d, y: centre.y + (vy / len) * 2 * d } : { x: centre.x + vx * k, y: centre.y + vy * k };
}
