// The hash ring lab's state, plain data. Keys are not stored: they are k0..k{keys-1}, and every placement
// is a pure function of the membership and the settings below, recomputed (memoised) when read. Nothing
// here is lost in a crash: membership and settings are the cluster's configuration (durable); a crashed
// node simply does not hand off or receive keys while down.
import type { Scheme } from './schemes.ts';

export const HASHRING = 'hashring';
export const MAX_NODES = 128;
export const MAX_VNODES = 1024;
export const MAX_KEYS = 20_000;

/** A key that draws many requests, and what is done about it. */
export interface HotKey {
  /** Requests per period this key draws (an ordinary key draws 1). */
  weight: number;
  /** Split into this many sub-keys (the key itself and key/1 .. key/(split-1)), each taking weight/split. */
  split: number;
  /** Served by a cache in front of the nodes: its requests never reach them. */
  cached: boolean;
}

export interface Membership {
  readonly nodes: readonly string[];
  readonly vnodes: number;
}

export interface HashRingState {
  /** The ring's members in join order (jump's bucket i is nodes[i]). */
  nodes: string[];
  racks: Record<string, string>;
  vnodes: number;
  replicas: number;
  /** Replica placement: the next distinct nodes, or also distinct racks while any remain. */
  placement: 'distinct' | 'rack';
  eps: number;
  keys: number;
  /** The scheme the town's cluster runs (it hands keys off by it); the others are compared beside it. */
  scheme: Scheme;
  hot: Record<string, HotKey>;
  /** The membership before the last join or leave, for "what moved". */
  before: Membership | null;
  lastChange: string | null;
  /** Keys each node has received by handoff messages, and keys still on the wire. */
  received: Record<string, number>;
  inTransit: number;
}

export function initialHashRingState(): HashRingState {
  return {
    nodes: [], racks: {}, vnodes: 1, replicas: 1, placement: 'distinct', eps: 0.25, keys: 0, scheme: 'ring',
    hot: {}, before: null, lastChange: null, received: {}, inTransit: 0,
  };
}

export const nodeName = (i: number): string => `h${i}`;
export const rackName = (i: number): string => `r${i}`;
