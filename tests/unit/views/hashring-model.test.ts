// The hash ring pictures' model and layout: what the town and technical pictures draw, without a browser.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { HashRingState } from '../../../src/engine/hashring/index.ts';
import { movedWords, placeHomes, ringPicture } from '../../../src/views/hashring/model.ts';
import { fitOrNothing, keyRadius, placeHouses, ringLayout, techLayout, techPanel } from '../../../src/views/hashring/layout.ts';

const picture = (lines: string[]) => {
  const s = createSession(1);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return ringPicture(s.sim.state<HashRingState>('hashring'));
};

describe('hash ring picture', () => {
  it('marks exactly the keys that moved on a join, every one now at the newcomer', () => {
    const pic = picture(['hashring.start nodes=4 keys=1000 vnodes=16', 'hashring.join node=h5']);
    const moved = [...pic.movedFrom].filter((f) => f >= 0).length;
    const ring = pic.figures.find((f) => f.scheme === 'ring')!;
    expect(moved).toBe(ring.moved);
    pic.movedFrom.forEach((f, i) => { if (f >= 0) expect(pic.nodes[pic.keyOwner[i]!]!.id).toBe('h5'); });
    expect(movedWords(pic, 'parcels')).toBe(`h5 joined: ${ring.moved} of 1000 parcels moved to h5 (${Math.round(ring.movedPct)} %)`);
    expect(Object.keys(pic.matrix).sort()).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('gives every node its tokens and its share of the circle, the shares summing to one', () => {
    const pic = picture(['hashring.start nodes=5 keys=500 vnodes=8']);
    expect(pic.nodes.map((n) => n.tokens.length)).toEqual([8, 8, 8, 8, 8]);
    expect(pic.nodes.reduce((a, n) => a + n.share, 0)).toBeCloseTo(1, 9);
    expect(pic.nodes.every((n) => n.tokens.includes(n.home))).toBe(true);
    expect(pic.movedFrom.every((f) => f === -1)).toBe(true);
  });

  it('spreads houses: with virtual nodes each house is the token furthest from those already placed', () => {
    const homes = placeHomes([[0.01, 0.5], [0.02, 0.6], [0.03, 0.3]]);
    expect(homes).toEqual([0.01, 0.6, 0.3]);
  });
});

describe('hash ring layout', () => {
  it('keeps the ring, its keys and the panel inside the pane at 1280x800 sizes', () => {
    for (const size of [{ width: 860, height: 350 }, { width: 600, height: 700 }, { width: 1200, height: 700 }]) {
      const l = ringLayout(size, 0.5);
      expect(l.cx - l.r).toBeGreaterThanOrEqual(0);
      expect(l.cy + l.r).toBeLessThanOrEqual(size.height);
      expect(l.panel.x + l.panel.w).toBeLessThanOrEqual(size.width);
      expect(l.panel.y + l.panel.h).toBeLessThanOrEqual(size.height);
      expect(l.fontSize).toBeGreaterThanOrEqual(11);
      for (let i = 0; i < 100; i++) expect(keyRadius(l, i)).toBeLessThan(l.r);
      const p = techPanel(l.panel, l.fontSize, 5, 5);
      for (const c of p.charts) expect(c.y + c.h).toBeLessThanOrEqual(l.panel.y + l.panel.h + 1);
    }
  });
});

describe('hash ring words and houses', () => {
  it('gives the technical table at least the scheme and what moved beside the ring', () => {
    const l = techLayout({ width: 450, height: 340 });
    const p = techPanel(l.panel, l.fontSize, 4, 5);
    expect(p.columns.length).toBeGreaterThanOrEqual(2);
    expect(l.cx - l.r).toBeGreaterThan(0);
  });

  it('puts two houses standing side by side with their names apart, inside the pane', () => {
    const size = { width: 450, height: 340 };
    const l = ringLayout(size, 0.4);
    const places = placeHouses([{ id: 'h2', home: 0.001 }, { id: 'h4', home: 0.01 }, { id: 'h1', home: 0.5 }], l, size);
    const [a, b] = places;
    const apart = Math.abs(a!.label.x - b!.label.x) > 20 || Math.abs(a!.label.y - b!.label.y) >= l.fontSize;
    expect(apart).toBe(true);
    for (const p of places) {
      expect(p.label.x).toBeGreaterThan(0);
      expect(p.label.y).toBeLessThan(size.height);
    }
  });

  it('writes nothing rather than a word cut short', () => {
    expect(fitOrNothing(['2000 parcels', '2000'], 10, 12)).toBe('');
    expect(fitOrNothing(['2000 parcels', '2000'], 40, 12)).toBe('2000');
  });
});
