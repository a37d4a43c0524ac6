// Which parts of the space-time model are drawn in a window: pure, so clipping and growth are tested.
import type { Arrow, SpaceTimeModel } from './model.ts';
import type { Window } from './axis.ts';

export interface DrawnArrow {
  key: string;
  arrow: Arrow;
  /** Start and end time and lane y; a live arrow ends at its arrival time and grows towards it. */
  t0: number;
  t1: number;
  y0: number;
  y1: number;
  live: boolean;
  /** Position of the arrow in the model (stable: the model only grows), for grouping into chunks. */
  seq: number;
}

/** Most arrows drawn at once; older ones in the window are left out (the newest matter most). */
export const MAX_ARROWS = 2500;

/** How far before the window a message may have been sent and still cross into it. */
export const LONGEST_FLIGHT = 60_000;

export function drawnArrows(model: SpaceTimeModel, w: Window, now: number, arrivals: ReadonlyMap<number, number>,
  laneY: Readonly<Record<string, number>>): DrawnArrow[] {
  const out: DrawnArrow[] = [];
  const arrows = model.arrows;
  for (let k = arrows.length - 1; k >= 0 && out.length < MAX_ARROWS; k--) {
    const a = arrows[k]!;
    // Arrows are in send order (duplicates aside), so far enough back nothing more can be in the window.
    if (a.sentAt < w.t0 - LONGEST_FLIGHT) break;
    const y0 = laneY[a.from];
    const y1 = laneY[a.to];
    if (y0 === undefined || y1 === undefined) continue;
    const live = a.status === 'flying';
    const end = live ? arrivals.get(a.msgId) ?? now : a.endAt!;
    const shown = live ? Math.min(end, now) : end;
    if (Math.max(a.sentAt, shown) < w.t0 || Math.min(a.sentAt, shown) > w.t1) continue;
    // A message still flying whose arrival is unknown (held at a paused node) is drawn to now, not live.
    const known = live && arrivals.has(a.msgId);
    // The key survives delivery (a message is one arrow from send to arrival); a duplicate copy gets its own.
    out.push({ key: a.duplicate ? `${a.msgId}:${a.sendI}:${a.endI}` : `${a.msgId}:${a.sendI}`, arrow: a, t0: a.sentAt, t1: end, y0, y1, live: known, seq: k });
  }
  return out.reverse();
}

export interface OpenBar { key: string; from: number }

/** Intervals and bands still open (a node still down or paused, a partition not healed): they grow with time. */
export function liveBars(model: SpaceTimeModel, laneY: Readonly<Record<string, number>>): OpenBar[] {
  const out: OpenBar[] = [];
  model.intervals.forEach((iv, k) => { if (iv.to === null && laneY[iv.node] !== undefined) out.push({ key: `iv${k}`, from: iv.from }); });
  model.bands.forEach((b, k) => { if (b.to === null) out.push({ key: `band${k}`, from: b.from }); });
  return out;
}
