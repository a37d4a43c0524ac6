// Where the council stands in the town picture: the members' houses (each with its ledger beside it and
// the crier or a candidate's placard on its left) on a ring around the council hall, as large as the
// pane allows with nothing overlapping. Pure; Raft's and Paxos' towns stand on it.
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import { boxAt, charsWidth, fitRing, overlap, type Reach, type Rect } from './ring-layout.ts';

export interface CouncilGeometry {
  /** House drawing size (s x s, centred on its point, ground at +0.4s). */
  s: number;
  fontSize: number;
  /** The ledger book, relative to the house's point. */
  book: Rect;
  /** Height of one ledger line. */
  lineH: number;
  /** The patience clock: centre relative to the house's point, and radius. */
  clock: Point & { r: number };
  /** Baselines of the two label lines under the house. */
  line1: number;
  line2: number;
  /** Short words ("n1 member") when the ring is crowded. */
  short: boolean;
  /** Where the labels are centred, relative to the house's point. */
  labelX: number;
}

/** Characters of the longest first label line: full "n9 · council member", short "n9 candidate" (the second
 *  line, "term 12 · voted n9" or "t12 · voted n9", is smaller and never longer than that). */
export const TOWN_LABEL_CHARS = { full: 19, short: 12 } as const;

export function councilGeometry(scale: number, short = false, floor = 12): CouncilGeometry {
  const s = 84 * scale;
  // 12 at the least, so the second label line (one point less) is 11 px; only a ring too crowded for
  // that (nine houses in a small pane) goes down to 10.
  const fontSize = clamp(Math.round(s * 0.15), floor, 19);
  const book = { x: s * 0.42, y: -s * 0.24, w: Math.max(fontSize * 2.8, s * 0.52), h: s * 0.64 };
  const line1 = s * 0.42 + fontSize + 2;
  // The words sit under the middle of the whole drawing (the crier's side to the ledger's).
  const labelX = (book.x + book.w + 3 - s * 0.86) / 2;
  return {
    s, fontSize, book, lineH: clamp(book.h / 4.4, 6, 18), labelX,
    clock: { x: -s * 0.34, y: -s * 0.4, r: Math.max(6, s * 0.1) },
    line1, line2: line1 + fontSize + 1, short,
  };
}

export function councilReach(g: CouncilGeometry): Reach {
  // Short labels carry no mark beside the name (it is painted on the house instead).
  const half = charsWidth(g.short ? TOWN_LABEL_CHARS.short : TOWN_LABEL_CHARS.full, g.fontSize, true) / 2 + (g.short ? 0 : g.fontSize * 0.9);
  return {
    left: Math.max(g.s * 0.86, half - g.labelX), right: Math.max(g.book.x + g.book.w + 3, half + g.labelX),
    top: g.s * 0.52, bottom: g.line2 + 4,
  };
}

export interface CouncilLayout {
  at: Record<string, Point>;
  g: CouncilGeometry;
  centre: Point;
  /** The council hall's drawing size at the centre, or 0 when the ring leaves no room for it. */
  hall: number;
  apart: boolean;
}

export function councilLayout(size: Size, ids: readonly string[]): CouncilLayout {
  const region = { x: 6, y: 6, w: Math.max(120, size.width - 12), h: Math.max(120, size.height - 12) };
  const maxScale = clamp(Math.min(region.w, region.h) / 420, 0.8, 1.9);
  let short = false;
  let floor = 12;
  const tryFit = () => {
    short = false;
    let f = fitRing(ids.length, region, (sc) => councilReach(councilGeometry(sc, false, floor)), 0.75, maxScale);
    if (!f.apart) {
      short = true;
      f = fitRing(ids.length, region, (sc) => councilReach(councilGeometry(sc, true, floor)), 0.45, maxScale);
    }
    return f;
  };
  let fit = tryFit();
  if (!fit.apart) { floor = 10; fit = tryFit(); }
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => { at[id] = fit.at[k]!; });
  const centre = { x: region.x + region.w / 2, y: region.y + region.h / 2 };
  const g = councilGeometry(fit.scale, short, floor);
  // The hall as big as fits between the houses (with its two lines of words), never bigger than twice a house.
  const boxes = fit.at.map((p) => boxAt(p, fit.reach));
  let hall = g.s * 2;
  const hallBox = (h: number): Rect => ({ x: centre.x - h * 0.6, y: centre.y - h * 0.5, w: h * 1.2, h: h * 0.95 + g.fontSize * 2.6 });
  while (hall >= g.s * 0.6 && boxes.some((b) => overlap(b, hallBox(hall), 4))) hall *= 0.92;
  return { at, g, centre, hall: hall >= g.s * 0.6 ? hall : 0, apart: fit.apart };
}
