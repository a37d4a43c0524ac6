// A reader that fails on a record: a log has no redelivery and no dead-letter queue, so the reader itself
// either retries the record in place (everything behind it waits: head-of-line blocking) or skips it
// (its effect never happens). Either way the log itself is unchanged and other readers are unaffected.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from '../sqs/lab.ts';

describe('stream readers that fail', () => {
  it('onFail=retry: a poison record blocks its reader for good; the other reader is not held up', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=5
      stream.reader name=picky topic=orders work=50ms poison=o3
      stream.reader name=calm topic=orders work=50ms
      run for=2s`);
    expect([s.q('stream.seen(picky)'), s.q('stream.retrying(picky)'), s.q('stream.position(picky)'), s.q('stream.lag(picky)')]).toEqual(['0,1', 2, 2, 3]);
    expect(Number(s.q('stream.failed(picky)'))).toBeGreaterThan(30);
    expect([s.q('stream.seen(calm)'), s.q('stream.retrying(calm)'), s.q('stream.failed(calm)')]).toEqual(['0,1,2,3,4', 'none', 0]);
    // Noted once, not once per attempt.
    expect(s.sim.trace().filter((e) => e.kind === 'note' && e.text?.includes('failed on offset 2')).length).toBe(1);
    expect(violationsOf(s)).toEqual([]);
  });

  it('onFail=retry: a transient failure is retried until it succeeds, and order is kept', () => {
    const s = lab(5);
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=12
      stream.reader name=r topic=orders work=20ms fail=30%
      run for=5s`);
    expect(s.q('stream.seen(r)')).toBe('0,1,2,3,4,5,6,7,8,9,10,11');
    expect(Number(s.q('stream.failed(r)'))).toBeGreaterThan(0);
    expect([s.q('stream.duplicates(r)'), s.q('stream.gaveUp(r)'), s.q('stream.lag(r)')]).toEqual([0, 0, 0]);
  });

  it('onFail=skip: the reader moves past the failed record, which is never processed; its position commits past it', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=4
      stream.reader name=r topic=orders work=50ms poison=o2 onFail=skip
      run for=1s`);
    expect([s.q('stream.seen(r)'), s.q('stream.gaveUp(r)'), s.q('stream.failed(r)'), s.q('stream.position(r)')]).toEqual(['0,2,3', 1, 1, 4]);
    expect(s.sim.trace().some((e) => e.text?.includes('failed on offset 1 (o2); skipping it'))).toBe(true);
    expect(violationsOf(s)).toEqual([]);
  });

  it('a crash while retrying resumes from the committed position and fails on the same record again', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=3
      stream.reader name=r topic=orders work=50ms poison=o2
      run for=500ms
      crash node=r
      restart node=r
      run for=500ms`);
    expect([s.q('stream.seen(r)'), s.q('stream.retrying(r)')]).toEqual(['0', 1]);
    expect(violationsOf(s)).toEqual([]);
  });
});
