// The Kafka pictures' layouts at the sizes the lab is used at: nothing overlaps and everything fits, with
// 12 partitions on 5 brokers read by 3 groups (the "without clutter" case) and with small runs.
import { describe, expect, it } from 'vitest';
import { techLayout, offsetX, visibleWindow, type Rect } from '../../../src/views/kafka/layout-tech.ts';
import { modeShowsKeys } from '../../../src/views/kafka/layout-lane.ts';
import { townLayout } from '../../../src/views/kafka/layout-town.ts';
import { bandChips } from '../../../src/views/kafka/TechBand.tsx';
import { BIG, runLab } from './kafka-scenes.ts';

// Both mode at 1280x800 (about 620x400 a pane, less with the lesson text open), one view at 1280x800,
// a projector at 1920x1080 in presenter mode.
const SIZES = [
  { width: 450, height: 340 }, { width: 620, height: 400 }, { width: 1230, height: 360 },
  { width: 1230, height: 700 }, { width: 900, height: 560 }, { width: 1860, height: 900 },
];

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
const inside = (a: Rect, w: number, h: number) => a.x >= -0.01 && a.y >= -0.01 && a.x + a.w <= w + 0.01 && a.y + a.h <= h + 0.01;
function noOverlaps(rects: readonly Rect[], what: string) {
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
    expect(overlap(rects[i]!, rects[j]!), `${what}: ${JSON.stringify(rects[i])} overlaps ${JSON.stringify(rects[j])}`).toBe(false);
  }
}

const BIG_COUNTS = { topics: [{ name: 'orders', partitions: 12 }], brokers: 5, groups: 3, longestTp: 9 };

describe('technical layout', () => {
  for (const size of SIZES) {
    it(`12 partitions x 5 brokers x 3 groups at ${size.width}x${size.height}: columns, lanes and band apart and inside`, () => {
      const l = techLayout(size, { ...BIG_COUNTS, chips: ['shop acks=all idem', 'web acks=1', 'controller'] });
      expect(l.fs).toBeGreaterThanOrEqual(11);
      // Columns side by side, left to right, inside the width.
      const colRects: Rect[] = [
        { x: l.label.x, y: 0, w: l.label.w, h: 1 },
        { x: l.brokers.x, y: 0, w: 5 * l.brokers.cell, h: 1 },
        { x: l.log.x, y: 0, w: l.log.w, h: 1 },
        ...l.lag.x.map((x) => ({ x, y: 0, w: l.lag.w, h: 1 })),
      ];
      noOverlaps(colRects, 'columns');
      for (const r of colRects) expect(inside(r, l.width, l.height)).toBe(true);
      // Five records per lane; four in the smallest pane, where every word is at least 11 px (issue #12)
      // and twelve lanes, five copies and three lag columns leave the log 130 px.
      expect(l.log.slots).toBeGreaterThanOrEqual(size.width < 500 ? 4 : 5);
      // Rows one under another, readable, between the header and the band.
      const rows = l.rows.map((r) => ({ x: 0, y: r.y, w: l.width, h: r.h }));
      noOverlaps([...rows, { x: 0, y: l.header.y, w: l.width, h: l.header.h }, { ...l.colHead }, ...l.groupRows], 'rows');
      for (const r of l.rows) expect(r.h).toBeGreaterThanOrEqual(l.fs + 5);
      expect(l.band.y).toBeGreaterThanOrEqual(l.rows[l.rows.length - 1]!.y + l.rows[l.rows.length - 1]!.h);
      // The header's chips apart, inside.
      noOverlaps(l.chips, 'chips');
      for (const c of l.chips) expect(inside(c, l.width, l.height)).toBe(true);
      // Scrolling only when 12 lanes cannot fit at one text line each (at 12 px, so that no word is under
      // 11 px, they need 344 px: the 340 px pane scrolls by 4).
      if (size.height >= 344) expect(l.height).toBe(Math.max(220, size.height));
    });
  }

  it('the groups band fits its member chips in the row at 620 wide for the 12x5x3 run', () => {
    const lab = runLab(BIG);
    const pic = lab.picture();
    const l = techLayout({ width: 620, height: 400 }, { ...BIG_COUNTS, chips: ['shop', 'web', 'controller'] });
    pic.groups.forEach((g, i) => {
      const b = bandChips(g, l.groupRows[i]!, l.fs);
      noOverlaps(b.chips, `${g.id} chips`);
      for (const c of b.chips) expect(c.x + c.w).toBeLessThanOrEqual(l.groupRows[i]!.x + l.groupRows[i]!.w + 0.01);
    });
  });

  it('several topics get a heading row each; a tiny run gets tall lanes with keys shown', () => {
    const l = techLayout({ width: 900, height: 500 }, { topics: [{ name: 'clicks', partitions: 1 }, { name: 'profiles', partitions: 1 }], brokers: 1, groups: 1, chips: ['app'], longestTp: 10 });
    expect(l.rows.map((r) => r.kind)).toEqual(['topic', 'lane', 'topic', 'lane']);
    expect(l.rows[1]!.h).toBeGreaterThan(l.fs * 2);
    expect(modeShowsKeys(l.log.mode)).toBe(true);
    expect(l.twoLines).toBe(true);
  });

  it('a lane shows the tail and places offsets on cell boundaries, clamping older ones to the left', () => {
    const cells = [5, 6, 8, 9].map((offset) => ({ offset }));
    expect(visibleWindow(cells, 2)).toEqual({ shown: [{ offset: 8 }, { offset: 9 }], newer: 0 });
    expect(offsetX(cells, 8, 100, 20)).toEqual({ x: 140, before: false, after: false });
    expect(offsetX(cells, 7, 100, 20)).toEqual({ x: 140, before: false, after: false }); // a compacted gap
    expect(offsetX(cells, 10, 100, 20)).toEqual({ x: 180, before: false, after: false });
    expect(offsetX(cells, 2, 100, 20)).toEqual({ x: 100, before: true, after: false });
  });

  it('the window moves back to keep the earliest reader in view, and says how many newer records it leaves out', () => {
    const cells = Array.from({ length: 12 }, (_, offset) => ({ offset }));
    expect(visibleWindow(cells, 5).shown.map((c) => c.offset)).toEqual([7, 8, 9, 10, 11]);
    const w = visibleWindow(cells, 5, 4);
    expect(w.shown.map((c) => c.offset)).toEqual([3, 4, 5, 6, 7]);
    expect(w.newer).toBe(4);
    // Past the window: the boundary sits at its end, marked "after".
    expect(offsetX(w.shown, 12, 0, 10, w.newer)).toEqual({ x: 50, before: false, after: true });
    expect(offsetX(w.shown, 8, 0, 10, w.newer)).toEqual({ x: 50, before: false, after: false });
  });
});

describe('town layout', () => {
  for (const size of SIZES) {
    it(`12 columns, 5 squares and 3 teams at ${size.width}x${size.height}: apart and inside`, () => {
      const l = townLayout(size, { topics: [{ name: 'orders', partitions: 12 }], brokers: 5, producers: 2, controller: true, members: [4, 2, 1] });
      const W = l.width;
      const H = l.height;
      noOverlaps([l.board, ...l.squares, ...l.teams], 'board, squares and teams');
      for (const r of [l.board, ...l.squares, ...l.teams]) expect(inside(r, W, H), JSON.stringify(r)).toBe(true);
      const cols = l.columns.map((c) => ({ x: c.x, y: l.notesTop, w: c.w, h: 1 }));
      noOverlaps(cols, 'columns');
      for (const c of l.columns) { expect(c.x).toBeGreaterThanOrEqual(l.board.x); expect(c.x + c.w).toBeLessThanOrEqual(l.board.x + l.board.w); }
      expect(l.slots).toBeGreaterThanOrEqual(2);
      expect(l.notesTop + l.slots * l.slipH).toBeLessThanOrEqual(l.footerTop);
      expect(l.footerTop + 3 * l.footerRow).toBeLessThanOrEqual(l.board.y + l.board.h);
      // Shops and the town hall down the left, clear of the board.
      for (const p of [...l.producers, l.hall!]) { expect(p.x + l.s * 0.58).toBeLessThanOrEqual(l.board.x); expect(p.y).toBeGreaterThan(0); }
      // Every reader inside its team, apart from the others.
      l.teams.forEach((t, g) => {
        const slot = (t.w - 12) / l.readers[g]!.length;
        const rs = l.readers[g]!.map((p) => ({ x: p.x, y: p.y - 2, w: slot, h: 4 }));
        noOverlaps(rs, 'readers');
        for (const r of rs) expect(r.x + r.w).toBeLessThanOrEqual(t.x + t.w + 0.01);
      });
    });
  }
});
