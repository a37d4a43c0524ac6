// Where the servers of a consensus cluster stand: evenly on an ellipse inside a region, each with a box
// around its drawing and labels, as large as the region allows with no two boxes overlapping. Pure, so
// the no-overlap promise is property-tested (tests/unit/views/raft-layout.test.ts). Raft and Paxos use it.
import type { Point } from '../shared/geometry.ts';

export interface Rect { x: number; y: number; w: number; h: number }

/** Rough width of a line of `chars` characters (system-ui): enough to keep labels apart, not for typesetting. */
export const charsWidth = (chars: number, fontSize: number, bold = false) => chars * fontSize * (bold ? 0.62 : 0.56);

/** How far a drawing reaches from its anchor point (the centre of its circle or house) on each side. */
export interface Reach { left: number; right: number; top: number; bottom: number }

export interface RingFit {
  /** Anchor points, first at the top (or just right of it), clockwise. */
  at: Point[];
  /** The scale the drawings were fitted at (1: their natural size). */
  scale: number;
  reach: Reach;
  /** False only when even the smallest scale could not keep every box apart (a region far too small). */
  apart: boolean;
}

/** Space kept between two boxes. */
export const RING_GAP = 4;

/** The box of a drawing whose anchor is at p. */
export function boxAt(p: Point, r: Reach): Rect {
  return { x: p.x - r.left, y: p.y - r.top, w: r.left + r.right, h: r.top + r.bottom };
}

export function overlap(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** n anchors on the largest ellipse that keeps every box inside `region`, starting at angle `start`. */
export function ringPoints(n: number, region: Rect, reach: Reach, start = -Math.PI / 2): Point[] {
  const rx = Math.max(0, (region.w - reach.left - reach.right) / 2);
  const ry = Math.max(0, (region.h - reach.top - reach.bottom) / 2);
  const cx = region.x + reach.left + rx;
  const cy = region.y + reach.top + ry;
  if (n === 1) return [{ x: cx, y: cy }];
  return Array.from({ length: n }, (_, k) => {
    const a = start + (k * 2 * Math.PI) / n;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

export function allApart(points: readonly Point[], reach: Reach, gap = RING_GAP): boolean {
  const boxes = points.map((p) => boxAt(p, reach));
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!, gap)) return false;
  return true;
}

/**
 * The largest scale in [minScale, maxScale] (tried in steps of about 6%) at which n drawings of reach
 * `reachAt(scale)` stand on a ring in `region` without touching. Two rotations are tried at each scale:
 * one server at the top, or the top pair level (better for even counts). `keepClear` is a box at that
 * scale (a panel in the middle) that no drawing may touch either.
 */
export function fitRing(n: number, region: Rect, reachAt: (scale: number) => Reach, minScale = 0.5, maxScale = 1,
  keepClear?: (scale: number) => Rect): RingFit {
  let last: RingFit | null = null;
  for (let scale = maxScale; ; scale = Math.max(minScale, scale * 0.94)) {
    const reach = reachAt(scale);
    const fitsInside = reach.left + reach.right <= region.w && reach.top + reach.bottom <= region.h;
    for (const start of [-Math.PI / 2, -Math.PI / 2 + Math.PI / Math.max(1, n)]) {
      const at = ringPoints(n, region, reach, start);
      const clearOf = keepClear?.(scale);
      if (fitsInside && allApart(at, reach) && (!clearOf || at.every((p) => !overlap(boxAt(p, reach), clearOf, RING_GAP)))) {
        return { at, scale, reach, apart: true };
      }
      last ??= { at, scale, reach, apart: false };
    }
    if (scale <= minScale) return { ...last, at: ringPoints(n, region, reach), scale, reach, apart: false };
  }
}
