// FIFO queues (SQS Developer Guide, "FIFO queue logic"): order within a message group, a group locked
// while one of its messages is in flight, and deduplication within a five-minute window.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from './lab.ts';

describe('SQS FIFO queue', () => {
  it('hands out a group in order, and nothing more of a group while one of its messages is in flight', () => {
    const s = lab();
    s.run(`sqs.queue name=orders.fifo visibility=5s
      sqs.send queue=orders.fifo body=a count=3 group=alice
      sqs.send queue=orders.fifo body=b count=2 group=bob`);
    expect(s.run('sqs.receive queue=orders.fifo')[0]).toMatch(/^received #1 a1 group=alice/);
    expect(s.run('sqs.receive queue=orders.fifo')[0]).toMatch(/^received #4 b1 group=bob/); // alice is locked
    expect(s.run('sqs.receive queue=orders.fifo')).toEqual(['orders.fifo: nothing to receive']);
    s.run('sqs.delete queue=orders.fifo msg=1');
    expect(s.run('sqs.receive queue=orders.fifo')[0]).toMatch(/^received #2 a2/);
    expect(violationsOf(s)).toEqual([]);
  });

  it('one receive may take several messages of a group, in order', () => {
    const s = lab();
    s.run(`sqs.queue name=orders.fifo
      sqs.send queue=orders.fifo body=a count=3 group=alice`);
    expect(s.run('sqs.receive queue=orders.fifo max=10').map((l) => l.split(' ')[1])).toEqual(['#1', '#2', '#3']);
  });

  it('after a visibility timeout the same first message comes back before the rest of its group', () => {
    const s = lab();
    s.run(`sqs.queue name=orders.fifo visibility=1s
      sqs.send queue=orders.fifo body=a count=2 group=g
      sqs.receive queue=orders.fifo
      run for=1s`);
    expect(s.run('sqs.receive queue=orders.fifo').at(-1)).toMatch(/received #1 a1 .*receiveCount=2/);
  });

  it('a standard queue does not lock groups: another consumer may take a later message meanwhile', () => {
    const s = lab();
    s.run(`sqs.queue name=orders
      sqs.send queue=orders body=a count=2
      sqs.receive queue=orders`);
    expect(s.run('sqs.receive queue=orders')[0]).toMatch(/received #2/);
  });

  it('deduplication: the same id within five minutes is accepted but not enqueued again; after the window it is', () => {
    const s = lab();
    s.run(`sqs.queue name=pay.fifo
      sqs.send queue=pay.fifo body=charge dedup=order-7 group=g`);
    const again = s.run('sqs.send queue=pay.fifo body=charge dedup=order-7 group=g');
    expect(again[0]).toMatch(/dedup.*order-7 like #1 sent 0ms ago: accepted, not enqueued again/);
    s.run('run for=299s');
    s.run('sqs.send queue=pay.fifo body=charge dedup=order-7 group=g');
    expect([s.q('sqs.depth(pay.fifo)'), s.q('sqs.deduplicated(pay.fifo)')]).toEqual([1, 2]);
    s.run('run for=1s');
    s.run('sqs.send queue=pay.fifo body=charge dedup=order-7 group=g');
    expect(s.q('sqs.depth(pay.fifo)')).toBe(2);
  });

  it('content-based deduplication uses the body when no id is given', () => {
    const s = lab();
    s.run(`sqs.queue name=pay.fifo contentDedup=true
      sqs.send queue=pay.fifo body=charge group=g
      sqs.send queue=pay.fifo body=charge group=g
      sqs.send queue=pay.fifo body=refund group=g`);
    expect(s.q('sqs.depth(pay.fifo)')).toBe(2);
  });

  it('a poison message at the head of a group goes to the FIFO DLQ, and the group moves on', () => {
    const s = lab();
    s.run(`sqs.queue name=dlq.fifo
      sqs.queue name=orders.fifo visibility=1s dlq=dlq.fifo maxReceives=1
      sqs.send queue=orders.fifo body=a count=2 group=g
      sqs.receive queue=orders.fifo
      run for=1s`);
    const out = s.run('sqs.receive queue=orders.fifo');
    expect(out[0]).toMatch(/#1 moved to dead-letter queue dlq.fifo/);
    expect(out[1]).toMatch(/received #2 a2/);
  });

  it('consumers keep each group in order: deletes per group follow send order', () => {
    const s = lab(3);
    s.run(`sqs.queue name=orders.fifo visibility=500ms
      sqs.send queue=orders.fifo body=m count=30 group=a,b,c
      sqs.consumer name=w1 queue=orders.fifo work=50ms jitter=100ms fail=20% wait=1s
      sqs.consumer name=w2 queue=orders.fifo work=50ms jitter=100ms fail=20% wait=1s
      run for=30s`);
    const order = String(s.q('sqs.deletedOrder(orders.fifo)')).split(',').map((b) => Number(b.slice(1)));
    expect(order).toHaveLength(30);
    for (const g of [1, 2, 0]) {
      const mine = order.filter((n) => n % 3 === g % 3);
      expect(mine).toEqual([...mine].sort((x, y) => x - y));
    }
    expect(violationsOf(s)).toEqual([]);
  });
  it('a consumer that fails one message of a batch leaves the rest of that group for later, so the group stays in order', () => {
    const s = lab();
    s.run(`sqs.queue name=o.fifo visibility=1s
      sqs.send queue=o.fifo body=m count=3 group=a
      sqs.send queue=o.fifo body=x group=b
      sqs.consumer name=w1 queue=o.fifo batch=4 work=50ms poison=m1 wait=2s
      run for=300ms`);
    // m2 and m3 came in the same batch as the failed m1: left unprocessed; group b is not held back.
    expect([s.q('sqs.processed(w1)'), s.q('sqs.failed(w1)'), s.q('sqs.deletedOrder(o.fifo)')]).toEqual([1, 1, 'x']);
    expect(s.sim.trace().some((e) => e.text?.includes('leaves #2,#3 of group a unprocessed'))).toBe(true);
    s.run('sqs.consumer name=w1 queue=o.fifo poison=none');
    s.run('run for=3s');
    expect(s.q('sqs.deletedOrder(o.fifo)')).toBe('x,m1,m2,m3');
    expect(violationsOf(s)).toEqual([]);
  });
});
