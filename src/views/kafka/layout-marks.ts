// Where a stacked lane's markers go (drawn by TechMarks.tsx): the watermarks' bars and words, the groups'
// bookmarks and the readers' positions, each kind in rows of its own (see layout-lane.ts). Markers at the
// same boundary of a row form a cluster, their glyphs side by side under one label; labels never cover
// one another or a glyph (packLabels). Pure, so the layout test checks the very spans the lane draws.
import { offsetX, type TechLayout } from './layout-tech.ts';
import { packLabels, watermarkLabels, type LaneRows, type PackItem, type Placed, type Span } from './layout-lane.ts';
import type { GroupModel, MemberModel, PartitionModel, RecordCell } from './model.ts';
import { firstFit, type TextWidth } from '../shared/measure.ts';

export interface Boundary { x: number; before: boolean; after: boolean }

export interface WatermarkMarks {
  hw: Boundary & { word: string; span: Span };
  lso: (Boundary & { word: string; span: Span }) | null;
  /** The bars run from here (lane-relative) down to the records' bottom. */
  barTop: number;
}

export interface Cluster<T> {
  /** The boundary and the centre line of its row (lane-relative). */
  x: number;
  y: number;
  items: { what: T; offset: number; cx: number }[];
  /** Half the glyphs' width around x. */
  half: number;
  label: Placed | null;
  before: boolean;
  after: boolean;
}

export interface LaneMarks {
  /** The baseline of the watermarks' row (lane-relative). */
  wordY: number;
  watermarks: WatermarkMarks | null;
  lost: { x: number; text: string } | null;
  /** A group with a row of its own and nothing committed says so there. */
  none: { x: number; y: number; text: string }[];
  bookmarks: Cluster<GroupModel>[];
  positions: Cluster<MemberModel>[];
  /** The triangle's and the mark's half size. */
  tri: number;
  dot: number;
}

const arrow = (m: { before: boolean; after: boolean }) => (m.before ? '◂' : m.after ? '▸' : '');

function clustersOf<T>(marks: readonly { b: Boundary; offset: number; what: T }[]): { b: Boundary; offset: number; what: T }[][] {
  const byX = new Map<number, { b: Boundary; offset: number; what: T }[]>();
  for (const m of marks) byX.set(m.b.x, [...(byX.get(m.b.x) ?? []), m]);
  return [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([, ms]) => ms);
}

export function laneMarks(p: PartitionModel, shown: readonly RecordCell[], newer: number, groups: readonly GroupModel[], l: TechLayout, lane: LaneRows,
  x0: number, measure: TextWidth): LaneMarks {
  const cw = l.log.cellW;
  const { markFs: mfs, markH } = lane;
  const minX = l.log.x;
  const maxX = l.log.x + l.log.w;
  const tri = markH * 0.34;
  const dot = Math.min(markH * 0.38, mfs * 0.5);
  const bold = { bold: true };
  const at = (offset: number): Boundary => offsetX(shown, offset, x0, cw, newer);
  const wordY = lane.watermarks + mfs * 0.36;

  let watermarks: WatermarkMarks | null = null;
  let lostFrom = x0;
  if (p.count > 0 || p.hw > 0) {
    const hw = at(p.hw);
    const lso = p.lso < p.hw ? at(p.lso) : null;
    const hwWord = hw.after ? `HW ▸${p.hw}` : 'HW';
    const lsoWord = lso?.after ? `LSO ▸${p.lso}` : 'LSO';
    const words = watermarkLabels(hw.x, lso?.x ?? null, measure(hwWord, mfs, bold), measure(lsoWord, mfs, bold), minX, maxX);
    watermarks = {
      hw: { ...hw, word: hwWord, span: words.hw },
      lso: lso && words.lso ? { ...lso, word: lsoWord, span: words.lso } : null,
      barTop: lane.watermarks - markH / 2 + 1,
    };
    lostFrom = words.hw.x + words.hw.w + 8;
  }
  const lost = p.lost > 0 ? {
    x: lostFrom,
    text: firstFit([`✕ ${p.lost} acknowledged record${p.lost === 1 ? '' : 's'} lost`, `✕ ${p.lost} acked lost`, `✕ ${p.lost} lost`], maxX - lostFrom, mfs, bold, measure),
  } : null;

  const mine = groups.filter((g) => g.topics.includes(p.topic));
  const rowOf = (g: GroupModel) => (lane.shared ? 0 : groups.indexOf(g));
  const none: LaneMarks['none'] = [];
  const bookmarks: Cluster<GroupModel>[] = [];
  const positions: Cluster<MemberModel>[] = [];

  lane.bookmarks.forEach((y, row) => {
    const inRow = mine.filter((g) => rowOf(g) === row);
    const marks = inRow.flatMap((g) => {
      const c = g.committed[p.tp];
      return c === undefined ? [] : [{ b: at(c), offset: c, what: g }];
    });
    if (!lane.shared && inRow.length === 1 && marks.length === 0) {
      const id = inRow[0]!.id;
      none.push({ x: x0, y, text: firstFit([`${id}: nothing committed yet`, `${id}: none committed`, `${id}: –`], maxX - x0, mfs, {}, measure) });
      return;
    }
    const cs = clustersOf(marks);
    const items: PackItem[] = cs.map((ms) => {
      const off = `${arrow(ms[0]!.b)}${ms[0]!.offset}`;
      const options = [`${ms.map((m) => m.what.id).join(' · ')} ${off}`, `${ms.map((m) => m.what.tag.slice(0, 1)).join('')} ${off}`, off];
      return { x: ms[0]!.b.x, half: tri * ms.length + 1, options: options.map((text) => ({ text, w: measure(text, mfs, bold) })) };
    });
    const placed = packLabels(items, minX, maxX);
    cs.forEach((ms, i) => bookmarks.push({
      x: ms[0]!.b.x, y, half: items[i]!.half, label: placed[i] ?? null, before: ms[0]!.b.before, after: ms[0]!.b.after,
      items: ms.map((m, k) => ({ what: m.what, offset: m.offset, cx: ms[0]!.b.x + (k - (ms.length - 1) / 2) * 2 * tri })),
    }));
  });

  lane.positions.forEach((y, row) => {
    const marks = mine.filter((g) => rowOf(g) === row).flatMap((g) => g.members.flatMap((m) => {
      const pos = m.up && m.owned.includes(p.tp) ? m.position[p.tp] : undefined;
      return pos === undefined ? [] : [{ b: at(pos), offset: pos, what: m }];
    }));
    const cs = clustersOf(marks);
    const items: PackItem[] = cs.map((ms) => {
      const off = `${arrow(ms[0]!.b)}${ms[0]!.offset}`;
      return { x: ms[0]!.b.x, half: dot * ms.length + 1, options: [`${ms.map((m) => m.what.id).join(' · ')} ${off}`, off].map((text) => ({ text, w: measure(text, mfs) })) };
    });
    const placed = packLabels(items, minX, maxX);
    cs.forEach((ms, i) => positions.push({
      x: ms[0]!.b.x, y, half: items[i]!.half, label: placed[i] ?? null, before: ms[0]!.b.before, after: ms[0]!.b.after,
      items: ms.map((m, k) => ({ what: m.what, offset: m.offset, cx: ms[0]!.b.x + (k - (ms.length - 1) / 2) * 2 * dot })),
    }));
  });

  return { wordY, watermarks, lost, none, bookmarks, positions, tri, dot };
}
