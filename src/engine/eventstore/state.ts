// Event store state: one store node holding every stream (durable: the log, the streams' version lists,
// the snapshots), clerks that run commands against aggregates (their queue and what they read are
// volatile), and projectors that fold the log into their own read-model tables (the table and its
// checkpoint are durable and saved together; the batch in hand is volatile).
import type { NodeId, Time, TimerId } from '../core/types.ts';

export const EVENTSTORE = 'eventstore';
export const STORE_NODE = 'store';

export type EventData = Readonly<Record<string, number | string>>;

/** An event as stored: frozen, never changed after the append (upcasting happens on read). */
export interface StoredEvent {
  /** Global position in the whole store, from 0. */
  readonly pos: number;
  readonly stream: string;
  /** The event's number in its stream (EventStoreDB's stream revision), from 0. */
  readonly version: number;
  readonly type: string;
  /** The schema the event was written with; older ones are upcast when read. */
  readonly schema: 1 | 2;
  readonly data: EventData;
  /** When it was appended (simulated ms). */
  readonly t: Time;
}

/** EventStoreDB's expected-revision choices: any, no_stream, stream_exists, or an exact revision. */
export type Expected = 'any' | 'no_stream' | 'stream_exists' | number;

/** The folded state of one aggregate: a bank account or a bakery's order book. */
export interface AccountState { readonly kind: 'account'; opened: boolean; balance: number }
export interface BookState { readonly kind: 'book'; orders: Record<string, { item: string; qty: number }>; loaves: number }
export type AggregateState = AccountState | BookState;

export interface Snapshot { readonly version: number; readonly state: AggregateState }

export type ClerkVerb = 'open' | 'deposit' | 'withdraw' | 'place' | 'cancel';
export interface ClerkJob {
  readonly verb: ClerkVerb;
  readonly stream: string;
  readonly amount: number;
  readonly item: string;
  readonly order: string;
  /** The event id it appends with (`c1-3`): the same on a resend after a timeout. */
  readonly id: string;
  attempt: number;
  decision: { type: string; data: EventData } | null;
  phase: 'queued' | 'loading' | 'thinking' | 'appending';
  /** The stream version the clerk loaded (-1: no stream), sent as the expected version. */
  readVersion: number;
}

export interface Clerk {
  readonly id: NodeId;
  thinkMs: Time;
  /** Append with the version read (optimistic concurrency) or with `any` (no check: a lost update can slip through). */
  expected: 'read' | 'any';
  onConflict: 'retry' | 'fail';
  maxRetries: number;
  // volatile
  jobs: ClerkJob[];
  requestId: number;
  jobSeq: number;
  timer: TimerId | null;
  // lab bookkeeping
  done: number;
  conflicts: number;
  retries: number;
  rejected: number;
  failed: number;
  /** The global position of its last successful append (its read-your-own-writes token), -1 if none. */
  lastPosition: number;
  lastResult: string;
  /** Events read loading aggregates (with snapshots: only those after the snapshot). */
  eventsRead: number;
  /** The answer to its last read of a read model, and how long it waited for it. */
  lastAnswer: string;
  waitedMs: Time;
}

export type ProjectorKind = 'balances' | 'orders' | 'activity';
export type Consistency = 'eventual' | 'wait' | 'write';

export interface PendingAsk { readonly clerk: NodeId; readonly key: string; readonly token: number; readonly at: Time }

export interface Projector {
  readonly id: NodeId;
  kind: ProjectorKind;
  /** A projector bug: balances add withdrawals, orders ignore cancellations (fixed by a rebuild with fix=true). */
  bug: boolean;
  batch: number;
  pollMs: Time;
  workMs: Time;
  // durable, saved together in one write: the read model's table, its memory of orders, and the checkpoint
  table: Record<string, number>;
  orders: Record<string, { item: string; qty: number }>;
  /** The next global position it will read. */
  checkpoint: number;
  // volatile
  inHand: StoredEvent[];
  fetching: boolean;
  fetchId: number;
  timer: TimerId | null;
  asks: PendingAsk[];
  // lab bookkeeping
  eventsRead: number;
  rebuilds: number;
  /** Events read since the last rebuild started, and when it caught up (-1: not yet / none). */
  rebuildRead: number;
  rebuildDoneAt: Time;
  rebuilding: boolean;
  /** Append-to-apply time of the last event it applied, and the longest so far: the window a read can be stale. */
  lastDelayMs: Time;
  maxDelayMs: Time;
}

export interface EventStoreState {
  log: StoredEvent[];
  /** Each stream's events as global positions, by version. */
  streams: Record<string, number[]>;
  streamOrder: string[];
  /** Event ids a clerk sent, with where they were stored (an append sent again is not written twice). */
  eventIds: Record<string, number>;
  /** Snapshot every N events of a stream (0: none); the latest snapshot per stream. */
  snapshotEvery: number;
  snapshots: Record<string, Snapshot>;
  /** Upcast v1 events to v2 when read (the stored events never change). */
  upcast: boolean;
  clerks: Record<string, Clerk>;
  clerkOrder: NodeId[];
  projectors: Record<string, Projector>;
  projectorOrder: NodeId[];
  counts: { appends: number; conflicts: number; lostUpdates: number; staleReads: number; reads: number; loadRead: number };
  /** The simulated time of the last thing the event store handled (queries have no clock of their own). */
  clock: Time;
  /** Live detectors: the latest lost update and read-your-own-writes miss, or null. */
  audit: { lostUpdate: string | null; ownWriteMissed: string | null };
}

export const initialEventStoreState = (): EventStoreState => ({
  log: [], streams: {}, streamOrder: [], eventIds: {}, snapshotEvery: 0, snapshots: {}, upcast: true,
  clerks: {}, clerkOrder: [], projectors: {}, projectorOrder: [],
  counts: { appends: 0, conflicts: 0, lostUpdates: 0, staleReads: 0, reads: 0, loadRead: 0 },
  audit: { lostUpdate: null, ownWriteMissed: null }, clock: 0,
});
