// Chapter 05: a consumer backs off by changing a failed message's visibility to the backoff delay (Amazon
// SQS Developer Guide, "Visibility timeout": a consumer can shorten or extend a received message's
// visibility with ChangeMessageVisibility), with the delays of AWS's "Exponential Backoff And Jitter".
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from './lab.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';
import { sqsMessageViews } from '../../../src/engine/sqs/message-view.ts';

const sqs = (s: ReturnType<typeof lab>) => s.sim.state<SqsState>('sqs');

function crowd(kind: string, seed = 1) {
  const s = lab(seed);
  s.run('sqs.queue name=orders visibility=30s\nsqs.send queue=orders body=order count=40');
  for (const w of [1, 2, 3, 4]) s.run(`sqs.consumer name=w${w} queue=orders work=5ms batch=10 outage=3s backoff=${kind} base=250ms cap=4s wait=1s`);
  s.run('run for=12s');
  return s;
}

describe('retry delays on SQS', () => {
  it('exponential backoff brings a failed message back after base, 2·base, 4·base, not after the 30 s visibility timeout', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=30s
      sqs.send queue=orders body=order1
      sqs.consumer name=w1 queue=orders work=10ms outage=2s backoff=exponential base=250ms cap=4s wait=1s`);
    const out = s.run('run for=5s');
    const delays = out.filter((l) => l.includes('ChangeMessageVisibility')).map((l) => /timeout=(\d+)ms/.exec(l)![1]);
    expect(delays).toEqual(['250', '500', '1000', '2000']);
    expect([s.q('sqs.deleted(orders)'), s.q('sqs.receives(1)')]).toEqual([1, 5]);
  });

  it('while it waits out its backoff the message is counted as backing off, and a receive clears it', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=30s
      sqs.send queue=orders body=order1
      sqs.consumer name=w1 queue=orders work=10ms outage=300ms backoff=fixed base=600ms wait=1s
      run for=100ms`);
    expect(s.q('sqs.backingOff(orders)')).toBe(1);
    expect(sqs(s).msgs['1']!.backoff).toMatchObject({ attempt: 0, delayMs: 600 });
    // The common message view (inspector, hover cards) says nobody holds it and why it waits.
    expect(sqsMessageViews(sqs(s)).find((v) => v.id === 1)).toMatchObject({ status: 'inflight', holder: null, why: 'backing off before retry 1 (a 600 ms delay)' });
    s.run('run for=700ms');
    expect(sqs(s).msgs['1']!.backoff ?? null).toBeNull();
    expect(s.q('sqs.status(1)')).toBe('acked');
  });

  it('a crowd failing together retries in lockstep with plain exponential backoff; jitter spreads it', () => {
    const peak = (kind: string) => crowd(kind).q('sqs.peakRetries(orders)') as number;
    const plain = peak('exponential');
    expect(plain).toBeGreaterThanOrEqual(35);
    for (const kind of ['full', 'decorrelated']) expect(peak(kind)).toBeLessThan(plain * 0.7);
  });

  it('immediate retries hammer the queue during the outage; every policy still ends with each message processed once', () => {
    const immediate = crowd('immediate');
    const exponential = crowd('exponential');
    expect(immediate.q('sqs.received(orders)') as number).toBeGreaterThan(5 * (exponential.q('sqs.received(orders)') as number));
    for (const s of [immediate, exponential]) {
      expect(s.q('sqs.deleted(orders)')).toBe(40);
      expect(violationsOf(s)).toEqual([]);
    }
  });

  it('refuses a backoff whose cap is below its base, or longer than the 12 h visibility limit, and names it', () => {
    const s = lab();
    s.run('sqs.queue name=orders');
    expect(s.exec('sqs.consumer name=w1 queue=orders backoff=full base=2s cap=1s').error).toBe('sqs.consumer: backoff cap (1000 ms) must be at least its base (2000 ms)');
    expect(s.exec('sqs.consumer name=w1 queue=orders backoff=full cap=13h').error).toMatch(/cap/);
    expect(s.exec('sqs.consumer name=w1 queue=orders idempotent=true').error).toBe('sqs.consumer: idempotent is for a payment consumer: add pay=charge or pay=set');
  });

  it('a message that keeps failing expires from a queue with no dead-letter queue: the loss detector fires', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=10s retention=1m
      sqs.send queue=orders body=order1
      sqs.consumer name=w1 queue=orders work=10ms poison=order1 wait=1s
      run for=61s`);
    expect(violationsOf(s)).toEqual(['no-loss-without-dlq: #1 (order1) failed 6 times and expired from orders, which has no dead-letter queue: lost at t=60000ms']);
  });
});
