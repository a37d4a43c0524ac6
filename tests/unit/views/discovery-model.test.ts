// The discovery pictures' model and layout, without a browser: what the directory board and the
// membership grid say after a silent crash, and where things go in the panes the lab uses.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { DiscoveryState } from '../../../src/engine/discovery/index.ts';
import { discoveryPicture, expiryWords, cacheWords } from '../../../src/views/discovery/model.ts';
import { discoveryLayout, type Box } from '../../../src/views/discovery/layout.ts';

function picture(lines: string[]) {
  const s = createSession(2);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return discoveryPicture(s.sim.state<DiscoveryState>('discovery'), s.sim);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('discovery picture', () => {
  it('a silently crashed instance keeps its card, stamped with its expiry, and the DNS client still holds it', () => {
    const pic = picture(['discovery.start instances=3 ttl=3s', 'discovery.client name=c1 mode=dns ttl=10s', 'run for=1500ms', 'crash node=api2', 'run for=500ms']);
    const api2 = pic.listings.find((l) => l.id === 'api2')!;
    expect(api2).toMatchObject({ up: false, listed: true, health: 'passing' });
    expect(expiryWords(api2)).toBe(`until ${(api2.expiresAt! / 1000).toFixed(1)}s`);
    const c1 = pic.clients[0]!;
    expect(c1.stale).toEqual(['api2']);
    expect(cacheWords(c1)).toMatch(/^api1 api2 api3 · \d+\.\ds left$/);
  });

  it('the membership grid: one row per member, letters for what it believes, the rumour and who has heard it', () => {
    const pic = picture(['discovery.swim members=6', 'run for=1s', 'crash node=m2', 'run until="discovery.suspects(m2) > 0" max=20s']);
    const swim = pic.swim!;
    expect(swim.beliefs).toHaveLength(6);
    expect(swim.beliefs.every((row) => row.length === 6)).toBe(true);
    expect(swim.rumour).toMatchObject({ subject: 1, belief: 'suspect' });
    expect(swim.rumour!.heard.filter(Boolean).length).toBeGreaterThan(0);
    expect(swim.beliefs.some((row) => row[1] === 's')).toBe(true);
  });
});

describe('discovery layout', () => {
  const pic = picture(['discovery.start instances=4', 'discovery.client name=c1', 'discovery.client name=c2 mode=server', 'discovery.swim members=64', 'run for=200ms']);
  for (const size of [{ width: 440, height: 300 }, { width: 620, height: 420 }, { width: 1200, height: 520 }]) {
    it(`${size.width}x${size.height}: boxes inside the pane, none on another, the grid beside or below, words of 11 px or more`, () => {
      for (const kind of ['town', 'tech'] as const) {
        const l = discoveryLayout(size, pic, kind);
        const d = l.directory!;
        expect(d.font).toBeGreaterThanOrEqual(11);
        const boxes = [d.registry, ...(d.balancer ? [d.balancer] : []), ...Object.values(d.clients), ...Object.values(d.instances)];
        for (const b of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(d.area.x + d.area.width + 0.5);
        }
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${kind} boxes ${i} and ${j}`).toBe(false);
        const swimArea = (l.grid ?? l.ring)!.area;
        const dirBox = { x: d.area.x, y: d.area.y, w: d.area.width, h: d.area.height };
        expect(overlaps(dirBox, { x: swimArea.x, y: swimArea.y, w: swimArea.width, h: swimArea.height })).toBe(false);
        if (l.grid) expect(l.grid.x0 + l.grid.cell * 64).toBeLessThanOrEqual(swimArea.x + swimArea.width);
      }
    });
  }
});
