// SQS rules (Amazon SQS Developer Guide): visibility timeout, delete as acknowledgement, change-visibility,
// redrive to a dead-letter queue and back, short vs long polling, retention, delay, competing consumers.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from './lab.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';

const sqs = (s: ReturnType<typeof lab>) => s.sim.state<SqsState>('sqs');

describe('SQS standard queue', () => {
  it('a received message is invisible until its visibility timeout, then visible again; the next receive raises its count', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=5s
      sqs.send queue=orders body=a
      sqs.receive queue=orders`);
    expect([s.q('sqs.visible(orders)'), s.q('sqs.inflight(orders)'), s.q('sqs.status(1)')]).toEqual([0, 1, 'inflight']);
    expect(s.run('sqs.receive queue=orders')).toEqual(['orders: nothing to receive']);
    const out = s.run('run for=5s');
    expect(out).toContain('t=5000ms sqs orders: #1 is visible again (visibility timeout; received 1 time)');
    expect(s.run('sqs.receive queue=orders')[0]).toMatch(/received #1 a receipt=r2 receiveCount=2/);
    expect(violationsOf(s)).toEqual([]);
  });

  it('delete is the acknowledgement: a deleted message never comes back', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=1s
      sqs.send queue=orders body=a
      sqs.receive queue=orders
      sqs.delete queue=orders msg=1
      run for=10s`);
    expect([s.q('sqs.status(1)'), s.q('sqs.depth(orders)'), s.q('sqs.deleted(orders)')]).toEqual(['acked', 0, 1]);
    expect(s.run('sqs.receive queue=orders')).toEqual(['orders: nothing to receive']);
  });

  it('a delete quoting an old receipt handle is refused once the message was received again', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=1s
      sqs.send queue=orders body=a
      sqs.receive queue=orders
      run for=1s
      sqs.receive queue=orders`);
    expect(s.run('sqs.delete queue=orders msg=1 receipt=1')).toEqual([
      't=1000ms sqs orders: delete of #1 refused: receipt r1 is stale (it was received again as r2)', '#1 not deleted (stale receipt)']);
    expect(s.q('sqs.status(1)')).toBe('inflight');
  });

  it('change-visibility extends the deadline from now, and 0 makes the message visible at once', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=2s
      sqs.send queue=orders body=a count=2
      sqs.receive queue=orders max=2
      run for=1s
      sqs.visibility queue=orders msg=1 timeout=10s
      sqs.visibility queue=orders msg=2 timeout=0s`);
    expect([s.q('sqs.status(1)'), s.q('sqs.status(2)')]).toEqual(['inflight', 'visible']);
    expect(sqs(s).msgs['1']!.visibleAt).toBe(11_000);
    s.run('run for=9999ms');
    expect(s.q('sqs.status(1)')).toBe('inflight');
    s.run('run for=1ms');
    expect(s.q('sqs.status(1)')).toBe('visible');
  });

  it('redrive policy: the receive after maxReceiveCount receives moves the message to the DLQ instead', () => {
    const s = lab();
    s.run(`sqs.queue name=orders-dlq
      sqs.queue name=orders visibility=1s dlq=orders-dlq maxReceives=2
      sqs.send queue=orders body=poison
      sqs.receive queue=orders
      run for=1s
      sqs.receive queue=orders
      run for=1s`);
    expect(s.q('sqs.receives(1)')).toBe(2);
    const out = s.run('sqs.receive queue=orders');
    expect(out).toContain('t=2000ms sqs orders: #1 moved to dead-letter queue orders-dlq after 2 receives (maxReceiveCount=2)');
    expect(out).toContain('orders: nothing to receive');
    expect([s.q('sqs.status(1)'), s.q('sqs.queueOf(1)'), s.q('sqs.visible(orders-dlq)'), s.q('sqs.deadLettered(orders)')]).toEqual(['dead-lettered', 'orders-dlq', 1, 1]);
  });

  it('redrive from the DLQ puts messages back in their source queue with a fresh receive count', () => {
    const s = lab();
    s.run(`sqs.queue name=orders-dlq
      sqs.queue name=orders visibility=1s dlq=orders-dlq maxReceives=1
      sqs.send queue=orders body=a
      sqs.receive queue=orders
      run for=1s
      sqs.receive queue=orders
      sqs.redrive from=orders-dlq`);
    expect([s.q('sqs.queueOf(1)'), s.q('sqs.status(1)'), s.q('sqs.receives(1)'), s.q('sqs.route(1)')]).toEqual(['orders', 'visible', 0, 'orders>orders-dlq>orders']);
    expect(() => s.run('sqs.redrive from=orders-dlq')).toThrow(/nothing to redrive/);
  });

  it('retention: a message older than the retention period is dropped with a note saying so', () => {
    const s = lab();
    const out = s.run(`sqs.queue name=orders retention=1m
      sqs.send queue=orders body=old
      run for=2m`);
    expect(out).toContain('t=1m sqs orders: #1 expired: older than the retention period of 60000ms'.replace('t=1m', 't=60000ms'));
    expect([s.q('sqs.status(1)'), s.q('sqs.expired(orders)'), s.q('sqs.depth(orders)')]).toEqual(['expired', 1, 0]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('a delay queue holds new messages back for its delay', () => {
    const s = lab();
    s.run(`sqs.queue name=orders delay=2s
      sqs.send queue=orders body=a`);
    expect([s.q('sqs.delayed(orders)'), s.q('sqs.visible(orders)')]).toEqual([1, 0]);
    s.run('run for=2s');
    expect([s.q('sqs.delayed(orders)'), s.q('sqs.visible(orders)')]).toEqual([0, 1]);
  });

  it('a stopped consumer closes its long poll: a message sent afterwards goes to the consumer still polling', () => {
    const s = lab();
    s.run(`sqs.queue name=orders
      sqs.consumer name=old queue=orders wait=20s
      sqs.consumer name=new queue=orders wait=20s
      run for=100ms
      sqs.stop name=old
      sqs.send queue=orders body=a
      run for=1s`);
    expect([s.q('sqs.processed(old)'), s.q('sqs.processed(new)'), s.q('sqs.phase(old)')]).toEqual([0, 1, 'idle']);
  });

  it('a message with its own delay stays delayed across a service restart, for its own delay', () => {
    const s = lab();
    s.run(`sqs.queue name=orders
      sqs.send queue=orders body=later delay=5s
      run for=1s
      crash node=sqs
      restart node=sqs
      run for=3s`);
    expect([s.q('sqs.delayed(orders)'), s.q('sqs.visible(orders)')]).toEqual([1, 0]);
    s.run('run for=1s');
    expect([s.q('sqs.delayed(orders)'), s.q('sqs.visible(orders)')]).toEqual([0, 1]);
  });

  it('long polling answers as soon as a message arrives; short polling comes back empty and waits', () => {
    const long = lab();
    long.run(`sqs.queue name=orders
      sqs.consumer name=w1 queue=orders wait=20s
      run for=3s
      sqs.send queue=orders body=a
      run for=1s`);
    expect([long.q('sqs.processed(w1)'), long.q('sqs.emptyReceives(orders)')]).toEqual([1, 0]);
    const short = lab();
    short.run(`sqs.queue name=orders
      sqs.consumer name=w1 queue=orders idle=2s
      run for=3s
      sqs.send queue=orders body=a
      run for=200ms`);
    expect(short.q('sqs.processed(w1)')).toBe(0); // still asleep between polls
    expect(short.q('sqs.emptyReceives(orders)')).toBe(2);
    short.run('run for=1s');
    expect(short.q('sqs.processed(w1)')).toBe(1);
  });

  it('competing consumers: each message goes to one of them, and together they drain the queue', () => {
    const s = lab();
    s.run(`sqs.queue name=orders
      sqs.send queue=orders body=o count=20
      sqs.consumer name=w1 queue=orders work=100ms wait=1s
      sqs.consumer name=w2 queue=orders work=100ms wait=1s
      sqs.consumer name=w3 queue=orders work=100ms wait=1s
      run for=5s`);
    const p = ['w1', 'w2', 'w3'].map((w) => s.q(`sqs.processed(${w})`) as number);
    expect(p.reduce((a, b) => a + b)).toBe(20);
    expect(Math.min(...p)).toBeGreaterThan(4);
    expect([s.q('sqs.deleted(orders)'), s.q('sqs.redeliveries(orders)')]).toEqual([20, 0]);
  });

  it('a failing consumer does not delete, so the message comes back after its visibility timeout', () => {
    const s = lab();
    const out = s.run(`sqs.queue name=orders visibility=2s
      sqs.consumer name=w1 queue=orders work=100ms fail=100% wait=5s
      sqs.send queue=orders body=a
      run for=2500ms`);
    expect(out.some((l) => l.includes('w1 failed to process #1'))).toBe(true);
    expect(out.some((l) => l.includes('#1 is visible again'))).toBe(true);
    expect(s.q('sqs.receives(1)')).toBe(2);
  });

  it('a visibility timeout shorter than the work: the delete is refused and the message is processed twice', () => {
    const s = lab();
    const out = s.run(`sqs.queue name=orders visibility=1s
      sqs.send queue=orders body=a
      sqs.consumer name=w1 queue=orders work=1500ms wait=5s
      sqs.consumer name=w2 queue=orders work=1500ms wait=5s
      run for=4s`);
    expect(out.some((l) => /delete of #1 refused: receipt r1 is stale/.test(l))).toBe(true);
    expect(out.some((l) => /processed #1 \(a\) again: a duplicate/.test(l))).toBe(true);
    expect(Number(s.q('sqs.duplicates(orders)'))).toBeGreaterThan(0);
  });

  it('a heartbeat that extends the visibility keeps a long job from being handed to someone else', () => {
    const s = lab();
    const out = s.run(`sqs.queue name=orders visibility=1s
      sqs.send queue=orders body=a
      sqs.consumer name=w1 queue=orders work=1500ms wait=5s heartbeat=500ms extend=1s
      sqs.consumer name=w2 queue=orders work=1500ms wait=5s heartbeat=500ms extend=1s
      run for=4s`);
    expect(out).toContain('t=530ms w1->sqs ChangeMessageVisibility orders #1 r1 timeout=1000ms');
    expect([s.q('sqs.receives(1)'), s.q('sqs.duplicates(orders)'), s.q('sqs.status(1)')]).toEqual([1, 0, 'acked']);
  });

  it('a consumer that crashes holding a message: it returns after the timeout and another consumer finishes it', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=3s
      sqs.consumer name=w1 queue=orders work=1s wait=5s
      sqs.send queue=orders body=a
      run for=100ms
      crash node=w1
      sqs.consumer name=w2 queue=orders work=100ms wait=5s
      run for=2s`);
    expect(s.q('sqs.status(1)')).toBe('inflight');
    s.run('run for=2s');
    expect([s.q('sqs.status(1)'), s.q('sqs.processed(w2)'), s.q('sqs.receives(1)')]).toEqual(['acked', 1, 2]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('the service is durable: a crash keeps every message; consumers poll again after their request timeout', () => {
    const s = lab();
    s.run(`sqs.queue name=orders visibility=2s
      sqs.send queue=orders body=a count=3
      sqs.receive queue=orders
      crash node=sqs
      run for=5s
      restart node=sqs
      run for=1ms`);
    expect([s.q('sqs.depth(orders)'), s.q('sqs.status(1)')]).toEqual([3, 'visible']); // its deadline passed while down
    s.run(`sqs.consumer name=w1 queue=orders wait=1s
      run for=2s`);
    expect(s.q('sqs.deleted(orders)')).toBe(3);
    expect(violationsOf(s)).toEqual([]);
  });

  it('bad requests get specific errors', () => {
    const s = lab();
    expect(() => s.run('sqs.send queue=nope body=a')).toThrow(/no queue named 'nope'/);
    s.run('sqs.queue name=orders');
    expect(() => s.run('sqs.queue name=orders')).toThrow(/already exists/);
    expect(() => s.run('sqs.send queue=orders body=a group=g')).toThrow(/FIFO/);
    expect(() => s.run('sqs.delete queue=orders msg=9')).toThrow(/no message #9/);
    expect(() => s.run('sqs.queue name=x.fifo dlq=orders')).toThrow(/must also be FIFO/);
  });
});

describe('node names', () => {
  it('a client cannot take the service node\'s name, nor a node of another system', () => {
    const s = lab();
    s.run('sqs.queue name=orders');
    expect(() => s.run('sqs.consumer name=sqs queue=orders')).toThrow(/'sqs' is the queue service's own node/);
    s.run('rabbit.queue name=q');
    expect(() => s.run('sqs.consumer name=rabbit queue=orders')).toThrow(/'rabbit' is already a rabbit node/);
  });
});
