import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxExit, curveControl, pointOnCurve, ringLayout } from '../../../src/views/shared/geometry.ts';
import { flightProgress, REDUCED_MOTION_SPOT } from '../../../src/views/shared/flight.ts';
import { townLayout } from '../../../src/views/town/layout.ts';
import { aroundSquare } from '../../../src/views/drawings/square.ts';

describe('geometry', () => {
  it('starts a ring at the top and keeps every point inside the margin', () => {
    const pts = ringLayout(6, { width: 800, height: 600 }, 50);
    expect(pts[0]).toEqual({ x: 400, y: 50 });
    for (const p of pts) {
      expect(p.x).toBeGreaterThanOrEqual(50 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(750 + 1e-9);
    }
  });

  it('bends a -> b and b -> a to opposite sides, so a request and its reply do not overlap', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    expect(curveControl(a, b, 0.2).y).toBeCloseTo(-curveControl(b, a, 0.2).y);
  });

  it('puts t=0 and t=1 of a curve on its ends', () => {
    const a = { x: 3, y: 4 };
    const b = { x: 50, y: -7 };
    const c = curveControl(a, b, 0.3);
    expect(pointOnCurve(a, c, b, 0)).toEqual(a);
    expect(pointOnCurve(a, c, b, 1).x).toBeCloseTo(b.x);
  });

  it('finds where a line from the centre leaves a box, on the box edge', () => {
    fc.assert(fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (dx, dy) => {
      fc.pre(Math.abs(dx) > 60 || Math.abs(dy) > 40);
      const p = boxExit({ x: 0, y: 0 }, 60, 40, { x: dx, y: dy });
      const onEdge = Math.abs(Math.abs(p.x) - 60) < 1e-6 || Math.abs(Math.abs(p.y) - 40) < 1e-6;
      return onEdge && Math.abs(p.x) <= 60 + 1e-6 && Math.abs(p.y) <= 40 + 1e-6;
    }));
  });
});

describe('flight positions come from send time, arrival time and now', () => {
  it('is at the sender when sent and at the receiver on arrival', () => {
    expect(flightProgress({ sentAt: 100, arrivesAt: 110 }, 100)).toBe(0);
    expect(flightProgress({ sentAt: 100, arrivesAt: 110 }, 105)).toBe(0.5);
    expect(flightProgress({ sentAt: 100, arrivesAt: 110 }, 110)).toBe(1);
  });

  it('never leaves the path and only moves forward as time goes on', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: -100, max: 10_700 }), fc.integer({ min: 0, max: 300 }), (sent, span, now, later) => {
        const f = { sentAt: sent, arrivesAt: sent + span };
        const p = flightProgress(f, now);
        return p >= 0 && p <= 1 && flightProgress(f, now + later) >= p;
      }));
  });

  it('with reduced motion shows a message still, near its destination, without hiding it', () => {
    const f = { sentAt: 0, arrivesAt: 100 };
    expect(flightProgress(f, 0, true)).toBe(REDUCED_MOTION_SPOT);
    expect(flightProgress(f, 99, true)).toBe(REDUCED_MOTION_SPOT);
    expect(REDUCED_MOTION_SPOT).toBeGreaterThan(0.5);
    expect(REDUCED_MOTION_SPOT).toBeLessThan(1);
  });
});

describe('town layout', () => {
  it('keeps buildings inside the stage and clear of the bulletin board', () => {
    fc.assert(fc.property(fc.integer({ min: 480, max: 2400 }), fc.integer({ min: 360, max: 1400 }), fc.integer({ min: 1, max: 12 }),
      (width, height, n) => {
        const ids = Array.from({ length: n }, (_, i) => `s${i}`);
        const l = townLayout({ width, height }, ids);
        return ids.every((id) => {
          const p = l.at[id]!;
          const inside = p.x >= l.s * 0.4 && p.x <= width - l.s * 0.4 && p.y >= l.s * 0.4 && p.y <= height - l.s * 0.3;
          const b = l.board;
          const clear = p.x + l.s * 0.45 < b.x || p.x - l.s * 0.45 > b.x + b.w || p.y + l.s * 0.4 < b.y || p.y - l.s * 0.5 > b.y + b.h;
          return inside && clear;
        });
      }));
  });
});

describe('phone lines between buildings swing around the square', () => {
  it('leaves a line that misses the square straight, and bends one through the square out to the clearance', () => {
    const centre = { x: 0, y: 0 };
    const far = aroundSquare({ x: -100, y: 200 }, { x: 100, y: 200 }, centre, 80);
    expect(far).toEqual({ x: 0, y: 200 });
    fc.assert(fc.property(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -79, max: 79 }), (x, off) => {
      const a = { x: x - 150, y: off - 150 };
      const b = { x: x + 150, y: off + 150 };
      const c = aroundSquare(a, b, centre, 80);
      const mid = pointOnCurve(a, c, b, 0.5);
      return Math.hypot(mid.x, mid.y) >= 80 - 1e-6 || Math.hypot((a.x + b.x) / 2, (a.y + b.y) / 2) >= 80;
    }));
  });
});
