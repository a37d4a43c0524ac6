// Where the town picture puts things: the shops that post (producers) and the town hall (controller) down
// the left; the big bulletin board split into one column per partition, each a stack of numbered notices
// with the teams' bookmarks and, at its foot, which reader of each team reads it; under the board the
// other squares (brokers), each with its copies of the columns; at the bottom the teams of readers.
// Pure, and tested for overlaps at 12 partitions x 5 brokers x 3 groups.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import type { Rect } from './layout-tech.ts';
import { estimateWidth, type TextWidth } from '../shared/measure.ts';
import type { RecordCell } from './model.ts';

export interface TownCounts {
  topics: { name: string; partitions: number }[];
  brokers: number;
  producers: number;
  controller: boolean;
  /** Members per group. */
  members: number[];
  /** The most notices a column holds. */
  maxCells?: number;
  /** The longest text of a notice, in characters, for each way of writing it: "17 alice=order-1", "17 alice", "17". */
  noteChars?: readonly number[];
  /** Presenter mode: a projector, larger fonts. */
  presenter?: boolean;
}

export interface BoardColumn { topic: string; partition: number; x: number; w: number }

export interface TownLayout {
  width: number;
  height: number;
  fs: number;
  /** A building's size (shops, the town hall). */
  s: number;
  producers: Point[];
  hall: Point | null;
  /** The width of the column the shops and the town hall stand in. */
  leftW: number;
  board: Rect;
  /** Inside the board: the title line, topic heads, column heads, the notice area, the readers' rows. */
  titleY: number;
  topicHeads: { name: string; x: number; w: number; y: number }[];
  colHeadY: number;
  notesTop: number;
  /** A notice's height (its slot) and font; its width when the column has room, and the room left and right of it. */
  slipH: number;
  nfs: number;
  noteW: number;
  gut: number;
  flagW: number;
  /** Notices per sub-column (a wide column holds several sub-columns, filled left to right). */
  slots: number;
  footerTop: number;
  footerRow: number;
  columns: BoardColumn[];
  squares: Rect[];
  teams: Rect[];
  /** Each reader's left end (its slot is the team's width over its size). */
  readers: Point[][];
}

const PAD = 8;
const GAP = 8;

export function townLayout(size: Size, c: TownCounts, measure: TextWidth = estimateWidth): TownLayout {
  const W = Math.max(320, size.width);
  const H = Math.max(240, size.height);
  const fs = clamp(Math.round(Math.min(W / 48, H / 28)), c.presenter ? 13 : 12, c.presenter ? 20 : 17);
  const groups = c.members.length;
  const hasLeft = c.producers > 0 || c.controller;
  const leftW = hasLeft ? clamp(Math.round(W * 0.12), 64, 150) : 0;
  const squaresH = c.brokers ? clamp(Math.round(H * 0.18), fs * 4 + 6, fs * 8) : 0;
  const teamsH = groups ? clamp(Math.round(H * 0.17), fs * 4 + 6, fs * 8) : 0;
  const boardY = PAD;
  const boardH = H - PAD * 2 - (squaresH ? squaresH + GAP : 0) - (teamsH ? teamsH + GAP : 0);
  const board: Rect = { x: PAD + leftW + (hasLeft ? GAP : 0), y: boardY, w: W - PAD * 2 - leftW - (hasLeft ? GAP : 0), h: boardH };

  // Left column: the shops, then the town hall at the bottom of the board's height.
  const slotsLeft = c.producers + (c.controller ? 1 : 0);
  const s = clamp(Math.round(Math.min(leftW * 0.5, (boardH / Math.max(1, slotsLeft)) * 0.45)), 22, 54);
  const step = boardH / Math.max(1, slotsLeft);
  const producers = Array.from({ length: c.producers }, (_, i): Point => ({ x: PAD + leftW / 2, y: boardY + step * (i + 0.5) - fs * 0.6 }));
  const hall = c.controller ? { x: PAD + leftW / 2, y: boardY + step * (slotsLeft - 0.5) - fs * 0.6 } : null;

  // Inside the board.
  const frame = 8;
  const multi = c.topics.length > 1;
  const titleY = board.y + frame + fs;
  let y = titleY + 6;
  const topicY = y + fs * 0.9;
  if (multi) y += fs + 4;
  const colHeadY = y + fs * 0.95;
  y += fs + 6;
  const footerRow = clamp(Math.round(fs * 1.2), 13, 20);
  const footerTop = board.y + board.h - frame - groups * footerRow - (groups ? 4 : 0);
  const notesTop = y;
  const total = c.topics.reduce((n, t) => n + t.partitions, 0);
  const innerX = board.x + frame + 4;
  const innerW = board.w - frame * 2 - 8;
  const topicGap = multi ? Math.max(6, fs * 0.8) : 0;
  const colW = (innerW - topicGap * (c.topics.length - 1)) / Math.max(1, total);
  // Notices as large as lets the fullest column show all its notices (in sub-columns when it is wide),
  // from a slip of 2.8 lines down to 1.45.
  const gut = clamp(Math.round(fs * 0.7), 5, 10);
  const flagW = Math.round(fs * 0.85);
  const avail = footerTop - notesTop - 4;
  const minSlip = clamp(Math.round(fs * 1.45), 15, 28);
  const n = c.maxCells ?? 0;
  const levels = c.noteChars?.length ? c.noteChars : [6];
  // How many notices a column holds at this height, written this way (none when one is wider than the column).
  const capacity = (h: number, chars: number) => Math.floor(colW / (noteWidth(noteFont(h, fs), fs, chars, measure) + gut + Math.max(gut, flagW))) * Math.floor(avail / h);
  // The fullest text, then the tallest notice, that lets every notice show; else the smallest notices
  // written the way that shows the most of them.
  let pick: { h: number; chars: number } | null = null;
  for (const chars of levels) {
    for (let h = Math.round(fs * 2.8); h >= minSlip && !pick; h--) if (capacity(h, chars) >= Math.max(1, n)) pick = { h, chars };
    if (pick) break;
  }
  if (!pick) pick = { h: minSlip, chars: levels.reduce((best, ch) => (capacity(minSlip, ch) > capacity(minSlip, best) ? ch : best), levels[0]!) };
  const slipH = pick.h;
  const nfs = noteFont(slipH, fs);
  const noteW = noteWidth(nfs, fs, pick.chars, measure);
  const slots = Math.max(1, Math.floor(avail / slipH));
  const columns: BoardColumn[] = [];
  const topicHeads: TownLayout['topicHeads'] = [];
  let x = innerX;
  for (const t of c.topics) {
    const x0 = x;
    for (let p = 0; p < t.partitions; p++) { columns.push({ topic: t.name, partition: p, x, w: colW }); x += colW; }
    topicHeads.push({ name: t.name, x: x0, w: x - x0, y: topicY });
    x += topicGap;
  }

  // Squares and teams, each a row of equal boxes.
  const row = (n: number, y0: number, h: number, maxW: number): Rect[] => {
    if (!n) return [];
    const w = Math.min(maxW, (W - PAD * 2 - GAP * (n - 1)) / n);
    const x0 = (W - (w * n + GAP * (n - 1))) / 2;
    return Array.from({ length: n }, (_, i) => ({ x: x0 + i * (w + GAP), y: y0, w, h }));
  };
  const squaresY = board.y + board.h + GAP;
  const squares = row(c.brokers, squaresY, squaresH, fs * 16);
  const teamsY = squaresY + (squaresH ? squaresH + GAP : 0);
  const teams = row(groups, teamsY, teamsH, fs * 30);
  // Readers sit in a row between the team's heading line and its rebalance line.
  const readers = teams.map((t, g) => {
    const n = c.members[g]!;
    const head = fs + 8;
    const foot = fs + 4;
    return Array.from({ length: n }, (_, i): Point => ({ x: t.x + 6 + (t.w - 12) * (i / Math.max(1, n)), y: t.y + head + (t.h - head - foot) / 2 }));
  });
  return {
    width: W, height: H, fs, s, producers, hall, leftW, board, titleY, topicHeads, colHeadY, notesTop, slipH, nfs, noteW, gut, flagW, slots,
    footerTop, footerRow, columns, squares, teams, readers,
  };
}

/** A notice's font for its height: about half of it, at least 11 px, at most a little over the picture's. */
const noteFont = (h: number, fs: number) => clamp(Math.round(h * 0.52), 11, fs + 3);

/** Wide enough for "17 alice=order-1" (at most 18 characters; longer ones say less, see noticeText). */
const noteWidth = (nfs: number, fs: number, chars: number, measure: TextWidth) =>
  Math.ceil(Math.max(fs * 2.6, measure('0'.repeat(clamp(chars, 2, 18)), nfs, { mono: true }) + 12));

export interface ColumnGrid { subs: number; noteW: number; gut: number; flag: number; xs: number[] }

/**
 * How a column holding `n` notices lays them out: as many sub-columns as it needs and has room for, each
 * a stack of `slots` notices with a gutter on the left (readers' marks) and one on the right (bookmarks'
 * flags); one narrow stack, as wide as the column allows, when the columns are many.
 */
export function columnGrid(l: TownLayout, c: BoardColumn, n: number): ColumnGrid {
  const flag = c.w >= l.fs * 2.6 ? l.flagW : 0;
  const gut = Math.max(3, Math.min(l.gut, c.w * 0.14));
  const side = gut + Math.max(gut, flag);
  const fit = Math.max(1, Math.floor(c.w / (l.noteW + side)));
  const subs = Math.max(1, Math.min(fit, Math.ceil(n / l.slots)));
  const noteW = Math.max(8, Math.min(l.noteW, c.w / subs - side));
  const pitch = noteW + side;
  const x0 = c.x + (c.w - subs * pitch) / 2;
  return { subs, noteW, gut, flag, xs: Array.from({ length: subs }, (_, k) => x0 + k * pitch + gut) };
}

/** Where the notice in slot `j` (0 = the column's first slot) of a grid sits. */
export function slotAt(l: TownLayout, g: ColumnGrid, j: number): { x: number; y: number } {
  const sub = Math.min(g.subs - 1, Math.floor(j / l.slots));
  return { x: g.xs[sub]!, y: l.notesTop + (j - sub * l.slots) * l.slipH };
}

/**
 * What a notice `w` wide says at font `fs`: the offset with the key and value, with the key, or the
 * offset alone (a word is dropped, never cut); a very narrow notice's offset is written smaller rather
 * than lose a digit. A duplicate's "×2" takes its place at the end.
 */
export function noticeText(r: RecordCell, w: number, fs: number, measure: TextWidth): { text: string; fs: number } {
  const off = String(r.offset);
  const options = r.control ? [`${off} ${r.control === 'commit' ? 'C✓ commit' : 'A✕ abort'}`, `${off} ${r.control === 'commit' ? 'C✓' : 'A✕'}`, off]
    : r.tombstone ? [`${off} ${r.key ?? ''} ∅`, `${off} ∅`, off]
      : r.key === null ? [`${off} ${r.value ?? ''}`, off]
        : [`${off} ${r.key}=${r.value ?? ''}`, `${off} ${r.key}`, off];
  const dupW = r.duplicate ? measure('×2', Math.max(11, fs - 1), { bold: true }) : 0;
  const room = w - 8 - dupW;
  const text = options.find((o) => measure(o, fs, { mono: true }) <= room) ?? off;
  return { text, fs: Math.max(7, Math.min(fs, (fs * (w - 4)) / measure(text, fs, { mono: true }))) };
}
