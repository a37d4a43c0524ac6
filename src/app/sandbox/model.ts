// The sandbox builder's data model: a topology of one messaging system as plain data (so it can be
// validated, turned into scenario commands, compared and put in a share link). Times are whole ms,
// failure rates whole percent. The form edits it; `topologyToScenario` (to-scenario.ts) writes it out.

export type SandboxKind = 'sqs' | 'rabbit' | 'pubsub' | 'stream';

export const KINDS: readonly { id: SandboxKind; label: string; short: string; summary: string }[] = [
  { id: 'sqs', label: 'SQS queue', short: 'SQS', summary: 'Queues with a visibility timeout and a dead-letter queue; consumers compete for messages.' },
  { id: 'rabbit', label: 'RabbitMQ', short: 'RabbitMQ', summary: 'Exchanges route by key or pattern to bound queues; the broker pushes to consumers up to their prefetch.' },
  { id: 'pubsub', label: 'Pub/sub topic', short: 'Pub/sub', summary: 'A topic copies every message to each subscription; subscribers ack before a deadline.' },
  { id: 'stream', label: 'Stream (log)', short: 'Stream', summary: 'An ordered log that keeps records; each reader keeps its own position.' },
];

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';
export const EXCHANGE_TYPES: readonly ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];

export interface Producer {
  name: string;
  /** The queue (SQS), exchange (RabbitMQ) or topic (pub/sub, stream) it sends to. */
  target: string;
  everyMs: number;
  count: number;
  /** Comma-separated, used in turn: routing keys (RabbitMQ) or message groups (SQS FIFO). */
  keys: string;
  /** RabbitMQ headers exchange: name=value pairs, comma-separated. */
  headers: string;
}

export interface Queue {
  name: string;
  /** SQS */
  fifo: boolean;
  visibilityMs: number;
  /** SQS: the dead-letter queue's name ('' for none). */
  dlq: string;
  maxReceives: number;
  /** RabbitMQ: message TTL (0 for none). */
  ttlMs: number;
  /** RabbitMQ: the dead-letter exchange's name ('' for none). */
  dlx: string;
}

export interface Exchange { name: string; type: ExchangeType }

export interface Binding {
  exchange: string;
  queue: string;
  /** Routing key (direct), pattern (topic), name=value pairs (headers); unused by fanout. */
  key: string;
  match: 'all' | 'any';
}

export interface Topic { name: string }

export interface Subscription {
  name: string;
  topic: string;
  ackDeadlineMs: number;
  /** Dead-letter topic ('' for none). */
  deadLetter: string;
  maxAttempts: number;
}

export interface Consumer {
  name: string;
  /** The queue (SQS, RabbitMQ), subscription (pub/sub) or topic (stream) it reads. */
  source: string;
  workMs: number;
  /** Whole percent, 0 to 100. */
  failPct: number;
  /** RabbitMQ: unacked deliveries at most (0: unlimited). SQS: messages per receive. Stream: records per fetch. */
  prefetch: number;
  /** What a failure does: try it again (RabbitMQ nack with requeue; a stream reader retries in place) or give up on
   *  it (RabbitMQ reject: dead-letter or drop; a stream reader skips it). SQS and pub/sub always redeliver. */
  onFail: 'requeue' | 'reject';
  /** Stream: where a new reader starts. */
  start: 'earliest' | 'latest';
}

export interface Topology {
  kind: SandboxKind;
  producers: Producer[];
  queues: Queue[];
  exchanges: Exchange[];
  bindings: Binding[];
  topics: Topic[];
  subscriptions: Subscription[];
  consumers: Consumer[];
  /** After building, run this long (0: stay at time 0 and let the learner press play). */
  runForMs: number;
}

/** Lists of a topology, in the order the form shows them. */
export type Section = 'producers' | 'queues' | 'exchanges' | 'bindings' | 'topics' | 'subscriptions' | 'consumers';

/** Which lists each kind uses (the others stay empty). */
export const SECTIONS: Record<SandboxKind, readonly Section[]> = {
  sqs: ['queues', 'consumers', 'producers'],
  rabbit: ['exchanges', 'queues', 'bindings', 'consumers', 'producers'],
  pubsub: ['topics', 'subscriptions', 'consumers', 'producers'],
  stream: ['topics', 'consumers', 'producers'],
};

export const emptyTopology = (kind: SandboxKind): Topology => ({
  kind, producers: [], queues: [], exchanges: [], bindings: [], topics: [], subscriptions: [], consumers: [], runForMs: 0,
});

/** The first `base<N>` not in `taken`. */
export function freshName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/** Every name the topology uses, for picking a fresh one (nodes, queues, exchanges, topics, subscriptions). */
export function namesIn(t: Topology): string[] {
  return [...t.producers, ...t.consumers, ...t.queues, ...t.exchanges, ...t.topics, ...t.subscriptions].map((x) => x.name);
}

/** What each section's "Add" puts in: sensible defaults, wired to the first thing it can use. */
export function newItem(t: Topology, section: Section): Topology {
  const names = namesIn(t);
  const firstQueue = t.queues.find((q) => !isDeadLetterQueue(t, q.name))?.name ?? t.queues[0]?.name ?? '';
  const next = { ...t };
  switch (section) {
    case 'producers': {
      const target = t.kind === 'sqs' ? firstQueue : t.kind === 'rabbit' ? (t.exchanges[0]?.name ?? '') : (t.topics[0]?.name ?? '');
      const fifo = t.kind === 'sqs' && t.queues.find((q) => q.name === target)?.fifo;
      next.producers = [...t.producers, { name: freshName('p', names), target, everyMs: 200, count: 20, keys: fifo ? 'g1,g2' : '', headers: '' }];
      break;
    }
    case 'queues': {
      const name = freshName(t.kind === 'sqs' ? 'queue' : 'q', names);
      next.queues = [...t.queues, { name, fifo: false, visibilityMs: 2000, dlq: '', maxReceives: 3, ttlMs: 0, dlx: '' }];
      break;
    }
    case 'exchanges':
      next.exchanges = [...t.exchanges, { name: freshName('x', names), type: 'direct' }];
      break;
    case 'bindings':
      next.bindings = [...t.bindings, { exchange: t.exchanges[0]?.name ?? '', queue: firstQueue, key: '', match: 'all' }];
      break;
    case 'topics':
      next.topics = [...t.topics, { name: freshName('topic', names) }];
      break;
    case 'subscriptions':
      next.subscriptions = [...t.subscriptions, { name: freshName('sub', names), topic: t.topics[0]?.name ?? '', ackDeadlineMs: 2000, deadLetter: '', maxAttempts: 5 }];
      break;
    case 'consumers': {
      const source = t.kind === 'pubsub' ? (t.subscriptions[0]?.name ?? '') : t.kind === 'stream' ? (t.topics[0]?.name ?? '') : firstQueue;
      next.consumers = [...t.consumers, {
        name: freshName(t.kind === 'stream' ? 'reader' : 'c', names), source, workMs: 150, failPct: 0,
        prefetch: t.kind === 'stream' ? 10 : 1, onFail: 'requeue', start: 'earliest',
      }];
      break;
    }
  }
  return next;
}

/** A queue some other queue dead-letters into (SQS), or one bound only to a dead-letter exchange (RabbitMQ). */
export function isDeadLetterQueue(t: Topology, name: string): boolean {
  if (t.queues.some((q) => q.dlq === name)) return true;
  const dlxs = new Set(t.queues.map((q) => q.dlx).filter(Boolean));
  const boundTo = t.bindings.filter((b) => b.queue === name).map((b) => b.exchange);
  return boundTo.length > 0 && boundTo.every((x) => dlxs.has(x));
}

/** Replaces one item of a section (the form's edits). Renaming a queue, exchange, topic or subscription
 *  renames every reference to it too, so the wiring survives a rename. */
export function updateItem<K extends Section>(t: Topology, section: K, index: number, patch: Partial<Topology[K][number]>): Topology {
  const list = t[section] as Topology[K][number][];
  const old = (list[index] as { name?: string } | undefined)?.name;
  const next = { ...t, [section]: list.map((x, i) => (i === index ? { ...x, ...patch } : x)) } as Topology;
  const name = (patch as { name?: string }).name;
  // Only when the rename is unambiguous: no other item has (or had) either name while typing.
  const others = list.filter((_, i) => i !== index).map((x) => (x as { name?: string }).name);
  const clear = name !== undefined && old !== undefined && old !== '' && name !== old && !others.includes(name) && !others.includes(old);
  return clear ? renameRefs(next, section, old, name) : next;
}

function renameRefs(t: Topology, section: Section, from: string, to: string): Topology {
  const r = (v: string) => (v === from ? to : v);
  const producersAt = (kind: SandboxKind[]) => (kind.includes(t.kind) ? t.producers.map((p) => ({ ...p, target: r(p.target) })) : t.producers);
  const consumersAt = (kind: SandboxKind[]) => (kind.includes(t.kind) ? t.consumers.map((c) => ({ ...c, source: r(c.source) })) : t.consumers);
  switch (section) {
    case 'queues':
      return { ...t, producers: producersAt(['sqs']), consumers: consumersAt(['sqs', 'rabbit']), queues: t.queues.map((q) => ({ ...q, dlq: r(q.dlq) })), bindings: t.bindings.map((b) => ({ ...b, queue: r(b.queue) })) };
    case 'exchanges':
      return { ...t, producers: producersAt(['rabbit']), queues: t.queues.map((q) => ({ ...q, dlx: r(q.dlx) })), bindings: t.bindings.map((b) => ({ ...b, exchange: r(b.exchange) })) };
    case 'topics':
      return { ...t, producers: producersAt(['pubsub', 'stream']), consumers: consumersAt(['stream']), subscriptions: t.subscriptions.map((s) => ({ ...s, topic: r(s.topic), deadLetter: r(s.deadLetter) })) };
    case 'subscriptions':
      return { ...t, consumers: consumersAt(['pubsub']) };
    default:
      return t;
  }
}

export function removeItem(t: Topology, section: Section, index: number): Topology {
  return { ...t, [section]: (t[section] as unknown[]).filter((_, i) => i !== index) };
}
