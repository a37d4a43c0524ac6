// Geometry shared by the queue drawings: pure functions of the pane's size and what there is to draw.
// The pane stacks one section per system the run uses (stream, RabbitMQ, SQS, pub/sub); every section
// has the same three columns — where messages come from, where they wait, who takes them — so a run
// that uses several rule books side by side reads the same way in each.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import { estimateWidth } from '../shared/measure.ts';

export interface Rect { x: number; y: number; w: number; h: number }

export const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
export const leftMid = (r: Rect): Point => ({ x: r.x, y: r.y + r.h / 2 });
export const rightMid = (r: Rect): Point => ({ x: r.x + r.w, y: r.y + r.h / 2 });
export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
export const inside = (a: Rect, outer: Rect) => a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.w <= outer.x + outer.w + 0.5 && a.y + a.h <= outer.y + outer.h + 0.5;

/** The font size for a pane: readable at 620x400, larger on a projector, never huge. */
export function paneFont(size: Size, sections: number): number {
  const bySize = Math.min(size.width / 46, size.height / (22 + 8 * Math.max(0, sections - 1)));
  return Math.round(clamp(bySize, 11, 17));
}

/** No word in the queue pictures is drawn under this, px: small print is two sizes below the font, floored here. */
export const SMALLEST_FONT = 11;

/**
 * Sizes that follow the font, so everything scales together. A chip is as wide as the longest body it
 * shows needs (within limits), so "order12" is not cut to "ord…".
 */
export function metrics(fs: number, longestText = 6, crowded = false) {
  const line = Math.round(fs * 1.35);
  const chipH = Math.round(fs * 1.6);
  const small = Math.max(SMALLEST_FONT, fs - 2);
  return {
    fs, line, chipH,
    /** Small print (numbers, chips' bodies, labels): never under 11 px. */
    small,
    /** One size down (notes, "+N more" lines): never under 11 px either. */
    sub: Math.max(SMALLEST_FONT, fs - 1),
    // At most about 12 characters of small print (which is nearer the font in a large pane: 18 px under 20).
    chipW: Math.round(clamp(longestText * small * 0.62 + fs * 1.3, fs * 2.6, Math.max(fs * 6.5, small * 7.7))),
    chipGap: 4,
    /** A holder's row: a heading line, then one line of chips and their timer bars. */
    rowH: line + chipH + 12,
    rowGap: Math.round(fs * 0.5),
    /** A client box (consumer, reader, producer): a name line and two status lines. */
    boxH: Math.round(fs * 4.1),
    gap: Math.round(fs * 2.2),
    /** A section's title bar (lower when three or more sections share the pane). */
    title: Math.round(fs * (crowded ? 1.45 : 1.7)),
  };
}
export type Metrics = ReturnType<typeof metrics>;

/** What a section would like (every row and box at full size) and the least it can be drawn in (one-line rows and boxes). */
export interface Need { pref: number; min: number }

/**
 * Splits the pane's height between sections, top to bottom: each gets what it would like when all fit
 * (the rest shared out); else at least its minimum, with what is left given in proportion to how much
 * more each would like; short even of the minimums, the minimums shrink in proportion.
 */
export function stackSections(size: Size, needs: readonly Need[], pad = 6): Rect[] {
  const n = needs.length;
  if (n === 0) return [];
  const free = Math.max(0, size.height - pad * (n + 1));
  const pref = needs.reduce((a, x) => a + x.pref, 0);
  const min = needs.reduce((a, x) => a + x.min, 0);
  let heights: number[];
  if (pref <= free) heights = needs.map((x) => x.pref + (free - pref) / n);
  else if (min <= free) {
    const extra = pref - min;
    heights = needs.map((x) => x.min + (extra > 0 ? ((x.pref - x.min) / extra) * (free - min) : 0));
  } else heights = needs.map((x) => (x.min / Math.max(1, min)) * free);
  const out: Rect[] = [];
  let y = pad;
  for (const h of heights) {
    out.push({ x: pad, y, w: Math.max(0, size.width - pad * 2), h });
    y += h + pad;
  }
  return out;
}

/** The height of a one-line holder row (heading beside its chips). */
export const inlineRowH = (m: Metrics) => m.chipH + 7;

/**
 * `n` boxes of height `h` stacked from the top of `r`. Short of room they shrink, down to `minH` (a one-line
 * box); when even that does not fit them all, as many as fit less one are shown and the last slot says
 * how many more there are.
 */
export function stackBoxes(r: Rect, n: number, h: number, gap: number, minH = h): { boxes: Rect[]; more: Rect | null; hidden: number } {
  if (n === 0) return { boxes: [], more: null, hidden: 0 };
  const fits = (bh: number) => n * bh + (n - 1) * gap <= r.h + 0.5;
  const bh = fits(h) ? h : Math.max(minH, (r.h - gap * (n - 1)) / n);
  const slots = fits(bh) ? n : Math.max(1, Math.floor((r.h + gap) / (bh + gap)));
  const shown = n <= slots ? n : Math.max(0, slots - 1);
  const at = (k: number): Rect => ({ x: r.x, y: r.y + k * (bh + gap), w: r.w, h: bh });
  const boxes = Array.from({ length: shown }, (_, k) => at(k));
  return { boxes, more: n > shown ? at(shown) : null, hidden: n - shown };
}

/**
 * How big the town draws a client's building: at the left of its name line, as tall as the box allows.
 * Shared by the drawing and by the hands layout, which puts what a client holds to the building's right.
 */
export function townPic(r: Rect, fs: number, name = ''): number {
  const full = Math.min(r.h * 0.9, fs * (r.w < fs * 11 ? 2.2 : 2.8));
  // A narrow box draws the building smaller, or not at all, before it cuts the name.
  const need = estimateWidth(name, fs, { bold: true }) + fs * 1.05 + 8;
  for (const pic of [full, Math.min(full, fs * 1.4)]) if (r.w - pic >= need) return pic;
  return 0;
}

/** The height of a one-line client box. */
export const compactBox = (m: Metrics) => Math.round(m.fs * 1.7);

/** How many chips fit in a width; when not all, the last slot becomes a "+N more" chip. */
export function chipCapacity(width: number, chipW: number, gap: number, n: number): { shown: number; more: number } {
  const slots = Math.max(1, Math.floor((width + gap) / (chipW + gap)));
  if (n <= slots) return { shown: n, more: 0 };
  return { shown: slots - 1, more: n - (slots - 1) };
}

/** The height of one line of chips with its timer bars. */
export const chipLine = (m: Metrics) => m.chipH + 8;

/**
 * Lays out `n` chips in `lines` lines from the top left of `r`, in reading order; when they do not all
 * fit, the last slot says how many more there are.
 */
export function chipRow(r: Rect, m: Metrics, n: number, lines = 1): { chips: Rect[]; more: Rect | null; hidden: number } {
  const perLine = Math.max(1, Math.floor((r.w + m.chipGap) / (m.chipW + m.chipGap)));
  const { shown, more } = chipCapacity(perLine * lines * (m.chipW + m.chipGap) - m.chipGap, m.chipW, m.chipGap, n);
  const at = (k: number): Rect => ({
    x: r.x + (k % perLine) * (m.chipW + m.chipGap), y: r.y + 3 + Math.floor(k / perLine) * chipLine(m), w: m.chipW, h: m.chipH,
  });
  return { chips: Array.from({ length: shown }, (_, k) => at(k)), more: more > 0 ? at(shown) : null, hidden: more };
}

/** How many chips one line of `width` holds. */
export const chipsPerLine = (width: number, m: Metrics) => Math.max(1, Math.floor((width + m.chipGap) / (m.chipW + m.chipGap)));

export interface Columns { left: Rect | null; mid: Rect; right: Rect | null }

/** The three columns of a section body: sources (optional), holders, takers (optional). */
export function columns(body: Rect, m: Metrics, leftW: number | null, rightW: number | null): Columns {
  // Narrow panes give the middle (where messages wait) the most room.
  const narrow = body.w < m.fs * 48;
  const l = leftW === null ? 0 : Math.min(leftW, body.w * (narrow ? 0.2 : 0.28));
  // A third of a narrow pane, so a reader named "newsletter" keeps its whole name in bold small print.
  const r = rightW === null ? 0 : Math.min(rightW, body.w * (narrow ? 0.34 : 0.32));
  const gap = narrow ? Math.round(m.gap * 0.7) : m.gap;
  const gapL = l ? gap : 0;
  const gapR = r ? gap : 0;
  return {
    left: l ? { x: body.x, y: body.y, w: l, h: body.h } : null,
    mid: { x: body.x + l + gapL, y: body.y, w: Math.max(0, body.w - l - r - gapL - gapR), h: body.h },
    right: r ? { x: body.x + body.w - r, y: body.y, w: r, h: body.h } : null,
  };
}

/** The width a client column needs for its longest name, within limits. */
export const clientWidth = (m: Metrics, names: readonly string[]) =>
  clamp(Math.max(9, ...names.map((n) => n.length + 6)) * m.fs * 0.6, m.fs * 11, m.fs * 13);

/** Phrasings of a line from its segments, most important first: all of them joined by dots, then one fewer, down to the first. */
export function phrasings(segments: readonly string[]): string[] {
  const parts = segments.filter(Boolean);
  return parts.map((_, k) => parts.slice(0, parts.length - k).join(' · '));
}

/** As many of the segments (most important first) as fit in `width`, joined by dots. */
export function fitSegments(segments: readonly string[], width: number, fs: number): string {
  const max = Math.floor(width / (fs * 0.58));
  let out = '';
  for (const seg of segments) {
    if (!seg) continue;
    const next = out ? `${out} · ${seg}` : seg;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** The height rows of holders would like, each with as many chip lines (up to 4) as its chips need. */
export function rowsHeight(m: Metrics, chipCounts: readonly number[], stripW: number): number {
  const per = Math.max(1, Math.floor((stripW + m.chipGap) / (m.chipW + m.chipGap)));
  return chipCounts.reduce((a, n) => a + m.rowH + (Math.min(4, Math.max(1, Math.ceil(n / per))) - 1) * (m.chipH + 8) + m.rowGap, 0);
}

/** The pane's smallest font: small print is drawn two sizes below it, so never under 11 px. */
export const MIN_FONT = 13;
/** In presenter mode, magnified by the stage's zoom (its small print is floored at SMALLEST_FONT too). */
export const PRESENTER_MIN_FONT = SMALLEST_FONT;

/**
 * The largest font (17 down to 13; 20 down to 11 for a projector) at which every section gets the height
 * it would like, so a small scene is drawn big and a crowded one small. `needsAt` gives the sections'
 * needs at a font size.
 */
export function chooseFont(size: Size, sections: number, needsAt: (fs: number) => readonly Need[], pad = 6, presenter = false): number {
  // Presenter mode magnifies the stage so that SMALLEST_FONT is drawn at 18 px or more (fitStage, told by
  // the queues' stage), so a crowded projector pane may go below the laptop's floor, down to the small print's size.
  const lo = presenter ? PRESENTER_MIN_FONT : MIN_FONT;
  const hi = presenter ? 20 : 17;
  const widest = Math.round(clamp(size.width / 34, lo, hi));
  for (let fs = widest; fs > lo; fs--) {
    const total = needsAt(fs).reduce((a, x) => a + x.pref, 0) + pad * (sections + 1);
    if (total <= size.height) return fs;
  }
  return lo;
}
