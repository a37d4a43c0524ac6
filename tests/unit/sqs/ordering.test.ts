// The overtaken count behind sqs/rabbit/pubsub/stream `overtaken` queries: how many finished after a
// message sent later than them, first finishes only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { overtaken } from '../../../src/engine/delivery/ordering.ts';
import { lab } from './lab.ts';

describe('overtaken', () => {
  it('counts the messages that finished after a later one; duplicates do not count', () => {
    expect(overtaken([])).toBe(0);
    expect(overtaken([1, 2, 3])).toBe(0);
    expect(overtaken([2, 1, 3])).toBe(1);
    expect(overtaken([3, 1, 2])).toBe(2);
    expect(overtaken([0, 1, 0, 1, 2, 3])).toBe(0);
  });

  it('is 0 exactly when the first finishes are sorted (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }), (xs) => {
      const firsts = xs.filter((x, k) => xs.indexOf(x) === k);
      expect(overtaken(xs) === 0).toBe(firsts.every((x, k) => k === 0 || x > firsts[k - 1]!));
    }));
  });

  it('reads the same way in every rule book: one consumer keeps order, two competing ones need not', () => {
    const s = lab(3);
    s.run(`sqs.queue name=q
      sqs.send queue=q body=m count=8
      sqs.consumer name=w1 queue=q work=50ms jitter=150ms wait=1s
      sqs.consumer name=w2 queue=q work=50ms jitter=150ms wait=1s
      rabbit.queue name=one
      rabbit.publish key=one body=m count=8
      rabbit.consumer name=c1 queue=one work=50ms jitter=150ms
      stream.topic name=t
      stream.append topic=t body=m count=8
      stream.reader name=r topic=t work=50ms jitter=150ms
      run for=3s`);
    expect(Number(s.q('sqs.overtaken(q)'))).toBeGreaterThan(0);
    expect(s.q('rabbit.overtaken(one)')).toBe(0);
    expect(s.q('stream.overtaken(r)')).toBe(0);
  });
});
