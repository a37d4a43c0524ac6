// The election timer drawn as a draining arc (technical view) and a pie (the town's patience clock).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pieWedge, timerDash, timerFraction, timerLeft } from '../../../src/views/raft/timer.ts';

describe('election timer arc', () => {
  it('is full when armed, half way through at the middle, empty at and after the deadline', () => {
    expect(timerFraction(100, 300, 100)).toBe(1);
    expect(timerFraction(100, 300, 200)).toBe(0.5);
    expect(timerFraction(100, 300, 300)).toBe(0);
    expect(timerFraction(100, 300, 450)).toBe(0);
    // Seeking back before the timer was armed shows it full, not more than full.
    expect(timerFraction(100, 300, 50)).toBe(1);
  });

  it('is empty with no timer running (leaders, crashed servers) or a zero-length one', () => {
    expect(timerFraction(null, null, 10)).toBe(0);
    expect(timerFraction(100, null, 10)).toBe(0);
    expect(timerFraction(100, 100, 100)).toBe(0);
  });

  it('only ever drains as time goes on', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -100, max: 12_000 }),
      fc.integer({ min: 0, max: 500 }), (start, span, now, later) => {
        const a = timerFraction(start, start + span, now);
        const b = timerFraction(start, start + span, now + later);
        return a >= 0 && a <= 1 && b <= a;
      }));
  });

  it('draws the fraction left as a dash on a circle of length 1', () => {
    expect(timerDash(1)).toBe('1.0000 0.0001');
    expect(timerDash(0.25)).toBe('0.2500 0.7501');
    expect(timerDash(0)).toBe('0.0000 1.0001');
    expect(timerDash(3)).toBe('1.0000 0.0001');
  });

  it('says how long is left, never negative', () => {
    expect(timerLeft(300, 120)).toBe(180);
    expect(timerLeft(300, 320)).toBe(0);
    expect(timerLeft(null, 5)).toBeNull();
  });
});

describe("the town's patience clock", () => {
  it('is nothing at zero, a full circle at one, and uses the large arc past half', () => {
    expect(pieWedge(10, 0)).toBe('');
    expect(pieWedge(10, 1)).toBe('M0,-10A10,10 0 1,1 0,10A10,10 0 1,1 0,-10Z');
    expect(pieWedge(10, 0.25)).toBe('M0,0L0,-10A10,10 0 0,1 10,0Z');
    expect(pieWedge(10, 0.75)).toBe('M0,0L0,-10A10,10 0 1,1 -10,0Z');
  });
});
