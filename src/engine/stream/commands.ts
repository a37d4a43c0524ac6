// Scenario commands of the stream system (lesson 02).
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { newLog, read } from './log.ts';
import { appendRecord } from './server.ts';
import { fetch } from './reader.ts';
import { readerNamed, topicNamed } from './queries.ts';
import { STREAM, STREAM_NODE, type StreamState } from './state.ts';
import { streamProducer } from './producer.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${String(a[k])}`).join('');
const wrap = <T>(f: () => T): T => { try { return f(); } catch (e) { throw new CommandError((e as Error).message); } };

function act(sim: Sim, label: string, fn: (s: StreamState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<StreamState>(STREAM, label, (s, ctx) => { out = fn(s, ctx) ?? []; });
  return out;
}
function ownNode(sim: Sim, ctx: SystemContext, node: string, client = true): void {
  if (client && node === STREAM_NODE) throw new CommandError(`'${node}' is the stream server's own node; give the client another name`);
  const other = sim.nodes().find((n) => n.id === node && n.sys !== STREAM);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}
const SETUP = 'stream.topic name=orders';

export const streamCommands: CommandSpec[] = [
  {
    name: 'stream.topic', sys: STREAM, summary: 'Create a topic: an ordered log that keeps records (for a while) however many readers read them.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the topic name' },
      { name: 'retention', type: 'duration', doc: 'drop records older than this (default: keep forever)' },
      { name: 'maxBytes', type: 'int', doc: 'drop the oldest records beyond this total size (a record counts its body length)' },
      { name: 'maxRecords', type: 'int', doc: 'keep at most this many records' },
    ],
    example: 'stream.topic name=orders retention=1m',
    run: (sim, a) => act(sim, `stream.topic${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.topics[name]) throw new CommandError(`topic ${name} already exists`);
      ownNode(sim, ctx, STREAM_NODE, false);
      const policy = { maxAgeMs: opt<number>(a, 'retention') ?? 0, maxBytes: opt<number>(a, 'maxBytes') ?? 0, maxRecords: opt<number>(a, 'maxRecords') ?? 0 };
      s.topics[name] = { name, log: newLog(), policy, retentionTimer: null, removed: 0 };
      s.topicOrder.push(name);
    }),
  },
  {
    name: 'stream.append', sys: STREAM, summary: 'Append records to a topic (at once, or from a producer node over the network).',
    args: [
      { name: 'topic', type: 'string', required: true, doc: 'the topic' },
      { name: 'body', type: 'string', required: true, doc: 'the body; with count=3 the bodies are body1, body2, body3' },
      { name: 'count', type: 'int', default: '1', doc: 'how many records' },
      { name: 'from', type: 'string', doc: 'a producer node that sends them over the network (they may be lost)' },
    ],
    example: 'stream.append topic=orders body=o count=3', setup: SETUP,
    run: (sim, a) => act(sim, `stream.append${words(a)}`, (s, ctx) => {
      const t = wrap(() => topicNamed(s, argString(a, 'topic')));
      const n = opt<number>(a, 'count') ?? 1;
      if (n < 1 || n > 1000) throw new CommandError('count must be 1 to 1000');
      const from = opt<string>(a, 'from');
      if (from !== undefined) { ownNode(sim, ctx, from); if (!s.producers.includes(from)) s.producers.push(from); }
      const offsets: number[] = [];
      for (let i = 1; i <= n; i++) {
        const body = `${argString(a, 'body')}${n > 1 ? i : ''}`;
        if (from !== undefined) ctx.send(from, STREAM_NODE, { type: 'Append', topic: t.name, body });
        else offsets.push(appendRecord(t, body, ctx));
      }
      return offsets.length ? [`appended to ${t.name} at offset${offsets.length > 1 ? `s ${offsets[0]}..${offsets[offsets.length - 1]}` : ` ${offsets[0]}`}`] : [];
    }),
  },
  {
    name: 'stream.reader', sys: STREAM, summary: 'Start a reader node with its own position: it fetches, processes each record, and commits its new position.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the reader node' },
      { name: 'topic', type: 'string', required: true, doc: 'the topic' },
      { name: 'from', type: 'enum', values: ['earliest', 'latest'], default: 'earliest', doc: 'where a reader with no committed position starts' },
      { name: 'work', type: 'duration', default: '100ms', doc: 'time to process one record' },
      { name: 'jitter', type: 'duration', default: '0ms', doc: 'extra random 0..jitter per record' },
      { name: 'batch', type: 'int', default: '10', doc: 'records per fetch' },
      { name: 'idle', type: 'duration', default: '500ms', doc: 'pause after a fetch that found nothing new' },
      { name: 'commit', type: 'enum', values: ['after', 'batch', 'before'], default: 'after', doc: 'commit after each record or after each batch (a crash re-reads: at-least-once), or before processing (a crash skips: at-most-once)' },
      { name: 'fail', type: 'prob', default: '0', doc: 'chance that processing a record fails' },
      { name: 'poison', type: 'strings', doc: 'bodies it always fails on (a poison record), e.g. poison=order5' },
      { name: 'onFail', type: 'enum', values: ['retry', 'skip'], default: 'retry', doc: 'on a failure retry the record (everything behind it waits) or skip it (its effect never happens)' },
    ],
    example: 'stream.reader name=audit topic=orders from=earliest', setup: SETUP,
    run: (sim, a) => act(sim, `stream.reader${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (s.readers[name]) throw new CommandError(`reader ${name} already exists`);
      const t = wrap(() => topicNamed(s, argString(a, 'topic')));
      ownNode(sim, ctx, name);
      const c = s.readers[name] = {
        id: name, topic: t.name, workMs: opt<number>(a, 'work') ?? 100, jitterMs: opt<number>(a, 'jitter') ?? 0, batch: opt<number>(a, 'batch') ?? 10,
        idleMs: opt<number>(a, 'idle') ?? 500, commit: (opt<string>(a, 'commit') ?? 'after') as 'after' | 'batch' | 'before', start: (opt<string>(a, 'from') ?? 'earliest') as 'earliest' | 'latest',
        failRate: opt<number>(a, 'fail') ?? 0, poison: [...(opt<string[]>(a, 'poison') ?? [])], onFail: (opt<string>(a, 'onFail') ?? 'retry') as 'retry' | 'skip',
        next: null, inHand: [], fetching: false, fetchId: 0, timer: null, processed: 0, seen: [], skipped: 0, duplicates: 0, highest: -1, lastOffset: -1, rewound: false, failed: 0, gaveUp: 0, retrying: null,
      };
      s.readerOrder.push(name);
      fetch(c, ctx);
    }),
  },
  {
    name: 'stream.seek', sys: STREAM, summary: "Move a reader's committed position (back to replay, forward to skip); it continues from there.",
    args: [{ name: 'reader', type: 'string', required: true, doc: 'the reader' }, { name: 'offset', type: 'int', required: true, doc: 'the next offset it should read' }],
    example: 'stream.seek reader=audit offset=0', setup: `${SETUP}\nstream.reader name=audit topic=orders`,
    run: (sim, a) => act(sim, `stream.seek${words(a)}`, (s, ctx) => {
      const c = wrap(() => readerNamed(s, argString(a, 'reader')));
      const t = s.topics[c.topic]!;
      const offset = argNumber(a, 'offset');
      if (offset < 0 || offset > t.log.end) throw new CommandError(`offset must be 0 to ${t.log.end} (the end of ${t.name})`);
      t.log.positions[c.id] = offset;
      c.next = offset;
      c.inHand = [];
      c.rewound = true;
      if (c.timer !== null) ctx.cancelTimer(c.timer);
      c.timer = null;
      fetch(c, ctx);
    }),
  },
  {
    name: 'stream.read', sys: STREAM, summary: 'Look at records from an offset yourself; nothing is consumed or moved.',
    args: [{ name: 'topic', type: 'string', required: true, doc: 'the topic' }, { name: 'from', type: 'int', default: '0', doc: 'the first offset' }, { name: 'max', type: 'int', default: '10', doc: 'at most this many' }],
    example: 'stream.read topic=orders from=0', setup: `${SETUP}\nstream.append topic=orders body=o count=3`,
    run: (sim, a) => act(sim, `stream.read${words(a)}`, (s) => {
      const t = wrap(() => topicNamed(s, argString(a, 'topic')));
      const got = read(t.log, opt<number>(a, 'from') ?? 0, opt<number>(a, 'max') ?? 10);
      const head = got.skipped ? [`(offsets before ${got.from} were removed by retention)`] : [];
      return [...head, ...(got.records.length ? got.records.map((r) => `${r.offset}: ${r.value.body}`) : [`${t.name}: nothing from offset ${got.from}`])];
    }),
  },
  streamProducer.command,
];
