import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from '../../../src/script/runner.ts';
import { buildModel, createModelIndex } from '../../../src/views/spacetime/model.ts';
import { drawnArrows } from '../../../src/views/spacetime/visible.ts';
import { applyGesture, followWindow, formatTick, needsShift, zoomAround } from '../../../src/views/spacetime/axis.ts';

const town = [
  'service name=bakery work=20ms', 'service name=school work=30ms', 'service name=deli work=40ms',
  'subscribe service=school topic=Flour', 'subscribe service=deli topic=Flour',
];

function session(lines: string[]) {
  const s = createSession(7);
  for (const l of lines) {
    const r = s.exec(l);
    if (r.error) throw new Error(`${l}: ${r.error}`);
  }
  return s;
}

describe('space-time model: one arrow per message, from its send to its delivery or drop', () => {
  it('pairs every send with its delivery', () => {
    const s = session([...town, 'publish from=bakery topic=Flour', 'run for=1s']);
    const m = buildModel(s.sim.trace());
    const sends = s.sim.trace().filter((e) => e.kind === 'send').length;
    expect(m.arrows).toHaveLength(sends);
    expect(m.arrows.every((a) => a.status === 'delivered' && a.endAt! >= a.sentAt)).toBe(true);
    expect(m.arrows.map((a) => a.type)).toEqual(['Publish', 'Pinned', 'Notice', 'Notice']);
    // Notices carry their notice id, so hovering a notice highlights the arrows that carried it.
    expect(new Set(m.arrows.map((a) => a.notice))).toEqual(new Set([m.arrows[0]!.notice]));
  });

  it('ends a lost message in a drop with its reason, and marks the crash and the time the node was down', () => {
    const s = session([...town, 'crash node=deli', 'publish from=bakery topic=Flour', 'run for=500ms', 'restart node=deli', 'run for=100ms']);
    const m = buildModel(s.sim.trace());
    const lost = m.arrows.filter((a) => a.status === 'dropped');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ to: 'deli', type: 'Notice', reason: 'deli down' });
    const down = m.intervals.filter((iv) => iv.node === 'deli');
    expect(down).toEqual([{ node: 'deli', kind: 'down', from: 0, to: 500 }]);
    expect(m.marks.filter((k) => k.kind === 'crash' || k.kind === 'restart').map((k) => k.kind)).toEqual(['crash', 'restart']);
  });

  it('draws a partition as a band from the cut until the heal, and its drops say "partition"', () => {
    const s = session([...town, 'run for=50ms', 'partition a=deli b=board', 'publish from=bakery topic=Flour', 'run for=200ms', 'heal', 'run for=50ms']);
    const m = buildModel(s.sim.trace());
    expect(m.bands).toHaveLength(1);
    expect(m.bands[0]).toMatchObject({ from: 50, to: 250 });
    expect(m.bands[0]!.nodes).toEqual(['deli', 'board']);
    expect(m.arrows.find((a) => a.status === 'dropped')?.reason).toBe('partition');
  });

  it('keeps an open interval while a node stays paused', () => {
    const s = session([...town, 'pause node=school', 'publish from=bakery topic=Flour', 'run for=100ms']);
    const m = buildModel(s.sim.trace());
    expect(m.intervals).toEqual([{ node: 'school', kind: 'paused', from: 0, to: null }]);
    expect(m.arrows.some((a) => a.to === 'school' && a.status === 'flying')).toBe(true);
  });

  it('builds the same model step by step as all at once, and starts over after a seek back or a fork', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 25 }), (moves) => {
      const s = session([...town, 'publish from=bakery topic=Flour', 'call from=school to=deli']);
      const idx = createModelIndex();
      for (const mv of moves) {
        if (mv === 0) s.sim.step();
        else if (mv === 1) s.sim.runFor(15);
        else if (mv === 2) s.sim.seek(Math.max(0, s.sim.now - 25));
        else s.exec('publish from=deli topic=Flour');
        const inc = idx.update(s.sim.trace());
        const full = buildModel(s.sim.trace());
        expect(inc.arrows).toEqual(full.arrows);
        expect(inc.intervals).toEqual(full.intervals);
        expect(inc.marks).toEqual(full.marks);
      }
    }), { numRuns: 40 });
  });
});

describe('what the diagram draws in its window', () => {
  it('leaves out arrows outside the window and lets in-flight arrows grow towards their arrival', () => {
    const s = session([...town, 'publish from=bakery topic=Flour', 'run for=5ms']);
    const m = buildModel(s.sim.trace());
    const arrivals = new Map(s.sim.inFlight().map((f) => [f.msgId, f.arrivesAt]));
    const lanes = { bakery: 10, school: 20, deli: 30, board: 40 };
    const drawn = drawnArrows(m, { t0: 0, t1: 100 }, s.sim.now, arrivals, lanes);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ live: true, t0: 0, t1: 10, y0: 10, y1: 40 });
    expect(drawnArrows(m, { t0: 50, t1: 100 }, s.sim.now, arrivals, lanes)).toHaveLength(0);
  });
});

describe('the time window', () => {
  it('follows now: now is always in view, and the window only moves in steps', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 40 }), (now, dt) => {
      const w = followWindow(now, 2000);
      if (now < w.t0 || now > w.t1 || needsShift(w, now)) return false;
      // A little later the same window is usually still fine: no re-draw every frame.
      return dt > 2000 * 0.3 || !needsShift(w, now + dt) || now + dt > w.t1 - 80;
    }));
  });

  it('keeps the time under the pointer where it was when zooming', () => {
    const w = { t0: 0, t1: 1000 };
    // Zoom x2 around pixel 300 on a range 100..1100: time at 300 was 200ms.
    const z = applyGesture(w, 100, 1100, 2, -300);
    const timeAt300 = z.t0 + ((300 - 100) / 1000) * (z.t1 - z.t0);
    expect(timeAt300).toBeCloseTo(200);
    expect(z.t1 - z.t0).toBeCloseTo(500);
    expect(applyGesture(w, 100, 1100, 1, 0)).toEqual(w);
    const zi = zoomAround(w, 500, 2);
    expect(zi).toEqual({ t0: 250, t1: 750 });
  });

  it('labels ticks in ms for short windows and in seconds for long ones', () => {
    expect(formatTick(250, 50)).toBe('250ms');
    expect(formatTick(12_000, 2000)).toBe('12s');
    expect(formatTick(1500, 500)).toBe('1500ms');
    expect(formatTick(12_500, 500)).toBe('12.5s');
  });
});
