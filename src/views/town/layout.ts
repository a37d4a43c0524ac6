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
  const s = drawingSize(size, ids.length, 56, 128);
  const fontSize = clamp(Math.round(s * 0.15), 12, 17);
  const centre = { x: size.width / 2, y: size.height / 2 };
  // Room around each building for its label underneath and its queue to the right.
  const mx = s * 0.62 + 46;
  const my = s * 0.55 + fontSize * 2.8;
  let bw = clamp(size.width * 0.34, 170, 460);
  let bh = clamp(size.height * 0.34, 110, 280);
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
