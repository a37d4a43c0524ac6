// Writes a topology out as scenario commands, in an order the engine accepts (a dead-letter queue before
// the queue that names it, exchanges and queues before bindings, consumers before producers so the first
// message finds someone waiting). Pure: the same topology always gives the same text.
import { KINDS, type Consumer, type Producer, type Topology } from './model.ts';

/** `2s` for whole seconds, else `250ms`. */
export const ms = (v: number) => (v >= 1000 && v % 1000 === 0 ? `${v / 1000}s` : `${v}ms`);
const quote = (v: string) => (/[\s#"]/.test(v) ? `"${v.replace(/"/g, '')}"` : v);
const words = (text: string) => text.split(',').map((x) => x.trim()).filter((x) => x !== '').join(',');
const args = (pairs: readonly (readonly [string, string | number | null | undefined | false])[]) =>
  pairs.filter(([, v]) => v !== null && v !== undefined && v !== false && v !== '').map(([k, v]) => `${k}=${typeof v === 'string' ? quote(v) : v}`).join(' ');
const line = (command: string, pairs: Parameters<typeof args>[0]) => `${command} ${args(pairs)}`;

export const SCENARIO_HEADER = '# Built in the sandbox builder';

export function topologyToScenario(t: Topology): string {
  const kind = KINDS.find((k) => k.id === t.kind)!;
  const out: string[] = [`${SCENARIO_HEADER}: ${kind.label}. Change the form, or edit these lines by hand.`];
  const section = (title: string, lines: string[]) => { if (lines.length) out.push('', `# ${title}`, ...lines); };
  switch (t.kind) {
    case 'sqs':
      section('Queues (a dead-letter queue comes before the queue that uses it)', dlqFirst(t).map((q) => line('sqs.queue', [
        ['name', q.name], ['fifo', q.fifo && !q.name.endsWith('.fifo') ? 'true' : null], ['visibility', ms(q.visibilityMs)],
        ['dlq', q.dlq], ['maxReceives', q.dlq ? q.maxReceives : null],
      ])));
      section('Consumers compete for the messages', t.consumers.map((c) => line('sqs.consumer', [
        ['name', c.name], ['queue', c.source], ['work', ms(c.workMs)], ['fail', failOf(c)], ['batch', c.prefetch > 1 ? c.prefetch : null],
      ])));
      section('Producers', t.producers.map((p) => producerLine('sqs.producer', 'queue', p, [['group', words(p.keys)]])));
      break;
    case 'rabbit':
      section('Exchanges', t.exchanges.map((x) => line('rabbit.exchange', [['name', x.name], ['type', x.type]])));
      section('Queues', t.queues.map((q) => line('rabbit.queue', [['name', q.name], ['ttl', q.ttlMs > 0 ? ms(q.ttlMs) : null], ['dlx', q.dlx]])));
      section('Bindings', t.bindings.map((b) => {
        const type = t.exchanges.find((x) => x.name === b.exchange)?.type;
        if (type === 'headers') return line('rabbit.bind', [['exchange', b.exchange], ['queue', b.queue], ['headers', words(b.key)], ['match', b.match === 'any' ? 'any' : null]]);
        return line('rabbit.bind', [['exchange', b.exchange], ['queue', b.queue], ['key', type === 'fanout' ? '' : b.key.trim()]]);
      }));
      section('Consumers (the broker pushes up to prefetch unacked messages to each)', t.consumers.map((c) => line('rabbit.consumer', [
        ['name', c.name], ['queue', c.source], ['prefetch', c.prefetch], ['work', ms(c.workMs)], ['fail', failOf(c)],
        ['onFail', c.failPct > 0 && c.onFail === 'reject' ? 'reject' : null],
      ])));
      section('Producers', t.producers.map((p) => producerLine('rabbit.producer', 'exchange', p, [
        ['key', words(p.keys)], ['headers', t.exchanges.find((x) => x.name === p.target)?.type === 'headers' ? words(p.headers) : null],
      ])));
      break;
    case 'pubsub':
      section('Topics', t.topics.map((x) => line('pubsub.topic', [['name', x.name]])));
      section('Subscriptions (each gets its own copy of every message)', t.subscriptions.map((s) => line('pubsub.subscription', [
        ['name', s.name], ['topic', s.topic], ['ackDeadline', ms(s.ackDeadlineMs)], ['deadLetter', s.deadLetter], ['maxAttempts', s.deadLetter ? s.maxAttempts : null],
      ])));
      section('Subscribers', t.consumers.map((c) => line('pubsub.subscriber', [['name', c.name], ['sub', c.source], ['work', ms(c.workMs)], ['fail', failOf(c)]])));
      section('Producers', t.producers.map((p) => producerLine('pubsub.producer', 'topic', p, [])));
      break;
    case 'stream':
      section('Topics (ordered logs that keep their records)', t.topics.map((x) => line('stream.topic', [['name', x.name]])));
      section('Readers (each keeps its own position)', t.consumers.map((c) => line('stream.reader', [
        ['name', c.name], ['topic', c.source], ['from', c.start], ['work', ms(c.workMs)], ['batch', c.prefetch], ['fail', failOf(c)],
        ['onFail', c.failPct > 0 && c.onFail === 'reject' ? 'skip' : null],
      ])));
      section('Producers', t.producers.map((p) => producerLine('stream.producer', 'topic', p, [])));
      break;
  }
  if (t.runForMs > 0) out.push('', `run for=${ms(t.runForMs)}`);
  return `${out.join('\n')}\n`;
}

const failOf = (c: Consumer) => (c.failPct > 0 ? `${c.failPct}%` : null);

function producerLine(command: string, targetKey: string, p: Producer, extra: Parameters<typeof args>[0]): string {
  return line(command, [['name', p.name], [targetKey, p.target], ...extra, ['every', ms(p.everyMs)], ['count', p.count]]);
}

/** SQS queues ordered so each dead-letter queue is declared before the queues that name it. */
function dlqFirst(t: Topology): Topology['queues'] {
  const byName = new Map(t.queues.map((q) => [q.name, q]));
  const done = new Set<string>();
  const out: Topology['queues'] = [];
  const visit = (name: string, depth: number) => {
    const q = byName.get(name);
    if (!q || done.has(name) || depth > t.queues.length) return;
    if (q.dlq) visit(q.dlq, depth + 1);
    if (!done.has(name)) { done.add(name); out.push(q); }
  };
  for (const q of t.queues) visit(q.name, 0);
  return out;
}
