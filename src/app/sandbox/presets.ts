// Ready-made topologies to start from: one per system, each showing the thing that system is about.
import type { Consumer, Queue, Topology } from './model.ts';

export interface Preset { id: string; title: string; summary: string; topology: Topology }

const queue = (name: string, extra: Partial<Queue> = {}): Queue => ({ name, fifo: false, visibilityMs: 2000, dlq: '', maxReceives: 3, ttlMs: 0, dlx: '', ...extra });
const consumer = (name: string, source: string, extra: Partial<Consumer> = {}): Consumer => ({
  name, source, workMs: 300, failPct: 0, prefetch: 1, onFail: 'requeue', start: 'earliest', ...extra,
});
const base = { producers: [], queues: [], exchanges: [], bindings: [], topics: [], subscriptions: [], consumers: [], runForMs: 0 };

export const PRESETS: readonly Preset[] = [
  {
    id: 'work-queue', title: 'Work queue with competing consumers',
    summary: 'Three workers take turns on one SQS queue; the fast one often fails, so a message it gets twice ends up in the dead-letter queue.',
    topology: {
      ...base, kind: 'sqs',
      queues: [queue('orders', { dlq: 'orders-dlq', maxReceives: 2 }), queue('orders-dlq', { visibilityMs: 30_000 })],
      consumers: [consumer('w1', 'orders'), consumer('w2', 'orders'), consumer('flaky', 'orders', { workMs: 150, failPct: 70 })],
      producers: [{ name: 'shop', target: 'orders', everyMs: 150, count: 30, keys: '', headers: '' }],
    },
  },
  {
    id: 'fifo-groups', title: 'FIFO queue with message groups',
    summary: 'Order holds within each group; while one of a group\u2019s messages is being worked on, the rest of that group waits.',
    topology: {
      ...base, kind: 'sqs',
      queues: [queue('jobs.fifo', { fifo: true, dlq: 'jobs-dlq.fifo' }), queue('jobs-dlq.fifo', { fifo: true, visibilityMs: 30_000 })],
      consumers: [consumer('w1', 'jobs.fifo', { workMs: 250 }), consumer('w2', 'jobs.fifo', { workMs: 250, failPct: 20 })],
      producers: [{ name: 'app', target: 'jobs.fifo', everyMs: 100, count: 24, keys: 'alice,bob,carol', headers: '' }],
    },
  },
  {
    id: 'topic-dlx', title: 'Topic exchange with a DLX',
    summary: 'Patterns route order events to billing and shipping; billing rejects some, and the dead-letter exchange catches them.',
    topology: {
      ...base, kind: 'rabbit',
      exchanges: [{ name: 'orders', type: 'topic' }, { name: 'dead', type: 'fanout' }],
      queues: [queue('billing', { dlx: 'dead' }), queue('shipping', { dlx: 'dead' }), queue('dead-letters')],
      bindings: [
        { exchange: 'orders', queue: 'billing', key: 'order.*', match: 'all' },
        { exchange: 'orders', queue: 'shipping', key: 'order.paid', match: 'all' },
        { exchange: 'dead', queue: 'dead-letters', key: '', match: 'all' },
      ],
      consumers: [
        consumer('biller', 'billing', { prefetch: 2, failPct: 30, onFail: 'reject', workMs: 200 }),
        consumer('shipper', 'shipping', { prefetch: 1, workMs: 400 }),
      ],
      producers: [{ name: 'shop', target: 'orders', everyMs: 200, count: 24, keys: 'order.created,order.paid,order.cancelled', headers: '' }],
    },
  },
  {
    id: 'fanout-subs', title: 'Fan-out to subscriptions',
    summary: 'Every subscription gets its own copy of each message; a slow or failing subscriber only delays its own.',
    topology: {
      ...base, kind: 'pubsub',
      topics: [{ name: 'signups' }, { name: 'signups-dead' }],
      subscriptions: [
        { name: 'email', topic: 'signups', ackDeadlineMs: 1000, deadLetter: 'signups-dead', maxAttempts: 5 },
        { name: 'analytics', topic: 'signups', ackDeadlineMs: 2000, deadLetter: '', maxAttempts: 5 },
        { name: 'audit', topic: 'signups', ackDeadlineMs: 2000, deadLetter: '', maxAttempts: 5 },
      ],
      consumers: [
        consumer('mailer', 'email', { workMs: 200, failPct: 40 }),
        consumer('counter', 'analytics', { workMs: 600 }),
        consumer('auditor', 'audit', { workMs: 100 }),
      ],
      producers: [{ name: 'site', target: 'signups', everyMs: 250, count: 16, keys: '', headers: '' }],
    },
  },
  {
    id: 'stream-readers', title: 'Stream with two readers',
    summary: 'The log keeps every record; a fast and a slow reader each keep their own bookmark, and neither takes records from the other.',
    topology: {
      ...base, kind: 'stream',
      topics: [{ name: 'events' }],
      consumers: [consumer('fast', 'events', { workMs: 50, prefetch: 10 }), consumer('slow', 'events', { workMs: 400, prefetch: 5 })],
      producers: [{ name: 'app', target: 'events', everyMs: 150, count: 30, keys: '', headers: '' }],
    },
  },
];

export const presetById = (id: string) => PRESETS.find((p) => p.id === id);
