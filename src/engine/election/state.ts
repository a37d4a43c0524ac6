// The election system's state, plain data. Two halves that a lesson runs side by side:
// - the bully group b1..bN (Garcia-Molina 1982): each node's idea of the coordinator and its election round;
// - the lock service `locks` (one authority that grants a lease, as etcd does), clients c1.. that hold the lock
//   and write, and the storage `storage` that may check fencing tokens.
// Durable (survives a crash): the lock service's revision and lease (etcd keeps them in its Raft log), the
// storage's value, highest token and write log. Volatile: a bully node's view, a client's belief and timers.
import type { NodeId, Time } from '../core/types.ts';

export const LOCKS = 'locks';
export const STORAGE = 'storage';
export const MAX_BULLY = 9;
export const MAX_CLIENTS = 6;

export interface BullyNode {
  readonly id: NodeId;
  /** Its rank: the number in its name (b3 ranks 3). Higher wins. */
  readonly rank: number;
  down: boolean;
  /** Who it believes is coordinator (null while it does not know). */
  leader: NodeId | null;
  /** 'idle', 'electing' (waiting for an OK from a higher node), 'waiting' (got an OK, awaits COORDINATOR). */
  phase: 'idle' | 'electing' | 'waiting';
  /** Counts elections it started, so a stale timeout is ignored. */
  round: number;
  /** A ping to the coordinator not yet answered (its sequence number), or 0. */
  pingOut: number;
  /** Grows at each restart, so the checks armed before a crash are ignored after it. */
  epoch: number;
}

export interface BullyConfig {
  /** Garcia-Molina's T: how long to wait for an OK (and, again, for COORDINATOR) before acting. */
  timeout: Time;
  /** How often a node checks that its coordinator answers. */
  heartbeat: Time;
}

export interface Lease {
  readonly holder: NodeId;
  /** The revision of the grant: etcd's revision, the fencing token. */
  readonly rev: number;
  grantedAt: Time;
  /** The last time the holder was heard from: the grant or the last keep-alive. */
  heardAt: Time;
  /** On the lock service's clock. */
  expiresAt: Time;
  renewals: number;
}

export interface LockClient {
  readonly id: NodeId;
  down: boolean;
  /** Its belief: the token it holds, or 0; and until when (its own clock) it trusts the lease. */
  token: number;
  believedUntil: Time;
  /** When (own clock) the last acquire or keep-alive it sent left: a lease is counted from then. */
  askedAt: Time;
  /** Between checking its lease and sending the write: the token the write will carry, or 0. */
  preparing: number;
  every: Time;
  work: Time;
  /** Grows at each (re)start, so timers armed before a crash are ignored after it. */
  chain: number;
  writes: number;
  rejected: number;
  /** Writes it sent while the lock service had granted the lock to someone else. */
  staleSends: number;
}

export interface StoredWrite {
  readonly t: Time;
  readonly from: NodeId;
  readonly token: number;
  readonly accepted: boolean;
  /** Accepted with a token older than one accepted before: it overwrote a newer holder's write. */
  readonly lost: boolean;
}

export interface ElectionState {
  now: Time;
  bullyConfig: BullyConfig;
  bully: BullyNode[];
  messages: number;
  /** Completed elections: when a node announced itself coordinator. */
  elected: { t: Time; node: NodeId }[];
  // The lock service.
  locksUp: boolean;
  ttl: Time;
  revision: number;
  lease: Lease | null;
  grants: { t: Time; holder: NodeId; rev: number }[];
  /** Leases that ran out; `alive`: the holder had not crashed (a pause or lost keep-alives: a false alarm). */
  expiries: { t: Time; holder: NodeId; rev: number; alive: boolean }[];
  /** For each grant that followed an expired lease: how long after the old holder was last heard from. */
  failovers: number[];
  clients: Record<NodeId, LockClient>;
  clientOrder: NodeId[];
  // The storage.
  storageOn: boolean;
  fencing: boolean;
  highest: number;
  value: string;
  log: StoredWrite[];
  // Detectors' findings (null while they hold).
  twoLeaders: string | null;
  staleAccepted: string | null;
  lateRenewal: string | null;
}

export function initialElectionState(): ElectionState {
  return {
    now: 0, bullyConfig: { timeout: 300, heartbeat: 500 }, bully: [], messages: 0, elected: [],
    locksUp: false, ttl: 2000, revision: 0, lease: null, grants: [], expiries: [], failovers: [], clients: {}, clientOrder: [],
    storageOn: false, fencing: false, highest: 0, value: '', log: [],
    twoLeaders: null, staleAccepted: null, lateRenewal: null,
  };
}

export const bullyName = (rank: number): NodeId => `b${rank}`;

/** Bully nodes that are up and believe they are the coordinator (a paused one still believes). */
export function selfLeaders(st: ElectionState): NodeId[] {
  return st.bully.filter((b) => !b.down && b.leader === b.id).map((b) => b.id);
}

/** The holder of a live lease at the lock service, or null. */
export function liveHolder(st: ElectionState): NodeId | null {
  return st.lease && st.lease.expiresAt > st.now ? st.lease.holder : null;
}
