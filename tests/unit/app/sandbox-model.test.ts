// The sandbox builder's model: defaults that wire themselves up, renames that keep the wiring, and
// validation that names each problem at its field with a specific sentence.
import { describe, expect, it } from 'vitest';
import { emptyTopology, freshName, newItem, removeItem, updateItem, type Topology } from '../../../src/app/sandbox/model.ts';
import { PRESETS, presetById } from '../../../src/app/sandbox/presets.ts';
import { bindingKeyProblem, validateTopology } from '../../../src/app/sandbox/validate.ts';
import { topologyShapeProblem } from '../../../src/app/sandbox/shape.ts';

const messages = (t: Topology) => validateTopology(t).map((p) => `${p.path}: ${p.message}`);
const preset = (id: string) => structuredClone(presetById(id)!.topology);

describe('sandbox model', () => {
  it('fresh names skip the ones taken', () => {
    expect(freshName('c', ['c1', 'c2', 'x'])).toBe('c3');
    expect(freshName('q', [])).toBe('q1');
  });

  it('new items get sensible defaults wired to what exists', () => {
    let t = emptyTopology('sqs');
    t = newItem(t, 'queues');
    t = newItem(t, 'consumers');
    t = newItem(t, 'producers');
    expect(t.queues).toEqual([{ name: 'queue1', fifo: false, visibilityMs: 2000, dlq: '', maxReceives: 3, ttlMs: 0, dlx: '' }]);
    expect(t.consumers[0]).toMatchObject({ name: 'c1', source: 'queue1', workMs: 150, failPct: 0, prefetch: 1 });
    expect(t.producers[0]).toMatchObject({ name: 'p1', target: 'queue1', everyMs: 200, count: 20 });
    expect(messages(t)).toEqual([]);
  });

  it('a consumer added after a DLQ still reads the main queue', () => {
    const t = newItem(preset('work-queue'), 'consumers');
    expect(t.consumers.at(-1)!.source).toBe('orders');
  });

  it('renaming a queue renames every reference to it', () => {
    const t = updateItem(preset('work-queue'), 'queues', 1, { name: 'graveyard' });
    expect(t.queues[0]!.dlq).toBe('graveyard');
    const u = updateItem(t, 'queues', 0, { name: 'jobs' });
    expect(u.consumers.map((c) => c.source)).toEqual(['jobs', 'jobs', 'jobs']);
    expect(u.producers[0]!.target).toBe('jobs');
    expect(messages(u)).toEqual([]);
  });

  it('renaming an exchange or topic carries bindings, DLX, subscriptions and producers along', () => {
    const r = updateItem(preset('topic-dlx'), 'exchanges', 1, { name: 'morgue' });
    expect(r.queues.map((q) => q.dlx)).toEqual(['morgue', 'morgue', '']);
    expect(r.bindings[2]!.exchange).toBe('morgue');
    const p = updateItem(preset('fanout-subs'), 'topics', 0, { name: 'joins' });
    expect(p.subscriptions.map((s) => s.topic)).toEqual(['joins', 'joins', 'joins']);
    expect(p.producers[0]!.target).toBe('joins');
  });

  it('a rename that passes through another item\u2019s name does not steal its references', () => {
    let t = preset('work-queue');
    t = updateItem(t, 'queues', 1, { name: 'orders' }); // momentarily the same name as queue 1
    expect(t.consumers.map((c) => c.source)).toEqual(['orders', 'orders', 'orders']);
    t = updateItem(t, 'queues', 1, { name: 'orders-x' });
    expect(t.consumers.map((c) => c.source)).toEqual(['orders', 'orders', 'orders']);
  });

  it('removes an item', () => {
    const t = removeItem(preset('work-queue'), 'consumers', 2);
    expect(t.consumers.map((c) => c.name)).toEqual(['w1', 'w2']);
  });

  it('every preset is valid and well-shaped', () => {
    for (const p of PRESETS) {
      expect(messages(p.topology), p.id).toEqual([]);
      expect(topologyShapeProblem(p.topology), p.id).toBeNull();
    }
  });
});

describe('sandbox validation: specific messages at the field', () => {
  const cases: [string, (t: Topology) => Topology, string][] = [
    ['an empty name', (t) => updateItem(t, 'consumers', 0, { name: '' }), 'consumers.0.name: Consumer 1 needs a name.'],
    ['a name with a space', (t) => updateItem(t, 'consumers', 0, { name: 'w 1' }), "consumers.0.name: Consumer 1: 'w 1' is not a usable name"],
    ['two nodes with one name', (t) => updateItem(t, 'producers', 0, { name: 'w1' }), "consumers.0.name: Consumer 1: the name 'w1' is already used by producer 1."],
    ['a node named like the service', (t) => updateItem(t, 'consumers', 0, { name: 'sqs' }), "consumers.0.name: Consumer 1: 'sqs' is the name of a service node"],
    ['a queue as its own DLQ', (t) => updateItem(t, 'queues', 0, { dlq: 'orders' }), 'queues.0.dlq: Queue orders: a queue cannot be its own dead-letter queue.'],
    ['a missing DLQ', (t) => ({ ...t, queues: [{ ...t.queues[0]!, dlq: 'gone' }] }), "queues.0.dlq: Queue orders: its dead-letter queue 'gone' is not in the topology."],
    ['a DLQ loop', (t) => updateItem(t, 'queues', 1, { dlq: 'orders' }), 'queues.0.dlq: Dead-letter queues go round in a loop (orders → orders-dlq → orders)'],
    ['a FIFO queue without .fifo', (t) => updateItem(t, 'queues', 1, { fifo: true }), "queues.1.name: Queue orders-dlq: a FIFO queue's name must end in .fifo"],
    ['a FIFO DLQ for a standard queue', (t) => updateItem(updateItem(t, 'queues', 1, { fifo: true }), 'queues', 1, { name: 'dead.fifo' }), "queues.0.dlq: Queue orders: the dead-letter queue of a standard queue must also be standard; 'dead.fifo' is not."],
    ['a failure rate over 100', (t) => updateItem(t, 'consumers', 2, { failPct: 150 }), 'consumers.2.failPct: Consumer flaky: the failure rate must be a whole number of percent from 0 to 100.'],
    ['an unreadable work time', (t) => updateItem(t, 'consumers', 0, { workMs: Number.NaN }), 'consumers.0.workMs: Consumer w1: the work time must be a whole number of ms from 0 to 60000.'],
    ['a batch over 10', (t) => updateItem(t, 'consumers', 0, { prefetch: 11 }), 'consumers.0.prefetch: Consumer w1: an SQS receive takes 1 to 10 messages at a time.'],
    ['a producer to nowhere', (t) => updateItem(t, 'producers', 0, { target: 'nowhere' }), "producers.0.target: Producer shop: the queue 'nowhere' is not in the topology."],
    ['groups on a standard queue', (t) => updateItem(t, 'producers', 0, { keys: 'a,b' }), 'producers.0.keys: Producer shop: message groups are for FIFO queues; orders is a standard queue.'],
    ['zero messages', (t) => updateItem(t, 'producers', 0, { count: 0 }), 'producers.0.count: Producer shop: the number of messages must be a whole number from 1 to 1000.'],
    ['no queue at all', (t) => ({ ...t, queues: [] }), 'queues: Add at least one queue.'],
    ['a negative run time', (t) => ({ ...t, runForMs: -5 }), 'runForMs: How long to run must be'],
  ];
  for (const [what, change, expected] of cases) {
    it(`SQS: ${what}`, () => {
      expect(messages(change(preset('work-queue'))).some((m) => m.startsWith(expected)), messages(change(preset('work-queue'))).join('\n')).toBe(true);
    });
  }

  it('FIFO producers need a message group', () => {
    const t = updateItem(preset('fifo-groups'), 'producers', 0, { keys: '' });
    expect(messages(t)).toContain('producers.0.keys: Producer app: jobs.fifo is a FIFO queue; give at least one message group (e.g. g1,g2).');
  });

  it('RabbitMQ: bindings, keys, exchanges and DLX', () => {
    const t = preset('topic-dlx');
    expect(messages(updateItem(t, 'bindings', 0, { key: 'order..x' }))).toContain("bindings.0.key: Binding 1: the pattern 'order..x' has an empty word (two dots together, or a dot at an end).");
    expect(messages(updateItem(t, 'bindings', 0, { key: 'order.*x' }))).toContain("bindings.0.key: Binding 1: in the pattern 'order.*x', '*x' is not a word: use letters and digits, or * (one word) or # (any number of words).");
    expect(messages(updateItem(t, 'bindings', 2, { key: 'x' }))).toContain('bindings.2.key: Binding 3: a fanout exchange ignores the key; leave it empty.');
    expect(messages(updateItem(t, 'bindings', 1, { queue: 'billing', key: 'order.*' }))).toContain('bindings.1.key: Binding 2: the same binding is listed twice.');
    expect(messages(updateItem(t, 'producers', 0, { keys: 'order.#' }))).toContain("producers.0.keys: Producer shop: the routing key 'order.#' may use only letters, digits and '.', '-', '_' (a routing key has no * or #; those are for binding patterns).");
    expect(messages(updateItem(t, 'producers', 0, { keys: '' }))).toContain('producers.0.keys: Producer shop: a topic exchange routes by key; give at least one routing key.');
    expect(messages({ ...t, queues: t.queues.map((q) => ({ ...q, dlx: q.dlx ? 'nope' : '' })) })).toContain("queues.0.dlx: Queue billing: its dead-letter exchange 'nope' is not in the topology.");
    expect(messages({ ...t, bindings: t.bindings.slice(0, 2) })).toContain('exchanges.1.name: Exchange dead: no queue is bound to it, so everything published there is dropped as unroutable. Add a binding.');
    expect(messages(updateItem(t, 'consumers', 0, { prefetch: -1 }))).toContain('consumers.0.prefetch: Consumer biller: the prefetch must be a whole number from 0 (unlimited) to 1000.');
    expect(messages({ ...t, exchanges: [] })[0]).toBe('exchanges: Add at least one exchange: producers publish to an exchange, never straight to a queue.');
  });

  it('binding keys per exchange type', () => {
    expect(bindingKeyProblem('direct', '')).toMatch(/direct exchange routes by exact key/);
    expect(bindingKeyProblem('direct', 'a.*')).toMatch(/only work on a topic exchange/);
    expect(bindingKeyProblem('topic', '#')).toBeNull();
    expect(bindingKeyProblem('topic', 'a.#.b')).toBeNull();
    expect(bindingKeyProblem('topic', '.a')).toMatch(/empty word/);
    expect(bindingKeyProblem('headers', 'type=order,region=eu')).toBeNull();
    expect(bindingKeyProblem('headers', 'type')).toMatch(/should look like name=value/);
    expect(bindingKeyProblem('fanout', '')).toBeNull();
  });

  it('pub/sub and stream', () => {
    const p = preset('fanout-subs');
    expect(messages(updateItem(p, 'subscriptions', 0, { deadLetter: 'signups' }))).toContain('subscriptions.0.deadLetter: Subscription email: the dead-letter topic must be another topic than the one it reads.');
    expect(messages(updateItem(p, 'subscriptions', 0, { maxAttempts: 2 }))).toContain("subscriptions.0.maxAttempts: Subscription email: the maximum delivery attempts must be a whole number from 5 to 100 (Pub/Sub's limits).");
    expect(messages(updateItem(p, 'consumers', 0, { source: 'signups' }))).toContain("consumers.0.source: Consumer mailer: the subscription 'signups' is not in the topology.");
    const s = preset('stream-readers');
    expect(messages(updateItem(s, 'consumers', 0, { prefetch: 0 }))).toContain('consumers.0.prefetch: Consumer fast: the batch must be a whole number from 1 to 1000 records per fetch.');
    expect(messages({ ...s, topics: [] })).toContain('topics: Add at least one topic.');
  });
});

describe('topology shape (for links)', () => {
  it('says what is wrong with a topology from outside', () => {
    const t = preset('work-queue') as unknown as Record<string, unknown>;
    expect(topologyShapeProblem(null)).toBe('the topology is not an object');
    expect(topologyShapeProblem({ ...t, extra: 1 })).toBe("the topology has an unknown field 'extra'");
    expect(topologyShapeProblem({ ...t, kind: 'kafka' })).toMatch(/kind must be one of sqs, rabbit, pubsub, stream/);
    expect(topologyShapeProblem({ ...t, queues: 'x' })).toBe("the topology's queues list is missing");
    expect(topologyShapeProblem({ ...t, consumers: [{ ...(t.consumers as object[])[0], workMs: '300' }] })).toBe("consumers item 1's workMs is missing or not a number");
    expect(topologyShapeProblem({ ...t, exchanges: [{ name: 'x', type: 'weird' }] })).toBe("exchanges item 1's type is missing or not one of direct, fanout, topic, headers");
    expect(topologyShapeProblem({ ...t, producers: Array.from({ length: 41 }, () => (t.producers as object[])[0]) })).toMatch(/41 producers; at most 40/);
  });
});
