// Sagas (Garcia-Molina & Salem, "Sagas", 1987) and two-phase commit, as plain data. One orchestrator node
// (`school`), one 2PC coordinator (`coordinator`) and the shops (services) the definitions name.
// Durable (kept across a crash): a saga's log and what it implies (status, step states, attempts); a shop's
// records, value, 2PC votes and locks; the coordinator's decisions. Volatile: timers, the coordinator's
// votes received so far, a shop's work in progress.
import type { NodeId, Time, TimerId } from '../core/types.ts';

export const ORCHESTRATOR: NodeId = 'school';
export const COORDINATOR: NodeId = 'coordinator';

export type SagaMode = 'orchestrated' | 'choreographed';
export type UndoStyle = 'commutative' | 'restore';

export interface SagaDefinition {
  readonly name: string;
  readonly mode: SagaMode;
  /** One step per shop, in order: the action books `qty` there, the compensation takes it back. */
  readonly steps: readonly NodeId[];
  /** Index of the pivot step (-1: none). Steps after it are retried until they succeed, never compensated. */
  readonly pivot: number;
  readonly timeout: Time;
  /** Failed attempts tolerated before a compensatable step gives up. */
  readonly retries: number;
  readonly retryDelay: Time;
  /** Semantic lock: each booking is flagged PENDING until the saga completes; readers leave it out. */
  readonly lock: boolean;
}

export type StepStatus = 'pending' | 'started' | 'done' | 'failed' | 'timed-out' | 'compensating' | 'compensated' | 'stuck';
export type SagaStatus = 'running' | 'compensating' | 'done' | 'compensated';

/** One entry of a saga's execution history, in the style of Temporal's event history. */
export interface HistoryEntry {
  readonly t: Time;
  readonly kind: 'SagaStarted' | 'StepStarted' | 'StepCompleted' | 'StepFailed' | 'StepTimedOut' | 'CompensationStarted'
    | 'StepCompensated' | 'StepNotCompensable' | 'SagaCompleted' | 'SagaCompensated' | 'Resumed';
  readonly step?: number;
  readonly attempt?: number;
  readonly note?: string;
}

export interface SagaRun {
  readonly id: string;
  readonly def: string;
  readonly mode: SagaMode;
  readonly qty: number;
  status: SagaStatus;
  steps: StepStatus[];
  /** The step being worked on (forwards) or compensated (backwards). */
  cursor: number;
  /** Attempts sent for the current step or compensation (a reply for an older attempt is stale). */
  attempt: number;
  /** Failures seen for the current step: retries are counted against these, not against resends. */
  failures: number;
  /** The durable saga log (orchestrated) or what an outside observer saw (choreographed). */
  history: HistoryEntry[];
  // ---- volatile
  timer: TimerId | null;
}

/** A booking a saga step made at a shop, keyed `saga/step` (the idempotency key). */
export interface Booking {
  readonly qty: number;
  /** The value before the booking: what a `restore` compensation writes back. */
  readonly before: number;
  state: 'done' | 'undone' | 'cancelled';
  /** PENDING flag of the semantic lock (cleared when the saga completes). */
  pending: boolean;
}

export type ParticipantState = 'prepared' | 'committed' | 'aborted';

export interface Waiter {
  readonly from: NodeId;
  readonly msg: { readonly type: string; readonly [k: string]: unknown };
  readonly since: Time;
}

export interface Shop {
  readonly id: NodeId;
  /** Lunches booked here (the record others read). */
  value: number;
  /** What the value should be: the standing bookings plus committed 2PC transactions (audit). */
  expected: number;
  work: Time;
  undo: UndoStyle;
  /** Remember idempotency keys (chapter 05): a repeated action or compensation has no second effect. */
  dedupe: boolean;
  /** The shop's action cannot be taken back (apples handed out). */
  noUndo: boolean;
  /** Fail every action ('always'), the next N, or none. */
  failAlways: boolean;
  failNext: number;
  /** Fail each attempt with this probability (0..1), drawn from the sim's seeded randomness. */
  failRate: number;
  /** Fail the next N compensations (they are retried until they succeed). */
  failUndo: number;
  bookings: Record<string, Booking>;
  /** 2PC: each transaction's vote/outcome here, and the transaction holding the lock (durable). */
  tx: Record<string, ParticipantState>;
  lock: string | null;
  /** Requests waiting for the lock. */
  waiting: Waiter[];
  // ---- volatile
  down: boolean;
}

export interface TwoPcTx {
  readonly id: string;
  readonly participants: readonly NodeId[];
  readonly qty: number;
  readonly startedAt: Time;
  /** The durable decision (null: none yet). */
  decision: 'commit' | 'abort' | null;
  decidedAt: Time | null;
  // ---- volatile
  votes: Record<NodeId, 'yes' | 'no'>;
  timer: TimerId | null;
}

export interface Read {
  readonly id: string;
  readonly shop: NodeId;
  readonly at: Time;
  /** -1 while waiting for a lock. */
  value: number;
  doneAt: Time | null;
  /** PENDING lunches left out (the semantic lock). */
  hidden: number;
  /** Bookings (keys) of unfinished sagas counted in the value read. */
  included: string[];
}

/** Outside audit (no node sees it): what each key's action and compensation did, in order. */
export interface AuditEntry { readonly key: string; readonly what: 'do' | 'undo'; readonly t: Time }

export interface SagaState {
  defs: Record<string, SagaDefinition>;
  sagas: Record<string, SagaRun>;
  sagaOrder: string[];
  shops: Record<NodeId, Shop>;
  shopOrder: NodeId[];
  txs: Record<string, TwoPcTx>;
  txOrder: string[];
  reads: Record<string, Read>;
  readOrder: string[];
  orchestratorDown: boolean;
  coordinatorDown: boolean;
  audit: AuditEntry[];
  /** Per `shop:saga/step`: how many times the action and the compensation took effect. */
  effects: Record<string, { do: number; undo: number }>;
  /** Per `saga/step`: the reads that counted that booking before its saga finished. */
  dirtyWatch: Record<string, string[]>;
  /** Invariant name -> the first problem noticed (live detectors; see invariants.ts). */
  detected: Record<string, string>;
}

export const initialSagaState = (): SagaState => ({
  defs: {}, sagas: {}, sagaOrder: [], shops: {}, shopOrder: [], txs: {}, txOrder: [], reads: {}, readOrder: [],
  orchestratorDown: false, coordinatorDown: false, audit: [], effects: {}, dirtyWatch: {}, detected: {},
});

export function newShop(id: NodeId): Shop {
  return {
    id, value: 0, expected: 0, work: 20, undo: 'commutative', dedupe: true, noUndo: false, failAlways: false, failNext: 0, failRate: 0, failUndo: 0,
    bookings: {}, tx: {}, lock: null, waiting: [], down: false,
  };
}

export const bookingKey = (saga: string, step: number): string => `${saga}/${step}`;
export const isFinal = (s: SagaStatus): boolean => s === 'done' || s === 'compensated';

/** What a reader sees at a shop: everything booked, or, under the semantic lock, only what is not PENDING. */
export function visibleValue(shop: Shop): number {
  let v = shop.value;
  for (const k in shop.bookings) { const b = shop.bookings[k]!; if (b.state === 'done' && b.pending) v -= b.qty; }
  return v;
}

export const MAX_STEPS = 6;
export const MAX_SAGAS = 20_000;
