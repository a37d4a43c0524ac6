// Checks a topology before it is written out as commands, with one specific sentence per problem, tied
// to the field it is about (`queues.1.dlq`) so the form shows it next to that field.
import { SQS_NODE } from '../../engine/sqs/index.ts';
import { BROKER } from '../../engine/rabbit/index.ts';
import { PUBSUB_NODE } from '../../engine/pubsub/index.ts';
import { STREAM_NODE } from '../../engine/stream/index.ts';
import type { Consumer, Producer, Topology } from './model.ts';

export interface Problem {
  /** `<section>.<index>.<field>`, or `<section>` for the list as a whole, or `runForMs`. */
  path: string;
  message: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const WORD = /^[A-Za-z0-9_-]+$/;
const SERVICE_NODES = new Set([SQS_NODE, BROKER, PUBSUB_NODE, STREAM_NODE]);
export const LIMITS = {
  everyMs: [1, 60_000], count: [1, 1000], workMs: [0, 60_000], failPct: [0, 100], visibilityMs: [0, 600_000],
  maxReceives: [1, 100], ttlMs: [0, 600_000], ackDeadlineMs: [10, 600_000], maxAttempts: [5, 100], runForMs: [0, 600_000],
} as const satisfies Record<string, readonly [number, number]>;

const whole = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
const range = ([lo, hi]: readonly [number, number], unit = '') => `a whole number${unit} from ${lo} to ${hi}`;
const list = (text: string) => text.split(',').map((x) => x.trim()).filter((x) => x !== '');

/** Every problem in the topology, in form order; empty when it can be built. */
export function validateTopology(t: Topology): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const label = { producers: 'Producer', consumers: 'Consumer', queues: 'Queue', exchanges: 'Exchange', topics: 'Topic', subscriptions: 'Subscription' } as const;

  // Names: well-formed, and unique where the engine needs them to be (nodes share one namespace).
  const nodeNames = new Map<string, string>();
  const checkName = (section: keyof typeof label, i: number, name: string, taken: Map<string, string>) => {
    const path = `${section}.${i}.name`;
    const who = `${label[section]} ${i + 1}`;
    if (name === '') return add(path, `${who} needs a name.`);
    if (!NAME.test(name)) return add(path, `${who}: '${name}' is not a usable name (start with a letter; then letters, digits, '.', '-' or '_'; at most 32).`);
    if (SERVICE_NODES.has(name) && (section === 'producers' || section === 'consumers')) return add(path, `${who}: '${name}' is the name of a service node; pick another.`);
    const before = taken.get(name);
    if (before) return add(path, `${who}: the name '${name}' is already used by ${before}.`);
    taken.set(name, `${label[section].toLowerCase()} ${i + 1}`);
  };
  t.producers.forEach((p, i) => checkName('producers', i, p.name, nodeNames));
  t.consumers.forEach((c, i) => checkName('consumers', i, c.name, nodeNames));
  const queueNames = new Map<string, string>();
  t.queues.forEach((q, i) => checkName('queues', i, q.name, queueNames));
  const exchangeNames = new Map<string, string>();
  t.exchanges.forEach((x, i) => checkName('exchanges', i, x.name, exchangeNames));
  const topicNames = new Map<string, string>();
  t.topics.forEach((x, i) => checkName('topics', i, x.name, topicNames));
  const subNames = new Map<string, string>();
  t.subscriptions.forEach((x, i) => checkName('subscriptions', i, x.name, subNames));

  const queues = new Map(t.queues.map((q) => [q.name, q]));
  const exchanges = new Map(t.exchanges.map((x) => [x.name, x]));
  const topics = new Set(t.topics.map((x) => x.name));
  const subs = new Set(t.subscriptions.map((x) => x.name));

  // What each kind needs at least.
  if ((t.kind === 'sqs' || t.kind === 'rabbit') && t.queues.length === 0) add('queues', 'Add at least one queue.');
  if (t.kind === 'rabbit' && t.exchanges.length === 0) add('exchanges', 'Add at least one exchange: producers publish to an exchange, never straight to a queue.');
  if ((t.kind === 'pubsub' || t.kind === 'stream') && t.topics.length === 0) add('topics', 'Add at least one topic.');
  if (t.kind === 'pubsub' && t.subscriptions.length === 0 && t.consumers.length > 0) add('subscriptions', 'Add a subscription: subscribers read a subscription, not the topic.');

  t.queues.forEach((q, i) => {
    const at = `queues.${i}`;
    const who = `Queue ${q.name || i + 1}`;
    if (t.kind === 'sqs') {
      if (q.fifo && !q.name.endsWith('.fifo')) add(`${at}.name`, `${who}: a FIFO queue's name must end in .fifo (as SQS requires).`);
      if (!q.fifo && q.name.endsWith('.fifo')) add(`${at}.fifo`, `${who}: a name ending in .fifo makes it a FIFO queue; tick FIFO or rename it.`);
      if (!whole(q.visibilityMs, LIMITS.visibilityMs)) add(`${at}.visibilityMs`, `${who}: the visibility timeout must be ${range(LIMITS.visibilityMs, ' of ms')}.`);
      if (q.dlq !== '') {
        const d = queues.get(q.dlq);
        if (q.dlq === q.name) add(`${at}.dlq`, `${who}: a queue cannot be its own dead-letter queue.`);
        else if (!d) add(`${at}.dlq`, `${who}: its dead-letter queue '${q.dlq}' is not in the topology.`);
        else if (d.fifo !== q.fifo) add(`${at}.dlq`, `${who}: the dead-letter queue of a ${q.fifo ? 'FIFO' : 'standard'} queue must also be ${q.fifo ? 'FIFO' : 'standard'}; '${d.name}' is not.`);
        if (!whole(q.maxReceives, LIMITS.maxReceives)) add(`${at}.maxReceives`, `${who}: the maximum receive count must be ${range(LIMITS.maxReceives)}.`);
      }
    }
    if (t.kind === 'rabbit') {
      if (!whole(q.ttlMs, LIMITS.ttlMs)) add(`${at}.ttlMs`, `${who}: the message TTL must be ${range(LIMITS.ttlMs, ' of ms')} (0: none).`);
      if (q.dlx !== '' && !exchanges.has(q.dlx)) add(`${at}.dlx`, `${who}: its dead-letter exchange '${q.dlx}' is not in the topology.`);
    }
  });
  if (t.kind === 'sqs') {
    const loop = dlqLoop(t);
    if (loop) add(`queues.${t.queues.findIndex((q) => q.name === loop[0])}.dlq`, `Dead-letter queues go round in a loop (${loop.join(' → ')}); one of them must have none.`);
  }

  t.bindings.forEach((b, i) => {
    const at = `bindings.${i}`;
    const who = `Binding ${i + 1}`;
    const x = exchanges.get(b.exchange);
    if (!x) add(`${at}.exchange`, b.exchange === '' ? `${who}: pick an exchange.` : `${who}: the exchange '${b.exchange}' is not in the topology.`);
    if (!queues.has(b.queue)) add(`${at}.queue`, b.queue === '' ? `${who}: pick a queue.` : `${who}: the queue '${b.queue}' is not in the topology.`);
    if (!x) return;
    const problem = bindingKeyProblem(x.type, b.key);
    if (problem) add(`${at}.key`, `${who}: ${problem}`);
    if (t.bindings.findIndex((o) => o.exchange === b.exchange && o.queue === b.queue && o.key.trim() === b.key.trim()) < i) add(`${at}.key`, `${who}: the same binding is listed twice.`);
  });
  if (t.kind === 'rabbit') {
    t.exchanges.forEach((x, i) => {
      if (!t.bindings.some((b) => b.exchange === x.name)) add(`exchanges.${i}.name`, `Exchange ${x.name}: no queue is bound to it, so everything published there is dropped as unroutable. Add a binding.`);
    });
  }

  t.subscriptions.forEach((s, i) => {
    const at = `subscriptions.${i}`;
    const who = `Subscription ${s.name || i + 1}`;
    if (!topics.has(s.topic)) add(`${at}.topic`, s.topic === '' ? `${who}: pick a topic.` : `${who}: the topic '${s.topic}' is not in the topology.`);
    if (!whole(s.ackDeadlineMs, LIMITS.ackDeadlineMs)) add(`${at}.ackDeadlineMs`, `${who}: the ack deadline must be ${range(LIMITS.ackDeadlineMs, ' of ms')}.`);
    if (s.deadLetter !== '') {
      if (!topics.has(s.deadLetter)) add(`${at}.deadLetter`, `${who}: its dead-letter topic '${s.deadLetter}' is not in the topology.`);
      else if (s.deadLetter === s.topic) add(`${at}.deadLetter`, `${who}: the dead-letter topic must be another topic than the one it reads.`);
      if (!whole(s.maxAttempts, LIMITS.maxAttempts)) add(`${at}.maxAttempts`, `${who}: the maximum delivery attempts must be ${range(LIMITS.maxAttempts)} (Pub/Sub's limits).`);
    }
  });

  t.producers.forEach((p, i) => producerProblems(t, p, i, queues, exchanges, topics, add));
  t.consumers.forEach((c, i) => consumerProblems(t, c, i, queues, subs, topics, add));
  if (!whole(t.runForMs, LIMITS.runForMs)) add('runForMs', `How long to run must be ${range(LIMITS.runForMs, ' of ms')} (0: do not run; press play).`);
  return out;
}

function producerProblems(
  t: Topology, p: Producer, i: number, queues: Map<string, Topology['queues'][number]>, exchanges: Map<string, Topology['exchanges'][number]>,
  topics: Set<string>, add: (path: string, message: string) => void,
): void {
  const at = `producers.${i}`;
  const who = `Producer ${p.name || i + 1}`;
  const kindOfTarget = t.kind === 'sqs' ? 'queue' : t.kind === 'rabbit' ? 'exchange' : 'topic';
  const exists = t.kind === 'sqs' ? queues.has(p.target) : t.kind === 'rabbit' ? exchanges.has(p.target) : topics.has(p.target);
  if (!exists) add(`${at}.target`, p.target === '' ? `${who}: pick the ${kindOfTarget} it sends to.` : `${who}: the ${kindOfTarget} '${p.target}' is not in the topology.`);
  if (!whole(p.everyMs, LIMITS.everyMs)) add(`${at}.everyMs`, `${who}: the interval must be ${range(LIMITS.everyMs, ' of ms')}.`);
  if (!whole(p.count, LIMITS.count)) add(`${at}.count`, `${who}: the number of messages must be ${range(LIMITS.count)}.`);
  const keys = list(p.keys);
  if (t.kind === 'sqs') {
    const q = queues.get(p.target);
    if (q?.fifo && keys.length === 0) add(`${at}.keys`, `${who}: ${q.name} is a FIFO queue; give at least one message group (e.g. g1,g2).`);
    if (q && !q.fifo && keys.length > 0) add(`${at}.keys`, `${who}: message groups are for FIFO queues; ${q.name} is a standard queue.`);
    const bad = keys.find((k) => !WORD.test(k));
    if (bad !== undefined) add(`${at}.keys`, `${who}: the message group '${bad}' may use only letters, digits, '-' and '_'.`);
  }
  if (t.kind === 'rabbit') {
    const x = exchanges.get(p.target);
    const bad = keys.find((k) => !/^[A-Za-z0-9_.-]+$/.test(k));
    if (bad !== undefined) add(`${at}.keys`, `${who}: the routing key '${bad}' may use only letters, digits and '.', '-', '_' (a routing key has no * or #; those are for binding patterns).`);
    if (x && (x.type === 'direct' || x.type === 'topic') && keys.length === 0) add(`${at}.keys`, `${who}: a ${x.type} exchange routes by key; give at least one routing key.`);
    if (x?.type === 'headers') {
      const pairs = list(p.headers);
      if (pairs.length === 0) add(`${at}.headers`, `${who}: a headers exchange routes by headers; give at least one, like type=order.`);
      const badPair = pairs.find((h) => !/^[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+$/.test(h));
      if (badPair !== undefined) add(`${at}.headers`, `${who}: the header '${badPair}' should look like name=value.`);
    }
  }
}

function consumerProblems(
  t: Topology, c: Consumer, i: number, queues: Map<string, Topology['queues'][number]>, subs: Set<string>, topics: Set<string>,
  add: (path: string, message: string) => void,
): void {
  const at = `consumers.${i}`;
  const who = `Consumer ${c.name || i + 1}`;
  const what = t.kind === 'pubsub' ? 'subscription' : t.kind === 'stream' ? 'topic' : 'queue';
  const exists = t.kind === 'pubsub' ? subs.has(c.source) : t.kind === 'stream' ? topics.has(c.source) : queues.has(c.source);
  if (!exists) add(`${at}.source`, c.source === '' ? `${who}: pick the ${what} it reads.` : `${who}: the ${what} '${c.source}' is not in the topology.`);
  if (!whole(c.workMs, LIMITS.workMs)) add(`${at}.workMs`, `${who}: the work time must be ${range(LIMITS.workMs, ' of ms')}.`);
  if (!whole(c.failPct, LIMITS.failPct)) add(`${at}.failPct`, `${who}: the failure rate must be ${range(LIMITS.failPct, ' of percent')}.`);
  if (t.kind === 'rabbit' && !whole(c.prefetch, [0, 1000])) add(`${at}.prefetch`, `${who}: the prefetch must be a whole number from 0 (unlimited) to 1000.`);
  if (t.kind === 'sqs' && !whole(c.prefetch, [1, 10])) add(`${at}.prefetch`, `${who}: an SQS receive takes 1 to 10 messages at a time.`);
  if (t.kind === 'stream' && !whole(c.prefetch, [1, 1000])) add(`${at}.prefetch`, `${who}: the batch must be a whole number from 1 to 1000 records per fetch.`);
}

/** A binding key the exchange type cannot use, said in a sentence; null when it is fine. */
export function bindingKeyProblem(type: string, key: string): string | null {
  const k = key.trim();
  if (type === 'fanout') return k === '' ? null : 'a fanout exchange ignores the key; leave it empty.';
  if (type === 'direct') {
    if (k === '') return 'a direct exchange routes by exact key; give the routing key to match.';
    return /^[A-Za-z0-9_.-]+$/.test(k) ? null : `'${k}' is not a routing key (letters, digits, '.', '-', '_'; * and # only work on a topic exchange).`;
  }
  if (type === 'topic') {
    if (k === '') return "a topic exchange matches a pattern; give one such as order.* or '#'.";
    const bad = k.split('.').find((w) => w !== '*' && w !== '#' && !WORD.test(w));
    if (bad !== undefined) return bad === '' ? `the pattern '${k}' has an empty word (two dots together, or a dot at an end).` : `in the pattern '${k}', '${bad}' is not a word: use letters and digits, or * (one word) or # (any number of words).`;
    return null;
  }
  if (type === 'headers') {
    const pairs = list(k);
    if (pairs.length === 0) return 'a headers exchange matches header values; give pairs such as type=order.';
    const bad = pairs.find((h) => !/^[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+$/.test(h));
    return bad === undefined ? null : `the header '${bad}' should look like name=value.`;
  }
  return `unknown exchange type '${type}'.`;
}

/** The first loop of SQS dead-letter queues (a → b → a), or null. */
function dlqLoop(t: Topology): string[] | null {
  const next = new Map(t.queues.map((q) => [q.name, q.dlq]));
  for (const q of t.queues) {
    const seen: string[] = [];
    let at: string | undefined = q.name;
    while (at && next.has(at) && !seen.includes(at)) { seen.push(at); at = next.get(at); }
    if (at && seen[0] === at && seen.length > 1) return [...seen, at];
  }
  return null;
}

/** Problems keyed by path, for the form. */
export function problemsByPath(problems: readonly Problem[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of problems) m.set(p.path, [...(m.get(p.path) ?? []), p.message]);
  return m;
}
