// What the stream drawings show: each topic's retained log (offsets start..end-1; older ones removed by
// retention), and every reader's bookmark: its committed position, what it holds and whether it is stuck
// retrying a record.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { StreamState } from '../../engine/stream/index.ts';
import { STREAM_NODE } from '../../engine/stream/index.ts';
import { lagOf } from '../../engine/stream/index.ts';

export interface StreamReaderMark {
  id: string;
  /** The committed position (its bookmark): the next offset it reads after a restart; null before its first commit. */
  position: number | null;
  /** Where it reads next in memory (lost in a crash), or null. */
  next: number | null;
  /** Offsets it holds now (fetched, not yet processed), in order. */
  inHand: number[];
  lag: number;
  retrying: number | null;
  processed: number;
  duplicates: number;
  skipped: number;
  up: boolean;
  paused: boolean;
  commit: 'after' | 'batch' | 'before';
}

export interface StreamTopicRow {
  name: string;
  start: number;
  end: number;
  records: { offset: number; body: string; at: number }[];
  removed: number;
  readers: StreamReaderMark[];
}

export interface StreamModel { topics: StreamTopicRow[]; producers: string[]; serverUp: boolean }

export function streamModel(s: StreamState, nodes: readonly NodeStatus[]): StreamModel {
  const status = (id: string) => nodes.find((n) => n.id === id);
  const topics = s.topicOrder.map((name): StreamTopicRow => {
    const t = s.topics[name]!;
    const readers = s.readerOrder.filter((r) => s.readers[r]!.topic === name).map((id): StreamReaderMark => {
      const c = s.readers[id]!;
      const n = status(id);
      return {
        id, position: t.log.positions[id] ?? null, next: c.next, inHand: c.inHand.map((r) => r.offset), lag: lagOf(t.log, id), retrying: c.retrying,
        processed: c.processed, duplicates: c.duplicates, skipped: c.skipped, up: n?.up ?? true, paused: n?.paused ?? false, commit: c.commit,
      };
    });
    return {
      name, start: t.log.start, end: t.log.end, records: t.log.records.map((r) => ({ offset: r.offset, body: r.value.body, at: r.at })),
      removed: t.removed, readers,
    };
  });
  return { topics, producers: [...s.producers], serverUp: status(STREAM_NODE)?.up ?? true };
}
