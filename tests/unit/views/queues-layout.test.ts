// The queue drawings' geometry: sections share the pane's height by what they need, boxes and chips
// shrink or count what does not fit ("+N"), long logs show a window that keeps the readers in view, and
// nothing drawn overlaps or leaves its section (property).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chipCapacity, chipRow, chooseFont, fitSegments, inlineRowH, inside, metrics, overlaps, stackBoxes, stackSections, type Rect,
} from '../../../src/views/queues/layout.ts';
import { countLineH, holderRows, layoutSqs } from '../../../src/views/queues/layout-sqs.ts';
import { layoutGraph } from '../../../src/views/queues/layout-graph.ts';
import { logWindow } from '../../../src/views/queues/layout-stream.ts';
import type { SqsModel } from '../../../src/views/queues/model-sqs.ts';

const size = { width: 620, height: 400 };

describe('sections share the pane', () => {
  it('each gets what it would like when all fit, the spare shared out', () => {
    const rs = stackSections(size, [{ pref: 100, min: 50 }, { pref: 150, min: 60 }], 6);
    expect(rs.map((r) => Math.round(r.h))).toEqual([100 + 66, 150 + 66]); // (400 - 3 pads - 250) / 2
    expect(rs[1]!.y).toBeCloseTo(rs[0]!.y + rs[0]!.h + 6);
  });

  it('short of room, each keeps its minimum and the rest goes to whoever wants more', () => {
    const rs = stackSections(size, [{ pref: 300, min: 100 }, { pref: 120, min: 100 }], 6);
    const free = 400 - 18;
    expect(rs[0]!.h + rs[1]!.h).toBeCloseTo(free);
    expect(rs[0]!.h).toBeGreaterThan(100);
    expect(rs[1]!.h).toBeGreaterThanOrEqual(100);
    expect(rs[0]!.h - 100).toBeGreaterThan(rs[1]!.h - 100);
  });

  it('short even of the minimums, they shrink in proportion and still fill the pane exactly', () => {
    const rs = stackSections({ width: 620, height: 200 }, [{ pref: 300, min: 150 }, { pref: 300, min: 150 }], 6);
    expect(rs[0]!.h).toBeCloseTo(rs[1]!.h);
    expect(rs[1]!.y + rs[1]!.h + 6).toBeCloseTo(200);
  });

  it('a small scene gets a big font, a crowded one the smallest', () => {
    expect(chooseFont({ width: 900, height: 600 }, 1, () => [{ pref: 120, min: 80 }])).toBe(17);
    // Never below 13: small print is drawn two sizes down, and nothing on a stage may be under 11 px (#12).
    expect(chooseFont({ width: 620, height: 400 }, 3, () => [{ pref: 500, min: 200 }])).toBe(13);
    expect(metrics(13).small).toBe(11);
    // Narrow panes cap the font whatever the height.
    expect(chooseFont({ width: 520, height: 900 }, 1, () => [{ pref: 10, min: 10 }])).toBe(15);
    // A projector gets larger letters when there is room (up to 20); crowded, down to 11 px,
    // since presenter mode's zoom (2x or more) draws 11 px at 22 px or more.
    expect(chooseFont({ width: 900, height: 900 }, 1, () => [{ pref: 100, min: 80 }], 6, true)).toBe(20);
    expect(chooseFont({ width: 620, height: 400 }, 3, () => [{ pref: 500, min: 200 }], 6, true)).toBe(11);
  });
});

describe('boxes and chips that do not fit', () => {
  it('boxes shrink down to one line before any is hidden, then the last slot counts the rest', () => {
    const r: Rect = { x: 0, y: 0, w: 100, h: 100 };
    expect(stackBoxes(r, 2, 40, 4).boxes.map((b) => b.h)).toEqual([40, 40]);
    const squeezed = stackBoxes(r, 4, 40, 4, 20);
    expect(squeezed.hidden).toBe(0);
    expect(squeezed.boxes.every((b) => b.h >= 20 && b.h < 40)).toBe(true);
    const crowded = stackBoxes(r, 9, 40, 4, 20);
    expect(crowded.boxes).toHaveLength(3);
    expect(crowded.hidden).toBe(6);
    expect(crowded.more).not.toBeNull();
  });

  it('chips: all when they fit; else one slot less and a "+N" chip', () => {
    expect(chipCapacity(100, 20, 5, 4)).toEqual({ shown: 4, more: 0 });
    expect(chipCapacity(100, 20, 5, 30)).toEqual({ shown: 3, more: 27 });
    const m = metrics(13);
    const row = chipRow({ x: 0, y: 0, w: 400, h: 60 }, m, 40, 2);
    expect(row.chips.length + row.hidden).toBe(40);
    expect(row.more).not.toBeNull();
    const lines = new Set(row.chips.map((c) => c.y));
    expect(lines.size).toBe(2);
  });

  it('a row heading says as many of its facts as fit, most important first', () => {
    expect(fitSegments(['3 visible', '2 in flight', 'visibility 30s'], 300, 12)).toBe('3 visible · 2 in flight · visibility 30s');
    expect(fitSegments(['3 visible', '2 in flight', 'visibility 30s'], 170, 12)).toBe('3 visible · 2 in flight');
    expect(fitSegments(['', 'a'], 100, 12)).toBe('a');
  });

  it('rows of many chips get more lines while there is room, and fall back to one line each when short', () => {
    const m = metrics(13);
    const many = holderRows({ x: 0, y: 0, w: 400, h: 300 }, m, [{ q: 'a', chips: Array.from({ length: 30 }, (_, k) => k), indent: 0 }]);
    expect(many.rows[0]!.r.h).toBeGreaterThan(m.rowH);
    const tight = holderRows({ x: 0, y: 0, w: 400, h: 90 }, m, ['a', 'b', 'c'].map((q) => ({ q, chips: [1, 2], indent: 0 })));
    expect(tight.rows.every((r) => r.inline)).toBe(true);
    expect(tight.rows.length + tight.hidden).toBe(3);
  });
});

describe('rows that do not fit are counted, never dropped silently', () => {
  const m = metrics(13);
  const queues = (n: number) => Array.from({ length: n }, (_, k) => ({ name: `q${k}`, chips: [1, 2, 3] }));

  it('a squeezed RabbitMQ section keeps a line under its rows for "+N more queues"', () => {
    const body: Rect = { x: 0, y: 0, w: 600, h: m.title + 3 * (inlineRowH(m) + 3) };
    const g = layoutGraph(body, m, {
      sources: ['jobs'], sourceName: (x) => x, producers: [],
      rows: queues(6).map((q) => ({ q, chips: q.chips })), rowName: (q) => q.name,
      clients: [], clientName: (c: string) => c, edges: queues(6).map((q) => ({ from: 'jobs', to: q.name, label: q.name })),
    });
    expect(g.hiddenRows).toBeGreaterThan(0);
    expect(g.rows.length + g.hiddenRows).toBe(6);
    const count = g.countRow!;
    expect(count).not.toBeNull();
    expect(count.h).toBe(countLineH(m));
    expect(inside(count, body)).toBe(true);
    for (const row of g.rows) expect(overlaps(row.r, count)).toBe(false);
  });

  it('no count line when every row is shown', () => {
    const g = holderRows({ x: 0, y: 0, w: 600, h: 400 }, m, queues(2).map((q) => ({ q, chips: q.chips, indent: 0 })));
    expect(g.hidden).toBe(0);
    expect(g.count).toBeNull();
  });

  it('the count line sits inside the rows\' area and under the last shown row, at any height (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 60, max: 400 }), fc.integer({ min: 13, max: 20 }), (n, h, fs) => {
      const mm = metrics(fs);
      const area: Rect = { x: 10, y: 20, w: 500, h };
      const g = holderRows(area, mm, queues(n).map((q) => ({ q, chips: q.chips, indent: 0 })));
      expect(g.count === null).toBe(g.hidden === 0);
      if (!g.count) return;
      expect(inside(g.count, area)).toBe(true);
      // Where one row and the count line fit, they do not overlap.
      if (h >= inlineRowH(mm) + countLineH(mm) + 1) for (const row of g.rows) expect(overlaps(row.r, g.count)).toBe(false);
    }), { numRuns: 80 });
  });
});

describe('a long log shows a window', () => {
  it('all of it when it fits', () => {
    expect(logWindow(0, 5, [0], 8)).toEqual({ lo: 0, hi: 5, before: 0, after: 0 });
  });
  it('the end when every reader is near it', () => {
    expect(logWindow(0, 30, [28, 30], 8)).toEqual({ lo: 23, hi: 30, before: 23, after: 0 });
  });
  it('from the furthest-behind reader otherwise, counting what is cut off on both sides', () => {
    const w = logWindow(0, 30, [4, 30], 8);
    expect(w).toEqual({ lo: 4, hi: 10, before: 4, after: 20 });
    expect((w.before ? 1 : 0) + (w.hi - w.lo) + (w.after ? 1 : 0)).toBe(8);
  });
  it('starting at the log start needs no marker on the left', () => {
    expect(logWindow(0, 30, [0, 30], 8)).toEqual({ lo: 0, hi: 7, before: 0, after: 23 });
  });
});

const chip = (id: number) => ({ id, body: `m${id}`, status: 'visible' as const, receiveCount: 0, until: null, span: 0, holder: null, group: null, route: ['q'] });

describe('the SQS section never overlaps itself (property)', () => {
  it('queue rows, chips and consumer boxes stay inside the section and apart, whatever the counts and size', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 300, max: 1400 }), fc.integer({ min: 90, max: 700 }), fc.integer({ min: 11, max: 17 }),
      (queues, msgs, consumers, w, h, fs) => {
        const model: SqsModel = {
          serviceUp: true, producers: [],
          queues: Array.from({ length: queues }, (_, k) => ({
            name: `q${k}`, fifo: false, visibilityMs: 1000, dlq: null, maxReceives: 3, sources: k === queues - 1 && k > 0 ? ['q0'] : [],
            msgs: Array.from({ length: msgs }, (_, i) => chip(k * 100 + i)), counts: { visible: msgs, inflight: 0, delayed: 0 },
            stats: { sent: msgs, deleted: 0, deadLettered: 0, expired: 0 },
          })),
          consumers: Array.from({ length: consumers }, (_, k) => ({
            id: `w${k}`, queue: 'q0', phase: 'idle' as const, up: true, paused: false, stopped: false, holding: [], processed: 0, failed: 0, longPoll: true,
          })),
        };
        const body: Rect = { x: 6, y: 30, w, h };
        const g = layoutSqs(model, body, metrics(fs, 4));
        const chips = g.rows.flatMap((r) => [...r.chips.map((c) => c.r), ...(r.more ? [r.more] : [])]);
        for (const r of [...g.rows.map((x) => x.r), ...chips, ...g.consumers.map((c) => c.r)]) expect(inside(r, { ...body, h: body.h + 1 })).toBe(true);
        for (let i = 0; i < chips.length; i++) for (let j = i + 1; j < chips.length; j++) expect(overlaps(chips[i]!, chips[j]!)).toBe(false);
        for (let i = 0; i < g.rows.length; i++) for (let j = i + 1; j < g.rows.length; j++) expect(overlaps(g.rows[i]!.r, g.rows[j]!.r)).toBe(false);
        const boxes = g.consumers.map((c) => c.r);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
        for (const b of boxes) for (const c of chips) expect(overlaps(b, c)).toBe(false);
        // Nothing silently missing: shown + counted = all.
        for (const r of g.rows) expect(r.chips.length + r.hidden).toBe(msgs);
        expect(g.rows.length + g.hiddenRows).toBe(queues);
        if (g.countRow) for (const c of chips) expect(overlaps(g.countRow, c)).toBe(false);
        expect(g.consumers.length + (g.moreConsumers?.n ?? 0)).toBe(consumers);
      }), { numRuns: 60 });
  }, 60_000); // a ceiling for a busy machine; about 2s when idle
});
