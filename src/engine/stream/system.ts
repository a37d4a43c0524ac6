// The stream system: a retained, ordered log per topic on one server, with readers that each keep their
// own position (lesson 02's contrast with a queue). The log and committed positions are durable; a
// reader's in-memory position and the records in hand are volatile.
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { armRetention, appendRecord, onCommit, onFetch, onRetentionTimer } from './server.ts';
import { crashReader, fetch, onReaderTimer, onRecords } from './reader.ts';
import { initialStreamState, STREAM, STREAM_NODE, type StreamState } from './state.ts';
import { streamQueries } from './queries.ts';
import { formatStreamMessage } from './format.ts';
import { streamProducer } from './producer.ts';

type Wire =
  | { type: 'Append'; topic: string; body: string }
  | { type: 'Fetch'; topic: string; offset: number | null; max: number; fetch: number }
  | { type: 'Records'; topic: string; fetch: number; asked: number; from: number; skipped: number; records: { offset: number; body: string }[] }
  | { type: 'Commit'; topic: string; offset: number };

const invariants: readonly Invariant<StreamState>[] = [
  { name: 'reads-in-order', description: 'a reader processes a log in offset order (it goes back only after a crash or a seek)', check: (s) => s.audit.outOfOrder },
  {
    name: 'positions-within-log', description: 'no committed position is beyond the end of its log',
    check: (s) => {
      for (const n of s.topicOrder) {
        const log = s.topics[n]!.log;
        for (const [r, p] of Object.entries(log.positions)) if (p > log.end) return `${r} committed ${p} on ${n}, beyond its end ${log.end}`;
      }
      return null;
    },
  },
];

export const streamSystem: SystemDef<StreamState> = {
  name: STREAM,
  initialState: initialStreamState,
  onMessage(s, node, from, m: Message, ctx) {
    const msg = m as unknown as Wire;
    if (node === STREAM_NODE) {
      if (msg.type === 'Append' && s.topics[msg.topic]) appendRecord(s.topics[msg.topic]!, msg.body, ctx);
      else if (msg.type === 'Fetch') onFetch(s, from, msg, ctx);
      else if (msg.type === 'Commit') onCommit(s, from, msg);
      return;
    }
    const c = s.readers[node];
    if (c && msg.type === 'Records') onRecords(s, c, msg, ctx);
  },
  onTimer(s, node, name, data, ctx) {
    if (streamProducer.onTimer(s, node, name, ctx)) return;
    if (node === STREAM_NODE) {
      const t = s.topics[(data as { topic: string }).topic];
      if (t && name === 'retention') onRetentionTimer(t, ctx);
      return;
    }
    const c = s.readers[node];
    if (c) onReaderTimer(s, c, name, data, ctx);
  },
  onCrash(s, node, ctx) {
    if (node === STREAM_NODE) {
      for (const n of s.topicOrder) s.topics[n]!.retentionTimer = null;
      ctx.note(STREAM_NODE, 'down: the logs and committed positions are on disk and kept');
      return;
    }
    const c = s.readers[node];
    if (c) crashReader(c, ctx);
  },
  onRestart(s, node, ctx) {
    if (streamProducer.onRestart(s, node, ctx)) return;
    if (node === STREAM_NODE) { for (const n of s.topicOrder) armRetention(s.topics[n]!, ctx); return; }
    const c = s.readers[node];
    if (c) fetch(c, ctx);
  },
  invariants,
  queries: streamQueries,
  formatMessage: formatStreamMessage,
};
