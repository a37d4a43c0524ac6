// What conditions and views can read from the stream: `expect stream.lag(audit) == 0`.
import type { Query } from '../core/types.ts';
import { lagOf } from './log.ts';
import { overtaken } from '../delivery/index.ts';
import type { StreamReader, StreamState, StreamTopic } from './state.ts';

export const topicNamed = (s: StreamState, name: string | undefined): StreamTopic => {
  const t = s.topics[name ?? ''];
  if (!t) throw new Error(`no stream topic named '${name}'${s.topicOrder.length ? `; topics are ${s.topicOrder.join(',')}` : '; create one with stream.topic name=orders'}`);
  return t;
};
export const readerNamed = (s: StreamState, name: string | undefined): StreamReader => {
  const c = s.readers[name ?? ''];
  if (!c) throw new Error(`no stream reader named '${name}'${s.readerOrder.length ? `; readers are ${s.readerOrder.join(',')}` : ''}`);
  return c;
};

type Q = Query<StreamState>;
const perTopic = (name: string, description: string, get: (t: StreamTopic) => number): Q => ({
  name: `stream.${name}`, params: ['topic'], description, example: `expect stream.${name}(orders) == 0`, get: (s, [t]) => get(topicNamed(s, t)),
});
const perReader = (name: string, description: string, get: (s: StreamState, c: StreamReader) => number | string): Q => ({
  name: `stream.${name}`, params: ['reader'], description, example: `expect stream.${name}(audit) == 0`, get: (s, [c]) => get(s, readerNamed(s, c)),
});

export const streamQueries: readonly Q[] = [
  perTopic('end', 'the log end offset: the offset the next record gets', (t) => t.log.end),
  perTopic('start', 'the log start offset: the oldest record still retained', (t) => t.log.start),
  perTopic('retained', 'records still in the log', (t) => t.log.records.length),
  perTopic('removed', 'records retention has removed', (t) => t.removed),
  perReader('position', "the reader's committed position (the next offset it will read after a restart)", (s, c) => s.topics[c.topic]!.log.positions[c.id] ?? 0),
  perReader('lag', 'records between its committed position and the end of the log', (s, c) => lagOf(s.topics[c.topic]!.log, c.id)),
  perReader('processed', 'records processed, counting re-reads after a crash or a seek', (_s, c) => c.processed),
  perReader('duplicates', 'records processed again after a crash or a seek back', (_s, c) => c.duplicates),
  perReader('skipped', 'records it never saw because retention removed them first', (_s, c) => c.skipped),
  perReader('failed', 'failed processing attempts (a retried record counts each time)', (_s, c) => c.failed),
  perReader('gaveUp', 'records it skipped after a failure (onFail=skip): their effect never happened', (_s, c) => c.gaveUp),
  perReader('retrying', "the offset it keeps failing on and retrying, or 'none'", (_s, c) => c.retrying ?? 'none'),
  perReader('overtaken', 'records first processed after a later offset had been (0: read in offset order; re-reads do not count)', (_s, c) => overtaken(c.seen)),
  perReader('seen', "offsets processed in order, comma-separated ('none' if none)", (_s, c) => c.seen.join(',') || 'none'),
];
