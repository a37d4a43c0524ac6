// Managed pub/sub (Cloud Pub/Sub's model): every subscription gets every message, pull and push delivery,
// ack deadlines and redelivery, nacks, dead-letter topics, retention.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab, violationsOf } from '../sqs/lab.ts';
import type { PubsubState } from '../../../src/engine/pubsub/state.ts';

describe('pub/sub', () => {
  it('each subscription gets its own copy of every message; a subscription created later sees only later ones', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=audit topic=orders
      pubsub.subscription name=billing topic=orders`);
    expect(s.run('pubsub.publish topic=orders body=a')).toEqual(['published a: #1 for audit, #2 for billing']);
    s.run('pubsub.subscription name=search topic=orders');
    expect(s.run('pubsub.publish topic=orders body=b')).toEqual(['published b: #3 for audit, #4 for billing, #5 for search']);
    expect([s.q('pubsub.backlog(audit)'), s.q('pubsub.backlog(search)')]).toEqual([2, 1]);
  });

  it('a topic with no subscriptions: the message is noted as unread by anyone', () => {
    const s = lab();
    s.run('pubsub.topic name=orders');
    expect(s.run('pubsub.publish topic=orders body=a')[0]).toMatch(/has no subscriptions; nobody will ever read it/);
  });

  it('pull: a leased message is redelivered when its ack deadline passes, with a higher attempt count', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=audit topic=orders ackDeadline=2s
      pubsub.publish topic=orders body=a`);
    expect(s.run('pubsub.pull sub=audit')).toEqual(['pulled #1 a attempt=1 (ack by t=2s)']);
    expect(s.run('pubsub.pull sub=audit')).toEqual(['audit: nothing to pull']);
    expect(s.run('run for=2s')).toContain('t=2000ms pubsub audit: #1 ack deadline passed (delivery 1); it will be redelivered');
    expect(s.run('pubsub.pull sub=audit')[0]).toMatch(/pulled #1 a attempt=2/);
    s.run('pubsub.ack sub=audit msg=1');
    expect([s.q('pubsub.status(1)'), s.q('pubsub.redelivered(audit)'), s.q('pubsub.backlog(audit)')]).toEqual(['acked', 1, 0]);
  });

  it('modifying the ack deadline extends a lease; 0 is a nack and redelivers at once', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=audit topic=orders ackDeadline=2s
      pubsub.publish topic=orders body=a count=2
      pubsub.pull sub=audit max=2
      pubsub.modack sub=audit msg=1 deadline=10s
      pubsub.modack sub=audit msg=2 deadline=0s
      run for=5s`);
    expect([s.q('pubsub.status(1)'), s.q('pubsub.status(2)')]).toEqual(['leased', 'waiting']);
  });

  it('push: the service pushes to the endpoint; a 200 acks, a failure is redelivered', () => {
    const s = lab(2);
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=hook topic=orders mode=push ackDeadline=1s
      pubsub.subscriber name=web sub=hook work=20ms fail=50%
      pubsub.publish topic=orders body=o count=6
      run for=5s`);
    expect(s.q('pubsub.acked(hook)')).toBe(6);
    expect(s.q('pubsub.redelivered(hook)')).toBe(s.q('pubsub.failed(web)'));
    expect(Number(s.q('pubsub.failed(web)'))).toBeGreaterThan(0);
    expect(violationsOf(s)).toEqual([]);
  });

  it('a push endpoint that is down: pushes are lost on the wire, deadlines pass, and it all arrives after it restarts', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=hook topic=orders mode=push ackDeadline=1s
      pubsub.subscriber name=web sub=hook work=20ms
      crash node=web
      pubsub.publish topic=orders body=o count=3
      run for=2500ms
      restart node=web
      run for=2s`);
    expect([s.q('pubsub.acked(hook)'), s.q('pubsub.backlog(hook)')]).toEqual([3, 0]);
  });

  it('an ack deadline shorter than the work makes duplicates', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=audit topic=orders ackDeadline=500ms
      pubsub.subscriber name=a1 sub=audit work=800ms
      pubsub.subscriber name=a2 sub=audit work=800ms
      pubsub.publish topic=orders body=o
      run for=3s`);
    expect(Number(s.q('pubsub.duplicates(audit)'))).toBeGreaterThan(0);
  });

  it('after maxAttempts deliveries a message is forwarded to the dead-letter topic', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.topic name=orders-dead
      pubsub.subscription name=dead topic=orders-dead
      pubsub.subscription name=work topic=orders deadLetter=orders-dead maxAttempts=2
      pubsub.subscriber name=w sub=work fail=100% work=10ms
      pubsub.publish topic=orders body=poison
      run for=3s`);
    expect([s.q('pubsub.status(1)'), s.q('pubsub.attempts(1)'), s.q('pubsub.backlog(dead)'), s.q('pubsub.route(2)')])
      .toEqual(['dead-lettered', 2, 1, 'orders>work orders-dead>dead']);
  });

  it('retention drops what stays unacked too long, with a note', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=audit topic=orders retention=1m
      pubsub.publish topic=orders body=a`);
    expect(s.run('run for=1m')).toContain('t=60000ms pubsub audit: #1 expired: unacked longer than the retention of 60000ms');
  });

  it('property: under subscriber crashes and a lossy network every copy ends acked or dead-lettered', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 15 }),
      fc.array(fc.record({ at: fc.integer({ min: 0, max: 2000 }), who: fc.constantFrom('p1', 'web', 'pubsub') }), { maxLength: 3 }),
      (seed, n, fail, loss, crashes) => {
        const s = lab(seed);
        s.run(`pubsub.topic name=t
          pubsub.topic name=dlt
          pubsub.subscription name=dead topic=dlt
          pubsub.subscription name=pull topic=t ackDeadline=500ms deadLetter=dlt maxAttempts=6
          pubsub.subscription name=hook topic=t mode=push ackDeadline=500ms
          pubsub.subscriber name=p1 sub=pull work=20ms jitter=40ms fail=${fail}%
          pubsub.subscriber name=web sub=hook work=20ms jitter=40ms fail=${fail}%
          network loss=${loss}%
          pubsub.publish topic=t body=m count=${n}`);
        for (const c of [...crashes].sort((x, y) => x.at - y.at)) {
          if (c.at > s.sim.now) s.run(`run for=${c.at - s.sim.now}ms`);
          s.run(`crash node=${c.who}
            run for=300ms
            restart node=${c.who}`);
        }
        s.run(`network loss=0%
          run for=60s`);
        const st = s.sim.state<PubsubState>('pubsub');
        for (const m of Object.values(st.msgs)) {
          if (m.sub === 'dead') continue;
          expect(['acked', 'dead-lettered']).toContain(m.status);
        }
        expect(violationsOf(s)).toEqual([]);
      }), { numRuns: 30 });
  }, 60_000); // a ceiling for a busy machine; about 1s when idle
});
