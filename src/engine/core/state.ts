// The simulator's whole mutable state, kept as plain data so a snapshot is one deep copy.
import type { Message, MsgId, NodeId, TimerId } from './types.ts';
import type { NetworkState } from './network.ts';
import type { RngState } from './prng.ts';
import { clonePlain } from './clone.ts';

export interface MsgEvent {
  t: number;
  seq: number;
  k: 'msg';
  id: MsgId;
  from: NodeId;
  to: NodeId;
  sys: string;
  msg: Message;
  /** The message's hash for the trace hash, computed once at send (messages never change after it). */
  mh: number;
  sentAt: number;
  /** Why it will vanish on arrival instead of being delivered ('loss', 'dropped by hand'), if it will. */
  doom: string | undefined;
}

export interface TimerEvent {
  t: number;
  seq: number;
  k: 'timer';
  id: TimerId;
  node: NodeId;
  sys: string;
  name: string;
  data: unknown;
  /** When it was due, for a timer held back by a pause. */
  due: number;
}

export type QueuedEvent = MsgEvent | TimerEvent;

export interface NodeRecord {
  id: NodeId;
  sys: string;
  up: boolean;
  paused: boolean;
  skew: number;
  driftPpm: number;
  /** Events that arrived while paused, released in order on resume. */
  held: QueuedEvent[];
}

export interface Counters {
  sent: number;
  delivered: number;
  dropped: number;
}

export interface SimState {
  now: number;
  seq: number;
  /** Queue events processed so far: the unit of step and stepBack. */
  eventCount: number;
  /** Trace entries emitted so far (the cursor into the trace). */
  traceLen: number;
  /** Inputs applied so far (the cursor into the input log). */
  inputCursor: number;
  rng: RngState;
  queue: QueuedEvent[];
  nodes: Map<NodeId, NodeRecord>;
  nodeOrder: NodeId[];
  net: NetworkState;
  systems: Record<string, unknown>;
  /** Live timers and their node; a fired or cancelled timer is removed. */
  timers: Record<TimerId, NodeId>;
  nextTimerId: number;
  nextMsgId: number;
  hash: number;
  /** Invariants broken right now, so a violation is reported once when it starts. */
  broken: Record<string, true>;
  counters: Counters;
}

/**
 * A deep copy for snapshots. Messages and timer data are immutable once scheduled, so queued events are
 * copied shallowly and share them; everything a handler may mutate is cloned in full (clone.ts). Nodes,
 * network and systems are each copied as a graph of their own, as three structuredClone calls did.
 */
export function cloneState(st: SimState): SimState {
  return {
    ...st,
    rng: [...st.rng],
    queue: st.queue.map((e) => ({ ...e })),
    nodes: clonePlain(st.nodes),
    nodeOrder: [...st.nodeOrder],
    net: clonePlain(st.net),
    systems: clonePlain(st.systems),
    timers: { ...st.timers },
    broken: { ...st.broken },
    counters: { ...st.counters },
  };
}
