// Scenario commands of the RabbitMQ system (lesson 04).
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { ack, expireHead, msgOf, nack, publish, takeHead } from './broker.ts';
import { connect } from './system.ts';
import { queueNamed } from './queries.ts';
import { BROKER, RABBIT, type ExchangeType, type RabbitState } from './state.ts';
import { rabbitProducer } from './producer.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined)
  .map((k) => { const v = a[k]; return ` ${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'string' && (/\s/.test(v) || v === '') ? `"${v}"` : String(v)}`; }).join('');
const wrap = <T>(f: () => T): T => { try { return f(); } catch (e) { throw new CommandError((e as Error).message); } };

function act(sim: Sim, label: string, fn: (s: RabbitState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<RabbitState>(RABBIT, label, (s, ctx) => { out = fn(s, ctx) ?? []; });
  return out;
}
function ownNode(sim: Sim, ctx: SystemContext, node: string, client = true): void {
  if (client && node === BROKER) throw new CommandError(`'${node}' is the broker's own node; give the client another name`);
  const other = sim.nodes().find((n) => n.id === node && n.sys !== RABBIT);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}
/** "k=v,k2=v2" -> { k: v, k2: v2 } */
function parseHeaders(list: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of list ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new CommandError(`header '${pair}' should look like name=value`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

const SETUP = 'rabbit.exchange name=orders type=topic\nrabbit.queue name=billing\nrabbit.bind exchange=orders queue=billing key=order.*';

export const rabbitCommands: CommandSpec[] = [
  {
    name: 'rabbit.exchange', sys: RABBIT, summary: 'Declare an exchange: direct (exact key), fanout (every bound queue), topic (* and # patterns) or headers.',
    args: [{ name: 'name', type: 'string', required: true, doc: 'the exchange name' }, { name: 'type', type: 'enum', values: ['direct', 'fanout', 'topic', 'headers'], default: 'direct', doc: 'how it routes' }],
    example: 'rabbit.exchange name=orders type=topic',
    run: (sim, a) => act(sim, `rabbit.exchange${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (name === '') throw new CommandError("'' is the default exchange; it always exists");
      if (s.exchanges[name]) throw new CommandError(`exchange ${name} already exists`);
      ownNode(sim, ctx, BROKER, false);
      s.exchanges[name] = { name, type: (opt<string>(a, 'type') ?? 'direct') as ExchangeType, bindings: [] };
      s.exchangeOrder.push(name);
    }),
  },
  {
    name: 'rabbit.queue', sys: RABBIT, summary: 'Declare a queue, optionally with a message TTL, a dead-letter exchange and a max length.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the queue name' },
      { name: 'durable', type: 'bool', default: 'true', doc: 'survives a broker restart (with its persistent messages)' },
      { name: 'ttl', type: 'duration', doc: 'x-message-ttl: messages expire this long after they are enqueued' },
      { name: 'dlx', type: 'string', doc: "x-dead-letter-exchange: where rejected, expired or overflowing messages go ('' for the default exchange)" },
      { name: 'dlk', type: 'string', doc: 'x-dead-letter-routing-key (default: the original key)' },
      { name: 'maxLength', type: 'int', doc: 'x-max-length: the oldest message is dead-lettered or dropped beyond it' },
      { name: 'ackTimeout', type: 'duration', default: '30m', doc: "x-consumer-timeout: a delivery unacked this long closes the consumer's channel and is requeued" },
    ],
    example: 'rabbit.exchange name=dead type=fanout\nrabbit.queue name=orders ttl=10s dlx=dead',
    run: (sim, a) => act(sim, `rabbit.queue${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.queueOrder.includes(name)) throw new CommandError(`queue ${name} already exists`);
      const dlx = opt<string>(a, 'dlx') ?? null;
      if (dlx && !s.exchanges[dlx]) throw new CommandError(`no exchange named '${dlx}' to dead-letter to; declare it first`);
      ownNode(sim, ctx, BROKER, false);
      s.queues[name] = {
        name, durable: opt<boolean>(a, 'durable') ?? true, ttlMs: opt<number>(a, 'ttl') ?? null, dlx, dlk: opt<string>(a, 'dlk') ?? null,
        maxLength: opt<number>(a, 'maxLength') ?? null, ackTimeoutMs: opt<number>(a, 'ackTimeout') ?? 30 * 60_000, ready: [], unacked: [], finished: [], consumers: [], rr: 0, nextSeq: 1, ackedOrder: [],
        stats: { enqueued: 0, delivered: 0, redelivered: 0, acked: 0, deadLettered: 0, expired: 0, dropped: 0, requeued: 0, duplicates: 0 },
      };
      s.queueOrder.push(name);
    }),
  },
  {
    name: 'rabbit.bind', sys: RABBIT, summary: 'Bind a queue to an exchange with a routing key, a topic pattern, or header values (x-match all or any).',
    args: [
      { name: 'exchange', type: 'string', required: true, doc: 'the exchange' },
      { name: 'queue', type: 'string', required: true, doc: 'the queue' },
      { name: 'key', type: 'string', doc: 'routing key (direct) or pattern (topic: * one word, # zero or more; quote a pattern with #: key="order.#")' },
      { name: 'headers', type: 'strings', doc: 'headers exchange: name=value pairs to match' },
      { name: 'match', type: 'enum', values: ['all', 'any'], default: 'all', doc: 'headers exchange: x-match' },
    ],
    example: 'rabbit.bind exchange=orders queue=billing key="order.#"', setup: 'rabbit.exchange name=orders type=topic\nrabbit.queue name=billing',
    run: (sim, a) => act(sim, `rabbit.bind${words(a)}`, (s) => {
      const x = s.exchanges[argString(a, 'exchange')];
      if (!x) throw new CommandError(`no exchange named '${argString(a, 'exchange')}'${s.exchangeOrder.length ? `; exchanges are ${s.exchangeOrder.join(',')}` : ''}`);
      const q = wrap(() => queueNamed(s, argString(a, 'queue')));
      const headers = parseHeaders(opt<string[]>(a, 'headers'));
      if (x.type === 'headers' && Object.keys(headers).length === 0) throw new CommandError('a headers binding needs headers=name=value');
      x.bindings.push({ queue: q.name, key: opt<string>(a, 'key') ?? '', args: headers, match: (opt<string>(a, 'match') ?? 'all') as 'all' | 'any' });
    }),
  },
  {
    name: 'rabbit.publish', sys: RABBIT, summary: 'Publish messages to an exchange (or the default exchange, which routes to the queue named by key).',
    args: [
      { name: 'exchange', type: 'string', doc: 'the exchange (left out: the default exchange)' },
      { name: 'key', type: 'string', doc: 'the routing key (left out: the empty key)' },
      { name: 'body', type: 'string', required: true, doc: 'the body; with count=3 the bodies are body1, body2, body3' },
      { name: 'count', type: 'int', default: '1', doc: 'how many messages' },
      { name: 'headers', type: 'strings', doc: 'message headers: name=value pairs' },
      { name: 'ttl', type: 'duration', doc: 'per-message TTL (expiration); the lower of this and the queue TTL applies' },
      { name: 'persistent', type: 'bool', default: 'true', doc: 'delivery mode 2: survives a broker restart in a durable queue' },
      { name: 'from', type: 'string', doc: 'a publisher node that sends it over the network (it may be lost)' },
    ],
    example: 'rabbit.publish exchange=orders key=order.created body=o count=2', setup: SETUP,
    run: (sim, a) => act(sim, `rabbit.publish${words(a)}`, (s, ctx) => {
      const exchange = opt<string>(a, 'exchange') ?? '';
      if (exchange !== '' && !s.exchanges[exchange]) throw new CommandError(`no exchange named '${exchange}'`);
      const n = opt<number>(a, 'count') ?? 1;
      if (n < 1 || n > 1000) throw new CommandError('count must be 1 to 1000');
      const from = opt<string>(a, 'from');
      if (from !== undefined) { ownNode(sim, ctx, from); if (!s.producers.includes(from)) s.producers.push(from); }
      const out: string[] = [];
      for (let i = 1; i <= n; i++) {
        const req = {
          exchange, key: opt<string>(a, 'key') ?? '', body: `${argString(a, 'body')}${n > 1 ? i : ''}`, headers: parseHeaders(opt<string[]>(a, 'headers')),
          ttlMs: opt<number>(a, 'ttl') ?? null, persistent: opt<boolean>(a, 'persistent') ?? true,
        };
        if (from !== undefined) { ctx.send(from, BROKER, { type: 'Publish', ...req }); continue; }
        const copies = publish(s, req, ctx);
        if (copies.length) out.push(`published ${req.body}: ${copies.map((c) => `#${c.id} in ${c.queue}`).join(', ')}`);
      }
      return out;
    }),
  },
  {
    name: 'rabbit.consumer', sys: RABBIT, summary: 'Start a consumer node on a queue: the broker pushes it messages (up to prefetch unacked); it acks, or nacks/rejects on failure.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the consumer node' },
      { name: 'queue', type: 'string', required: true, doc: 'the queue it consumes' },
      { name: 'prefetch', type: 'int', default: '0', doc: 'basic.qos: max unacknowledged deliveries (0: unlimited)' },
      { name: 'work', type: 'duration', default: '100ms', doc: 'time to process one message' },
      { name: 'jitter', type: 'duration', default: '0ms', doc: 'extra random 0..jitter per message' },
      { name: 'fail', type: 'prob', default: '0', doc: 'chance that processing fails' },
      { name: 'poison', type: 'strings', doc: 'bodies it always fails on (a poison message), e.g. poison=order5' },
      { name: 'onFail', type: 'enum', values: ['requeue', 'reject'], default: 'requeue', doc: 'nack requeue=true, or reject requeue=false (dead-letter or drop)' },
      { name: 'autoAck', type: 'bool', default: 'false', doc: 'no-ack mode: acknowledged on delivery (at-most-once; prefetch does not apply)' },
    ],
    example: 'rabbit.consumer name=c1 queue=billing prefetch=1 work=200ms', setup: SETUP,
    run: (sim, a) => act(sim, `rabbit.consumer${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.consumers[name]) throw new CommandError(`consumer ${name} already exists`);
      const q = wrap(() => queueNamed(s, argString(a, 'queue')));
      ownNode(sim, ctx, name);
      const c = s.consumers[name] = {
        id: name, queue: q.name, prefetch: opt<number>(a, 'prefetch') ?? 0, workMs: opt<number>(a, 'work') ?? 100, jitterMs: opt<number>(a, 'jitter') ?? 0,
        failRate: opt<number>(a, 'fail') ?? 0, poison: [...(opt<string[]>(a, 'poison') ?? [])], onFail: (opt<string>(a, 'onFail') ?? 'requeue') as 'requeue' | 'reject', autoAck: opt<boolean>(a, 'autoAck') ?? false, connected: false, lostTimer: null,
        buffer: [], workTimer: null, processed: 0, failed: 0, redeliveriesSeen: 0,
      };
      s.consumerOrder.push(name);
      connect(s, c, ctx);
    }),
  },
  {
    name: 'rabbit.get', sys: RABBIT, summary: 'Take one message from a queue yourself (basic.get without auto-ack); ack or nack it next.',
    args: [{ name: 'queue', type: 'string', required: true, doc: 'the queue' }],
    example: 'rabbit.get queue=billing', setup: `${SETUP}\nrabbit.publish exchange=orders key=order.created body=o`,
    run: (sim, a) => act(sim, `rabbit.get${words(a)}`, (s, ctx) => {
      const q = wrap(() => queueNamed(s, argString(a, 'queue')));
      expireHead(s, q, ctx);
      const m = takeHead(s, q, 'you');
      return [m ? `got #${m.id} ${m.body} tag=${m.tag}${m.redelivered ? ' redelivered' : ''}` : `${q.name} is empty`];
    }),
  },
  {
    name: 'rabbit.ack', sys: RABBIT, summary: 'Acknowledge a message you took with rabbit.get.',
    args: [{ name: 'msg', type: 'int', required: true, doc: 'the message id' }],
    example: 'rabbit.ack msg=1', setup: `${SETUP}\nrabbit.publish exchange=orders key=order.created body=o\nrabbit.get queue=billing`,
    run: (sim, a) => act(sim, `rabbit.ack${words(a)}`, (s, ctx) => {
      const m = mine(s, argNumber(a, 'msg'));
      ack(s, m.queue, 'you', m.tag!, ctx);
    }),
  },
  {
    name: 'rabbit.nack', sys: RABBIT, summary: 'Negatively acknowledge a message you took: requeue it (flagged redelivered) or not (dead-letter or drop).',
    args: [{ name: 'msg', type: 'int', required: true, doc: 'the message id' }, { name: 'requeue', type: 'bool', default: 'true', doc: 'put it back in the queue' }],
    example: 'rabbit.nack msg=1 requeue=false', setup: `${SETUP}\nrabbit.publish exchange=orders key=order.created body=o\nrabbit.get queue=billing`,
    run: (sim, a) => act(sim, `rabbit.nack${words(a)}`, (s, ctx) => {
      const m = mine(s, argNumber(a, 'msg'));
      nack(s, m.queue, 'you', m.tag!, opt<boolean>(a, 'requeue') ?? true, ctx);
    }),
  },
  rabbitProducer.command,
];

function mine(s: RabbitState, id: number) {
  const m = msgOf(s, id);
  if (!m || m.status !== 'unacked' || m.consumer !== 'you') throw new CommandError(`#${id} is not a message you hold; take one with rabbit.get`);
  return m;
}
