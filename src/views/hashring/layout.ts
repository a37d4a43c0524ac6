// Where the hash ring's pictures put things for a pane's size: the ring (a square), and beside it or
// under it a panel (the town's load bars; the technical picture's figures table, movement matrix and load
// charts per scheme), and the houses' names clear of each other. Pure: words are measured with the
// `TextWidth` given (the canvas in the browser, an estimate in Node).
import type { Point, Size } from '../shared/geometry.ts';
import type { Rect } from '../kit/ring-layout.ts';
import { estimateWidth, type TextWidth } from '../shared/measure.ts';

export const MIN_FONT = 11;
/** Room outside the ring for the houses and their names. */
const HOUSE_ROOM = 38;

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

/** The ring's box and the panel beside or under it. `panelShare` is the panel's share of the pane; a
 *  `panelWidth` (the technical table's) instead asks for that many pixels beside the ring. */
export function ringLayout(size: Size, panelShare = 0.42, panelWidth?: number): RingLayout {
  const W = Math.max(200, size.width);
  const H = Math.max(200, size.height);
  const fontSize = W >= 900 && H >= 520 ? 13 : 12;
  const side = W >= H * 1.15;
  const ringBox = side
    ? Math.min(H, panelWidth !== undefined ? Math.max(W * 0.4, W - panelWidth - 16) : W * (1 - panelShare))
    : Math.min(W, H * (1 - panelShare));
  const r = Math.max(40, ringBox / 2 - HOUSE_ROOM);
  const cx = side ? ringBox / 2 : W / 2;
  const cy = side ? H / 2 : ringBox / 2;
  const panel: Rect = side ? { x: ringBox + 8, y: 8, w: W - ringBox - 16, h: H - 16 } : { x: 8, y: ringBox + 4, w: W - 16, h: H - ringBox - 12 };
  return { cx, cy, r, band: Math.max(10, Math.min(40, r * 0.3)), gap: 10, panel, side, fontSize };
}

/** The first phrasing that fits in `w`, or nothing: a word cut short with an ellipsis helps nobody here. */
export function fitOrNothing(options: readonly string[], w: number, fontSize: number, bold = false, measure: TextWidth = estimateWidth): string {
  return options.find((o) => measure(o, fontSize, { bold }) <= w) ?? '';
}

/** A key's radius inside the ring: spread over the band by its index (golden-ratio steps), so dots at
 *  nearly the same angle do not sit on top of each other. */
export const keyRadius = (l: RingLayout, i: number): number => l.r - l.gap - ((i * 0.6180339887) % 1) * (l.band - l.gap);

/** The point at fraction `p` of the circle, clockwise from the top. */
export function onCircle(cx: number, cy: number, r: number, p: number): Point {
  const a = p * 2 * Math.PI - Math.PI / 2;
  return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
}

export interface HousePlace {
  id: string;
  at: Point;
  /** The name's baseline centre. */
  label: Point;
}

/**
 * Each house just outside the ring at its home token; its name under it, or pushed further out (then to
 * the other side of the house) while it would touch a name or house already placed.
 */
export function placeHouses(houses: readonly { id: string; home: number }[], l: RingLayout, size: Size, measure: TextWidth = estimateWidth): HousePlace[] {
  const fs = l.fontSize;
  const boxes: Rect[] = [];
  const touch = (a: Rect) => boxes.some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h);
  const inside = (a: Rect) => a.x >= 0 && a.y >= 0 && a.x + a.w <= size.width && a.y + a.h <= size.height;
  const out: HousePlace[] = [];
  for (const h of houses) {
    const at = onCircle(l.cx, l.cy, l.r + 18, h.home);
    boxes.push({ x: at.x - 12, y: at.y - 15, w: 24, h: 18 });
    out.push({ id: h.id, at, label: at });
  }
  for (const p of out) {
    const w = measure(p.id, fs, { bold: true }) + 2;
    const ux = (p.at.x - l.cx) / (l.r + 18);
    const uy = (p.at.y - l.cy) / (l.r + 18);
    const tries: Point[] = [{ x: p.at.x, y: p.at.y + fs + 4 }];
    for (let k = 1; k <= 4; k++) tries.push({ x: p.at.x + ux * k * (fs + 4), y: p.at.y + fs + 4 + uy * k * (fs + 4) });
    tries.push({ x: p.at.x, y: p.at.y - 17 });
    for (const side of [-1, 1]) tries.push({ x: p.at.x + side * (w / 2 + 14), y: p.at.y + fs * 0.35 });
    const boxOf = (q: Point): Rect => ({ x: q.x - w / 2, y: q.y - fs, w, h: fs + 3 });
    const fit = tries.find((q) => !touch(boxOf(q)) && inside(boxOf(q))) ?? tries.find((q) => inside(boxOf(q))) ?? tries[0]!;
    p.label = fit;
    boxes.push(boxOf(fit));
  }
  return out;
}

/** The technical panel: the figures table (its columns, as many as fit), the movement matrix, the load charts. */
export interface TechPanel {
  table: Rect;
  /** x of each column shown (scheme, moved, max/mean, std dev: the first `columns.length` of them). */
  columns: number[];
  rowH: number;
  matrix: Rect;
  /** The matrix's cell size (0: no room; the picture writes one sentence instead). */
  cell: number;
  charts: Rect[];
}

/** The widest text of each table column, for the widths. */
export const TABLE_SAMPLES: readonly string[][] = [
  ['▸ bounded loads', 'scheme'], ['100.0 % (100.0 %)', 'moved (theory)'], ['max/mean', '10.00'], ['std dev', '100.0 %'],
];

/** The width of the technical table's first `k` columns at this size. */
export function tableWidth(k: number, fontSize: number, measure: TextWidth = estimateWidth): number {
  return TABLE_SAMPLES.slice(0, k).reduce((sum, col, i) => sum + Math.max(...col.map((t) => measure(t, fontSize, { bold: i === 0 }))) + 10, 0);
}

/** The technical picture's ring and panel: as many table columns beside the ring as leave it at least
 *  half the pane's height across (at least the scheme and what moved). */
export function techLayout(size: Size, measure: TextWidth = estimateWidth): RingLayout {
  const probe = ringLayout(size, 0.5);
  if (!probe.side) return probe;
  const fs = probe.fontSize;
  for (const k of [4, 3, 2]) {
    const l = ringLayout(size, 0.5, tableWidth(k, fs, measure));
    if (k === 2 || 2 * (l.r + 38) >= Math.min(size.height, 0.5 * size.width)) return l;
  }
  return probe;
}

export function techPanel(panel: Rect, fontSize: number, rows: number, cols: number, measure: TextWidth = estimateWidth): TechPanel {
  const fs = fontSize;
  const rowH = fs + 5;
  const widths = TABLE_SAMPLES.map((col, i) => Math.max(...col.map((t) => measure(t, fs, { bold: i === 0 }))) + 10);
  const columns: number[] = [];
  let x = panel.x;
  for (const w of widths) {
    if (x + w - 10 > panel.x + panel.w) break;
    columns.push(x);
    x += w;
  }
  const table: Rect = { x: panel.x, y: panel.y, w: panel.w, h: rowH * 6 + 4 };
  const top = table.y + table.h + 6;
  const room = panel.y + panel.h - top;
  const widest = measure('h100', fs) + 6;
  // The matrix: a title line, a header row, then a row per old node; cells hold a 4-digit count.
  const cellFor = (h: number) => Math.min((panel.w - widest) / Math.max(1, cols), (h - rowH * 2) / Math.max(1, rows), fs * 3.4);
  const minCell = measure('0000', fs) + 4;
  const chartH = 96;
  const tooMany = rows > 12 || cols > 12;
  let cell = tooMany ? 0 : cellFor(room - chartH - 6);
  if (cell < minCell) cell = tooMany ? 0 : cellFor(room);
  if (cell < minCell) cell = 0;
  const matrixH = cell ? rowH * 2 + cell * rows : rowH * 2;
  const matrix: Rect = { x: panel.x, y: top, w: panel.w, h: matrixH };
  const chartTop = matrix.y + matrix.h + 6;
  const left = panel.y + panel.h - chartTop;
  const perRow = panel.w >= 420 ? 5 : panel.w >= 300 ? 3 : 2;
  const chartRows = Math.ceil(5 / perRow);
  const ch = left / chartRows;
  const cw = panel.w / perRow;
  const charts: Rect[] = ch < 80 || cw < 120 ? [] : Array.from({ length: 5 }, (_, i) => ({ x: panel.x + (i % perRow) * cw, y: chartTop + Math.floor(i / perRow) * ch, w: cw - 6, h: ch - 6 }));
  return { table, columns, rowH, matrix, cell, charts };
}
