import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { techLayout } from '../../../src/views/tech/layout.ts';
import { townServiceLines } from '../../../src/views/tech/summary.ts';
import type { StageNode } from '../../../src/views/shared/town-model.ts';

describe('technical view layout', () => {
  it('never lets two boxes, or a box and the broker, overlap', () => {
    fc.assert(fc.property(fc.integer({ min: 560, max: 2400 }), fc.integer({ min: 380, max: 1400 }), fc.integer({ min: 1, max: 12 }),
      fc.boolean(), (width, height, n, broker) => {
        const ids = Array.from({ length: n }, (_, i) => `service${i}`);
        const l = techLayout({ width, height }, ids, broker ? 3 : null, 4, 30);
        const boxes = ids.map((id) => ({ x: l.at[id]!.x, y: l.at[id]!.y, w: l.box.w, h: l.box.h }));
        if (l.broker) boxes.push({ x: l.centre.x, y: l.centre.y, w: l.broker.w, h: l.broker.h });
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 - 0.5 && Math.abs(a.y - b.y) < (a.h + b.h) / 2 - 0.5) return false;
        }
        return l.lines >= 1;
      }), { numRuns: 300 });
  });
});

describe('what a service box says', () => {
  const node = (service: Partial<NonNullable<StageNode['service']>>): StageNode => ({
    id: 'app', index: 0, sys: 'town', kind: 'house', up: true, paused: false, skew: 0,
    service: { current: null, queue: [], handled: 0, waiting: false, waitingSince: null, work: 5, topics: [], lastOp: null, ...service },
  });

  it('gives queue length, busy state and counts', () => {
    const lines = townServiceLines(node({ queue: [{ kind: 'notice', ref: 3, from: 'board', arrivedAt: 0 }], current: { kind: 'call', ref: 2, from: 'x', arrivedAt: 0 }, handled: 4 }));
    expect(lines[0]).toBe('queue 1 · busy (call #2)');
    expect(lines[1]).toBe('handled 4');
  });

  it('shows how long the last operation kept the caller waiting and when every reader had finished', () => {
    const lines = townServiceLines(node({ lastOp: { mode: 'events', waited: 20, finished: 320, targets: 4 } }));
    expect(lines[2]).toBe('events: waited 20ms');
    expect(lines[3]?.trim()).toBe('finished 320ms');
    expect(townServiceLines(node({ lastOp: { mode: 'calls', waited: null, finished: null, targets: 4 }, waiting: true }))[1]).toContain('WAITING');
  });
});

describe('other systems in the technical view', () => {
  it('summarises a Raft server by role, term, log and commit index through the Raft queries', async () => {
    const { createSession } = await import('../../../src/script/runner.ts');
    const { summaryLines } = await import('../../../src/views/tech/summary.ts');
    const { stageModel } = await import('../../../src/views/shared/town-model.ts');
    const s = createSession(7);
    s.exec('raft.start servers=3');
    s.exec('run until="raft.leader != none" max=5s');
    const m = stageModel(null, s.sim.nodes());
    const leader = String(s.sim.query('raft.leader'));
    const lines = summaryLines(s.sim, m.nodes.find((n) => n.id === leader)!);
    expect(lines[0]).toMatch(/^leader · term \d+$/);
    expect(lines[1]).toMatch(/^log \d+ · commit \d+$/);
  });
});
