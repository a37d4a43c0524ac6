// The technical picture's geometry: the pane split into the ring of servers and the table of logs (side
// by side when the pane is wide, stacked when it is tall), the server drawings scaled to fit the ring
// without overlap, and the log table's rows and columns. Pure functions of sizes and counts.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import { charsWidth as textWidth, fitRing, type Reach, type Rect } from '../kit/ring-layout.ts';

export interface ServerGeometry {
  /** Radius of the server's circle; the election timer is drawn just outside it. */
  r: number;
  timerR: number;
  fontSize: number;
  /**
   * Labels under the circle: two wide lines ("n5 follower", "t1 · voted n3") or, when the ring is
   * crowded, three narrow ones ("n5 · t1", "follower", "voted n3"). `lines` holds their baselines.
   */
  compact: boolean;
  lines: number[];
}

export function serverGeometry(scale: number, compact = false, floor = 12): ServerGeometry {
  // 12 at the least, so the smaller label lines (one point less) are never under 11 px; 11 (lines at 10)
  // in the smallest lesson pane; only a ring too small for that (nine servers in a small pane) goes to 9.
  const fontSize = clamp(Math.round(11.5 * scale), floor, 19);
  const r = 17 * scale;
  const timerR = r + 4.5 * Math.max(0.8, scale);
  const first = timerR + fontSize + 1;
  const lines = Array.from({ length: compact ? 3 : 2 }, (_, k) => first + k * (fontSize + 1));
  return { r, timerR, fontSize, compact, lines };
}

/** The longest labels a server shows, in characters: wide "n9 candidate" / "t12 · voted n9", compact
 *  "n9 · t12" / "pre-voting" / "2/3 votes". */
export const SERVER_LABEL_CHARS = { wide: [12, 14], compact: [8, 9, 9] } as const;

/** Font of the label lines after the first: one point smaller, except in the compact labels at the smallest size. */
export const minorFont = (g: ServerGeometry) => (g.compact ? Math.max(9, g.fontSize - 1) : g.fontSize - 1);

/** The term written in a server's circle: nearly the circle's height, and 11 px while the circle (a small
 *  ring that presenter mode magnifies) still holds two digits that size. */
export const termFont = (r: number) => Math.max(r * 0.95, Math.min(11, r * 1.2));

export function serverReach(g: ServerGeometry): Reach {
  const chars = g.compact ? SERVER_LABEL_CHARS.compact : SERVER_LABEL_CHARS.wide;
  // The node's mark sits left of the first wide line; compact labels carry it on the circle instead.
  const mark = g.compact ? 0 : g.fontSize * 0.9;
  const label = Math.max(textWidth(chars[0]!, g.fontSize, true) / 2 + mark, ...chars.slice(1).map((c) => textWidth(c, minorFont(g)) / 2 + 1));
  const half = Math.max(g.timerR + 3, label);
  return { left: half, right: half, top: g.timerR + 3, bottom: g.lines[g.lines.length - 1]! + 4 };
}

export interface TechLayout {
  ring: Rect;
  log: Rect;
  stacked: boolean;
  at: Record<string, Point>;
  server: ServerGeometry;
  /** The centre of the ring (messages fly across it). */
  centre: Point;
  apart: boolean;
}

const PAD = 8;

/** The ring's and the table's rectangles: stacked (ring above) or side by side (ring left). */
function split(w: number, h: number, n: number, stacked: boolean, narrowTable = 0): { ring: Rect; log: Rect } {
  if (stacked) {
    const rh = Math.round(clamp(Math.min(w * 0.95, h * 0.58), 120, h - 110));
    return { ring: { x: PAD, y: PAD, w: w - 2 * PAD, h: rh - PAD }, log: { x: PAD, y: rh + 4, w: w - 2 * PAD, h: h - rh - 4 - PAD } };
  }
  // Many servers need more of the width for the ring; a narrow table (a small, squarish pane) leaves the
  // ring all but the table's `narrowTable` px.
  const rw = narrowTable ? w - narrowTable - 6 - PAD
    : Math.round(clamp(Math.min(h * 1.05, w * (n > 6 ? 0.62 : 0.58)), 150, w - 165));
  return { ring: { x: PAD, y: PAD, w: rw - PAD, h: h - 2 * PAD }, log: { x: rw + 6, y: PAD, w: w - rw - 6 - PAD, h: h - 2 * PAD } };
}

/** Splits the pane and fits the servers on their ring. `ids` in ring order. */
export function raftTechLayout(size: Size, ids: readonly string[]): TechLayout {
  const w = Math.max(200, size.width);
  const h = Math.max(160, size.height);
  const tall = w < h * 1.15;
  const fitIn = (ring: Rect, floor: number) => {
    // Bigger drawings on a big stage (a projector), never past what the ring can hold.
    const maxScale = clamp(Math.min(ring.w, ring.h) / 300, 1, 1.7);
    // Wide labels while they fit at a readable size, else the narrow three-line ones
    // (the narrow ones also when they allow much bigger drawings).
    let f = fitRing(ids.length, ring, (sc) => serverReach(serverGeometry(sc, false, floor)), 0.78, maxScale);
    const narrow = fitRing(ids.length, ring, (sc) => serverReach(serverGeometry(sc, true, floor)), 0.55, maxScale);
    const compact = !f.apart || (narrow.apart && narrow.scale > f.scale * 1.25);
    if (compact) f = narrow;
    return { fit: f, compact, floor };
  };
  // The arrangement the pane's shape suggests, with 12 px labels. A pane too small for that (the lesson
  // page's at 1024x768) tries the ring beside a narrow table, at 12 then 11 px (their smaller lines at 10),
  // before shrinking the labels to 9 in the first arrangement.
  // The table keeps as much width as the ring can spare (115 px: three columns of entries, the newest).
  const tries: { stacked: boolean; narrowTable?: number; floor: number }[] = [{ stacked: tall, floor: 12 }];
  // A wide pane keeps its table 150 px wide at least.
  const narrowest = w >= 400 ? 150 : 115;
  if (w >= 300) {
    for (const floor of [12, 11]) for (let tw = 160; tw >= narrowest; tw -= 5) tries.push({ stacked: false, narrowTable: tw, floor });
  }
  let chosen: { parts: { ring: Rect; log: Rect }; stacked: boolean; got: ReturnType<typeof fitIn> } | null = null;
  for (const t of tries) {
    const parts = split(w, h, ids.length, t.stacked, t.narrowTable);
    const got = fitIn(parts.ring, t.floor);
    // The table must still hold its rows at 11 px or more (a stacked table under a tall ring may not).
    const tableReads = logTable(parts.log, ids.length, 0, t.floor).fontSize >= 11;
    if (got.fit.apart && tableReads) { chosen = { parts, stacked: t.stacked, got }; break; }
  }
  if (!chosen) {
    const parts = split(w, h, ids.length, tall);
    chosen = { parts, stacked: tall, got: fitIn(parts.ring, 9) };
  }
  const { parts: { ring, log }, stacked, got: { fit, compact, floor } } = chosen;
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = fit.at[k]!; });
  return {
    ring, log, stacked, at, server: serverGeometry(fit.scale, compact, floor), apart: fit.apart,
    centre: { x: ring.x + ring.w / 2, y: ring.y + ring.h / 2 },
  };
}

export interface LogTableGeometry {
  /** The caption and the rows. */
  region: Rect;
  /** Under the rows: up to `lines` lines explaining the marks (none when the rows need the room). */
  legend: { x: number; y: number; w: number; lines: number };
  captionLines: number;
  /** Warning lines under the caption (broken rule switched on, safety violated), each this tall. */
  badgeH: number;
  /** How many lines the warnings take: one each, or both on one line (their short words) in a short pane. */
  badgeRows: number;
  /** Height of the caption line (cluster summary) and of the index header under it. */
  captionH: number;
  headerH: number;
  nameW: number;
  rowH: number;
  cellW: number;
  cellH: number;
  /** Indices shown: first..first+cols-1 (the newest entries when the logs are longer than the table). */
  first: number;
  cols: number;
  fontSize: number;
  /** Room under each row for the leader's nextIndex/matchIndex markers. */
  markerH: number;
  /** Whether a cell is wide enough to show its command beside its term. */
  showCommand: boolean;
}

/**
 * The log table for `rows` servers whose longest log has `longest` entries. Columns are at least 18px
 * wide; when the logs are longer than the table holds, the newest entries are shown.
 */
export function logTable(whole: Rect, rows: number, longest: number, baseFont: number, badges = 0): LogTableGeometry {
  // The legend's lines are kept free under the rows (while the rows still fit with them), so the marks
  // are always explained.
  const legendH = (fs: number) => LEGEND_LINES * (fs + 1) + 4;
  const rowsFit = (fs: number, legend: boolean, tight: boolean) =>
    tableTop(whole, fs, badges, tight).captionH + fs + 4 + rows * rowFloor(fs) + (legend ? legendH(fs) : 0) <= whole.h;
  // The largest font (12 at least) that keeps the legend; else that fits the rows; only a pane too small
  // for the rows at 12 goes smaller. Under warnings, a short pane (presenter mode magnifies a small
  // layout) first tries the tight top — one caption line, both warnings on one line — before a smaller font.
  const start = clamp(Math.round(baseFont), MIN_TABLE_FONT, 18);
  const sizes = Array.from({ length: start - MIN_TABLE_FONT + 1 }, (_, k) => start - k);
  const tops = badges > 0 ? [false, true] : [false];
  const tries: { fs: number; legend: boolean; tight: boolean }[] = [];
  for (const legend of [true, false]) for (const tight of tops) for (const fs of sizes) tries.push({ fs, legend, tight });
  for (const tight of tops) for (const fs of [11, 10]) tries.push({ fs, legend: false, tight });
  const pick = tries.find((x) => rowsFit(x.fs, x.legend, x.tight)) ?? { fs: 9, legend: false, tight: badges > 0 };
  const { fs: fontSize, tight } = pick;
  const legendLines = pick.legend ? LEGEND_LINES : 0;
  const region = { ...whole, h: whole.h - (legendLines ? legendH(fontSize) : 0) };
  const { captionLines, badgeH, badgeRows, captionH } = tableTop(region, fontSize, badges, tight);
  const headerH = fontSize + 4;
  const nameW = Math.round(fontSize * 3.9);
  const rowH = clamp((region.h - captionH - headerH) / Math.max(1, rows), Math.min(rowFloor(fontSize), (region.h - captionH - headerH) / Math.max(1, rows)), fontSize * 4.2);
  // The markers' row holds "▲3 ■2" in the name column: as tall as an 11 px line.
  const markerH = rowH >= rowFloor(fontSize) ? clamp(Math.round(rowH * 0.3), MARKER_FONT, 14) : clamp(Math.round(rowH * 0.26), 4, 12);
  const avail = Math.max(0, region.w - nameW - 6);
  const wanted = Math.max(longest + 1, 6);
  const cellW = clamp(Math.floor(avail / wanted), 18, Math.round(fontSize * 4.6));
  const cols = Math.max(1, Math.floor(avail / cellW));
  const first = Math.max(1, longest + 1 - cols + 1);
  const cellH = Math.max(8, Math.min(rowH - markerH - 3, cellW * 1.15));
  return {
    region, legend: { x: whole.x, y: region.y + region.h + 4, w: whole.w, lines: legendLines },
    captionLines, badgeH, badgeRows, captionH, headerH, nameW, rowH, cellW, cellH, first, cols, fontSize, markerH,
    showCommand: cellW >= fontSize * 3.3,
  };
}

/** The table's smallest font: its smaller words (index numbers, legend) are one point less, 11 px. */
export const MIN_TABLE_FONT = 12;
/** The size of the leader's "▲next ■match" line under a follower's name. */
export const MARKER_FONT = 11;
/** The smallest row that still reads: a cell a little taller than its number, and the markers under it. */
const rowFloor = (fontSize: number) => fontSize + 6 + MARKER_FONT;

/** The caption (who leads, what is committed; two lines when the table is narrow) and the warning lines. */
function tableTop(region: Rect, fontSize: number, badges: number, tight = false) {
  // A narrow table under both warnings, or a tight one (a short pane under warnings), keeps one line of
  // caption (what is committed; the ring shows who leads in which term), so its rows keep their size.
  const captionLines = region.w < textWidth(62, fontSize) && !(badges >= 2 && region.w < 150) && !tight ? 2 : 1;
  const badgeH = fontSize + 6;
  // Tight: both warnings share a line when their short words fit side by side.
  const badgeRows = tight && badges >= 2 && region.w >= BADGES_SIDE_BY_SIDE(fontSize) ? 1 : badges;
  return { captionLines, badgeH, badgeRows, captionH: captionLines * (fontSize + 3) + 5 + badgeRows * badgeH };
}

/** Width both warnings need on one line in their shortest words ("⚠ BROKEN rule", "◆ UNSAFE", in bold one
 *  point smaller), with their padding and the gap between them; a little to spare for the measure. */
export const BADGES_SIDE_BY_SIDE = (fontSize: number) => textWidth(24, fontSize - 1, true) + 2 * 12 + 8;

/** Left edge of the cell for a log index (may fall outside the table when not shown). */
export const cellX = (t: LogTableGeometry, index: number) => t.region.x + t.nameW + 4 + (index - t.first) * t.cellW;
/** Top of a row's cells. */
export const rowY = (t: LogTableGeometry, row: number) => t.region.y + t.captionH + t.headerH + row * t.rowH + 1;
export const shownIndex = (t: LogTableGeometry, index: number) => index >= t.first && index < t.first + t.cols;

/** Lines of legend kept under the table when there is room. */
export const LEGEND_LINES = 4;
export const LOG_LEGEND = ['filled: committed', 'dashed: not yet', '▮ commit index', '▲ nextIndex', '■ matchIndex (leader’s view)', '✕ breaks safety'];
/** Items joined with ' · ' into lines no wider than `w` (by `width`), never splitting an item. The legend
 *  lists the commonest marks first, so when the room under the rows is short its first lines are kept. */
export function wrapItems(items: readonly string[], w: number, width: (s: string) => number = (s) => s.length): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && width(`${last} · ${item}`) <= w) lines[lines.length - 1] = `${last} · ${item}`;
    else lines.push(item);
  }
  return lines;
}
