// Scenario commands of the SQS system (lessons 02, 04 and 05).
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { formatDuration } from '../core/duration.ts';
import { poll } from './consumer.ts';
import { changeVisibility, deleteMessage, moveTo, msgOf, receive, sendMessage, sendRefusal } from './service.ts';
import { checkLimit, noteFinerThanAmazon, SQS_LIMITS } from './limits.ts';
import { emptyStats, SQS, SQS_NODE, type SqsQueue, type SqsState } from './state.ts';
import { queueNamed } from './queries.ts';
import { sqsProducer } from './producer.ts';
import { chapter05ConsumerArgs, chapter05Settings } from './retry-args.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const queueOf = (s: SqsState, name: string): SqsQueue => {
  try { return queueNamed(s, name); } catch (e) { throw new CommandError((e as Error).message); }
};
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined)
  .map((k) => { const v = a[k]; return ` ${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'string' && /\s/.test(v) ? `"${v}"` : String(v)}`; }).join('');

/** Nodes belong to one system; name clashes get a clear message instead of the kernel's. */
function ownNode(sim: Sim, ctx: SystemContext, node: string, client = true): void {
  if (client && node === SQS_NODE) throw new CommandError(`'${node}' is the queue service's own node; give the client another name`);
  const other = sim.nodes().find((n) => n.id === node && n.sys !== SQS);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}

function act(sim: Sim, label: string, fn: (s: SqsState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<SqsState>(SQS, label, (s, ctx) => { out = fn(s, ctx) ?? []; });
  return out;
}

const queueArg = { name: 'queue', type: 'string', required: true, doc: 'the queue' } as const;

export const sqsCommands: CommandSpec[] = [
  {
    name: 'sqs.queue', sys: SQS, summary: 'Create a queue (standard, or FIFO when fifo=true or the name ends in .fifo), with its visibility timeout, retention and redrive policy, within Amazon\'s ranges (in ms where Amazon counts seconds).',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the queue name' },
      { name: 'fifo', type: 'bool', doc: 'a FIFO queue: order within each message group, deduplication' },
      { name: 'visibility', type: 'duration', default: '30s', doc: 'how long a received message stays invisible unless deleted (0 to 12h)' },
      { name: 'retention', type: 'duration', default: '96h', doc: 'messages older than this are dropped (1m to 336h, i.e. 14 days; SQS default: 4 days)' },
      { name: 'delay', type: 'duration', default: '0ms', doc: 'delivery delay: new messages cannot be received for this long (0 to 15m)' },
      { name: 'wait', type: 'duration', default: '0ms', doc: 'default long-poll wait for receives (0: short polling; at most 20s)' },
      { name: 'dlq', type: 'string', doc: 'dead-letter queue (created first) to move messages to after maxReceives receives' },
      { name: 'maxReceives', type: 'int', default: '3', doc: 'maxReceiveCount of the redrive policy (1 to 1000)' },
      { name: 'contentDedup', type: 'bool', doc: 'FIFO: when no dedup= is given, the deduplication id is the SHA-256 of the body' },
    ],
    example: 'sqs.queue name=orders-dlq\nsqs.queue name=orders visibility=5s dlq=orders-dlq maxReceives=3',
    run: (sim, a) => act(sim, `sqs.queue${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.queues[name]) throw new CommandError(`queue ${name} already exists`);
      const fifo = (opt<boolean>(a, 'fifo') ?? false) || name.endsWith('.fifo');
      const dlq = opt<string>(a, 'dlq') ?? null;
      if (dlq !== null) {
        const d = queueOf(s, dlq);
        if (d.fifo !== fifo) throw new CommandError(`the dead-letter queue of a ${fifo ? 'FIFO' : 'standard'} queue must also be ${fifo ? 'FIFO' : 'standard'}`);
      }
      const settings = {
        visibilityMs: opt<number>(a, 'visibility') ?? 30_000, retentionMs: opt<number>(a, 'retention') ?? 96 * 3_600_000,
        delayMs: opt<number>(a, 'delay') ?? 0, waitMs: opt<number>(a, 'wait') ?? 0, maxReceives: opt<number>(a, 'maxReceives') ?? 3,
      };
      checkLimit('visibility', settings.visibilityMs, SQS_LIMITS.visibility);
      checkLimit('retention', settings.retentionMs, SQS_LIMITS.retention);
      checkLimit('delay', settings.delayMs, SQS_LIMITS.delay);
      checkLimit('wait', settings.waitMs, SQS_LIMITS.wait);
      checkLimit('maxReceives', settings.maxReceives, SQS_LIMITS.maxReceives, true);
      const contentDedup = opt<boolean>(a, 'contentDedup') ?? false;
      if (contentDedup && !fifo) throw new CommandError(`${name} is a standard queue: content-based deduplication is for FIFO queues`);
      ownNode(sim, ctx, SQS_NODE, false);
      s.queues[name] = {
        name, fifo, ...settings, dlq, contentDedup, ids: [], finished: [], dedup: {}, nextSeq: 1, stats: emptyStats(), deletedOrder: [],
      };
      s.queueOrder.push(name);
      noteFinerThanAmazon(ctx, SQS_NODE, name, { visibility: settings.visibilityMs, retention: settings.retentionMs, delay: settings.delayMs, wait: settings.waitMs });
    }),
  },
  {
    name: 'sqs.send', sys: SQS, summary: 'Send messages to a queue: at once, or from a producer node over the network (from=).',
    args: [
      queueArg,
      { name: 'body', type: 'string', required: true, doc: 'the body; with count=3 the bodies are body1, body2, body3' },
      { name: 'count', type: 'int', default: '1', doc: 'how many messages' },
      { name: 'group', type: 'strings', doc: 'FIFO message group, required on a FIFO queue (a list is used round-robin: group=a,b)' },
      { name: 'dedup', type: 'string', doc: 'FIFO deduplication id (with count>1, suffixed like the bodies)' },
      { name: 'delay', type: 'duration', doc: 'per-message delay (standard queues, 0 to 15m), instead of the queue default' },
      { name: 'from', type: 'string', doc: 'a producer node that sends it over the network (it may be lost)' },
    ],
    example: 'sqs.send queue=orders body=order count=3', setup: 'sqs.queue name=orders',
    run: (sim, a) => act(sim, `sqs.send${words(a)}`, (s, ctx) => {
      const q = queueOf(s, argString(a, 'queue'));
      const n = opt<number>(a, 'count') ?? 1;
      if (n < 1 || n > 1000) throw new CommandError('count must be 1 to 1000');
      const groups = (opt<string[]>(a, 'group') ?? []);
      const delay = opt<number>(a, 'delay');
      const refusal = sendRefusal(q, { group: groups[0] ?? null, dedup: opt<string>(a, 'dedup') ?? null, ...(delay !== undefined ? { delayMs: delay } : {}) });
      if (refusal !== null) throw new CommandError(refusal);
      if (delay !== undefined) checkLimit('delay', delay, SQS_LIMITS.delay);
      noteFinerThanAmazon(ctx, SQS_NODE, q.name, { delay });
      const from = opt<string>(a, 'from');
      if (from !== undefined) { ownNode(sim, ctx, from); if (!s.producers.includes(from)) s.producers.push(from); }
      const out: string[] = [];
      for (let i = 1; i <= n; i++) {
        const suffix = n > 1 ? String(i) : '';
        const body = `${argString(a, 'body')}${suffix}`;
        const group = groups.length ? groups[(i - 1) % groups.length]! : null;
        const dedup = opt<string>(a, 'dedup') !== undefined ? `${opt<string>(a, 'dedup')}${suffix}` : null;
        if (from !== undefined) { ctx.send(from, SQS_NODE, { type: 'SendMessage', queue: q.name, body, group, dedup }); continue; }
        const r = sendMessage(s, { queue: q.name, body, group, dedup, ...(delay !== undefined ? { delayMs: delay } : {}) }, ctx);
        if (!r.duplicate) out.push(`sent #${r.id} ${body}${group ? ` group=${group}` : ''} to ${q.name}`);
      }
      return out;
    }),
  },
  {
    name: 'sqs.receive', sys: SQS, summary: 'Receive up to max messages yourself (as a client called you); each becomes invisible for the visibility timeout.',
    args: [queueArg, { name: 'max', type: 'int', default: '1', doc: 'at most this many (SQS allows 1 to 10)' }],
    example: 'sqs.receive queue=orders max=2', setup: 'sqs.queue name=orders\nsqs.send queue=orders body=a count=3',
    run: (sim, a) => act(sim, `sqs.receive${words(a)}`, (s, ctx) => {
      const q = queueOf(s, argString(a, 'queue'));
      const max = opt<number>(a, 'max') ?? 1;
      if (max < 1 || max > 10) throw new CommandError('max must be 1 to 10');
      const got = receive(s, q.name, max, 'you', ctx);
      if (got.length === 0) { q.stats.emptyReceives++; return [`${q.name}: nothing to receive`]; }
      return got.map((m) => `received #${m.id} ${m.body}${m.group ? ` group=${m.group}` : ''} receipt=r${m.receipt} receiveCount=${m.receiveCount} (invisible until t=${formatDuration(msgOf(s, m.id)!.visibleAt!)})`);
    }),
  },
  {
    name: 'sqs.delete', sys: SQS, summary: 'Delete (acknowledge) a received message, quoting its latest receipt unless receipt= names an older one.',
    args: [queueArg, { name: 'msg', type: 'int', required: true, doc: 'the message id' }, { name: 'receipt', type: 'int', doc: 'the receipt handle number (rN)' }],
    example: 'sqs.delete queue=orders msg=1', setup: 'sqs.queue name=orders\nsqs.send queue=orders body=a\nsqs.receive queue=orders',
    run: (sim, a) => act(sim, `sqs.delete${words(a)}`, (s, ctx) => {
      const q = queueOf(s, argString(a, 'queue'));
      const id = argNumber(a, 'msg');
      const m = msgOf(s, id);
      if (!m || m.queue !== q.name) throw new CommandError(`no message #${id} in ${q.name}`);
      if (m.status !== 'inflight') throw new CommandError(`#${id} is ${m.status}: receive it first (a delete needs a receipt handle)`);
      const r = deleteMessage(s, q.name, id, opt<number>(a, 'receipt') ?? m.receipt!, ctx);
      return [r === 'deleted' ? `deleted #${id}` : `#${id} not deleted (${r} receipt)`];
    }),
  },
  {
    name: 'sqs.visibility', sys: SQS, summary: 'Change a received message\'s visibility timeout, counted from now (0: visible again at once).',
    args: [queueArg, { name: 'msg', type: 'int', required: true, doc: 'the message id' }, { name: 'timeout', type: 'duration', required: true, doc: 'new timeout from now (0 to 12h)' }],
    example: 'sqs.visibility queue=orders msg=1 timeout=0s', setup: 'sqs.queue name=orders\nsqs.send queue=orders body=a\nsqs.receive queue=orders',
    run: (sim, a) => act(sim, `sqs.visibility${words(a)}`, (s, ctx) => {
      const q = queueOf(s, argString(a, 'queue'));
      const m = msgOf(s, argNumber(a, 'msg'));
      if (!m || m.queue !== q.name || m.status !== 'inflight') throw new CommandError(`#${argNumber(a, 'msg')} is not in flight in ${q.name}`);
      checkLimit('timeout', argNumber(a, 'timeout'), SQS_LIMITS.visibility);
      noteFinerThanAmazon(ctx, SQS_NODE, `${q.name} #${m.id}`, { timeout: argNumber(a, 'timeout') });
      changeVisibility(s, m, argNumber(a, 'timeout'), ctx);
    }),
  },
  {
    name: 'sqs.redrive', sys: SQS, summary: 'Move messages from a dead-letter queue back to the queue they came from (or to=), as new messages: receive counts and retention start over.',
    args: [{ name: 'from', type: 'string', required: true, doc: 'the dead-letter queue' }, { name: 'to', type: 'string', doc: 'destination (default: each message\'s source queue)' }, { name: 'max', type: 'int', doc: 'at most this many' }],
    example: 'sqs.redrive from=orders-dlq',
    setup: 'sqs.queue name=orders-dlq\nsqs.queue name=orders visibility=1s dlq=orders-dlq maxReceives=1\nsqs.send queue=orders body=a\nsqs.receive queue=orders\nrun for=1s\nsqs.receive queue=orders',
    run: (sim, a) => act(sim, `sqs.redrive${words(a)}`, (s, ctx) => {
      const dlq = queueOf(s, argString(a, 'from'));
      const to = opt<string>(a, 'to');
      if (to !== undefined && queueOf(s, to).fifo !== dlq.fifo) throw new CommandError(`a redrive moves messages between queues of one type: ${dlq.name} is ${dlq.fifo ? 'FIFO' : 'standard'}, ${to} is not`);
      const ready = dlq.ids.map((id) => msgOf(s, id)!).filter((m) => m.status === 'dead-lettered' || m.status === 'visible');
      const moving = ready.slice(0, opt<number>(a, 'max') ?? ready.length);
      if (moving.length === 0) throw new CommandError(`${dlq.name} has nothing to redrive${dlq.ids.length ? ' (its messages are in flight)' : ''}`);
      for (const m of moving) {
        const dest = s.queues[to ?? m.route[m.route.length - 2] ?? '']!;
        if (!dest) throw new CommandError(`#${m.id} did not come from another queue; say to=`);
        moveTo(s, dlq, dest, m, 'visible', { keepEnqueueTime: false }, ctx);
      }
      ctx.note(SQS_NODE, `${dlq.name}: redrove ${moving.map((m) => `#${m.id}`).join(',')} to ${to ?? 'their source queues'}`);
    }),
  },
  {
    name: 'sqs.consumer', sys: SQS, summary: 'Start (or retune) a consumer node that polls a queue, works on each message, and deletes it unless it fails.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the consumer node' }, queueArg,
      { name: 'work', type: 'duration', default: '100ms', doc: 'time to process one message' },
      { name: 'jitter', type: 'duration', default: '0ms', doc: 'extra random 0..jitter per message' },
      { name: 'fail', type: 'prob', default: '0', doc: 'chance that processing fails (no delete: it comes back)' },
      { name: 'poison', type: 'strings', doc: 'bodies it always fails on (a poison message), e.g. poison=order5' },
      { name: 'batch', type: 'int', default: '1', doc: 'max messages per receive (1 to 10)' },
      { name: 'wait', type: 'duration', doc: 'long-poll wait (default: the queue\'s; 0: short polling; at most 20s)' },
      { name: 'idle', type: 'duration', default: '1s', doc: 'pause after an empty short poll' },
      { name: 'heartbeat', type: 'duration', default: '0ms', doc: 'while working, extend the message\'s visibility this often (0: never)' },
      { name: 'extend', type: 'duration', default: '30s', doc: 'the visibility timeout each heartbeat asks for, counted from then (0 to 12h)' },
      ...chapter05ConsumerArgs,
    ],
    example: 'sqs.consumer name=w1 queue=orders work=200ms fail=10%', setup: 'sqs.queue name=orders',
    run: (sim, a) => act(sim, `sqs.consumer${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      const q = queueOf(s, argString(a, 'queue'));
      const batch = opt<number>(a, 'batch') ?? 1;
      if (batch < 1 || batch > 10) throw new CommandError('batch must be 1 to 10');
      const existing = s.consumers[name];
      if (opt<number>(a, 'wait') !== undefined) checkLimit('wait', opt<number>(a, 'wait')!, SQS_LIMITS.wait);
      if (opt<number>(a, 'extend') !== undefined) checkLimit('extend', opt<number>(a, 'extend')!, SQS_LIMITS.visibility);
      noteFinerThanAmazon(ctx, SQS_NODE, `${name}'s requests`, { wait: opt<number>(a, 'wait'), extend: opt<number>(a, 'extend') });
      const cfg = {
        queue: q.name, workMs: opt<number>(a, 'work') ?? existing?.workMs ?? 100, jitterMs: opt<number>(a, 'jitter') ?? existing?.jitterMs ?? 0,
        failRate: opt<number>(a, 'fail') ?? existing?.failRate ?? 0, poison: [...(opt<string[]>(a, 'poison') ?? existing?.poison ?? [])], batch, waitMs: opt<number>(a, 'wait') ?? q.waitMs, idleMs: opt<number>(a, 'idle') ?? existing?.idleMs ?? 1000,
        heartbeatMs: opt<number>(a, 'heartbeat') ?? existing?.heartbeatMs ?? 0, extendMs: opt<number>(a, 'extend') ?? existing?.extendMs ?? 30_000,
      };
      Object.assign(cfg, chapter05Settings(a, existing, ctx.now));
      if (existing) { Object.assign(existing, cfg, { stopped: false }); if (existing.phase === 'idle') poll(existing, ctx); return; }
      ownNode(sim, ctx, name);
      const c = s.consumers[name] = { id: name, ...cfg, stopped: false, phase: 'idle' as const, pollId: 0, pollTimer: null, workTimer: null, beatTimer: null, current: [], processed: 0, failed: 0, done: [] };
      s.consumerOrder.push(name);
      poll(c, ctx);
    }),
  },
  {
    name: 'sqs.stop', sys: SQS, summary: 'Stop a consumer: it finishes the batch in hand and polls no more.',
    args: [{ name: 'name', type: 'string', required: true, doc: 'the consumer node' }],
    example: 'sqs.stop name=w1', setup: 'sqs.queue name=orders\nsqs.consumer name=w1 queue=orders',
    run: (sim, a) => act(sim, `sqs.stop${words(a)}`, (s, ctx) => {
      const c = s.consumers[argString(a, 'name')];
      if (!c) throw new CommandError(`no SQS consumer named ${argString(a, 'name')}`);
      c.stopped = true;
      if (c.pollTimer !== null) { ctx.cancelTimer(c.pollTimer); c.pollTimer = null; }
      if (c.phase === 'polling') {
        // It closes its open request: the service forgets the long poll (an answer already on its way is ignored).
        c.phase = 'idle';
        for (const w of s.waiting.filter((x) => x.consumer === c.id)) ctx.cancelTimer(w.timer);
        s.waiting = s.waiting.filter((x) => x.consumer !== c.id);
      }
    }),
  },
  sqsProducer.command,
];
