// Scenario commands of the managed pub/sub system (lessons 02 and 04).
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { formatDuration } from '../core/duration.ts';
import { acknowledge, copyOf, lease, modifyDeadline, publish, push } from './service.ts';
import { pull } from './subscriber.ts';
import { subNamed } from './queries.ts';
import { PUBSUB, PUBSUB_NODE, type PubsubState } from './state.ts';
import { pubsubProducer } from './producer.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${String(a[k])}`).join('');
const wrap = <T>(f: () => T): T => { try { return f(); } catch (e) { throw new CommandError((e as Error).message); } };

function act(sim: Sim, label: string, fn: (s: PubsubState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<PubsubState>(PUBSUB, label, (s, ctx) => { out = fn(s, ctx) ?? []; });
  return out;
}
function ownNode(sim: Sim, ctx: SystemContext, node: string, client = true): void {
  if (client && node === PUBSUB_NODE) throw new CommandError(`'${node}' is the pub/sub service's own node; give the client another name`);
  const other = sim.nodes().find((n) => n.id === node && n.sys !== PUBSUB);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}
const topicOf = (s: PubsubState, name: string) => {
  const t = s.topics[name];
  if (!t) throw new CommandError(`no topic named '${name}'${s.topicOrder.length ? `; topics are ${s.topicOrder.join(',')}` : '; create one with pubsub.topic name=orders'}`);
  return t;
};
const heldCopy = (s: PubsubState, sub: string, id: number) => {
  const m = copyOf(s, id);
  if (!m || m.sub !== sub || m.status !== 'leased' || m.leasedTo !== 'you') throw new CommandError(`#${id} is not a message you pulled from ${sub}`);
  return m;
};

const SETUP = 'pubsub.topic name=orders\npubsub.subscription name=audit topic=orders';

export const pubsubCommands: CommandSpec[] = [
  {
    name: 'pubsub.topic', sys: PUBSUB, summary: 'Create a topic.',
    args: [{ name: 'name', type: 'string', required: true, doc: 'the topic name' }],
    example: 'pubsub.topic name=orders',
    run: (sim, a) => act(sim, `pubsub.topic${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.topics[name]) throw new CommandError(`topic ${name} already exists`);
      ownNode(sim, ctx, PUBSUB_NODE, false);
      s.topics[name] = { name, subscriptions: [], published: 0 };
      s.topicOrder.push(name);
    }),
  },
  {
    name: 'pubsub.subscription', sys: PUBSUB, summary: 'Attach a subscription to a topic: it gets every message published from now on, pulled or pushed.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the subscription name' },
      { name: 'topic', type: 'string', required: true, doc: 'the topic' },
      { name: 'mode', type: 'enum', values: ['pull', 'push'], default: 'pull', doc: 'subscribers pull, or the service pushes to an endpoint' },
      { name: 'ackDeadline', type: 'duration', default: '10s', doc: 'how long a delivery may stay unacked before it is redelivered' },
      { name: 'retention', type: 'duration', default: '168h', doc: 'unacked messages older than this are dropped (default 7 days)' },
      { name: 'deadLetter', type: 'string', doc: 'dead-letter topic for messages delivered maxAttempts times' },
      { name: 'maxAttempts', type: 'int', default: '5', doc: 'max delivery attempts before dead-lettering' },
      { name: 'pushWindow', type: 'int', default: '10', doc: 'push: max deliveries outstanding at once' },
    ],
    example: 'pubsub.subscription name=billing topic=orders ackDeadline=5s', setup: 'pubsub.topic name=orders',
    run: (sim, a) => act(sim, `pubsub.subscription${words(a)}`, (s) => {
      const name = argString(a, 'name');
      if (s.subs[name]) throw new CommandError(`subscription ${name} already exists`);
      const t = topicOf(s, argString(a, 'topic'));
      const dlt = opt<string>(a, 'deadLetter') ?? null;
      if (dlt !== null) topicOf(s, dlt);
      const maxAttempts = opt<number>(a, 'maxAttempts') ?? 5;
      if (maxAttempts < 1) throw new CommandError('maxAttempts must be at least 1');
      s.subs[name] = {
        name, topic: t.name, mode: (opt<string>(a, 'mode') ?? 'pull') as 'pull' | 'push', endpoint: null, ackDeadlineMs: opt<number>(a, 'ackDeadline') ?? 10_000,
        retentionMs: opt<number>(a, 'retention') ?? 168 * 3_600_000, deadLetterTopic: dlt, maxAttempts, pushWindow: opt<number>(a, 'pushWindow') ?? 10,
        ids: [], finished: [], stats: { delivered: 0, redelivered: 0, acked: 0, deadLettered: 0, expired: 0, nacked: 0, duplicates: 0 }, ackedOrder: [],
      };
      s.subOrder.push(name);
      t.subscriptions.push(name);
    }),
  },
  {
    name: 'pubsub.publish', sys: PUBSUB, summary: 'Publish messages to a topic: every subscription gets its own copy.',
    args: [
      { name: 'topic', type: 'string', required: true, doc: 'the topic' },
      { name: 'body', type: 'string', required: true, doc: 'the body; with count=3 the bodies are body1, body2, body3' },
      { name: 'count', type: 'int', default: '1', doc: 'how many messages' },
      { name: 'from', type: 'string', doc: 'a publisher node that sends it over the network (it may be lost)' },
    ],
    example: 'pubsub.publish topic=orders body=o count=3', setup: SETUP,
    run: (sim, a) => act(sim, `pubsub.publish${words(a)}`, (s, ctx) => {
      const t = topicOf(s, argString(a, 'topic'));
      const n = opt<number>(a, 'count') ?? 1;
      if (n < 1 || n > 1000) throw new CommandError('count must be 1 to 1000');
      const from = opt<string>(a, 'from');
      if (from !== undefined) { ownNode(sim, ctx, from); if (!s.publishers.includes(from)) s.publishers.push(from); }
      const out: string[] = [];
      for (let i = 1; i <= n; i++) {
        const body = `${argString(a, 'body')}${n > 1 ? i : ''}`;
        if (from !== undefined) { ctx.send(from, PUBSUB_NODE, { type: 'Publish', topic: t.name, body }); continue; }
        const copies = publish(s, t.name, body, ctx);
        if (copies.length) out.push(`published ${body}: ${copies.map((c) => `#${c.id} for ${c.sub}`).join(', ')}`);
      }
      return out;
    }),
  },
  {
    name: 'pubsub.subscriber', sys: PUBSUB, summary: 'Start a subscriber node: it pulls from a pull subscription, or becomes the endpoint of a push subscription.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the subscriber node' },
      { name: 'sub', type: 'string', required: true, doc: 'the subscription' },
      { name: 'work', type: 'duration', default: '100ms', doc: 'time to process one message' },
      { name: 'jitter', type: 'duration', default: '0ms', doc: 'extra random 0..jitter per message' },
      { name: 'fail', type: 'prob', default: '0', doc: 'chance that processing fails (nack: redelivered)' },
      { name: 'poison', type: 'strings', doc: 'bodies it always fails on (a poison message), e.g. poison=order5' },
      { name: 'batch', type: 'int', default: '1', doc: 'pull: messages per pull' },
      { name: 'idle', type: 'duration', default: '500ms', doc: 'pull: pause after an empty pull' },
    ],
    example: 'pubsub.subscriber name=s1 sub=audit work=50ms', setup: SETUP,
    run: (sim, a) => act(sim, `pubsub.subscriber${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.subscribers[name]) throw new CommandError(`subscriber ${name} already exists`);
      const sub = wrap(() => subNamed(s, argString(a, 'sub')));
      if (sub.mode === 'push' && sub.endpoint !== null) throw new CommandError(`${sub.name} already pushes to ${sub.endpoint}`);
      ownNode(sim, ctx, name);
      const c = s.subscribers[name] = {
        id: name, sub: sub.name, workMs: opt<number>(a, 'work') ?? 100, jitterMs: opt<number>(a, 'jitter') ?? 0, failRate: opt<number>(a, 'fail') ?? 0, poison: [...(opt<string[]>(a, 'poison') ?? [])],
        batch: opt<number>(a, 'batch') ?? 1, idleMs: opt<number>(a, 'idle') ?? 500, inHand: [], pullId: 0, pulling: false, timer: null, processed: 0, failed: 0,
      };
      s.subscriberOrder.push(name);
      if (sub.mode === 'push') { sub.endpoint = name; push(s, sub, ctx); } else pull(s, c, ctx);
    }),
  },
  {
    name: 'pubsub.pull', sys: PUBSUB, summary: 'Pull up to max messages yourself; each is leased to you until its ack deadline.',
    args: [{ name: 'sub', type: 'string', required: true, doc: 'a pull subscription' }, { name: 'max', type: 'int', default: '1', doc: 'at most this many' }],
    example: 'pubsub.pull sub=audit max=2', setup: `${SETUP}\npubsub.publish topic=orders body=o count=2`,
    run: (sim, a) => act(sim, `pubsub.pull${words(a)}`, (s, ctx) => {
      const sub = wrap(() => subNamed(s, argString(a, 'sub')));
      if (sub.mode !== 'pull') throw new CommandError(`${sub.name} is a push subscription`);
      const got = lease(s, sub, opt<number>(a, 'max') ?? 1, 'you', ctx);
      return got.length ? got.map((m) => `pulled #${m.id} ${m.body} attempt=${m.attempts} (ack by t=${formatDuration(m.deadline!)})`) : [`${sub.name}: nothing to pull`];
    }),
  },
  {
    name: 'pubsub.ack', sys: PUBSUB, summary: 'Acknowledge a message you pulled.',
    args: [{ name: 'sub', type: 'string', required: true, doc: 'the subscription' }, { name: 'msg', type: 'int', required: true, doc: 'the copy id' }],
    example: 'pubsub.ack sub=audit msg=1', setup: `${SETUP}\npubsub.publish topic=orders body=o\npubsub.pull sub=audit`,
    run: (sim, a) => act(sim, `pubsub.ack${words(a)}`, (s, ctx) => {
      const m = heldCopy(s, argString(a, 'sub'), argNumber(a, 'msg'));
      acknowledge(s, s.subs[m.sub]!, m.ackId!, ctx);
    }),
  },
  {
    name: 'pubsub.modack', sys: PUBSUB, summary: "Change a pulled message's ack deadline, counted from now (0 is a nack: redeliver at once).",
    args: [{ name: 'sub', type: 'string', required: true, doc: 'the subscription' }, { name: 'msg', type: 'int', required: true, doc: 'the copy id' }, { name: 'deadline', type: 'duration', required: true, doc: 'new deadline from now' }],
    example: 'pubsub.modack sub=audit msg=1 deadline=0s', setup: `${SETUP}\npubsub.publish topic=orders body=o\npubsub.pull sub=audit`,
    run: (sim, a) => act(sim, `pubsub.modack${words(a)}`, (s, ctx) => {
      const m = heldCopy(s, argString(a, 'sub'), argNumber(a, 'msg'));
      modifyDeadline(s, s.subs[m.sub]!, m.ackId!, argNumber(a, 'deadline'), ctx);
    }),
  },
  pubsubProducer.command,
];
