// Where the saga pictures put things: the school top left, the 2PC coordinator top right (when there is
// one), the shops in a row along the bottom, and a panel (the town's checklist, the technical picture's
// history and step states) as many lines tall as fit. The town's buildings are small enough for the panel
// to sit between the school and the coordinator; the technical picture's cards are wider, so its panel
// goes under them, across the pane. Words at 11 px or more. Pure.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import type { Rect } from '../kit/ring-layout.ts';
import { textWidth, type TextWidth } from '../shared/measure.ts';

/** The longest words under the school and the coordinator in the town: the checklist keeps clear of them. */
export const TOP_WORDS = ['orders, then listens', 'school · ON FIRE', 'council chair (2PC)', 'coordinator · ON FIRE'];

export interface SagaLayout {
  fontSize: number;
  lineH: number;
  /** A building's size (the town). */
  s: number;
  /** A card's size (the technical picture). */
  card: { w: number; h: number };
  school: Point | null;
  coordinator: Point | null;
  shops: Record<string, Point>;
  /** The width each shop has for its words. */
  shopSpan: number;
  /** The panel and how many lines of fontSize it holds. */
  panel: Rect;
  panelLines: number;
}

export const MIN_FONT = 11;
const PAD = 8;

export function sagaLayout(size: Size, shops: readonly string[], hasSchool: boolean, hasCoordinator: boolean, picture: 'town' | 'tech' = 'town', measure: TextWidth = textWidth): SagaLayout {
  const w = Math.max(320, size.width);
  const h = Math.max(220, size.height);
  const fontSize = clamp(Math.round(Math.min(w / 55, h / 26)), MIN_FONT, 15);
  const lineH = fontSize + 4;
  const n = Math.max(1, shops.length);
  const span = (w - 2 * PAD) / n;
  const s = clamp(Math.min((w - 2 * PAD) / (n * 1.9), h * 0.24), 40, 100);
  const card = { w: clamp(span - 8, 120, 220), h: lineH * 3 + 6 };
  const tech = picture === 'tech';
  const shopY = tech ? h - PAD - card.h / 2 : h - PAD - 2 * lineH - s * 0.42;
  const at: Record<string, Point> = {};
  shops.forEach((id, k) => { at[id] = { x: PAD + span * (k + 0.5), y: shopY }; });
  const topW = tech ? card.w : Math.max(s * 1.2, ...TOP_WORDS.map((t) => measure(t, fontSize, { bold: true }) + 4));
  const topY = tech ? PAD + card.h / 2 : PAD + s * 0.32;
  const school = hasSchool ? { x: PAD + (tech ? topW / 2 : s * 0.6), y: topY } : null;
  const coordinator = hasCoordinator ? { x: w - PAD - (tech ? topW / 2 : s * 0.6), y: topY } : null;
  const anyTop = hasSchool || hasCoordinator;
  const left = !tech && school ? PAD + topW + 8 : PAD;
  const right = !tech && coordinator ? w - PAD - topW - 8 : w - PAD;
  const top = tech && anyTop ? PAD + card.h + 8 : PAD;
  const bottom = tech ? shopY - card.h / 2 - 8 : shopY - s * 0.5 - 6;
  const panel: Rect = { x: left, y: top, w: Math.max(0, right - left), h: Math.max(0, bottom - top) };
  const panelLines = Math.max(0, Math.floor((panel.h - 8) / lineH));
  return { fontSize, lineH, s, card, school, coordinator, shops: at, shopSpan: span - 6, panel, panelLines };
}
