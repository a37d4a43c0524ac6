// Where the Paxos technical picture puts things: one card per server on a ring (as large as fits with no
// two cards touching), and the decree panel in the middle, as many lines of it as the ring leaves room for.
// A pane too small for a ring of readable cards (the lesson page's) gets the cards in rows instead, under
// the decree panel, so their words stay 11-12 px rather than shrinking.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import { boxAt, fitRing, overlap, type Rect } from '../kit/ring-layout.ts';

export interface PaxosLayout {
  at: Record<string, Point>;
  card: { w: number; h: number };
  fontSize: number;
  lineH: number;
  /** The decree panel in the middle and how many of its lines fit (0: none; the caption says it instead). */
  panel: Rect;
  panelLines: number;
  apart: boolean;
}

/** Characters of a card's longest line ("P prepare #123 (x) 3/5"), in a monospace font. */
const CARD_CHARS = 22;
export const PANEL_LINES = 5;

export function cardSize(scale: number, floor = 12): { w: number; h: number; fontSize: number; lineH: number } {
  // 12 at the least: the card's lines (one point less) are 11 px; only a ring too crowded for that goes
  // down to 9.
  const fontSize = clamp(Math.round(11.5 * scale), floor, 19);
  const lineH = fontSize + 3;
  return { w: Math.max(CARD_CHARS * (fontSize - 1) * 0.61 + 14, 100 * scale), h: lineH * 4 + 8, fontSize, lineH };
}

const GAP = 8;

/**
 * The cards in rows (as many columns as fit, rows spread over the height) under a decree panel as wide as
 * the pane; null when even that leaves no room for cards of this font size and two panel lines.
 */
function gridLayout(region: Rect, ids: readonly string[], fontSize: number): PaxosLayout | null {
  const c = cardSize(0, fontSize);
  const cols = Math.min(ids.length, Math.floor((region.w + GAP) / (c.w + GAP)));
  if (cols < 1) return null;
  const rows = Math.ceil(ids.length / cols);
  const cardsH = rows * c.h + (rows - 1) * GAP;
  const lines = Math.min(PANEL_LINES, Math.floor((region.h - cardsH - GAP - 10) / c.lineH));
  if (lines < 2) return null;
  const panel: Rect = { x: region.x, y: region.y, w: region.w, h: lines * c.lineH + 10 };
  // The rows share the height left under the panel; the last row, if short, is centred.
  const top = panel.y + panel.h + GAP;
  const step = rows > 1 ? (region.y + region.h - top - c.h) / (rows - 1) : 0;
  const colStep = cols > 1 ? Math.min(c.w + GAP * 3, (region.w - c.w) / (cols - 1)) : 0;
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => {
    const row = Math.floor(k / cols);
    const inRow = Math.min(cols, ids.length - row * cols);
    const x0 = region.x + region.w / 2 - ((inRow - 1) * colStep) / 2;
    at[id] = { x: x0 + (k % cols) * colStep, y: top + c.h / 2 + row * step };
  });
  return { at, card: { w: c.w, h: c.h }, fontSize: c.fontSize, lineH: c.lineH, panel, panelLines: lines, apart: true };
}

export function paxosLayout(size: Size, ids: readonly string[]): PaxosLayout {
  const region = { x: 6, y: 6, w: Math.max(160, size.width - 12), h: Math.max(140, size.height - 12) };
  const maxScale = clamp(Math.min(region.w, region.h) / 380, 0.9, 1.7);
  const centre = { x: region.x + region.w / 2, y: region.y + region.h / 2 };
  const panelAt = (c: { w: number; lineH: number }, lines: number): Rect => {
    const w = Math.min(region.w * 0.5, c.w * 1.2);
    const h = lines * c.lineH + 10;
    return { x: centre.x - w / 2, y: centre.y - h / 2, w, h };
  };
  // The cards leave room for at least the panel's first two lines (what was chosen, the rounds).
  const ringAt = (floor: number) => fitRing(ids.length, region, (s) => { const c = cardSize(s, floor); return { left: c.w / 2, right: c.w / 2, top: c.h / 2, bottom: c.h / 2 }; },
    0.6, maxScale, (s) => panelAt(cardSize(s, floor), 2));
  let floor = 12;
  let fit = ringAt(floor);
  if (!fit.apart) {
    // Rows of 12 px cards, else of 11 px ones (their lines at 10 px, a small projector's least), before a
    // ring of smaller cards.
    const rows = gridLayout(region, ids, 12) ?? gridLayout(region, ids, 11);
    if (rows) return rows;
    floor = 9;
    fit = ringAt(floor);
  }
  const c = cardSize(fit.scale, floor);
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = fit.at[k]!; });
  const boxes = fit.at.map((p) => boxAt(p, fit.reach));
  // The panel as wide as a card and a half, and as many lines tall as fit between the cards.
  let lines = PANEL_LINES;
  let panel: Rect = { x: 0, y: 0, w: 0, h: 0 };
  for (; lines > 0; lines--) {
    panel = panelAt(c, lines);
    if (!boxes.some((b) => overlap(b, panel, 4))) break;
  }
  return { at, card: { w: c.w, h: c.h }, fontSize: c.fontSize, lineH: c.lineH, panel, panelLines: lines, apart: fit.apart };
}
