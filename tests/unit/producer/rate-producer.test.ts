// Producers that send at a steady rate (src/engine/producer/rate.ts) in each messaging system.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from '../sqs/lab.ts';

describe('rate producers', () => {
  it('sqs.producer sends one message every interval, count times, then says so', () => {
    const s = lab();
    s.run(`sqs.queue name=orders
      sqs.producer name=p1 queue=orders every=200ms count=5`);
    s.run('run for=350ms');
    expect(s.q('sqs.sent(orders)')).toBe(2); // t=0 and t=200 (plus network latency)
    const out = s.run('run for=5s');
    expect(s.q('sqs.sent(orders)')).toBe(5);
    expect(out.some((l) => l.includes('p1 sent all 5 messages'))).toBe(true);
    expect(s.run('sqs.receive queue=orders max=10').map((l) => l.split(' ')[2])).toEqual(['p11', 'p12', 'p13', 'p14', 'p15']);
    expect(violationsOf(s)).toEqual([]);
  });

  it('starts after start= and spaces messages by every + 0..jitter', () => {
    const s = lab(3);
    s.run(`stream.topic name=t
      stream.producer name=w topic=t every=100ms jitter=50ms count=4 start=1s body=r`);
    s.run('run for=900ms');
    expect(s.q('stream.end(t)')).toBe(0);
    s.run('run for=2s');
    expect(s.q('stream.end(t)')).toBe(4);
    const times = s.sim.trace().filter((e) => e.kind === 'timer' && e.node === 'w').map((e) => e.t);
    expect(times[0]).toBe(1000);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
      expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(150);
    }
  });

  it('rabbit.producer cycles through its routing keys', () => {
    const s = lab();
    s.run(`rabbit.exchange name=orders type=topic
      rabbit.queue name=created
      rabbit.queue name=all
      rabbit.bind exchange=orders queue=created key=order.created
      rabbit.bind exchange=orders queue=all key="order.#"
      rabbit.producer name=p exchange=orders key=order.created,order.paid every=50ms count=6
      run for=2s`);
    expect([s.q('rabbit.ready(created)'), s.q('rabbit.ready(all)'), s.q('rabbit.published')]).toEqual([3, 6, 6]);
  });

  it('pubsub.producer: every subscription gets every message', () => {
    const s = lab();
    s.run(`pubsub.topic name=news
      pubsub.subscription name=a topic=news
      pubsub.subscription name=b topic=news
      pubsub.producer name=p topic=news every=10ms count=7
      run for=1s`);
    expect([s.q('pubsub.published(news)'), s.q('pubsub.waiting(a)'), s.q('pubsub.waiting(b)')]).toEqual([7, 7, 7]);
  });

  it('a crash stops it; a restart resumes with the next message', () => {
    const s = lab();
    s.run(`sqs.queue name=q
      sqs.producer name=p queue=q every=100ms count=10
      run for=250ms
      crash node=p
      run for=1s`);
    expect(s.q('sqs.sent(q)')).toBe(3);
    s.run('restart node=p\nrun for=2s');
    expect(s.q('sqs.sent(q)')).toBe(10);
    expect(s.run('sqs.receive queue=q max=10').map((l) => l.split(' ')[2])).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10']);
  });

  it('FIFO queues need groups; standard queues refuse them', () => {
    const s = lab();
    s.run('sqs.queue name=jobs.fifo\nsqs.queue name=plain');
    expect(s.exec('sqs.producer name=p queue=jobs.fifo').error).toMatch(/FIFO queue: say which message group/);
    expect(s.exec('sqs.producer name=p queue=plain group=a').error).toMatch(/standard queue/);
    s.run('sqs.producer name=p queue=jobs.fifo group=a,b count=4 every=10ms\nrun for=1s');
    expect(s.q('sqs.sent(jobs.fifo)')).toBe(4);
    expect(violationsOf(s)).toEqual([]);
  });

  it('refuses a missing target, a taken name and bad numbers with specific messages', () => {
    const s = lab();
    s.run('sqs.queue name=q\nsqs.consumer name=c queue=q');
    expect(s.exec('sqs.producer name=p queue=nope').error).toMatch(/no queue named 'nope'/);
    expect(s.exec('sqs.producer name=c queue=q').error).toMatch(/'c' is already a sqs node/);
    expect(s.exec('sqs.producer name=sqs queue=q').error).toMatch(/service's own node/);
    expect(s.exec('sqs.producer name=p queue=q count=0').error).toMatch(/count must be 1 to/);
    expect(s.exec('rabbit.producer name=p exchange=none').error).toMatch(/no exchange named 'none'/);
    expect(s.exec('stream.producer name=p topic=none').error).toMatch(/no topic named 'none'/);
    expect(s.exec('pubsub.producer name=p2 topic=none').error).toMatch(/no topic named 'none'/);
  });

  it('is deterministic and survives seeking back (its progress is in the snapshotted state)', () => {
    const script = `sqs.queue name=q visibility=1s
      sqs.producer name=p queue=q every=30ms jitter=20ms count=30
      sqs.consumer name=c queue=q work=40ms fail=20%
      run for=3s`;
    const a = lab(9); a.run(script);
    const b = lab(9); b.run(script);
    expect(a.sim.traceHash()).toBe(b.sim.traceHash());
    const hash = a.sim.traceHash();
    const now = a.sim.now;
    a.sim.seek(500);
    a.sim.seek(now);
    expect(a.sim.traceHash()).toBe(hash);
  });
});

describe('rabbit.producer headers', () => {
  it('sends its headers, so a headers exchange routes them', () => {
    const s = lab();
    s.run(`rabbit.exchange name=h type=headers
      rabbit.queue name=eu
      rabbit.queue name=us
      rabbit.bind exchange=h queue=eu headers=region=eu
      rabbit.bind exchange=h queue=us headers=region=us
      rabbit.producer name=p exchange=h headers=region=eu,kind=order count=3 every=10ms
      run for=1s`);
    expect([s.q('rabbit.ready(eu)'), s.q('rabbit.ready(us)')]).toEqual([3, 0]);
    expect(s.exec('rabbit.producer name=p2 exchange=h headers=oops').error).toMatch(/header 'oops' should look like name=value/);
  });
});
