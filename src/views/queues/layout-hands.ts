// The town's rule for a queue: a message somebody has taken is not on the board any more — it is in the
// taker's hands. Pure geometry: for every held message, where the town draws it (in the box of whoever
// holds it) and the empty, numbered pigeonhole it leaves behind (where it comes back if its timer runs
// out). The technical picture keeps every message in its queue; this is the town's view of the same state.
import { townPic, type Metrics, type Rect } from './layout.ts';

/** A client box's hands: right of its building, under its name (`name`: the client's id, which sizes the building); null when the box is one line (no room). */
export function handArea(box: Rect, m: Metrics, name = ''): Rect | null {
  const lineH = m.fs * 1.25;
  const x = box.x + townPic(box, m.fs, name) + 4;
  const y = box.y + lineH * 1.1;
  const w = box.x + box.w - 4 - x;
  // A chip and its timer bar under it; in a squeezed box the chip gets lower, down to its text's height.
  const h = Math.min(m.chipH, box.y + box.h - 5 - y);
  if (h < m.small + 4 || w < m.fs * 2.6) return null;
  return { x, y, w, h };
}

/** The height a hands box needs (a name line, a line of chips and their timer bars). */
export interface Taken<C> {
  chip: C;
  /** Who holds it (a node id, or `you` for a message taken from the console). */
  holder: string;
  /** Where it is drawn: in its holder's hands. */
  r: Rect;
  /** The empty pigeonhole it left in its queue. */
  ghost: Rect;
}

export interface HandsPlan<C> {
  taken: Taken<C>[];
  /** Held messages a holder's hands had no room for, counted in a "+N" there (their pigeonholes still show them out). */
  more: { holder: string; r: Rect; n: number }[];
  /** Empty pigeonholes of held messages that are only counted. */
  ghosts: { chip: C; holder: string; r: Rect }[];
}

/**
 * Moves each held chip from its row into its holder's hands. `rows` are the laid-out rows in queue order;
 * `boxes` the drawn boxes of whoever can hold messages. A chip whose holder has no box, or a box with no
 * room for hands, stays in its row (drawn there as in flight); a holder with more chips than its hands
 * hold shows as many as fit less one, then "+N".
 */
export function planHands<C>(
  rows: readonly { chips: readonly { chip: C; r: Rect }[] }[],
  holderOf: (c: C) => string | null,
  boxes: Readonly<Record<string, Rect>>,
  m: Metrics,
): HandsPlan<C> {
  const byHolder = new Map<string, { chip: C; r: Rect }[]>();
  for (const row of rows) {
    for (const c of row.chips) {
      const h = holderOf(c.chip);
      if (h === null || !boxes[h] || !handArea(boxes[h], m, h)) continue;
      const list = byHolder.get(h) ?? [];
      list.push(c);
      byHolder.set(h, list);
    }
  }
  const plan: HandsPlan<C> = { taken: [], more: [], ghosts: [] };
  for (const [holder, held] of byHolder) {
    const area = handArea(boxes[holder]!, m, holder)!;
    // The "+N" is a narrow box of its own; a hand too narrow for a whole chip beside it gets a narrower chip (its number only).
    const moreW = Math.round(m.small * 2.6);
    let w = Math.min(m.chipW, area.w);
    const fits = (room: number) => Math.max(0, Math.floor((room + m.chipGap) / (w + m.chipGap)));
    if (held.length > fits(area.w) && fits(area.w - moreW - m.chipGap) === 0) w = Math.max(m.fs * 2.6, area.w - moreW - m.chipGap);
    const shown = held.length <= fits(area.w) ? held.length : Math.max(0, fits(area.w - moreW - m.chipGap));
    const at = (k: number): Rect => ({ x: area.x + k * (w + m.chipGap), y: area.y, w, h: area.h });
    held.forEach((c, k) => {
      if (k < shown) plan.taken.push({ chip: c.chip, holder, r: at(k), ghost: c.r });
      else plan.ghosts.push({ chip: c.chip, holder, r: c.r });
    });
    if (shown < held.length) plan.more.push({ holder, r: { ...at(shown), w: Math.min(moreW, area.w) }, n: held.length - shown });
  }
  return plan;
}

/** Who holds messages but has no box of their own (`you`, from the console): each gets a hands box. */
export function handsOnly(holders: readonly (string | null)[], drawn: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of holders) if (h !== null && !drawn.includes(h) && !out.includes(h)) out.push(h);
  return out;
}

/**
 * Looks chips up in a plan: `hand` is where a chip is drawn in its holder's hands; `out` is the empty
 * pigeonhole of every held chip (drawn in hands or only counted); `counted` chips are not drawn at all.
 */
export function handsIndex<C>(plan: HandsPlan<C> | null) {
  const hand = new Map<C, Rect>();
  const out = new Map<C, { holder: string; r: Rect }>();
  const counted = new Set<C>();
  const holding = new Set<string>();
  for (const t of plan?.taken ?? []) { hand.set(t.chip, t.r); out.set(t.chip, { holder: t.holder, r: t.ghost }); holding.add(t.holder); }
  for (const g of plan?.ghosts ?? []) { out.set(g.chip, { holder: g.holder, r: g.r }); counted.add(g.chip); holding.add(g.holder); }
  return { hand, out, counted, holding };
}
