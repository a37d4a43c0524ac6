// The hash ring pictures' model and layout: what the town and technical pictures draw, without a browser.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { HashRingState } from '../../../src/engine/hashring/index.ts';
import { movedWords, placeHomes, ringPicture } from '../../../src/views/hashring/model.ts';
import { keyRadius, ringLayout, techPanel } from '../../../src/views/hashring/layout.ts';

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
      const p = techPanel(l.panel, l.fontSize, 5);
      for (const c of p.charts) expect(c.y + c.h).toBeLessThanOrEqual(l.panel.y + l.panel.h + 1);
    }
  });
});
