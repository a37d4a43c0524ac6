// RabbitMQ rules (AMQP 0-9-1 model and the RabbitMQ docs on acknowledgements, prefetch, dead-letter
// exchanges, TTL and durability): routing by exchange type, acks and nacks, round-robin, redelivery.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from '../sqs/lab.ts';

describe('RabbitMQ exchanges route by their type', () => {
  it('direct: exact key; fanout: every bound queue; topic: patterns; unroutable messages are dropped with a note', () => {
    const s = lab();
    s.run(`rabbit.exchange name=d type=direct
      rabbit.exchange name=f type=fanout
      rabbit.exchange name=t type=topic
      rabbit.queue name=q1
      rabbit.queue name=q2
      rabbit.queue name=q3
      rabbit.bind exchange=d queue=q1 key=paid
      rabbit.bind exchange=d queue=q2 key=shipped
      rabbit.bind exchange=f queue=q1
      rabbit.bind exchange=f queue=q3
      rabbit.bind exchange=t queue=q2 key=order.*.eu
      rabbit.bind exchange=t queue=q3 key="order.#"`);
    expect(s.run('rabbit.publish exchange=d key=paid body=a')).toEqual(['published a: #1 in q1']);
    expect(s.run('rabbit.publish exchange=f key=whatever body=b')).toEqual(['published b: #2 in q1, #3 in q3']);
    expect(s.run('rabbit.publish exchange=t key=order.paid.eu body=c')).toEqual(['published c: #4 in q2, #5 in q3']);
    expect(s.run('rabbit.publish exchange=t key=order body=d')).toEqual(['published d: #6 in q3']);
    expect(s.run('rabbit.publish exchange=d key=refunded body=e')[0]).toMatch(/publish 5 \(e\) to d key=refunded: unroutable, no binding matched; dropped/);
    expect([s.q('rabbit.unroutable'), s.q('rabbit.routedTo(3)'), s.q('rabbit.route(4)')]).toEqual([1, 'q2,q3', 't[order.*.eu]>q2']);
  });

  it('the default exchange routes to the queue named by the key', () => {
    const s = lab();
    s.run('rabbit.queue name=jobs');
    expect(s.run('rabbit.publish key=jobs body=a')).toEqual(['published a: #1 in jobs']);
  });

  it('headers: x-match all needs every header, any needs one', () => {
    const s = lab();
    s.run(`rabbit.exchange name=h type=headers
      rabbit.queue name=all
      rabbit.queue name=any
      rabbit.bind exchange=h queue=all headers=format=pdf,type=report match=all
      rabbit.bind exchange=h queue=any headers=format=pdf,type=report match=any`);
    expect(s.run('rabbit.publish exchange=h body=a headers=format=pdf,type=report')).toEqual(['published a: #1 in all, #2 in any']);
    expect(s.run('rabbit.publish exchange=h body=b headers=format=pdf')).toEqual(['published b: #3 in any']);
    expect(s.run('rabbit.publish exchange=h body=c headers=format=zip')[0]).toMatch(/unroutable/);
  });

  it('a queue bound twice gets one copy', () => {
    const s = lab();
    s.run(`rabbit.exchange name=t type=topic
      rabbit.queue name=q
      rabbit.bind exchange=t queue=q key=a.*
      rabbit.bind exchange=t queue=q key="#"`);
    expect(s.run('rabbit.publish exchange=t key=a.b body=x')).toEqual(['published x: #1 in q']);
  });
});

describe('RabbitMQ consumers', () => {
  it('round-robin: without prefetch each consumer gets every other message, however slow it is', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.consumer name=fast queue=q work=10ms
      rabbit.consumer name=slow queue=q work=1s
      rabbit.publish key=q body=m count=10
      run for=100ms`);
    expect([s.q('rabbit.holding(fast)'), s.q('rabbit.holding(slow)'), s.q('rabbit.processed(fast)')]).toEqual([0, 5, 5]);
  });

  it('prefetch=1: a consumer gets the next message only after acking the last (fair dispatch)', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.consumer name=fast queue=q work=10ms prefetch=1
      rabbit.consumer name=slow queue=q work=1s prefetch=1
      rabbit.publish key=q body=m count=10
      run for=500ms`);
    expect([s.q('rabbit.holding(slow)'), s.q('rabbit.processed(fast)'), s.q('rabbit.ready(q)')]).toEqual([1, 9, 0]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('autoAck (no-ack mode): the broker forgets a message on delivery, so a consumer crash loses it', () => {
    const s = lab();
    const out = s.run(`rabbit.queue name=q
      rabbit.consumer name=c1 queue=q work=1s autoAck=true
      rabbit.publish key=q body=m count=3
      run for=100ms
      crash node=c1
      run for=2s`);
    expect(out).toContain('t=100ms c1 crashed holding #1,#2,#3: auto-acked, so they are lost');
    expect([s.q('rabbit.acked(q)'), s.q('rabbit.ready(q)'), s.q('rabbit.unacked(q)'), s.q('rabbit.processed(c1)')]).toEqual([3, 0, 0, 0]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('nack with requeue puts the message back in its place, flagged redelivered', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.publish key=q body=m count=3
      rabbit.get queue=q
      rabbit.nack msg=1 requeue=true`);
    expect(s.run('rabbit.get queue=q')).toEqual(['got #1 m1 tag=2 redelivered']);
  });

  it('reject without requeue and no dead-letter exchange drops the message, with a note', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.publish key=q body=m
      rabbit.get queue=q`);
    expect(s.run('rabbit.nack msg=1 requeue=false')).toEqual(['t=0ms rabbit q: #1 (m) dropped: rejected without requeue, no dead-letter exchange']);
    expect([s.q('rabbit.status(1)'), s.q('rabbit.dropped(q)')]).toEqual(['dropped', 1]);
  });

  it('a consumer that dies: its unacked messages are requeued and redelivered to another with redelivered=true', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.consumer name=c1 queue=q work=1s prefetch=2
      rabbit.publish key=q body=m count=2
      run for=100ms
      crash node=c1
      rabbit.consumer name=c2 queue=q work=10ms prefetch=2`);
    expect(s.q('rabbit.holding(c1)')).toBe(2);
    const out = s.run('run for=1100ms');
    expect(out).toContain('t=1100ms rabbit connection of c1 lost: requeued #1,#2 with redelivered=true');
    expect(out).toContain('t=1110ms rabbit->c2 Deliver q #1 tag=3 redelivered');
    expect([s.q('rabbit.processed(c2)'), s.q('rabbit.redelivered(q)')]).toEqual([2, 2]);
    expect(violationsOf(s)).toEqual([]);
  });
});

describe('RabbitMQ delivery acknowledgement timeout', () => {
  it('a delivery whose ack was lost is requeued when the timeout closes the channel, then delivered again', () => {
    const s = lab();
    s.run(`rabbit.queue name=q ackTimeout=2s
      rabbit.consumer name=c1 queue=q work=100ms prefetch=1
      rabbit.publish key=q body=a
      run for=50ms
      link from=c1 to=rabbit loss=100%
      run for=100ms
      link from=c1 to=rabbit loss=0%`);
    expect(s.q('rabbit.unacked(q)')).toBe(1); // the Ack was lost on the way
    const out = s.run('run for=2s');
    expect(out).toContain('t=2000ms rabbit #1 unacked for 2000ms: channel of c1 closed (delivery acknowledgement timeout): requeued #1 with redelivered=true');
    expect([s.q('rabbit.acked(q)'), s.q('rabbit.redelivered(q)'), s.q('rabbit.duplicates(q)')]).toEqual([1, 1, 1]);
  });
});

describe('RabbitMQ dead-lettering and TTL', () => {
  const setup = `rabbit.exchange name=dlx type=fanout
    rabbit.queue name=dead
    rabbit.bind exchange=dlx queue=dead`;

  it('a rejected message goes to the dead-letter exchange, and its route shows the way it took', () => {
    const s = lab();
    s.run(`${setup}
      rabbit.exchange name=orders type=direct
      rabbit.queue name=work dlx=dlx
      rabbit.bind exchange=orders queue=work key=new
      rabbit.consumer name=c1 queue=work fail=100% onFail=reject
      rabbit.publish exchange=orders key=new body=poison
      run for=1s`);
    expect([s.q('rabbit.status(1)'), s.q('rabbit.queueOf(2)'), s.q('rabbit.ready(dead)')]).toEqual(['dead-lettered', 'dead', 1]);
    expect(s.q('rabbit.route(2)')).toBe('orders[new]>work dlx[fanout]>dead');
  });

  it('queue TTL: an unconsumed message expires and is dead-lettered', () => {
    const s = lab();
    s.run(`${setup}
      rabbit.queue name=work ttl=2s dlx=dlx
      rabbit.publish key=work body=a
      run for=1999ms`);
    expect(s.q('rabbit.ready(work)')).toBe(1);
    s.run('run for=1ms');
    expect([s.q('rabbit.ready(work)'), s.q('rabbit.ready(dead)'), s.q('rabbit.deadLettered(work)')]).toEqual([0, 1, 1]);
  });

  it('per-message TTL expires only at the head: a short-lived message waits behind a long-lived one', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.publish key=q body=long ttl=10s
      rabbit.publish key=q body=short ttl=1s
      run for=2s`);
    expect(s.q('rabbit.ready(q)')).toBe(2); // 'short' is past its TTL but not at the head
    s.run('rabbit.get queue=q');
    expect(s.run('rabbit.get queue=q')).toEqual(['t=2000ms rabbit q: #2 (short) expired: TTL ran out, no dead-letter exchange', 'q is empty']);
    expect(s.q('rabbit.expired(q)')).toBe(1);
  });

  it('max length drops (or dead-letters) the oldest message', () => {
    const s = lab();
    s.run(`${setup}
      rabbit.queue name=q maxLength=2 dlx=dlx
      rabbit.publish key=q body=m count=3`);
    expect([s.q('rabbit.ready(q)'), s.q('rabbit.ready(dead)'), s.q('rabbit.status(1)')]).toEqual([2, 1, 'dead-lettered']);
  });

  it('a fully automatic dead-letter cycle (TTL back to the same queue) is dropped', () => {
    const s = lab();
    s.run(`rabbit.exchange name=back type=fanout
      rabbit.queue name=q ttl=1s dlx=back
      rabbit.bind exchange=back queue=q
      rabbit.publish key=q body=a
      run for=1s`);
    expect(s.q('rabbit.ready(q)')).toBe(0);
    expect(violationsOf(s)).toEqual([]);
  });
});

describe('RabbitMQ durability across a broker crash', () => {
  it('persistent messages in durable queues survive; transient ones and non-durable queues are lost, with notes', () => {
    const s = lab();
    s.run(`rabbit.queue name=keep
      rabbit.queue name=temp durable=false
      rabbit.publish key=keep body=p
      rabbit.publish key=keep body=t persistent=false
      rabbit.publish key=temp body=x
      rabbit.get queue=keep`);
    const out = s.run('crash node=rabbit');
    expect(out).toContain('t=0ms rabbit keep: lost #2 in the crash (transient messages)');
    expect(out).toContain('t=0ms rabbit temp: lost #3 in the crash (queue not durable)');
    s.run('restart node=rabbit');
    expect(s.run('rabbit.get queue=keep')).toEqual(['got #1 p tag=2 redelivered']);
    expect(() => s.run('rabbit.get queue=temp')).toThrow(/no RabbitMQ queue named 'temp'/);
    expect(violationsOf(s)).toEqual([]);
  });

  it('consumers reconnect after a broker restart and finish the work', () => {
    const s = lab();
    s.run(`rabbit.queue name=q
      rabbit.consumer name=c1 queue=q work=300ms prefetch=1
      rabbit.publish key=q body=m count=3
      run for=100ms
      crash node=rabbit
      run for=1s
      restart node=rabbit
      run for=2s`);
    expect([s.q('rabbit.acked(q)'), s.q('rabbit.ready(q)'), s.q('rabbit.redelivered(q)')]).toEqual([3, 0, 1]);
  });
});
