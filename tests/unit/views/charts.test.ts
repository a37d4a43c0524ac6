// The kit's live charts (src/views/kit/charts-*.ts): what a learner reads off them at a projector's size —
// time ticks that never collide, a "now" line and the current values that follow time travel, the breaker's
// states over time in words as well as colour, bars named and valued — and the numbers a screen reader gets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWidth } from '../../../src/views/shared/measure.ts';
import { CHART_MIN_FONT, liveWindow, secondsLabel, timeTicks, valueLabel } from '../../../src/views/kit/charts-axis.ts';
import { timeSeriesLayout, valueAt, type TimeSeriesSpec } from '../../../src/views/kit/charts-series.ts';
import { stateAt, stateStripLayout, type StateStripSpec } from '../../../src/views/kit/charts-strip.ts';
import { barChartLayout, type BarChartSpec } from '../../../src/views/kit/charts-bars.ts';

const load = (now: number): TimeSeriesSpec => ({
  title: 'Load vs goodput', unit: 'req/s', from: 0, to: 60_000, now,
  series: [
    { name: 'offered', colour: '#E69F00', points: Array.from({ length: 61 }, (_, s) => [s * 1000, s < 20 ? 700 : 1400] as const) },
    { name: 'goodput', colour: '#0072B2', dash: '6 3', points: Array.from({ length: 61 }, (_, s) => [s * 1000, s < 20 ? 700 : 40] as const) },
  ],
  reference: { value: 1000, label: 'capacity' },
});

describe('time axis', () => {
  it('writes simulated time in seconds, with decimals only for short spans', () => {
    expect(secondsLabel(12_000, 60_000)).toBe('12 s');
    expect(secondsLabel(1500, 10_000)).toBe('1.5 s');
    expect(secondsLabel(250, 2000)).toBe('0.25 s');
  });

  it('never lets two tick labels touch, whatever the range and width', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 500, max: 600_000 }), fc.integer({ min: 60, max: 1600 }), fc.integer({ min: 11, max: 22 }),
      (from, span, width, fs) => {
        const ticks = timeTicks(from, from + span, width, fs, estimateWidth);
        const xs = ticks.map((t) => ((t.at - from) / span) * width);
        for (let i = 1; i < ticks.length; i++) {
          const room = xs[i]! - xs[i - 1]!;
          const need = (estimateWidth(ticks[i]!.label, fs) + estimateWidth(ticks[i - 1]!.label, fs)) / 2;
          expect(room).toBeGreaterThan(need);
        }
        for (const t of ticks) expect(t.at).toBeGreaterThanOrEqual(from - 1e-6);
      },
    ));
  });

  it('shows the first window while the run is young, then the last window (the past scrolls left)', () => {
    expect(liveWindow(12_000, 60_000)).toEqual({ from: 0, to: 60_000 });
    expect(liveWindow(90_000, 60_000)).toEqual({ from: 30_000, to: 90_000 });
  });

  it('writes values short enough for an axis', () => {
    expect(valueLabel(0)).toBe('0');
    expect(valueLabel(1.234)).toBe('1.2');
    expect(valueLabel(740.4)).toBe('740');
    expect(valueLabel(125_000)).toBe('125k');
  });
});

describe('time-series chart', () => {
  it('labels each series with its value at now, and moves the now line and the dots when time travels', () => {
    const late = timeSeriesLayout(load(30_000), { width: 420, height: 200 });
    expect(late.legend.map((e) => e.text)).toEqual(['offered 1400', 'goodput 40']);
    const early = timeSeriesLayout(load(10_000), { width: 420, height: 200 });
    expect(early.legend.map((e) => e.text)).toEqual(['offered 700', 'goodput 700']);
    expect(early.nowX).toBeCloseTo(early.plot.x + early.plot.w / 6);
    expect(late.nowX!).toBeGreaterThan(early.nowX!);
    expect(early.lines[0]!.dot!.x).toBeCloseTo(early.nowX!);
    // The line stops at now: nothing after the moment the run is at is drawn.
    const lastX = Math.max(...[...early.lines[0]!.d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1])));
    expect(lastX).toBeCloseTo(early.nowX!);
  });

  it('keeps the capacity line in view and above the lower series, and says the numbers in words', () => {
    const l = timeSeriesLayout(load(30_000), { width: 420, height: 200 });
    expect(l.reference!.y).toBeGreaterThanOrEqual(l.plot.y);
    expect(l.lines[1]!.dot!.y).toBeGreaterThan(l.reference!.y);
    expect(l.desc).toBe('At 30 s: offered 1400 req/s (highest so far 1400), goodput 40 req/s (highest so far 700); capacity 1000 req/s.');
    expect(l.label).toBe('Load vs goodput (req/s) over time');
  });

  it('never writes under 11 px, and its legend and axes stay inside the chart at any size', () => {
    fc.assert(fc.property(fc.integer({ min: 120, max: 900 }), fc.integer({ min: 100, max: 500 }), fc.integer({ min: 6, max: 20 }), (w, h, fs) => {
      const l = timeSeriesLayout(load(30_000), { width: w, height: h }, fs);
      expect(l.fontSize).toBeGreaterThanOrEqual(CHART_MIN_FONT);
      for (const e of l.legend) expect(e.x + 22 + estimateWidth(e.text, l.fontSize)).toBeLessThanOrEqual(w + 0.5);
      for (const t of l.yTicks) expect(t.y).toBeGreaterThanOrEqual(l.plot.y - 0.5);
      // The unit sits above the top tick's label (centred on its tick), not on it.
      const topLabel = Math.min(...l.yTicks.map((t) => t.y)) - l.fontSize * 0.65;
      expect(l.unit.y).toBeLessThanOrEqual(topLabel);
      expect(l.plot.x + l.plot.w).toBeLessThanOrEqual(w);
      expect(l.plot.y + l.plot.h + l.fontSize + 4).toBeLessThanOrEqual(Math.max(90, h) + 0.5);
    }));
  });

  it('carries a value until the next sample (a step series), and has none before the first', () => {
    const pts = [[1000, 5], [3000, 9]] as const;
    expect(valueAt(pts, 500)).toBeNull();
    expect(valueAt(pts, 2999)).toBe(5);
    expect(valueAt(pts, 3000)).toBe(9);
  });
});

const STATES = [
  { key: 'CLOSED', label: 'closed', colour: '#009E73', pattern: 'solid' as const },
  { key: 'OPEN', label: 'open', colour: '#D55E00', pattern: 'hatch' as const },
  { key: 'HALF_OPEN', label: 'half-open', colour: '#F0E442', pattern: 'dots' as const },
];
const breaker = (now: number): StateStripSpec => ({
  title: 'breaker', states: STATES, from: 0, to: 60_000, now,
  changes: [{ at: 0, state: 'CLOSED' }, { at: 12_000, state: 'OPEN' }, { at: 22_000, state: 'HALF_OPEN' }, { at: 22_400, state: 'CLOSED' }],
});

describe('state strip', () => {
  it('draws the states up to now, back to back, and names the state at now', () => {
    const l = stateStripLayout(breaker(30_000), { width: 480, height: 0 });
    expect(l.spans.map((s) => s.state.key)).toEqual(['CLOSED', 'OPEN', 'HALF_OPEN', 'CLOSED']);
    for (let i = 1; i < l.spans.length; i++) expect(l.spans[i]!.x).toBeCloseTo(l.spans[i - 1]!.x + l.spans[i - 1]!.w);
    expect(l.heading.text).toBe('breaker: closed');
    expect(l.spans[l.spans.length - 1]!.to).toBe(30_000);
    // Travelling back to 15 s: the breaker is open, and nothing after 15 s is drawn.
    const back = stateStripLayout(breaker(15_000), { width: 480, height: 0 });
    expect(back.heading.text).toBe('breaker: open');
    expect(back.spans.map((s) => s.state.key)).toEqual(['CLOSED', 'OPEN']);
    expect(back.nowX).toBeCloseTo(back.band.x + back.band.w / 4);
  });

  it('writes a state in its span only where it fits, and every state in the legend', () => {
    const l = stateStripLayout(breaker(30_000), { width: 480, height: 0 });
    expect(l.spans.map((s) => s.text)).toEqual(['closed', 'open', '', 'closed']);
    expect(l.legend.map((e) => e.text)).toEqual(['closed', 'open', 'half-open']);
    for (const s of l.spans) if (s.text) expect(estimateWidth(s.text, l.fontSize) + 6).toBeLessThanOrEqual(s.w);
    expect(l.desc).toBe('Now closed. closed from 0 s, open from 12 s, half-open from 22 s, closed from 22 s.');
  });

  it('wraps its legend on a narrow chart rather than running off it', () => {
    const l = stateStripLayout(breaker(30_000), { width: 150, height: 0 });
    for (const e of l.legend) expect(e.x + 18 + estimateWidth(e.text, l.fontSize)).toBeLessThanOrEqual(150);
    expect(new Set(l.legend.map((e) => e.y)).size).toBeGreaterThan(1);
    expect(stateAt(breaker(0).changes, 12_500)).toBe('OPEN');
  });
});

const nodes = (n: number, name = (i: number) => `n${i + 1}`): BarChartSpec => ({
  title: 'Keys per node', unit: 'keys', reference: { value: 100, label: 'mean' },
  bars: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, label: name(i), value: 60 + ((i * 37) % 90), colour: '#56B4E9' })),
});

describe('bar chart', () => {
  it('stands bars upright with their names and values when the names fit', () => {
    const l = barChartLayout(nodes(5), { width: 400, height: 200 });
    expect(l.upright).toBe(true);
    expect(l.bars.map((b) => b.label.text)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(l.bars.map((b) => b.value.text)).toEqual(['60', '97', '134', '81', '118']);
    // Taller bars for bigger values, all on one baseline.
    expect(l.bars[2]!.h).toBeGreaterThan(l.bars[0]!.h);
    expect(new Set(l.bars.map((b) => Math.round(b.y + b.h))).size).toBe(1);
    expect(l.desc).toBe('n1 60 keys, n2 97 keys, n3 134 keys, n4 81 keys, n5 118 keys; mean 100.');
  });

  it('turns to one row per bar when long names would not fit under upright bars', () => {
    const l = barChartLayout(nodes(6, (i) => `cache-server-${i + 1}`), { width: 360, height: 220 });
    expect(l.upright).toBe(false);
    expect(l.bars.every((b) => b.label.text.startsWith('cache-server'))).toBe(true);
    for (const b of l.bars) expect(b.value.x + estimateWidth(b.value.text, l.fontSize)).toBeLessThanOrEqual(360 + 0.5);
    for (let i = 1; i < l.bars.length; i++) expect(l.bars[i]!.y).toBeGreaterThanOrEqual(l.bars[i - 1]!.y + l.bars[i - 1]!.h);
  });

  it('never writes a bar name wider than its slot, nor under 11 px', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 120, max: 900 }), fc.integer({ min: 80, max: 400 }), (n, w, h) => {
      const l = barChartLayout(nodes(n, (i) => `node-${i + 1}`), { width: w, height: h }, 9);
      expect(l.fontSize).toBeGreaterThanOrEqual(11);
      if (l.upright) {
        const slot = l.plot.w / n;
        for (const b of l.bars) expect(estimateWidth(b.label.text, l.fontSize)).toBeLessThanOrEqual(slot);
      }
    }));
  });
});
