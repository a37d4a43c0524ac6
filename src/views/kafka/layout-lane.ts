// Inside one lane of the technical picture, and the key under the lanes. A record cell shows, by what fits:
// its offset, key and value on three lines ('kv3'), offset and key=value ('kv2'), offset and key ('key2'),
// or the offset alone ('off'); compact lanes write one line ('kv1', 'off1'). A tall lane ("stacked")
// gives each marker a row of its own, so none is ever drawn over another or over a label:
//
//   ▼ audit 3            one row per group: its committed offset (the bookmark)
//   ▼ peek 2
//            LSO┆   ▌HW  the watermarks' words
//   [0 ][1 ][2 ]         the records
//   ◆ auditor 3          one row per group: where its reader fetches next (its position)
//   ● peeker 3
//
// Pure: a function of sizes and text widths, tested in tests/unit/views/kafka-layout.test.ts.
import type { TextWidth } from '../shared/measure.ts';

export type CellMode = 'kv3' | 'kv2' | 'key2' | 'off' | 'kv1' | 'off1';
export const STACKED_MODES: readonly CellMode[] = ['kv3', 'kv2', 'key2', 'off'];
/** A compact lane tall enough for two lines uses the stacked two-line modes; else one of these. */
export const COMPACT_TWO: readonly CellMode[] = ['kv2', 'key2', 'off'];
export const COMPACT_ONE: readonly CellMode[] = ['kv1', 'off1'];

/** How many text lines a cell of this mode writes. */
export const cellLines = (m: CellMode) => (m === 'kv3' ? 3 : m === 'kv2' || m === 'key2' ? 2 : 1);
export const modeShowsKeys = (m: CellMode) => m !== 'off' && m !== 'off1';

/** The longest texts (in characters) of the records a picture may show. */
export interface RecordText { key: number; value: number; kv: number; digits: number }

// Longer keys and values are cut with an ellipsis (the whole record is in the cell's title and label).
export const CAP = { kv3: 9, kv2: 11, key2: 6, kv1: 14 } as const;

/** The characters a cell of this mode is made wide enough for (the longest line, at most its cap). */
export function cellChars(mode: CellMode, t: RecordText): number {
  const d = Math.max(2, t.digits);
  switch (mode) {
    case 'kv3': return Math.min(CAP.kv3, Math.max(t.key, t.value, d));
    case 'kv2': return Math.min(CAP.kv2, Math.max(d + 1 + t.key, t.value, d));
    case 'key2': return Math.min(CAP.key2, Math.max(t.key, d));
    case 'kv1': return Math.min(CAP.kv1, d + 1 + t.kv);
    default: return d;
  }
}

/** A cell's width: its characters at `cellFs` in the monospace font, and its padding. */
export const cellWidth = (mode: CellMode, t: RecordText, cellFs: number, measure: TextWidth) =>
  Math.ceil(measure('0'.repeat(cellChars(mode, t)), cellFs, { mono: true }) + 9);

/**
 * What a cell writes, line by line, each line's phrasings from the fullest: a one-line cell drops the
 * value, then the key, rather than cut a word; a line of a taller cell is cut with "…" only past its
 * mode's cap (the cell is made that wide).
 */
export function cellText(mode: CellMode, r: { offset: number; key: string | null; value: string | null; tombstone: boolean; control: 'commit' | 'abort' | null }): string[][] {
  const off = String(r.offset);
  const key = r.key ?? '–';
  const value = r.control ? 'marker' : r.tombstone ? '∅' : r.value ?? '';
  const ctl = r.control === 'commit' ? 'C✓' : r.control === 'abort' ? 'A✕' : null;
  switch (mode) {
    case 'kv3': return [[off], [ctl ?? key], [value]];
    case 'kv2': return [[`${off} ${ctl ?? key}`], [value]];
    case 'key2': return [[off], [ctl ?? (r.tombstone ? `${key}∅` : key)]];
    case 'kv1': return [ctl ? [`${off} ${ctl}`, off] : r.tombstone ? [`${off} ${key}∅`, `${off} ∅`, off]
      : r.key === null ? [`${off} ${value}`, off] : [`${off} ${key}=${value}`, `${off} ${key}`, off]];
    case 'off1': return [ctl ? [`${off} ${ctl}`, off] : r.tombstone ? [`${off} ∅`, off] : r.key ? [`${off} ${key}`, off] : [off]];
    default: return [[ctl ? `${off}${ctl}` : off, off]];
  }
}

/** Where things sit inside a stacked lane, measured from the lane's top. */
export interface LaneRows {
  markH: number;
  markFs: number;
  /** One row of bookmarks and one of positions for all groups (else a row each per group). */
  shared: boolean;
  /** The centre line of each bookmark row (per group in the picture's order, or the one shared row). */
  bookmarks: number[];
  /** The centre line of the watermarks' words. */
  watermarks: number;
  cellTop: number;
  cellH: number;
  /** The centre line of each position row. */
  positions: number[];
  h: number;
}

export function laneRows(groups: number, shared: boolean, lines: number, fs: number, cellFs: number, minH: number): LaneRows {
  const markFs = fs - 1;
  // A marker row: its 11 px words and 5 px of air (three stacked lanes with a shared row each fit a 349 px pane at 12 px).
  const markH = markFs + 5;
  const n = shared ? Math.min(1, groups) : groups;
  const cellH = lines * (cellFs + 3) + 8;
  const bookmarks = Array.from({ length: n }, (_, g) => 3 + g * markH + markH / 2);
  const watermarks = 3 + n * markH + markH / 2;
  const cellTop = 3 + (n + 1) * markH;
  const positions = Array.from({ length: n }, (_, g) => cellTop + cellH + 2 + g * markH + markH / 2);
  const h = Math.max(minH, cellTop + cellH + 2 + n * markH + 4);
  return { markH, markFs, shared: shared && groups > 1, bookmarks, watermarks, cellTop, cellH, positions, h };
}

export interface Span { x: number; w: number }

/**
 * The watermarks' words in their row: "LSO" (never after the HW) to the left of its bar, or to its right
 * when there is no room on the left; "HW" to the right of its bar, pushed right of the LSO's word if the
 * two would touch (both bars at the left edge, when both offsets are older than what is shown).
 */
export function watermarkLabels(hwX: number, lsoX: number | null, hwW: number, lsoW: number, minX: number, maxX: number): { hw: Span; lso: Span | null } {
  let lso: Span | null = null;
  if (lsoX !== null) {
    const left = lsoX - 3 - lsoW;
    lso = { x: left >= minX ? left : lsoX + 3, w: lsoW };
  }
  const after = lso ? lso.x + lso.w + 3 : -Infinity;
  return { hw: { x: Math.min(Math.max(hwX + 3, after), maxX - hwW), w: hwW }, lso };
}

/** Markers at one boundary of a row (a cluster): where, how wide their glyphs are, and their label's phrasings. */
export interface PackItem { x: number; half: number; options: readonly { text: string; w: number }[] }
export interface Placed { text: string; x: number; anchor: 'start' | 'end'; span: Span }

const overlaps = (a: Span, b: Span) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01;

/**
 * Labels for the markers of one row, none over another label or any marker's glyph: each cluster (taken
 * left to right) gets the fullest phrasing that fits right of its glyphs, else left of them, else a
 * shorter phrasing; a cluster with no room at all keeps its glyphs only (its words are in its title).
 */
export function packLabels(items: readonly PackItem[], minX: number, maxX: number): (Placed | null)[] {
  const glyphs: Span[] = items.map((it) => ({ x: it.x - it.half, w: 2 * it.half }));
  const taken: Span[] = [];
  return items.map((it) => {
    for (const o of it.options) {
      const right: Span = { x: it.x + it.half + 3, w: o.w };
      const left: Span = { x: it.x - it.half - 3 - o.w, w: o.w };
      for (const [span, anchor] of [[right, 'start'], [left, 'end']] as const) {
        if (span.x < minX || span.x + span.w > maxX) continue;
        if (glyphs.some((g) => overlaps(g, span)) || taken.some((t) => overlaps(t, span))) continue;
        taken.push(span);
        return { text: o.text, x: anchor === 'start' ? span.x : span.x + span.w, anchor, span };
      }
    }
    return null;
  });
}

/** Key items laid out in lines, left to right, wrapping: each item's span and its line. */
export function wrapItems(widths: readonly number[], x0: number, w: number, gap: number): { x: number; line: number }[] {
  let x = x0;
  let line = 0;
  return widths.map((iw) => {
    if (x > x0 && x + iw > x0 + w) { line++; x = x0; }
    const at = { x, line };
    x += iw + gap;
    return at;
  });
}
