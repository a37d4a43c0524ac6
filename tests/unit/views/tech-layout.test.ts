import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_FONT, techLayout, type TechLayout, type TechNeeds } from '../../../src/views/generic/layout.ts';
import { keepLines } from '../../../src/views/generic/summary.ts';
import { townServiceLines } from '../../../src/views/town/summary.ts';
import { estimateWidth } from '../../../src/views/shared/measure.ts';
import type { StageNode } from '../../../src/views/drawings/node.ts';

describe('technical view layout', () => {
  // Boxes as wide as 30 characters of their text, the broker as 26, measured by the Node estimate.
  const needs = (chars: number): TechNeeds => ({
    boxWidth: (fs, _l, short) => estimateWidth('x'.repeat(short ? chars - 10 : chars), fs - 1, { mono: true }) + 20,
    brokerWidth: (fs, short) => estimateWidth('x'.repeat(short ? 18 : 26), fs - 1, { mono: true }) + 30,
  });
  const boxesOf = (l: TechLayout, ids: string[]) => {
    const boxes = ids.map((id) => ({ x: l.at[id]!.x, y: l.at[id]!.y, w: l.box.w, h: l.box.h }));
    if (l.broker) boxes.push({ x: l.centre.x, y: l.centre.y, w: l.broker.w, h: l.broker.h });
    return boxes;
  };

  it('never lets two boxes, or a box and the broker, overlap, and never draws text under 12 px (11 px lines)', () => {
    fc.assert(fc.property(fc.integer({ min: 280, max: 2400 }), fc.integer({ min: 260, max: 1400 }), fc.integer({ min: 1, max: 12 }),
      fc.boolean(), (width, height, n, broker) => {
        const ids = Array.from({ length: n }, (_, i) => `service${i}`);
        const l = techLayout({ width, height }, ids, broker ? 3 : null, 4, needs(30));
        const boxes = boxesOf(l, ids);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 - 0.5 && Math.abs(a.y - b.y) < (a.h + b.h) / 2 - 0.5) return false;
        }
        return l.lines >= 1 && l.fontSize >= MIN_FONT;
      }), { numRuns: 300 });
  });

  it('keeps every box inside the picture and wide enough for its words whenever they can fit', () => {
    fc.assert(fc.property(fc.integer({ min: 300, max: 1600 }), fc.integer({ min: 280, max: 900 }), fc.integer({ min: 1, max: 6 }),
      (width, height, n) => {
        const ids = Array.from({ length: n }, (_, i) => `s${i}`);
        const l = techLayout({ width, height }, ids, 1, 4, needs(24));
        if (l.box.w < needs(24).boxWidth(l.fontSize, l.lines, l.short)) return false;
        return boxesOf(l, ids).every((b) => b.x - b.w / 2 >= -0.5 && b.x + b.w / 2 <= width + 0.5 && b.y - b.h / 2 >= -0.5 && b.y + b.h / 2 <= height + 0.5);
      }), { numRuns: 300 });
  });

  it('at lesson 00\'s size (five services and the board in a 323x295 pane) shows the boxes whole at 12 px', () => {
    const ids = ['bakery', 'deli', 'fruit', 'grocery', 'school'];
    const l = techLayout({ width: 323, height: 295 }, ids, 1, 4, needs(20));
    expect(l.fontSize).toBeGreaterThanOrEqual(MIN_FONT);
    expect(l.box.w).toBeGreaterThanOrEqual(needs(20).boxWidth(l.fontSize, l.lines, l.short));
    expect(l.lines).toBeGreaterThanOrEqual(2);
  });
});

describe('what a service box says', () => {
  const node = (service: Partial<NonNullable<StageNode['service']>>): StageNode => ({
    id: 'app', index: 0, sys: 'town', kind: 'house', up: true, paused: false, skew: 0,
    service: { current: null, queue: [], handled: 0, waiting: false, waitingSince: null, work: 5, topics: [], lastOp: null, ...service },
  });

  it('gives queue length, busy state and counts', () => {
    const lines = townServiceLines(node({ queue: [{ kind: 'notice', ref: 3, from: 'board', arrivedAt: 0 }], current: { kind: 'call', ref: 2, from: 'x', arrivedAt: 0 }, handled: 4 }));
    expect(lines[0]!.says).toEqual(['queue 1 · busy (call #2)', 'queue 1 · busy']);
    expect(lines[1]!.says[0]).toBe('handled 4');
  });

  it('shows how long the last operation kept the caller waiting and when every reader had finished', () => {
    const lines = townServiceLines(node({ lastOp: { mode: 'events', waited: 20, finished: 320, targets: 4 } }));
    expect(lines[2]!.says[0]).toBe('events: waited 20ms');
    expect(lines[3]!.says[0]).toBe('all finished after 320ms');
    const waiting = townServiceLines(node({ lastOp: { mode: 'calls', waited: null, finished: null, targets: 4 }, waiting: true }));
    expect(waiting[1]!.says[0]).toContain('WAITING');
    // Not known yet is said in words, never with an ellipsis that would read as a cut label.
    expect(waiting.flatMap((l) => l.says).join(' ')).not.toContain('…');
    expect(waiting[2]!.says[0]).toBe('calls: still waiting');
  });

  it('keeps the lines that matter when a box has room for fewer: state and latencies before counts and topics', () => {
    const lines = townServiceLines(node({ lastOp: { mode: 'events', waited: 20, finished: 320, targets: 4 }, topics: ['LunchesNeeded'] }));
    expect(keepLines(lines, 3).map((l) => l.says[0])).toEqual(['queue 0 · idle', 'events: waited 20ms', 'all finished after 320ms']);
    expect(keepLines(lines, 5)).toEqual(lines);
  });
});

describe('other systems in the generic boxes', () => {
  it('a node says its system views\' summary (a Raft server: role and term, log and commit); without views, its system', async () => {
    const { createSession } = await import('../../../src/script/runner.ts');
    await (await import('../../../src/views/load.ts')).loadAllSystemViews();
    const { summaryLines } = await import('../../../src/views/generic/summary.ts');
    const s = createSession(7);
    s.exec('raft.start servers=3');
    s.exec('run until="raft.leader != none" max=5s');
    const leader = s.sim.nodes().find((n) => n.id === String(s.sim.query('raft.leader')))!;
    const lines = summaryLines(s.sim, leader);
    expect(lines[0]!.says[0]).toMatch(/^leader · term \d+$/);
    expect(lines[1]!.says[0]).toMatch(/^log \d+ · commit \d+$/);
    expect(summaryLines(s.sim, { ...leader, sys: 'nosuch', skew: 5 }).map((l) => l.says[0])).toEqual(['system nosuch', 'clock skew +5ms']);
  }, 20_000);
});
