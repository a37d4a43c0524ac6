// The stream (a retained log with per-reader positions): every reader reads everything at its own pace,
// newcomers can replay from the start, retention removes old records with a note, crashes re-read or skip.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from '../sqs/lab.ts';

describe('stream', () => {
  it('every reader reads every record, at its own pace; reading removes nothing', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=5
      stream.reader name=fast topic=orders work=10ms
      stream.reader name=slow topic=orders work=300ms
      run for=500ms`);
    expect([s.q('stream.processed(fast)'), s.q('stream.lag(fast)'), s.q('stream.processed(slow)'), s.q('stream.retained(orders)')]).toEqual([5, 0, 1, 5]);
    s.run('run for=2s');
    expect(s.q('stream.seen(slow)')).toBe('0,1,2,3,4');
  });

  it('a newcomer from earliest replays the whole history; from latest sees only what comes next', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=old count=3
      stream.reader name=replayer topic=orders from=earliest work=10ms
      stream.reader name=tail topic=orders from=latest work=10ms
      run for=100ms
      stream.append topic=orders body=new
      run for=1s`);
    expect([s.q('stream.seen(replayer)'), s.q('stream.seen(tail)')]).toEqual(['0,1,2,3', '3']);
  });

  it('retention by time removes old records with a note; a reader that fell behind skips them, with a note', () => {
    const s = lab();
    s.run(`stream.topic name=orders retention=1s
      stream.append topic=orders body=o count=3`);
    expect(s.run('run for=1s')).toContain('t=1000ms stream orders: retention removed offsets 0..2');
    s.run('stream.append topic=orders body=late');
    const out = s.run(`stream.reader name=audit topic=orders from=earliest work=10ms
      stream.seek reader=audit offset=0
      run for=200ms`);
    expect(out).toContain('t=1020ms audit wanted offset 0 of orders but retention removed it first: skips 3 records, continues at 3');
    expect([s.q('stream.skipped(audit)'), s.q('stream.seen(audit)'), s.q('stream.start(orders)')]).toEqual([3, '3', 3]);
  });

  it('retention by size keeps the newest records within the limit', () => {
    const s = lab();
    s.run(`stream.topic name=orders maxBytes=10
      stream.append topic=orders body=abcd count=4`);
    expect([s.q('stream.retained(orders)'), s.q('stream.start(orders)')]).toEqual([2, 2]);
  });

  it('commit after processing: a crash loses nothing; the record in hand is read again from the start', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=3
      stream.reader name=r topic=orders work=100ms commit=after
      run for=150ms
      crash node=r
      restart node=r
      run for=1s`);
    expect(s.q('stream.seen(r)')).toBe('0,1,2');
    expect(violationsOf(s)).toEqual([]);
  });

  it('commit per batch: a crash mid-batch processes the finished records of the batch again (at-least-once duplicates)', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=3
      stream.reader name=r topic=orders work=100ms commit=batch
      run for=250ms
      crash node=r
      restart node=r
      run for=1s`);
    expect(s.q('stream.seen(r)')).toBe('0,1,0,1,2');
    expect(s.q('stream.duplicates(r)')).toBe(2);
    expect(violationsOf(s)).toEqual([]);
  });

  it('commit before processing: a crash skips the record it was working on (at-most-once)', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=3
      stream.reader name=r topic=orders work=100ms commit=before
      run for=150ms
      crash node=r
      restart node=r
      run for=1s`);
    expect(s.q('stream.seen(r)')).toBe('0,2');
  });

  it('seek back replays from the chosen offset', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=3
      stream.reader name=r topic=orders work=10ms
      run for=500ms
      stream.seek reader=r offset=1
      run for=500ms`);
    expect(s.q('stream.seen(r)')).toBe('0,1,2,1,2');
    expect(violationsOf(s)).toEqual([]);
  });

  it('read shows records from any offset without moving anyone', () => {
    const s = lab();
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=3`);
    expect(s.run('stream.read topic=orders from=1')).toEqual(['1: o2', '2: o3']);
  });
});
