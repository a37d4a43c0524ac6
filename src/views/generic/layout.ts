// Where the technical view puts its boxes, and how big its text is. The boxes are as wide as their
// measured words need; the layout tries, from the largest text down to the smallest allowed, the
// arrangements in turn — a ring around the broker while few, columns either side of it, the broker on
// top and a grid under it — and takes the first where nothing overlaps and everything is inside the
// picture. Only when none fits at the smallest size does a box show fewer lines (the least important go
// first), then shorter wordings; never smaller text.
import { clamp, type Point, type Size } from '../shared/geometry.ts';

export interface TechLayout {
  box: { w: number; h: number };
  broker: { w: number; h: number } | null;
  /** Where the broker is centred (the pane's centre when there is none). */
  centre: Point;
  at: Record<string, Point>;
  fontSize: number;
  /** How many summary lines a box shows. */
  lines: number;
  /** Whether the boxes use their short wordings. */
  short: boolean;
  /** Whether the broker has room for its caption line ("topics → subscriptions"). */
  caption: boolean;
}

/** What the boxes' words need, measured by the view (so the layout itself stays pure). */
export interface TechNeeds {
  /** The widest service box at this font size with this many lines, long or short wordings. */
  boxWidth: (fs: number, lines: number, short: boolean) => number;
  /** The broker's width at this font size, long or short wordings. */
  brokerWidth: (fs: number, short: boolean) => number;
}

/** The box title's size; summary lines are one pixel smaller, so 12 keeps every word at 11 px or more. */
export const MIN_FONT = 12;
const MAX_FONT = 17;
const GAP = 10;

export const boxHeight = (fs: number, lines: number) => (fs + 4) * (lines + 1) + 12;
/** The broker: a title line, a caption line (unless short of room), two lines a topic (one at least). */
export const brokerHeight = (fs: number, topics: number, caption = true) => (fs + 4) * (Math.max(1, topics) * 2 + (caption ? 2 : 1)) + 16;

export function techLayout(size: Size, ids: readonly string[], brokerTopics: number | null, lines: number, needs: TechNeeds): TechLayout {
  const top = clamp(Math.round(Math.min(size.width, size.height) / 30), MIN_FONT, MAX_FONT);
  for (let l = Math.max(1, lines); l >= 1; l--) {
    for (const short of [false, true]) {
      for (let fs = top; fs >= MIN_FONT; fs--) {
        for (const caption of [true, false]) {
          const found = arrange(size, ids, brokerTopics, fs, l, short, caption, needs);
          if (found) return found;
        }
      }
    }
  }
  return squeeze(size, ids, brokerTopics, needs);
}

interface Try { size: Size; ids: readonly string[]; w: number; h: number; broker: { w: number; h: number } | null; fs: number; lines: number; short: boolean; caption: boolean }

function arrange(size: Size, ids: readonly string[], topics: number | null, fs: number, lines: number, short: boolean, caption: boolean,
  needs: TechNeeds): TechLayout | null {
  const w = Math.ceil(needs.boxWidth(fs, lines, short)) + 2;
  const h = boxHeight(fs, lines);
  if (w > size.width - GAP * 2 || h > size.height - GAP * 2) return null;
  let broker: Try['broker'] = null;
  if (topics !== null) {
    // As many topics as there is room for (the rest are counted in a "+N more" line).
    const bw = Math.ceil(needs.brokerWidth(fs, short)) + 2;
    let shown = Math.max(1, topics);
    while (shown > 1 && brokerHeight(fs, shown, caption) > size.height * 0.6) shown--;
    broker = { w: bw, h: brokerHeight(fs, shown, caption) };
    if (bw > size.width - GAP * 2) return null;
  }
  const t: Try = { size, ids, w, h, broker, fs, lines, short, caption };
  return (ids.length <= 8 ? ring(t) : null) ?? around(t) ?? stacked(t);
}

const result = (t: Try, centre: Point, at: Record<string, Point>): TechLayout =>
  ({ box: { w: t.w, h: t.h }, broker: t.broker, centre, at, fontSize: t.fs, lines: t.lines, short: t.short, caption: t.caption });

/** Few nodes on an ellipse around the broker, when no two boxes (nor a box and the broker) overlap. */
function ring(t: Try): TechLayout | null {
  const { size, ids, w, h, broker } = t;
  const centre = { x: size.width / 2, y: size.height / 2 };
  const rx = size.width / 2 - w / 2 - GAP / 2;
  const ry = size.height / 2 - h / 2 - GAP / 2;
  if (rx < 0 || ry < 0) return null;
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / Math.max(1, ids.length);
    at[id] = { x: centre.x + rx * Math.cos(a), y: centre.y + ry * Math.sin(a) };
  });
  const pts = Object.values(at);
  const box = { w, h };
  const apart = pts.every((p, i) => pts.every((q, j) => j <= i || !overlaps(p, box, q, box)));
  if (!apart || (broker && pts.some((p) => overlaps(p, box, centre, broker)))) return null;
  return result(t, centre, at);
}

/** Columns left and right of the broker's column. */
function around(t: Try): TechLayout | null {
  const { size, ids, w, h, broker } = t;
  const middle = broker ? broker.w + GAP * 2 : 0;
  if (broker && broker.h > size.height - GAP * 2) return null;
  const perSide = Math.max(1, Math.ceil(ids.length / 2));
  const cols = Math.floor((size.width - middle - GAP) / 2 / (w + GAP));
  if (cols < 1) return null;
  const rows = Math.ceil(perSide / cols);
  if (rows * (h + GAP) > size.height - GAP) return null;
  const colW = (size.width - middle) / 2 / cols;
  const rowH = (size.height - GAP) / rows;
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => {
    const left = k < perSide;
    const j = left ? k : k - perSide;
    const x = left ? colW * ((j % cols) + 0.5) : size.width - colW * ((j % cols) + 0.5);
    at[id] = { x, y: GAP / 2 + rowH * (Math.floor(j / cols) + 0.5) };
  });
  return result(t, { x: size.width / 2, y: size.height / 2 }, at);
}

/** The broker across the top, the boxes in a grid under it (a narrow picture). */
function stacked(t: Try): TechLayout | null {
  const { size, ids, w, h, broker } = t;
  const head = broker ? broker.h + GAP : 0;
  const cols = Math.max(1, Math.min(ids.length, Math.floor((size.width - GAP) / (w + GAP))));
  if (w + GAP * 2 > size.width) return null;
  const rows = Math.ceil(ids.length / cols);
  const room = size.height - GAP - head;
  // Rows may sit closer than columns: the links run up between them.
  if (rows * (h + GAP / 2) > room) return null;
  const colW = size.width / cols;
  const rowH = room / Math.max(1, rows);
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = { x: colW * ((k % cols) + 0.5), y: GAP / 2 + head + rowH * (Math.floor(k / cols) + 0.5) }; });
  return result(t, { x: size.width / 2, y: GAP / 2 + (broker ? broker.h / 2 : 0) }, at);
}

/** Nothing fits even at the smallest text with one line: a grid of boxes narrowed to their cells. */
function squeeze(size: Size, ids: readonly string[], topics: number | null, needs: TechNeeds): TechLayout {
  const fs = MIN_FONT;
  const broker = topics === null ? null : { w: Math.min(needs.brokerWidth(fs, true) + 2, size.width - GAP * 2), h: Math.min(brokerHeight(fs, 1, false), size.height / 3) };
  const head = broker ? broker.h + GAP : 0;
  const cols = Math.max(1, Math.ceil(Math.sqrt(ids.length * Math.max(1, size.width / Math.max(1, size.height - head)))));
  const rows = Math.max(1, Math.ceil(ids.length / cols));
  const colW = size.width / cols;
  const rowH = Math.max(1, (size.height - head) / rows);
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = { x: colW * ((k % cols) + 0.5), y: head + rowH * (Math.floor(k / cols) + 0.5) }; });
  return {
    box: { w: Math.max(1, colW - GAP), h: Math.max(1, Math.min(boxHeight(fs, 1), rowH - GAP)) }, broker,
    centre: { x: size.width / 2, y: GAP / 2 + (broker ? broker.h / 2 : 0) }, at, fontSize: fs, lines: 1, short: true, caption: false,
  };
}

/** Whether a box centred at p overlaps another centred at c (with a small gap). */
function overlaps(p: Point, box: { w: number; h: number }, c: Point, other: { w: number; h: number }): boolean {
  return Math.abs(p.x - c.x) < (box.w + other.w) / 2 + 6 && Math.abs(p.y - c.y) < (box.h + other.h) / 2 + 6;
}
