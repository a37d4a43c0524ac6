// Scenario commands of the event store (lesson 06, and the read models lesson 08 reads).
import { argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { domainOf, EVENT_TYPES, upcast } from './aggregates.ts';
import { startNext } from './clerk.ts';
import { fetchMore, rebuild } from './projector.ts';
import { KIND_WORDS, PROJECTOR_KINDS } from './projections.ts';
import { aggregateStream, clerkNamed, projectorNamed } from './queries.ts';
import { ask, askWriteSide } from './reads.ts';
import { appendEvents, describeEvent, readAll, readStream, type NewEvent } from './store.ts';
import { EVENTSTORE, STORE_NODE, type ClerkVerb, type EventData, type EventStoreState, type Expected, type ProjectorKind } from './state.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${String(a[k])}`).join('');
const wrap = <T>(f: () => T): T => { try { return f(); } catch (e) { throw new CommandError((e as Error).message); } };

function act(sim: Sim, label: string, fn: (s: EventStoreState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<EventStoreState>(EVENTSTORE, label, (s, ctx) => { s.clock = ctx.now; ctx.addNode(STORE_NODE); out = fn(s, ctx) ?? []; });
  return out;
}
function ownNode(sim: Sim, ctx: SystemContext, node: string): void {
  if (node === STORE_NODE) throw new CommandError(`'${node}' is the event store's own node; give it another name`);
  const other = sim.nodes().find((n) => n.id === node && n.sys !== EVENTSTORE);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}

/** any, no_stream, stream_exists or a whole number from 0 (EventStoreDB's expected revision). */
export function parseExpected(text: string): Expected {
  if (text === 'any' || text === 'no_stream' || text === 'stream_exists') return text;
  if (/^\d+$/.test(text)) return Number(text);
  throw new CommandError(`expected=${text}: write any, no_stream, stream_exists or a version number from 0 (the stream's last event number)`);
}

function eventFrom(stream: string, a: ArgValues): NewEvent {
  const domain = wrap(() => domainOf(aggregateStream(stream)))!;
  const type = argString(a, 'type');
  const known: readonly string[] = EVENT_TYPES[domain];
  if (!known.includes(type)) throw new CommandError(`${type} is not an event of a${domain === 'account' ? 'n account' : ' bakery order book'}; its events are ${known.join(', ')}`);
  const amount = opt<number>(a, 'amount');
  const dozens = opt<number>(a, 'dozens');
  const data: Record<string, number | string> = {};
  if (type === 'Deposited' || type === 'Withdrawn') {
    if (amount === undefined || amount <= 0) throw new CommandError(`${type} needs amount= above 0`);
    data.amount = amount;
  }
  if (type === 'OrderPlaced' || type === 'OrderCancelled') data.order = opt<string>(a, 'order') ?? 'o1';
  if (type === 'OrderPlaced') {
    data.item = opt<string>(a, 'item') ?? 'rye';
    if (dozens !== undefined) { if (amount !== undefined) throw new CommandError('give qty= (loaves, schema 2) or dozens= (the old schema 1), not both'); data.dozens = dozens; return { type, data, schema: 1 }; }
    const qty = opt<number>(a, 'qty') ?? amount;
    if (qty === undefined || qty <= 0) throw new CommandError('OrderPlaced needs qty= loaves above 0 (or dozens= for an old schema-1 event)');
    data.qty = qty;
  }
  return { type, data: data as EventData };
}

const SETUP = 'eventstore.append stream=account-1 type=Opened expected=no_stream';
const CLERK = 'eventstore.clerk name=ann';
const VERBS: readonly ClerkVerb[] = ['open', 'deposit', 'withdraw', 'place', 'cancel'];

export const eventStoreCommands: CommandSpec[] = [
  {
    name: 'eventstore.append', sys: EVENTSTORE, summary: 'Append an event to a stream at once, checked against an expected version (EventStoreDB\'s rules).',
    args: [
      { name: 'stream', type: 'string', required: true, doc: 'account-<id> (Opened, Deposited, Withdrawn) or book-<id> (OrderPlaced, OrderCancelled)' },
      { name: 'type', type: 'string', required: true, doc: 'the event type' },
      { name: 'expected', type: 'string', default: 'any', doc: 'any, no_stream, stream_exists, or the version the stream must be at (its last event number)' },
      { name: 'amount', type: 'int', doc: 'Deposited/Withdrawn: the amount' },
      { name: 'order', type: 'string', doc: 'OrderPlaced/OrderCancelled: the order id (default o1)' },
      { name: 'item', type: 'string', doc: 'OrderPlaced: the bread (default rye)' },
      { name: 'qty', type: 'int', doc: 'OrderPlaced: loaves (schema 2)' },
      { name: 'dozens', type: 'int', doc: 'OrderPlaced: dozens, written with the old schema 1 (upcast to qty = dozens x 12 when read)' },
      { name: 'count', type: 'int', default: '1', doc: 'append the same event this many times (one atomic append)' },
    ],
    example: 'eventstore.append stream=account-1 type=Deposited amount=50 expected=0', setup: SETUP,
    run: (sim, a) => act(sim, `eventstore.append${words(a)}`, (s, ctx) => {
      const stream = argString(a, 'stream');
      const e = eventFrom(stream, a);
      const count = opt<number>(a, 'count') ?? 1;
      if (count < 1 || count > 10_000) throw new CommandError('count must be 1 to 10000');
      const r = appendEvents(s, stream, parseExpected(opt<string>(a, 'expected') ?? 'any'), Array.from({ length: count }, () => e), ctx.now, ctx);
      // The store's note (the trace, the event log) says what happened, the error included.
      if (r.ok) ctx.note(STORE_NODE, `${stream} v${r.version} @${r.first === r.last ? r.last : `${r.first}..${r.last}`}: ${describeEvent({ ...e, schema: e.schema ?? 2 } as never)}${count > 1 ? ` x${count}` : ''}`);
    }),
  },
  {
    name: 'eventstore.read', sys: EVENTSTORE, summary: 'Print events: a stream forwards or backwards from a version, or the whole store from a position. Nothing changes.',
    args: [
      { name: 'stream', type: 'string', doc: 'the stream; leave out to read the whole store ($all) by global position' },
      { name: 'from', type: 'int', doc: 'the first version (stream) or position ($all) to read; backwards: default the last' },
      { name: 'direction', type: 'enum', values: ['forwards', 'backwards'], default: 'forwards', doc: 'the order to read a stream in ($all reads forwards)' },
      { name: 'max', type: 'int', default: '20', doc: 'at most this many events' },
      { name: 'raw', type: 'bool', default: 'false', doc: 'show events as stored, without upcasting' },
    ],
    example: 'eventstore.read stream=account-1 direction=backwards', setup: SETUP,
    timeOnly: true,
    run: (sim, a) => {
      const s = sim.state<EventStoreState>(EVENTSTORE);
      const stream = opt<string>(a, 'stream');
      const max = opt<number>(a, 'max') ?? 20;
      const dir = (opt<string>(a, 'direction') ?? 'forwards') as 'forwards' | 'backwards';
      if (stream !== undefined && !s.streams[stream]) return [`${stream}: no stream (version -1)`];
      const got = stream === undefined ? readAll(s, opt<number>(a, 'from') ?? 0, max) : readStream(s, stream, dir, opt<number>(a, 'from'), max);
      const raw = opt<boolean>(a, 'raw') ?? false;
      if (got.length === 0) return ['nothing to read there'];
      return got.map((e) => `@${e.pos} ${e.stream} v${e.version} ${describeEvent(raw || !s.upcast ? e : upcast(e))}`);
    },
  },
  {
    name: 'eventstore.clerk', sys: EVENTSTORE, summary: 'Add a clerk: a command handler that loads an aggregate, validates a command against it and appends the event with the version it read.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the clerk node' },
      { name: 'think', type: 'duration', default: '0ms', doc: 'time between loading and appending (two clerks overlap when it is long)' },
      { name: 'expected', type: 'enum', values: ['read', 'any'], default: 'read', doc: 'append with the version read (optimistic concurrency) or with any (no check)' },
      { name: 'onConflict', type: 'enum', values: ['retry', 'fail'], default: 'fail', doc: 'on a wrong-expected-version answer: reload and decide again, or give up' },
      { name: 'retries', type: 'int', default: '3', doc: 'at most this many reloads per command' },
    ],
    example: 'eventstore.clerk name=ann think=200ms onConflict=retry',
    run: (sim, a) => act(sim, `eventstore.clerk${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.clerks[name]) throw new CommandError(`clerk ${name} already exists`);
      ownNode(sim, ctx, name);
      s.clerks[name] = {
        id: name, thinkMs: opt<number>(a, 'think') ?? 0, expected: (opt<string>(a, 'expected') ?? 'read') as 'read' | 'any',
        onConflict: (opt<string>(a, 'onConflict') ?? 'fail') as 'retry' | 'fail', maxRetries: opt<number>(a, 'retries') ?? 3,
        jobs: [], requestId: 0, jobSeq: 0, timer: null, done: 0, conflicts: 0, retries: 0, rejected: 0, failed: 0,
        lastPosition: -1, lastResult: '', eventsRead: 0, lastAnswer: '', waitedMs: 0,
      };
      s.clerkOrder.push(name);
    }),
  },
  {
    name: 'eventstore.do', sys: EVENTSTORE, summary: 'Hand a clerk a command (open, deposit, withdraw; place, cancel an order); it is queued behind any in hand.',
    args: [
      { name: 'clerk', type: 'string', required: true, doc: 'the clerk' },
      { name: 'cmd', type: 'enum', values: VERBS, required: true, doc: 'open/deposit/withdraw an account-<id>; place/cancel an order in a book-<id>' },
      { name: 'stream', type: 'string', required: true, doc: 'the aggregate stream' },
      { name: 'amount', type: 'int', doc: 'deposit/withdraw: the amount; place: loaves' },
      { name: 'item', type: 'string', default: 'rye', doc: 'place: the bread' },
      { name: 'order', type: 'string', default: 'o1', doc: 'place/cancel: the order id' },
    ],
    example: 'eventstore.do clerk=ann cmd=deposit stream=account-1 amount=50', setup: `${SETUP}\n${CLERK}`,
    run: (sim, a) => act(sim, `eventstore.do${words(a)}`, (s, ctx) => {
      const c = wrap(() => clerkNamed(s, argString(a, 'clerk')));
      if (!ctx.isUp(c.id)) throw new CommandError(`${c.id} is down; restart it first`);
      const stream = wrap(() => aggregateStream(argString(a, 'stream')));
      const verb = argString(a, 'cmd') as ClerkVerb;
      const isBook = domainOf(stream) === 'book';
      if ((verb === 'place' || verb === 'cancel') !== isBook) throw new CommandError(`${verb} does not apply to ${stream}: accounts take open, deposit, withdraw; books take place, cancel`);
      const amount = opt<number>(a, 'amount') ?? 0;
      if ((verb === 'deposit' || verb === 'withdraw' || verb === 'place') && amount <= 0) throw new CommandError(`${verb} needs amount= above 0`);
      c.jobSeq++;
      c.jobs.push({ verb, stream, amount, item: opt<string>(a, 'item') ?? 'rye', order: opt<string>(a, 'order') ?? 'o1', id: `${c.id}-${c.jobSeq}`, attempt: 1, decision: null, phase: 'queued', readVersion: -1 });
      startNext(c, ctx);
    }),
  },
  {
    name: 'eventstore.projector', sys: EVENTSTORE, summary: 'Start a projector: a catch-up subscription that folds the whole store into its own read-model table, keeping a checkpoint.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the projector node' },
      { name: 'kind', type: 'enum', values: PROJECTOR_KINDS, required: true, doc: PROJECTOR_KINDS.map((k) => `${k}: ${KIND_WORDS[k]}`).join('; ') },
      { name: 'batch', type: 'int', default: '10', doc: 'events per fetch' },
      { name: 'poll', type: 'duration', default: '200ms', doc: 'pause after a fetch that found nothing new' },
      { name: 'work', type: 'duration', default: '0ms', doc: 'time to apply one event' },
      { name: 'bug', type: 'bool', default: 'false', doc: 'run the buggy version (balances add withdrawals; orders ignore cancellations)' },
    ],
    example: 'eventstore.projector name=balances kind=balances',
    run: (sim, a) => act(sim, `eventstore.projector${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.projectors[name]) throw new CommandError(`projector ${name} already exists`);
      const batch = opt<number>(a, 'batch') ?? 10;
      if (batch < 1 || batch > 100_000) throw new CommandError('batch must be 1 to 100000');
      ownNode(sim, ctx, name);
      const p = s.projectors[name] = {
        id: name, kind: argString(a, 'kind') as ProjectorKind, bug: opt<boolean>(a, 'bug') ?? false, batch, pollMs: opt<number>(a, 'poll') ?? 200, workMs: opt<number>(a, 'work') ?? 0,
        table: {}, orders: {}, checkpoint: 0, inHand: [], fetching: false, fetchId: 0, timer: null, asks: [],
        eventsRead: 0, rebuilds: 0, rebuildRead: 0, rebuildDoneAt: -1, rebuilding: false, lastDelayMs: 0, maxDelayMs: 0,
      };
      s.projectorOrder.push(name);
      fetchMore(p, ctx);
    }),
  },
  {
    name: 'eventstore.rebuild', sys: EVENTSTORE, summary: "Rebuild a projector's read model: empty its table and replay the store from position 0 (fix=true deploys the fixed code first).",
    args: [
      { name: 'projector', type: 'string', required: true, doc: 'the projector' },
      { name: 'fix', type: 'bool', default: 'false', doc: 'fix its bug before replaying' },
    ],
    example: 'eventstore.rebuild projector=balances fix=true', setup: 'eventstore.projector name=balances kind=balances bug=true',
    run: (sim, a) => act(sim, `eventstore.rebuild${words(a)}`, (s, ctx) => {
      const p = wrap(() => projectorNamed(s, argString(a, 'projector')));
      if (!ctx.isUp(p.id)) throw new CommandError(`${p.id} is down; restart it first`);
      if (opt<boolean>(a, 'fix')) p.bug = false;
      rebuild(p, ctx);
      return [`${p.id}: table emptied, replaying ${s.log.length} events from position 0`];
    }),
  },
  {
    name: 'eventstore.snapshots', sys: EVENTSTORE, summary: "Keep a snapshot of each aggregate every N events, so loading reads the snapshot and only the events after it.",
    args: [{ name: 'every', type: 'int', required: true, doc: 'events between snapshots (0: none; existing snapshots are dropped)' }],
    example: 'eventstore.snapshots every=10',
    run: (sim, a) => act(sim, `eventstore.snapshots${words(a)}`, (s) => {
      const every = opt<number>(a, 'every') ?? 0;
      if (every < 0 || every > 100_000) throw new CommandError('every must be 0 to 100000');
      s.snapshotEvery = every;
      if (every === 0) s.snapshots = {};
    }),
  },
  {
    name: 'eventstore.upcast', sys: EVENTSTORE, summary: 'Turn upcasting on or off: old schema-1 events are read as schema 2; the stored events never change either way.',
    args: [{ name: 'on', type: 'bool', required: true, doc: 'true: upcast v1 events when read; false: read them as stored' }],
    example: 'eventstore.upcast on=false',
    run: (sim, a) => act(sim, `eventstore.upcast${words(a)}`, (s) => { s.upcast = opt<boolean>(a, 'on') ?? true; }),
  },
  {
    name: 'eventstore.ask', sys: EVENTSTORE, summary: "A clerk reads a row of a read model: as it is now (eventual), after it has caught up with the clerk's own last write (wait), or from the write side (write).",
    args: [
      { name: 'clerk', type: 'string', required: true, doc: 'who reads (its last append is the token for consistency=wait)' },
      { name: 'projector', type: 'string', doc: 'the read model (not needed with consistency=write)' },
      { name: 'key', type: 'string', required: true, doc: 'the row: an account-<id> (balances), a bread (orders), an event type (activity); with consistency=write, the aggregate stream' },
      { name: 'consistency', type: 'enum', values: ['eventual', 'wait', 'write'], default: 'eventual', doc: 'eventual: may be stale; wait: read-your-own-writes by position token; write: read the aggregate from the store' },
    ],
    example: 'eventstore.ask clerk=ann projector=balances key=account-1 consistency=wait', setup: `${SETUP}\n${CLERK}\neventstore.projector name=balances kind=balances`,
    run: (sim, a) => act(sim, `eventstore.ask${words(a)}`, (s, ctx) => {
      const c = wrap(() => clerkNamed(s, argString(a, 'clerk')));
      const key = argString(a, 'key');
      const mode = opt<string>(a, 'consistency') ?? 'eventual';
      if (mode === 'write') return [askWriteSide(s, c, wrap(() => aggregateStream(key)), ctx)];
      const name = opt<string>(a, 'projector');
      if (name === undefined) throw new CommandError('name the read model: projector=<name> (or read the write side with consistency=write)');
      const p = wrap(() => projectorNamed(s, name));
      if (!ctx.isUp(p.id)) throw new CommandError(`${p.id} is down; its read model cannot answer`);
      return [ask(s, p, c, key, mode as 'eventual' | 'wait', ctx)];
    }),
  },
];
