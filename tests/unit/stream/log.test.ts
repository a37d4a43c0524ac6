// The retained log: offsets, reads from any offset, retention by age/size/count, per-reader positions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { append, applyRetention, lagOf, newLog, read, recordAt, setPosition } from '../../../src/engine/stream/log.ts';

const filled = (n: number, every = 10) => {
  const log = newLog<string>();
  for (let i = 0; i < n; i++) append(log, `v${i}`, i * every, 100);
  return log;
};

describe('retained log', () => {
  it('gives consecutive offsets and reads from any offset without consuming anything', () => {
    const log = filled(5);
    expect(log.records.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(read(log, 2, 10).records.map((r) => r.value)).toEqual(['v2', 'v3', 'v4']);
    expect(read(log, 2, 10).records.map((r) => r.value)).toEqual(['v2', 'v3', 'v4']); // still there
    expect(read(log, 0, 2)).toMatchObject({ from: 0, next: 2, skipped: 0 });
    expect(read(log, 5, 3).records).toEqual([]);
  });

  it('retention by age drops the oldest records and moves the log start; offsets never change', () => {
    const log = filled(5);
    const gone = applyRetention(log, 35, { maxAgeMs: 20 });
    expect(gone.map((r) => r.offset)).toEqual([0, 1]); // at 0 and 10 are >= 20ms old at t=35
    expect(log.start).toBe(2);
    expect(recordAt(log, 3)?.value).toBe('v3');
    expect(recordAt(log, 1)).toBeUndefined();
  });

  it('retention by size and by count', () => {
    const bySize = filled(5);
    applyRetention(bySize, 0, { maxBytes: 250 });
    expect([bySize.start, bySize.bytes]).toEqual([3, 200]);
    const byCount = filled(5);
    applyRetention(byCount, 0, { maxRecords: 1 });
    expect(byCount.records.map((r) => r.value)).toEqual(['v4']);
  });

  it('a reader behind the log start jumps to it and is told how many records it missed', () => {
    const log = filled(6);
    applyRetention(log, 0, { maxRecords: 2 });
    expect(read(log, 1, 10)).toMatchObject({ from: 4, skipped: 3, next: 6 });
  });

  it('each reader keeps its own position; lag is what it has not read yet', () => {
    const log = filled(4);
    setPosition(log, 'audit', 4);
    setPosition(log, 'search', 1);
    expect([lagOf(log, 'audit'), lagOf(log, 'search')]).toEqual([0, 3]);
    append(log, 'v4', 50);
    expect([lagOf(log, 'audit'), lagOf(log, 'search')]).toEqual([1, 4]);
  });

  it('property: retained records are always start..end-1 in order, and bytes add up', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('append' as const), size: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ k: fc.constant('retain' as const), age: fc.integer({ min: 0, max: 100 }), bytes: fc.integer({ min: 0, max: 300 }) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const log = newLog<number>();
      let t = 0;
      for (const o of ops) {
        t += 7;
        if (o.k === 'append') append(log, t, t, o.size);
        else applyRetention(log, t, { maxAgeMs: o.age, maxBytes: o.bytes });
        expect(log.records.map((r) => r.offset)).toEqual(Array.from({ length: log.end - log.start }, (_, i) => log.start + i));
        expect(log.bytes).toBe(log.records.reduce((s, r) => s + r.size, 0));
      }
    }));
  });
});
