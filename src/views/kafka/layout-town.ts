// Where the town picture puts things: the shops that post (producers) and the town hall (controller) down
// the left; the big bulletin board split into one column per partition, each a stack of numbered notices
// with the teams' bookmarks and, at its foot, which reader of each team reads it; under the board the
// other squares (brokers), each with its copies of the columns; at the bottom the teams of readers.
// Pure, and tested for overlaps at 12 partitions x 5 brokers x 3 groups.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import type { Rect } from './layout-tech.ts';

export interface TownCounts {
  topics: { name: string; partitions: number }[];
  brokers: number;
  producers: number;
  controller: boolean;
  /** Members per group. */
  members: number[];
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
  board: Rect;
  /** Inside the board: the title line, topic heads, column heads, the notice area, the readers' rows. */
  titleY: number;
  topicHeads: { name: string; x: number; w: number; y: number }[];
  colHeadY: number;
  notesTop: number;
  slipH: number;
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

export function townLayout(size: Size, c: TownCounts): TownLayout {
  const W = Math.max(320, size.width);
  const H = Math.max(240, size.height);
  const fs = clamp(Math.round(Math.min(W / 48, H / 28)), 11, 17);
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
  const slipH = clamp(Math.round(fs * 1.45), 15, 28);
  const notesTop = y;
  const slots = Math.max(1, Math.floor((footerTop - notesTop - 4) / slipH));
  const total = c.topics.reduce((n, t) => n + t.partitions, 0);
  const innerX = board.x + frame + 4;
  const innerW = board.w - frame * 2 - 8;
  const topicGap = multi ? Math.max(6, fs * 0.8) : 0;
  const colW = (innerW - topicGap * (c.topics.length - 1)) / Math.max(1, total);
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
  return { width: W, height: H, fs, s, producers, hall, board, titleY, topicHeads, colHeadY, notesTop, slipH, slots, footerTop, footerRow, columns, squares, teams, readers };
}

/** The top of the notice at `k` (0 = the oldest shown) in a column. */
export const slipY = (l: TownLayout, k: number) => l.notesTop + k * l.slipH;
