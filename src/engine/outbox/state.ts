// The outbox system's state: services that save orders to their own database and publish `order.<what>`
// events to the board (the broker node), each with one of three designs, an optional relay (the postman)
// that empties a service's outbox table onto the board, and consumers that read the board.
//
// Durable (survives a crash): a service's database (its orders table and outbox table), a relay's
// position (its committed offset), a consumer's inbox (processed event ids, written in the same local
// transaction as the effect), the board's log. Volatile: a relay's batch in flight and its timers.
import type { NodeId, Time } from '../core/types.ts';

export const OUTBOX = 'outbox';
/** The board every service publishes to: a broker node owned by this system. */
export const BROKER = 'broker';

/** How a service saves an order and publishes its event. */
export const DESIGNS = ['db-then-publish', 'publish-then-db', 'outbox'] as const;
export type Design = (typeof DESIGNS)[number];
export const RELAY_KINDS = ['polling', 'tailing'] as const;
export type RelayKind = (typeof RELAY_KINDS)[number];
/** Where a save can fail: the service crashes before or after its commit, or the commit fails (a rollback). */
export const SAVE_FAULTS = ['none', 'crash-before-commit', 'crash-after-commit', 'rollback'] as const;
export type SaveFault = (typeof SAVE_FAULTS)[number];

/** What travels: one event, keyed by its aggregate (the order) and that aggregate's version. */
export interface OutEvent {
  id: string; // e.g. e3: the event id consumers dedupe on (Debezium's `id` header)
  aggregate: string; // the order id (Debezium's `aggregateid`, the message key)
  version: number; // the order's version after this change: per-aggregate order
  type: string; // order.created, order.paid, ...
}

export interface OrderRow { id: string; status: string; version: number; savedAt: Time }
/** A row of the outbox table (id, aggregateid, type, payload in Debezium's layout) plus its published flag. */
export interface OutboxRow { seq: number; event: OutEvent; published: boolean; createdAt: Time }

/** Every save attempted, for the detectors: did it commit, and did its event reach the board? */
export interface SaveRecord {
  event: OutEvent;
  service: NodeId;
  /** The service's design when it saved (a service can change design; its old saves keep theirs). */
  design: Design;
  outcome: 'committed' | 'rolled-back';
  /** A direct publish (a dual write) was handed to the network. */
  sent: boolean;
  /** The board has it (at least once). */
  onBoard: boolean;
  /** Already reported by a detector (so each is reported once). */
  flagged: boolean;
}

export interface Service {
  id: NodeId;
  design: Design;
  relay: NodeId | null;
  orders: Record<string, OrderRow>;
  orderIds: string[];
  outbox: OutboxRow[];
  /** Each outbox row's event id and seq (an index over `outbox`). */
  rowOf: Record<string, number>;
  nextSeq: number;
}

export interface Relay {
  id: NodeId;
  service: NodeId;
  kind: RelayKind;
  interval: Time;
  batch: number;
  /** Durable: polling, how many rows it has marked published; tailing, its committed offset in the log (a seq). */
  position: number;
  /** Volatile: the seqs handed to the board and not yet acknowledged, and when. */
  inFlight: number[];
  sentAt: Time;
  timer: number | null;
  polls: number;
  sends: number;
}

export interface Consumer {
  id: NodeId;
  inbox: boolean;
  /** Durable: the inbox, event ids already processed (kept even without dedup, to count doubles). */
  seen: string[];
  lastVersion: Record<string, number>;
  applied: number;
  caught: number;
  doubled: number;
  disorder: number;
}

export interface BoardEntry { event: OutEvent; from: NodeId; at: Time; duplicate: boolean }

export interface SweepResult { design: Design; runs: number; lost: number; phantoms: number; doubled: number; lines: string[] }

export interface OutboxState {
  services: Record<string, Service>;
  serviceOrder: NodeId[];
  relays: Record<string, Relay>;
  consumers: Record<string, Consumer>;
  consumerOrder: NodeId[];
  board: BoardEntry[];
  /** How many times each event id is on the board (an index over `board`, for the duplicate check). */
  onBoard: Record<string, number>;
  saves: SaveRecord[];
  /** Each event id's index in `saves`. */
  saveAt: Record<string, number>;
  nextEvent: number;
  lost: number;
  phantoms: number;
  duplicates: number;
  sweeps: Record<string, SweepResult>;
}

export const initialOutboxState = (): OutboxState => ({
  services: {}, serviceOrder: [], relays: {}, consumers: {}, consumerOrder: [], board: [], onBoard: {}, saves: [], saveAt: {}, nextEvent: 1,
  lost: 0, phantoms: 0, duplicates: 0, sweeps: {},
});

export const relayName = (service: NodeId): NodeId => `${service}-relay`;
export const describeEvent = (e: OutEvent): string => `${e.type} ${e.aggregate} v${e.version} (${e.id})`;
