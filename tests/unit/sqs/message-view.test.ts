// The shared message view: the same question ("where is this message, who holds it, until when, how did it
// get here") answered the same way for SQS, RabbitMQ and pub/sub.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';
import { sqsMessageViews } from '../../../src/engine/sqs/message-view.ts';
import { rabbitMessageViews } from '../../../src/engine/rabbit/queries.ts';
import { pubsubMessageViews } from '../../../src/engine/pubsub/queries.ts';

describe('message views', () => {
  it('SQS: an in-flight message shows its holder, deadline and receive count; a dead letter its route', () => {
    const s = lab();
    s.run(`sqs.queue name=dlq
      sqs.queue name=orders visibility=1s dlq=dlq maxReceives=1
      sqs.send queue=orders body=a count=2
      sqs.receive queue=orders
      run for=1s
      sqs.receive queue=orders max=2`);
    const v = sqsMessageViews(s.sim.state('sqs'));
    expect(v.find((m) => m.id === 1)).toMatchObject({ status: 'dead-lettered', queue: 'dlq', route: ['orders', 'dlq'], holder: null });
    expect(v.find((m) => m.id === 2)).toMatchObject({ status: 'inflight', holder: 'you', deadline: 2000, receiveCount: 1 });
  });

  it('RabbitMQ: route hops name exchange, binding and queue, with the reason for a dead-letter hop', () => {
    const s = lab();
    s.run(`rabbit.exchange name=x type=direct
      rabbit.exchange name=dlx type=fanout
      rabbit.queue name=dead
      rabbit.bind exchange=dlx queue=dead
      rabbit.queue name=q dlx=dlx
      rabbit.bind exchange=x queue=q key=k
      rabbit.publish exchange=x key=k body=a
      rabbit.get queue=q
      rabbit.nack msg=1 requeue=false`);
    const v = rabbitMessageViews(s.sim.state('rabbit'));
    expect(v.find((m) => m.id === 2)).toMatchObject({ status: 'visible', queue: 'dead', route: ['x[k]>q', 'dlx[fanout]>dead (rejected)'] });
    expect(v.find((m) => m.id === 1)).toMatchObject({ status: 'dead-lettered', receiveCount: 1 });
  });

  it('pub/sub: a leased copy shows its subscriber and ack deadline', () => {
    const s = lab();
    s.run(`pubsub.topic name=t
      pubsub.subscription name=s topic=t ackDeadline=3s
      pubsub.publish topic=t body=a
      pubsub.pull sub=s`);
    expect(pubsubMessageViews(s.sim.state('pubsub'))[0]).toMatchObject({ status: 'inflight', holder: 'you', deadline: 3000, route: ['t>s'] });
  });
});
