// Where the election pictures put things: one row per node, top to bottom, a card on the left (its name and
// words) and, in the technical picture, the lease timeline to its right over the last 10 s. Rows shrink to
// fit the pane down to one line of words; words stay at 11 px or more. Pure.
import type { Size } from '../shared/geometry.ts';

export const MIN_FONT = 11;

export interface RowBox { y: number; h: number }
export interface ElectionLayout {
  fontSize: number;
  lineH: number;
  card: { x: number; w: number };
  /** The timeline's left and right edges (w 0: no room for it). */
  line: { x: number; w: number };
  rows: RowBox[];
  /** Lines of words each card can show under its name. */
  cardLines: number;
  /** Where the problem strip starts, and how many lines it has room for. */
  problems: { y: number; lines: number };
}

export function electionLayout(size: Size, rows: number, lines: number, withTimeline: boolean): ElectionLayout {
  const fontSize = size.width >= 700 ? 13 : 12;
  const lineH = Math.round(fontSize * 1.35);
  const top = 8;
  const strip = 2 * lineH + 8;
  const avail = Math.max(lineH * 2, size.height - top - strip);
  const per = rows ? avail / rows : avail;
  const cardLines = Math.max(0, Math.min(lines, Math.floor((per - 10) / lineH) - 1));
  const h = Math.max(lineH + 6, Math.min(per - 4, (cardLines + 1) * lineH + 8));
  const cardW = withTimeline ? Math.max(140, Math.min(300, size.width * 0.38)) : Math.max(140, size.width - 16);
  const lineX = 8 + cardW + 12;
  const lineW = withTimeline ? Math.max(0, size.width - lineX - 12) : 0;
  const boxes = Array.from({ length: rows }, (_, i) => ({ y: top + i * per, h }));
  const end = rows ? boxes[rows - 1]!.y + h + 6 : top;
  return {
    fontSize, lineH, card: { x: 8, w: cardW }, line: { x: lineX, w: lineW < 80 ? 0 : lineW }, rows: boxes, cardLines,
    problems: { y: end, lines: Math.max(0, Math.floor((size.height - end) / lineH)) },
  };
}

/** x of moment t on a timeline from t0 to t0 + span drawn w wide from x. */
export const timeX = (t: number, t0: number, span: number, x: number, w: number) => x + (Math.min(Math.max(t, t0), t0 + span) - t0) / span * w;
