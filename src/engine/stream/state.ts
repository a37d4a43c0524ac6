// Stream state: topics as retained logs (log.ts) on one server, and reader nodes that each keep their own
// position. Committed positions live on the server (durable); what a reader is working on is volatile.
import type { NodeId, Time, TimerId } from '../core/types.ts';
import type { RetainedLog, RetentionPolicy } from './log.ts';

export const STREAM = 'stream';
export const STREAM_NODE = 'stream';

export interface StreamRecordValue { readonly body: string }

export interface StreamTopic {
  readonly name: string;
  log: RetainedLog<StreamRecordValue>;
  policy: RetentionPolicy;
  retentionTimer: TimerId | null;
  /** Records retention removed so far. */
  removed: number;
}

export interface StreamReader {
  readonly id: NodeId;
  topic: string;
  workMs: Time; jitterMs: Time; batch: number; idleMs: Time;
  /** Commit the new position after each record, after each fetched batch (both at-least-once), or before processing (at-most-once). */
  commit: 'after' | 'batch' | 'before';
  start: 'earliest' | 'latest';
  /** Chance that processing a record fails, and bodies that always fail (a poison record). */
  failRate: number;
  poison: string[];
  /**
   * A log has no redelivery or dead-letter queue: on a failure the reader itself retries the record
   * (everything behind it waits) or skips it (its effect never happens).
   */
  onFail: 'retry' | 'skip';
  // volatile
  next: number | null;
  inHand: { offset: number; body: string }[];
  fetching: boolean;
  fetchId: number;
  timer: TimerId | null;
  // lab bookkeeping
  processed: number;
  /** Offsets processed, in order (capped), to show replays and gaps. */
  seen: number[];
  skipped: number;
  /** Records processed again (offsets at or below the highest already processed). */
  duplicates: number;
  highest: number;
  lastOffset: number;
  /** Failed processing attempts, and records given up on (onFail=skip). */
  failed: number;
  gaveUp: number;
  /** The offset it keeps failing on (onFail=retry), or null. */
  retrying: number | null;
  /** Set by a crash or a seek: the next offset may go backwards. */
  rewound: boolean;
}

export interface StreamState {
  topics: Record<string, StreamTopic>;
  topicOrder: string[];
  readers: Record<string, StreamReader>;
  readerOrder: NodeId[];
  producers: NodeId[];
  audit: { outOfOrder: string | null };
}

export const initialStreamState = (): StreamState => ({
  topics: {}, topicOrder: [], readers: {}, readerOrder: [], producers: [], audit: { outOfOrder: null },
});
