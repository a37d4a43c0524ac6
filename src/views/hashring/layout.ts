// Where the hash ring's pictures put things for a pane's size: the ring (a square), and beside it or
// under it a panel (the town's load bars; the technical picture's figures table, movement matrix and load
// charts per scheme). Pure.
import type { Size } from '../shared/geometry.ts';
import type { Rect } from '../kit/ring-layout.ts';

export const MIN_FONT = 11;
/** Room outside the ring for the houses and their names. */
const HOUSE_ROOM = 34;

export interface RingLayout {
  cx: number;
  cy: number;
  /** The street (town) or the token circle (technical). */
  r: number;
  /** The band inside it where parcels (keys) are drawn, from r - band to r - gap. */
  band: number;
  gap: number;
  panel: Rect;
  /** The panel sits right of the ring (wide panes) or under it. */
  side: boolean;
  fontSize: number;
}

export function ringLayout(size: Size, panelShare = 0.42): RingLayout {
  const W = Math.max(200, size.width);
  const H = Math.max(200, size.height);
  const fontSize = W >= 900 && H >= 520 ? 13 : 12;
  const side = W >= H * 1.15;
  const ringBox = side ? Math.min(H, W * (1 - panelShare)) : Math.min(W, H * (1 - panelShare));
  const r = Math.max(40, ringBox / 2 - HOUSE_ROOM);
  const cx = side ? ringBox / 2 : W / 2;
  const cy = side ? H / 2 : ringBox / 2;
  const panel: Rect = side ? { x: ringBox + 8, y: 8, w: W - ringBox - 16, h: H - 16 } : { x: 8, y: ringBox + 4, w: W - 16, h: H - ringBox - 12 };
  return { cx, cy, r, band: Math.max(10, Math.min(40, r * 0.3)), gap: 10, panel, side, fontSize };
}

/** A key's radius inside the ring: spread over the band by its index (golden-ratio steps), so dots at
 *  nearly the same angle do not sit on top of each other. */
export const keyRadius = (l: RingLayout, i: number): number => l.r - l.gap - ((i * 0.6180339887) % 1) * (l.band - l.gap);

/** The technical panel: the figures table (one row per scheme), the movement matrix, and the load charts. */
export interface TechPanel {
  table: Rect;
  matrix: Rect;
  charts: Rect[];
}

export function techPanel(panel: Rect, fontSize: number, nodes: number): TechPanel {
  const rowH = fontSize + 5;
  const table: Rect = { x: panel.x, y: panel.y, w: panel.w, h: rowH * 6 + 4 };
  const cell = Math.max(fontSize * 2.6, 26);
  const matrixH = nodes > 12 ? rowH * 2 : Math.min(panel.h * 0.36, cell * (nodes + 2) + rowH);
  const matrix: Rect = { x: panel.x, y: table.y + table.h + 6, w: panel.w, h: matrixH };
  const top = matrix.y + matrix.h + 6;
  const left = panel.h + panel.y - top;
  const cols = panel.w >= 420 ? 5 : panel.w >= 300 ? 3 : 2;
  const rows = Math.ceil(5 / cols);
  const ch = left / rows;
  const cw = panel.w / cols;
  const charts: Rect[] = ch < 64 ? [] : Array.from({ length: 5 }, (_, i) => ({ x: panel.x + (i % cols) * cw, y: top + Math.floor(i / cols) * ch, w: cw - 6, h: ch - 6 }));
  return { table, matrix, charts };
}
