// Where the technical picture puts things: a table with one lane per partition, a header naming the topic
// and the clients, a key saying what the marks mean, and a band at the bottom with each group's members
// and its rebalance. Two styles:
// - stacked, when the lanes have the room (a few partitions): each lane is tall, its markers in rows of
//   their own above and below the records (see layout-lane.ts), the partition's copies under its name,
//   and one lag column with a small chart per group;
// - compact (many partitions): a lane is a line or two, the copies in a column per broker, a lag
//   column per group, the markers drawn on the lane itself without words.
// Pure: a function of the pane's size, the counts and a text measure, tested for overlaps and truncation
// (tests/unit/views/kafka-layout.test.ts).
import { clamp, type Size } from '../shared/geometry.ts';
import { estimateWidth, type TextWidth } from '../shared/measure.ts';
import { cellLines, cellWidth, COMPACT_ONE, COMPACT_TWO, laneRows, STACKED_MODES, wrapItems, type CellMode, type LaneRows, type RecordText } from './layout-lane.ts';

export interface Rect { x: number; y: number; w: number; h: number }

export interface TechCounts {
  topics: { name: string; partitions: number }[];
  brokers: number;
  groups: number;
  /** Chips in the header row: producers plus the controller. */
  chips: string[];
  /** The longest partition name, in characters. */
  longestTp: number;
  /** The most records any lane has to show (wide cells pay off sooner when logs are short). */
  maxCells?: number;
  /** The most places a lane would like: from its earliest reader's mark to its end (narrower cells show them all). */
  want?: number;
  /** Each group's name and tag, for the lag columns' heads. */
  groupNames?: { name: string; tag: string }[];
  /** The longest key, value, key=value and offset among the records shown. */
  text?: RecordText;
  /** The key's entries (their words; each also has a small drawing). */
  keyItems?: string[];
  /** Presenter mode: a projector, larger fonts. */
  presenter?: boolean;
}

export interface LaneRow { kind: 'topic' | 'lane'; topic: string; partition: number; y: number; h: number }

export interface TechLayout {
  width: number;
  /** The drawing's height: more than the pane's when the lanes need scrolling. */
  height: number;
  fs: number;
  pad: number;
  style: 'stacked' | 'compact';
  header: Rect;
  chips: Rect[];
  colHead: Rect;
  label: { x: number; w: number };
  /** Replica cells: a column per broker (compact), or a row under the partition's name (stacked). */
  brokers: { x: number; cell: number };
  log: { x: number; w: number; cellW: number; slots: number; mode: CellMode; cellFs: number; gutter: number };
  /** Lag columns (compact: one per group; stacked: one, a block per group), their heads' lines and the groups' names in them. */
  lag: { x: number[]; w: number; spark: boolean; heads: string[][]; names: string[] };
  /** The rows inside a stacked lane (null when compact). */
  lane: LaneRows | null;
  rows: LaneRow[];
  /** The key under the lanes (null when there is no room): each entry's box. */
  key: { items: Rect[]; fs: number } | null;
  band: Rect;
  groupRows: Rect[];
  /** Two lines per group (members, then the rebalance) when there is room. */
  twoLines: boolean;
}

const GAP = 8;
const PAD = 6;

export function techLayout(size: Size, c: TechCounts, measure: TextWidth = estimateWidth): TechLayout {
  const W = Math.max(320, size.width);
  const H = Math.max(220, size.height);
  const lo = c.presenter ? 13 : 12;
  const hi = c.presenter ? 20 : 16;
  // Richer cells first, then the largest font that lets them fit.
  const widest = clamp(Math.floor(W / 36), lo, hi);
  // Rows of their own for each group's markers, else one row the groups share; not tried at all when
  // even the smallest stacked lanes (one line, shared rows, the smallest font) would not fit.
  const parts = c.topics.reduce((n, t) => n + t.partitions, 0);
  const smallest = laneRows(c.groups, true, 1, lo, lo - 1, 0).h;
  const tryStacked = parts > 0 && PAD + (lo + 12) + (lo + 8) + parts * smallest + (c.groups ? c.groups * (lo + 8) + 6 : 0) + 2 * PAD <= H;
  // A narrow pane (a small projector's split view) keeps tall lanes with a narrower lag column (groups
  // by their letter there; the band spells them out) before it falls back to compact ones.
  for (const narrowLag of [false, true]) {
    for (const mode of tryStacked ? STACKED_MODES : []) {
      for (const shared of c.groups > 1 ? [false, true] : [false]) {
        for (let fs = widest; fs >= lo; fs--) {
          // Records a little larger than the rest when a short log leaves the room.
          for (let cellFs = Math.min(fs + 3, hi + 1); cellFs >= fs - 1; cellFs--) {
            const l = stacked(W, H, fs, cellFs, mode, shared, c, measure, narrowLag);
            if (l) return l;
          }
        }
      }
    }
  }
  return compact(W, H, lo, hi, c, measure);
}

function headerChips(W: number, fs: number, chips: readonly string[], measure: TextWidth): Rect[] {
  const headH = fs + 12;
  const out: Rect[] = [];
  let right = W - PAD;
  for (const name of [...chips].reverse()) {
    const w = Math.ceil(measure(`${name} ✕`, fs - 1, { mono: true }) + fs * 1.35 + 8);
    right -= w;
    out.unshift({ x: right, y: PAD + 3, w, h: headH - 6 });
    right -= 4;
  }
  return out;
}

function keyBoxes(c: TechCounts, fs: number, W: number, y: number, measure: TextWidth): { items: Rect[]; h: number } {
  const items = c.keyItems ?? [];
  if (!items.length) return { items: [], h: 0 };
  const kfs = fs - 1;
  const widths = items.map((t) => Math.ceil(fs * 1.9 + measure(t, kfs)));
  const at = wrapItems(widths, PAD + 4, W - 2 * PAD - 8, fs * 0.9);
  const lineH = fs + 6;
  const lines = Math.max(...at.map((a) => a.line)) + 1;
  return { items: at.map((a, i) => ({ x: a.x, y: y + 3 + a.line * lineH, w: widths[i]!, h: lineH })), h: lines * lineH + 6 };
}

function rowsFrom(c: TechCounts, top: number, laneH: number, topicH: number): { rows: LaneRow[]; end: number } {
  const multi = c.topics.length > 1;
  const rows: LaneRow[] = [];
  let y = top;
  for (const t of c.topics) {
    if (multi) { rows.push({ kind: 'topic', topic: t.name, partition: -1, y, h: topicH }); y += topicH; }
    for (let p = 0; p < t.partitions; p++) { rows.push({ kind: 'lane', topic: t.name, partition: p, y, h: laneH }); y += laneH; }
  }
  return { rows, end: y };
}

function finish(W: number, H: number, fs: number, c: TechCounts, parts: Omit<TechLayout, 'width' | 'height' | 'fs' | 'pad' | 'band' | 'groupRows' | 'key' | 'twoLines' | 'header' | 'chips'>,
  lanesEnd: number, measure: TextWidth): TechLayout {
  const G = c.groups;
  const groupLine = fs + 8;
  // The band's second lines (each group's rebalance, or its lag and effects) first, then the key, as room allows.
  const bandOne = G ? G * groupLine + 6 : 0;
  const twoLines = G > 0 && lanesEnd + PAD + bandOne + G * groupLine + PAD <= H;
  const bandH = G ? G * groupLine * (twoLines ? 2 : 1) + 6 : 0;
  const k = keyBoxes(c, fs, W, lanesEnd + 2, measure);
  const withKey = k.h > 0 && lanesEnd + 2 + k.h + PAD + bandH + PAD <= H;
  const bandY = (withKey ? lanesEnd + 2 + k.h : lanesEnd) + PAD;
  const band: Rect = { x: PAD, y: bandY, w: W - 2 * PAD, h: bandH };
  const groupRows = Array.from({ length: G }, (_, g): Rect => ({
    x: PAD, y: band.y + 6 + g * groupLine * (twoLines ? 2 : 1), w: W - 2 * PAD, h: groupLine * (twoLines ? 2 : 1),
  }));
  return {
    width: W, height: Math.max(H, Math.ceil(band.y + bandH + PAD)), fs, pad: PAD,
    header: { x: PAD, y: PAD, w: W - 2 * PAD, h: fs + 12 }, chips: headerChips(W, fs, c.chips, measure),
    ...parts, key: withKey ? { items: k.items, fs: fs - 1 } : null, band, groupRows, twoLines,
  };
}

const names = (c: TechCounts) => c.groupNames ?? Array.from({ length: c.groups }, (_, g) => ({ name: `g${g + 1}`, tag: `G${g + 1}` }));

function stacked(W: number, H: number, fs: number, cellFs: number, mode: CellMode, shared: boolean, c: TechCounts, measure: TextWidth, narrowLag = false): TechLayout | null {
  const G = c.groups;
  const parts = c.topics.reduce((n, t) => n + t.partitions, 0);
  if (parts === 0) return null;
  const headH = fs + 12;
  const colHeadH = fs + 8;
  const cell = clamp(Math.round(fs * 1.45), 15, 26);
  // The name (with room for a "⚠"), the copies under it, and "ISR 2/3" under them.
  const nameW = measure('0'.repeat(Math.max(5, c.longestTp)), fs, { mono: true, bold: true }) + fs * 1.3 + 8;
  const labelW = Math.ceil(Math.max(nameW, c.brokers * cell + 8, measure('ISR 5/5 ⚠', fs - 1) + 8));
  // One lag column, a block per group: its tag, its name, the lag; the chart under them.
  const num = measure('9999', fs - 1, { mono: true, bold: true });
  const gn = names(c);
  const nameFits = (n: string) => fs * 1.5 + measure(n, fs - 1, { bold: true }) + 6 + num + 6;
  const lagW = !G ? 0 : narrowLag ? Math.ceil(fs * 5) : Math.ceil(clamp(Math.max(fs * 6.5, ...gn.map((g) => nameFits(g.name))), 0, fs * 10));
  const lagNames = gn.map((g) => (nameFits(g.name) <= lagW ? g.name : g.tag));
  const logX = PAD + labelW + GAP;
  const lagX = W - PAD - lagW;
  const logW = (G ? lagX - GAP : W - PAD) - logX;
  const gutter = Math.round(fs * 1.1);
  const text = c.text ?? { key: 4, value: 4, kv: 9, digits: 2 };
  const cellW = Math.max(cellWidth(mode, text, cellFs, measure), Math.ceil(measure('LSO', fs - 1, { bold: true }) + 8), Math.round(fs * 2.4));
  const slots = Math.floor((logW - gutter - endRoom(fs, measure)) / cellW) + 1;
  // Larger records only while every record still fits.
  const all = (c.maxCells ?? 5) + 1;
  const need = cellFs > fs - 1 ? all : Math.min(all, mode === 'off' ? 4 : Math.max(6, c.want ?? 0));
  if (slots < need) return null;

  const lineH = fs + 4;
  const lane = laneRows(G, shared, cellLines(mode), fs, cellFs, lineH + cell + 4 + fs + 8);
  const topicH = fs + 8;
  const top = PAD + headH + colHeadH;
  const { rows, end } = rowsFrom(c, top, lane.h, topicH);
  const groupLine = fs + 8;
  // As finish() stacks them: the lanes, a gap, the band (one line per group), the margin.
  const base = end + PAD + (G ? G * groupLine + 6 : 0) + PAD;
  if (base > H) return null;
  return finish(W, H, fs, c, {
    style: 'stacked', colHead: { x: PAD, y: PAD + headH, w: W - 2 * PAD, h: colHeadH },
    label: { x: PAD, w: labelW }, brokers: { x: PAD + 4, cell },
    log: { x: logX, w: logW, cellW, slots, mode, cellFs, gutter },
    lag: { x: G ? [lagX] : [], w: lagW, spark: true, heads: G ? [[lagHead(lagW, fs, measure)]] : [], names: lagNames },
    lane, rows,
  }, end, measure);
}

/** After the last record: the high watermark's bar and its word (stacked lanes), or "⋯ 12" for newer records left out. */
const endRoom = (fs: number, measure: TextWidth, words = true) =>
  Math.ceil(Math.max(words ? measure('HW ▸', fs - 1, { bold: true }) : 0, measure('⋯ 99', fs - 1)) + (words ? 8 : 4));

const lagHead = (w: number, fs: number, measure: TextWidth) =>
  ['lag = HW − committed', 'lag'].find((t) => measure(t, Math.max(11, fs - 2), { bold: true }) <= w - 6) ?? 'lag';

function compact(W: number, H: number, lo: number, hi: number, c: TechCounts, measure: TextWidth): TechLayout {
  const multi = c.topics.length > 1;
  const rowCount = c.topics.reduce((n, t) => n + t.partitions + (multi ? 1 : 0), 0);
  const G = c.groups;
  // The largest font (up to what the pane's size suggests) at which every lane fits on one text line.
  let fs = clamp(Math.round(Math.min(W / 46, H / 26)), lo, hi);
  while (fs > lo && 12 + (fs + 12) + (fs + 8) + rowCount * (fs + 5) + G * (fs + 8) + (G ? 6 : 0) + 6 > H) fs--;
  const labelOf = (f: number) => Math.ceil(measure('0'.repeat(Math.min(14, Math.max(8, c.longestTp + 1))), f, { mono: true, bold: true }) + 8);
  // A pane with few lanes takes a larger font, as long as every column keeps its width and chart and
  // the lanes keep two lines.
  const roomy = (f: number) => 2 * PAD + labelOf(f) + c.brokers * clamp(Math.round(f * 1.45), 15, 26) + G * Math.round(f * 6.5) + GAP * 3 + Math.round(f * 2.4 * 6) <= W
    && PAD + (f + 12) + (2 * f + 8) + rowCount * (2 * f + 10) + G * 2 * (f + 8) + 6 + 2 * PAD <= H;
  for (let f = clamp(Math.floor(Math.min(W / 36, H / 22)), lo, hi); f > fs; f--) if (roomy(f)) { fs = f; break; }
  const headH = fs + 12;
  const labelW = labelOf(fs);
  let cell = clamp(Math.round(fs * 1.45), 15, 26);
  let lagW = Math.round(fs * 6.5);
  let spark = true;
  const logMin = Math.round(fs * 2.4 * 6);
  const fixed = () => 2 * PAD + labelW + c.brokers * cell + G * lagW + GAP * 3;
  if (W - fixed() < logMin) lagW = Math.round(fs * 5);
  if (W - fixed() < logMin) { lagW = Math.round(fs * 3.4); spark = false; }
  // The narrowest copy cell still holds a broker's name ("b1") and a copy's glyph at 11 px.
  if (W - fixed() < logMin) cell = 16;
  const brokersX = PAD + labelW + GAP / 2;
  const logX = brokersX + c.brokers * cell + GAP;
  const lagX0 = W - PAD - G * lagW;
  const logW = Math.max(fs * 6, lagX0 - GAP - logX);
  const cellFs = Math.max(11, fs - 2);
  const gutter = Math.round(fs * 1.1);
  // Lag heads: "billing lag" on one line when every group's fits, else the name over "lag"; a tag (the
  // band under the lanes spells it out) only when the name does not fit even on a line of its own.
  const room = lagW - fs * 1.5;
  const gn = names(c);
  const hfs = Math.max(11, fs - 2);
  const oneLine = gn.every((g) => measure(`${g.name} lag`, hfs, { bold: true }) <= room);
  const heads = gn.map((g) => (oneLine ? [`${g.name} lag`] : [measure(g.name, hfs, { bold: true }) <= room ? g.name : g.tag, 'lag']));
  const colHeadH = oneLine || !G ? fs + 8 : 2 * hfs + 10;

  const groupLine = fs + 8;
  const top = PAD + headH + colHeadH;
  const minLane = fs + 5;
  // The band's second lines while the lanes keep at least one text line; the lanes take the rest, up to two lines.
  const bandOne = G * groupLine + (G ? 6 : 0);
  const two = G > 0 && H - top - PAD * 2 - bandOne - G * groupLine >= rowCount * minLane;
  const fixedH = top + bandOne + (two ? G * groupLine : 0) + PAD * 2;
  const laneH = clamp(Math.floor((H - fixedH) / Math.max(1, rowCount)), minLane, Math.round(fs * 2.6));
  // Two lines per cell (offset and key over the value) when the lanes are tall enough, else one; the
  // richest cells of which enough fit (six, or all the records), else the narrowest.
  const modes = laneH >= 2 * cellFs + 10 ? COMPACT_TWO : COMPACT_ONE;
  const text = c.text ?? { key: 4, value: 4, kv: 9, digits: 2 };
  const slotsOf = (w: number) => Math.max(3, Math.floor((logW - gutter - endRoom(fs, measure, false)) / w) + 1);
  const widthOf = (m: CellMode) => Math.max(cellWidth(m, text, cellFs, measure), Math.round(fs * 2.3));
  const need = Math.min(6, (c.maxCells ?? 6) + 1);
  const mode = modes.find((m) => slotsOf(widthOf(m)) >= need) ?? modes[modes.length - 1]!;
  const cellW = widthOf(mode);
  const slots = slotsOf(cellW);
  const { rows, end } = rowsFrom(c, top, laneH, laneH);
  return finish(W, H, fs, c, {
    style: 'compact', colHead: { x: PAD, y: PAD + headH, w: W - 2 * PAD, h: colHeadH },
    label: { x: PAD, w: labelW }, brokers: { x: brokersX, cell },
    log: { x: logX, w: logW, cellW, slots, mode, cellFs, gutter },
    lag: { x: Array.from({ length: G }, (_, g) => lagX0 + g * lagW), w: lagW, spark, heads, names: gn.map((g) => g.name) },
    lane: null, rows,
  }, end, measure);
}

/** The centre line of a lane's copies: the records' row when compact; under the name when stacked. */
export function replicaY(l: TechLayout, row: LaneRow): number {
  if (!l.lane) return row.y + row.h / 2;
  return Math.max(row.y + l.lane.cellTop + l.lane.cellH / 2, row.y + l.fs + 7 + l.brokers.cell / 2);
}

/**
 * Which records a lane (or a town column) shows in `room` places: all of them when they fit; else the
 * newest, unless the oldest marker worth seeing (`from`: the earliest committed offset or reader's
 * position) would fall off the left, when the window moves back to start just before it and the newest
 * are left out (`newer` of them, said with "⋯ N" at the end).
 */
export function visibleWindow<T extends { offset: number }>(cells: readonly T[], room: number, from: number | null = null): { shown: T[]; newer: number } {
  const n = Math.max(1, room);
  if (cells.length <= n) return { shown: [...cells], newer: 0 };
  let start = cells.length - n;
  if (from !== null && cells[start]!.offset > from) {
    const i = cells.findIndex((c) => c.offset >= from);
    start = Math.max(0, Math.min(start, (i < 0 ? start : i) - 1));
  }
  return { shown: cells.slice(start, start + n), newer: cells.length - (start + n) };
}

/**
 * The x of the boundary before `offset` in a lane drawing `shown` (offsets ascending, maybe with gaps):
 * clamped to the left edge (`before`) when the offset is older than what is shown, and to the right end
 * (`after`) when it is newer than the shown ones and `newer` records are left out.
 */
export function offsetX(shown: readonly { offset: number }[], offset: number, x0: number, cellW: number, newer = 0): { x: number; before: boolean; after: boolean } {
  if (shown.length === 0 || offset < shown[0]!.offset) return { x: x0, before: shown.length > 0 && offset < shown[0]!.offset, after: false };
  let i = 0;
  while (i < shown.length && shown[i]!.offset < offset) i++;
  return { x: x0 + i * cellW, before: false, after: newer > 0 && offset > shown[shown.length - 1]!.offset + 1 };
}
