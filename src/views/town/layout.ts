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
  // Buildings as large as the stage allows, but never so large that the board gets too small to read:
  // shrink them step by step until the board keeps a readable size (or they reach their minimum).
  let s = drawingSize(size, ids.length, 56, 168);
  for (;;) {
    const l = layoutWith(size, ids, s);
    if ((l.board.w >= 170 && l.board.h >= 105) || s <= 56) return l;
    s = Math.max(56, s * 0.9);
  }
}

function layoutWith(size: Size, ids: readonly string[], s: number): TownLayout {
  const fontSize = clamp(Math.round(s * 0.14), 12, 21);
  const centre = { x: size.width / 2, y: size.height / 2 };
  // Room around each building for its label underneath and its queue to the right.
  const mx = s * 0.62 + 30;
  const my = s * 0.55 + fontSize * 2.8;
  let bw = clamp(size.width * 0.34, 170, 600);
  let bh = clamp(size.height * (ids.length <= 2 ? 0.5 : 0.34), 110, 340);
  const rx = Math.max(size.width / 2 - mx, 0);
  const ry = Math.max(size.height / 2 - my, 0);
  // Two buildings stand either side of the square (labels go under them, so height is scarcer); more
  // start at the top and go clockwise.
  const start = ids.length <= 2 ? Math.PI : -Math.PI / 2;
  const pts = ids.map((_, k) => {
    const a = start + (k * 2 * Math.PI) / Math.max(1, ids.length);
    return { x: centre.x + rx * Math.cos(a), y: centre.y + ry * Math.sin(a) };
  });
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = pts[k]!; });
  // The board shrinks until it clears every building and its label.
  const clears = (w: number, h: number) => pts.every((p) =>
    p.x + s * 0.55 < centre.x - w / 2 - 8 || p.x - s * 0.55 > centre.x + w / 2 + 8
    || p.y + s * 0.42 + fontSize * 2.6 < centre.y - h / 2 - 8 || p.y - s * 0.55 > centre.y + h / 2 + 8);
  for (let k = 0; k < 60 && !clears(bw, bh) && bw > 90; k++) { bw *= 0.95; bh *= 0.95; }
  bh = Math.max(60, Math.min(bh, bw * 0.75));
  return { s, board: { x: centre.x - bw / 2, y: centre.y - bh / 2, w: bw, h: bh }, centre, at, fontSize };
}

/** Where a path between a building and the board meets the board's edge. */
export function boardEdge(l: TownLayout, toward: Point): Point {
  return boxExit(l.centre, l.board.w / 2 + 6, l.board.h / 2 + 6, toward);
}
