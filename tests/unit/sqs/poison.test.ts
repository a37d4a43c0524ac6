// A poison message (one that every consumer fails on) under each rule book: SQS moves it to the
// dead-letter queue after maxReceiveCount receives; RabbitMQ requeues it for ever (nack requeue=true) or
// dead-letters it at the first rejection; pub/sub forwards it to the dead-letter topic after maxAttempts.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from './lab.ts';

describe('a poison message', () => {
  it('SQS: received maxReceiveCount times, then moved to the DLQ; the others are processed', () => {
    const s = lab();
    s.run(`sqs.queue name=dlq
      sqs.queue name=orders visibility=300ms dlq=dlq maxReceives=3
      sqs.send queue=orders body=o count=4
      sqs.consumer name=w queue=orders work=20ms poison=o2 wait=1s
      run for=3s`);
    expect([s.q('sqs.deletedOrder(orders)'), s.q('sqs.failed(w)'), s.q('sqs.queueOf(2)'), s.q('sqs.visible(dlq)')]).toEqual(['o1,o3,o4', 3, 'dlq', 1]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('retuning a consumer keeps its poison list unless a new one is given', () => {
    const s = lab();
    s.run(`sqs.queue name=orders
      sqs.consumer name=w queue=orders poison=a,b
      sqs.consumer name=w queue=orders work=50ms`);
    expect(s.sim.state<{ consumers: Record<string, { poison: string[] }> }>('sqs').consumers.w!.poison).toEqual(['a', 'b']);
  });

  it('RabbitMQ: nack with requeue brings it back again and again; reject dead-letters it at once', () => {
    const s = lab();
    s.run(`rabbit.exchange name=dead type=fanout
      rabbit.queue name=parking
      rabbit.bind exchange=dead queue=parking
      rabbit.queue name=loop
      rabbit.queue name=strict dlx=dead
      rabbit.publish key=loop body=o count=3
      rabbit.publish key=strict body=o count=3
      rabbit.consumer name=a queue=loop work=20ms poison=o2
      rabbit.consumer name=b queue=strict work=20ms poison=o2 onFail=reject
      run for=1s`);
    expect(Number(s.q('rabbit.redelivered(loop)'))).toBeGreaterThan(10);
    expect([s.q('rabbit.ackedOrder(loop)'), s.q('rabbit.ready(loop)') as number + (s.q('rabbit.unacked(loop)') as number)]).toEqual(['o1,o3', 1]);
    expect([s.q('rabbit.ackedOrder(strict)'), s.q('rabbit.deadLettered(strict)'), s.q('rabbit.ready(parking)'), s.q('rabbit.failed(b)')]).toEqual(['o1,o3', 1, 1, 1]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('pub/sub: nacked on every delivery, then forwarded to the dead-letter topic after maxAttempts', () => {
    const s = lab();
    s.run(`pubsub.topic name=orders
      pubsub.topic name=dead
      pubsub.subscription name=parked topic=dead
      pubsub.subscription name=work topic=orders deadLetter=dead maxAttempts=5
      pubsub.publish topic=orders body=o count=3
      pubsub.subscriber name=s1 sub=work work=20ms poison=o2
      run for=3s`);
    expect([s.q('pubsub.ackedOrder(work)'), s.q('pubsub.deadLettered(work)'), s.q('pubsub.failed(s1)'), s.q('pubsub.waiting(parked)')]).toEqual(['o1,o3', 1, 5, 1]);
    expect(violationsOf(s)).toEqual([]);
  });
});
