// The queue drawings' view models, read from real runs: what each system's section shows, the words it
// says, the flights it draws, the actions it offers (each a command that runs) and the scoreboard.
import { describe, expect, it } from 'vitest';
import { lab } from '../sqs/lab.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';
import type { RabbitState } from '../../../src/engine/rabbit/state.ts';
import type { PubsubState } from '../../../src/engine/pubsub/state.ts';
import type { StreamState } from '../../../src/engine/stream/state.ts';
import { sqsModel } from '../../../src/views/queues/model-sqs.ts';
import { rabbitModel, routeEdges } from '../../../src/views/queues/model-rabbit.ts';
import { pubsubModel } from '../../../src/views/queues/model-pubsub.ts';
import { streamModel } from '../../../src/views/queues/model-stream.ts';
import { countdown, rabbitChipCard, sqsChipCard, sqsChipWords, sqsConsumerWords, streamReaderWords } from '../../../src/views/queues/describe.ts';
import { carriedItems, facing, queueFlights, serviceItem, shortLabel } from '../../../src/views/queues/flights.ts';
import { clientActions, itemActions, sampleKey } from '../../../src/views/queues/actions.ts';
import { compareRows, isComparison, orderCheck } from '../../../src/views/queues/compare.ts';
import { itemId, parseItem, parseRecord, recordId } from '../../../src/views/queues/ids.ts';
import { cardFor } from '../../../src/views/queues/cards.ts';
import { topicMatches } from '../../../src/engine/rabbit/topic.ts';

function sqsRun() {
  const s = lab(1);
  s.run(`sqs.queue name=orders-dlq
    sqs.queue name=orders visibility=1s dlq=orders-dlq maxReceives=1
    sqs.send queue=orders body=a count=3
    sqs.send queue=orders body=late delay=5s
    sqs.receive queue=orders
    run for=1s
    sqs.receive queue=orders
    sqs.consumer name=w1 queue=orders work=300ms wait=1s`);
  return s;
}

describe('SQS model', () => {
  it('puts each dead-letter queue after its source and says every message’s state and timer', () => {
    const s = sqsRun();
    const m = sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes());
    expect(m.queues.map((q) => [q.name, q.sources])).toEqual([['orders', []], ['orders-dlq', ['orders']]]);
    const orders = m.queues[0]!;
    const byBody = Object.fromEntries(orders.msgs.map((c) => [c.body, c]));
    expect(byBody.a2).toMatchObject({ status: 'inflight', holder: 'you', receiveCount: 1, span: 1000 });
    expect(byBody.a2!.until).toBe(s.sim.now + 1000);
    expect(byBody.late).toMatchObject({ status: 'delayed', until: 5000, span: 5000 });
    const dead = m.queues[1]!.msgs[0]!;
    expect(dead).toMatchObject({ body: 'a1', status: 'dead-lettered', route: ['orders', 'orders-dlq'] });
    expect(m.consumers[0]).toMatchObject({ id: 'w1', phase: 'polling', longPoll: true });
  });

  it('words: receive count, holder and route in the label and the hover card; the card’s timer counts down', () => {
    const s = sqsRun();
    const orders = sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes()).queues[0]!;
    const a2 = orders.msgs.find((c) => c.body === 'a2')!;
    expect(sqsChipWords(a2, 'orders')).toBe('message #2 a2 in orders: in flight with you (invisible to others), received once');
    const card = sqsChipCard(a2, 'orders');
    expect(card.lines).toContain('receive count: 1');
    expect(card.lines).toContain('route: orders');
    expect(card.timer).toEqual({ label: 'visible again', until: s.sim.now + 1000 });
    expect(countdown(1500, 1000)).toBe('in 500 ms');
    expect(countdown(1000, 1500)).toBe('now');
    expect(sqsConsumerWords(sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes()).consumers[0]!)).toMatch(/^consumer w1 on orders: polling; 0 processed, 0 failed$/);
  });
});

describe('RabbitMQ model', () => {
  function rabbitRun() {
    const s = lab(1);
    s.run(`rabbit.exchange name=dead type=fanout
      rabbit.queue name=parking
      rabbit.bind exchange=dead queue=parking
      rabbit.exchange name=orders type=topic
      rabbit.queue name=eu dlx=dead
      rabbit.bind exchange=orders queue=eu key="order.*.eu"
      rabbit.publish exchange=orders key=order.paid.eu body=x count=3
      rabbit.get queue=eu
      rabbit.nack msg=1 requeue=false
      rabbit.consumer name=c1 queue=eu prefetch=1 work=1s`);
    return s;
  }

  it('lists dead-letter boxes after the queues that feed them, and each consumer’s prefetch window', () => {
    const s = rabbitRun();
    const m = rabbitModel(s.sim.state<RabbitState>('rabbit'), s.sim.nodes());
    expect(m.queues.map((q) => [q.name, q.deadLetterBox])).toEqual([['eu', false], ['parking', true]]);
    expect(m.exchanges.find((x) => x.name === 'dead')!.isDlx).toBe(true);
    expect(m.exchanges.find((x) => x.name === 'orders')!.bindings).toEqual([{ exchange: 'orders', queue: 'eu', label: 'order.*.eu', key: 'order.*.eu' }]);
    expect(m.consumers[0]).toMatchObject({ id: 'c1', prefetch: 1, holding: [2] });
  });

  it('a dead-lettered copy’s route lights the binding it came by and the dead-letter hop', () => {
    const s = rabbitRun();
    const m = rabbitModel(s.sim.state<RabbitState>('rabbit'), s.sim.nodes());
    const parked = m.queues.find((q) => q.name === 'parking')!.ready[0]!;
    expect([...routeEdges(parked.route)].sort()).toEqual(['bind:dead>parking', 'bind:orders>eu', 'dead:eu>dead']);
    expect(rabbitChipCard(parked, 'parking').lines.join('\n')).toMatch(/route: orders \[order\.\*\.eu\] → eu\n {2}then: dead-lettered \(rejected\) → dead \[fanout\] → parking/);
  });
});

describe('pub/sub and stream models', () => {
  it('pub/sub: subscriptions in topic order, leased copies with their ack deadline', () => {
    const s = lab(1);
    s.run(`pubsub.topic name=orders
      pubsub.subscription name=audit topic=orders ackDeadline=2s
      pubsub.subscription name=mail topic=orders
      pubsub.publish topic=orders body=o count=2
      pubsub.pull sub=audit`);
    const m = pubsubModel(s.sim.state<PubsubState>('pubsub'), s.sim.nodes());
    expect(m.subs.map((x) => x.name)).toEqual(['audit', 'mail']);
    expect(m.subs[0]!.msgs[0]).toMatchObject({ status: 'leased', leasedTo: 'you', deadline: 2000, span: 2000, attempts: 1 });
    expect(cardFor(itemId('pubsub', 'msg', m.subs[0]!.msgs[0]!.id), { pubsub: m })!.timer).toEqual({ label: 'ack deadline', until: 2000 });
  });

  it('stream: each reader’s bookmark, what it holds, and a reader stuck on a poison record', () => {
    const s = lab(1);
    s.run(`stream.topic name=board
      stream.append topic=board body=n count=4
      stream.reader name=a topic=board work=50ms poison=n2
      stream.reader name=b topic=board work=1s
      run for=500ms`);
    const t = streamModel(s.sim.state<StreamState>('stream'), s.sim.nodes()).topics[0]!;
    expect([t.start, t.end, t.records.length]).toEqual([0, 4, 4]);
    const [a, b] = t.readers;
    expect(a).toMatchObject({ id: 'a', position: 1, retrying: 1, lag: 3 });
    expect(b).toMatchObject({ id: 'b', position: null, inHand: [0, 1, 2, 3] });
    expect(streamReaderWords(a!)).toBe('reader a: stuck retrying offset 1, bookmark at offset 1, 3 behind; 1 processed');
  });
});

describe('flights', () => {
  it('leave from the queue, exchange, subscription or topic they name, and know which drawn messages they carry', () => {
    expect(serviceItem('sqs', { type: 'ReceiveMessage', queue: 'orders' })).toBe('sqs:queue:orders');
    expect(serviceItem('rabbit', { type: 'Publish', exchange: '', key: 'billing' })).toBe('rabbit:queue:billing');
    expect(serviceItem('rabbit', { type: 'Publish', exchange: 'orders', key: 'x' })).toBe('rabbit:exchange:orders');
    expect(serviceItem('pubsub', { type: 'Pull', sub: 'audit' })).toBe('pubsub:sub:audit');
    expect(carriedItems('sqs', { type: 'Messages', queue: 'q', messages: [{ id: 3 }, { id: 4 }] })).toEqual(['sqs:msg:3', 'sqs:msg:4']);
    expect(carriedItems('stream', { type: 'Records', topic: 'board', records: [{ offset: 7 }] })).toEqual([recordId('board', 7)]);
    expect(shortLabel({ type: 'Messages', messages: [] })).toBe('empty');
    expect(shortLabel({ type: 'Nack', requeue: true })).toBe('nack ↺');
    const [a, b] = facing({ x: 0, y: 0, w: 10, h: 10 }, { x: 100, y: 0, w: 10, h: 10 });
    expect([a.x, b.x]).toEqual([10, 100]);
  });

  it('a receive in flight is drawn between the consumer and its queue, labelled in words', () => {
    const s = lab(1);
    s.run(`sqs.queue name=orders
      sqs.send queue=orders body=a
      sqs.consumer name=w1 queue=orders`);
    s.run('step n=1');
    const rects = { 'node:w1': { x: 500, y: 0, w: 50, h: 30 }, 'sqs:queue:orders': { x: 0, y: 0, w: 300, h: 30 } };
    const fl = queueFlights(s.sim.inFlight(), new Set(['sqs'] as const), rects, (f) => f.msg.type);
    expect(fl).toHaveLength(1);
    expect(fl[0]).toMatchObject({ from: 'sqs', to: 'w1', look: 'letter', carries: ['sqs:msg:1'] });
    expect(fl[0]!.a.x).toBe(300);
    expect(fl[0]!.label).toMatch(/^Messages from sqs to w1, arrives at \d+ ms$/);
  });
});

describe('actions from the drawings', () => {
  it('every action offered for every drawn thing is a command that runs', () => {
    const script = `sqs.queue name=dlq
      sqs.queue name=orders visibility=1s dlq=dlq maxReceives=1
      sqs.send queue=orders body=a count=2
      sqs.receive queue=orders
      run for=1s
      sqs.receive queue=orders
      sqs.queue name=jobs.fifo
      rabbit.exchange name=x type=topic
      rabbit.exchange name=f type=fanout
      rabbit.exchange name=h type=headers
      rabbit.queue name=q
      rabbit.bind exchange=x queue=q key="a.*.#"
      rabbit.bind exchange=f queue=q
      rabbit.bind exchange=h queue=q headers=kind=eu
      rabbit.publish key=q body=m
      rabbit.get queue=q
      pubsub.topic name=t
      pubsub.subscription name=s topic=t
      pubsub.publish topic=t body=p
      pubsub.pull sub=s
      stream.topic name=log
      stream.append topic=log body=r count=2
      stream.reader name=r1 topic=log`;
    const s = lab(1);
    s.run(script);
    const items = ['sqs:queue:orders', 'sqs:queue:dlq', 'sqs:queue:jobs.fifo', 'sqs:msg:1', 'sqs:msg:2', 'rabbit:exchange:x', 'rabbit:exchange:f', 'rabbit:exchange:h', 'rabbit:queue:q',
      'rabbit:msg:1', 'pubsub:topic:t', 'pubsub:sub:s', 'pubsub:msg:1', 'stream:topic:log', recordId('log', 1)];
    const lines = items.flatMap((id) => itemActions(s.sim, id).map((a) => a.line));
    expect(lines).toContain('sqs.redrive from=dlq');
    expect(lines).toContain('sqs.send queue=jobs.fifo body=msg1 group=a');
    expect(lines).toContain('sqs.delete queue=orders msg=2');
    expect(lines).toContain('rabbit.ack msg=1');
    expect(lines).toContain('rabbit.publish exchange=h headers="kind=eu" body=msg2');
    expect(lines).toContain('pubsub.ack sub=s msg=1');
    expect(lines).toContain('stream.seek reader=r1 offset=1');
    for (const line of lines) {
      const fresh = lab(1);
      fresh.run(script);
      expect(fresh.exec(line).error, line).toBeUndefined();
    }
  });

  it('a topic pattern’s sample key is one the pattern matches', () => {
    for (const p of ['order.*', 'order.#', '#', '*.eu', 'a.#.b', '*.*.x']) expect(topicMatches(p, sampleKey(p)), p).toBe(true);
  });

  it('consumers can be stopped and started again; readers replayed', () => {
    const s = lab(1);
    s.run(`sqs.queue name=q
      sqs.consumer name=w queue=q
      stream.topic name=t
      stream.reader name=r topic=t`);
    expect(clientActions(s.sim, 'w').map((a) => a.line)).toEqual(['sqs.stop name=w']);
    s.run('sqs.stop name=w');
    expect(clientActions(s.sim, 'w').map((a) => a.line)).toEqual(['sqs.consumer name=w queue=q']);
    expect(clientActions(s.sim, 'r').map((a) => a.line)).toEqual(['stream.seek reader=r offset=0']);
    expect(clientActions(s.sim, 'sqs')).toEqual([]);
  });

  it('item ids parse back', () => {
    expect(parseItem('rabbit:binding:orders>billing')).toEqual({ sys: 'rabbit', kind: 'binding', name: 'orders>billing' });
    expect(parseItem('kafka:partition:x')).toBeNull();
    expect(parseRecord('my:topic:12')).toEqual({ topic: 'my:topic', offset: 12 });
  });
});

describe('the scoreboard', () => {
  it('order: the first message that finished after a later one', () => {
    expect(orderCheck([1, 2, 3], String)).toEqual({ ok: true, note: 'in send order' });
    expect(orderCheck([2, 1, 3], (id) => `o${id}`)).toEqual({ ok: false, note: 'o1 finished after o2' });
    expect(orderCheck([], String)).toBeNull();
  });

  it('measures each rule book through the queries it shows, once two or more are at work', () => {
    const s = lab(4);
    s.run(`stream.topic name=orders
      stream.append topic=orders body=o count=4
      stream.reader name=r1 topic=orders work=50ms
      sqs.queue name=dlq
      sqs.queue name=orders dlq=dlq visibility=500ms maxReceives=1
      sqs.send queue=orders body=o count=4
      sqs.consumer name=w1 queue=orders work=50ms jitter=200ms poison=o2 wait=1s
      sqs.consumer name=w2 queue=orders work=50ms jitter=200ms poison=o2 wait=1s
      run for=3s`);
    const rows = compareRows(s.sim);
    expect(isComparison(rows)).toBe(true);
    expect(rows.map((r) => [r.book, r.subject])).toEqual([['Kafka-style log', 'reader r1'], ['SQS', 'queue orders']]);
    const [stream, sqs] = rows;
    expect(stream!.order).toEqual({ query: 'stream.seen(r1)', value: '0,1,2,3' });
    expect(stream!.overtaken).toEqual({ query: 'stream.overtaken(r1)', value: '0' });
    expect(stream!.inOrder?.ok).toBe(true);
    expect(stream!.deadNote).toBe('none (no DLQ)');
    expect(sqs!.dead).toEqual({ query: 'sqs.deadLettered(orders)', value: '1' });
    expect(sqs!.order.value).toBe(String(s.q('sqs.deletedOrder(orders)')));
    expect(isComparison(rows.slice(1))).toBe(false);
  });
});
