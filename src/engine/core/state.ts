// The simulator's whole mutable state, kept as plain data so a snapshot is one deep copy.
import type { Message, MsgId, NodeId, TimerId } from './types.ts';
import type { NetworkState } from './network.ts';
import type { RngState } from './prng.ts';
import { clonePlain } from './clone.ts';

/** A scheduled delivery. Never changed once queued (snapshots share them): a change makes a new one. */
export interface MsgEvent {
  readonly t: number;
  readonly seq: number;
  readonly k: 'msg';
  readonly id: MsgId;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sys: string;
  readonly msg: Message;
  /** The message's hash for the trace hash, computed once at send (messages never change after it). */
  readonly mh: number;
  readonly sentAt: number;
  /** Why it will vanish on arrival instead of being delivered ('loss', 'dropped by hand'), if it will. */
  readonly doom: string | undefined;
}

/** A scheduled timer; like a MsgEvent, never changed once queued. */
export interface TimerEvent {
  readonly t: number;
  readonly seq: number;
  readonly k: 'timer';
  readonly id: TimerId;
  readonly node: NodeId;
  readonly sys: string;
  readonly name: string;
  readonly data: unknown;
  /** When it was due, for a timer held back by a pause. */
  readonly due: number;
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
  timers: Map<TimerId, NodeId>;
  nextTimerId: number;
  nextMsgId: number;
  hash: number;
  /** Invariants broken right now, so a violation is reported once when it starts. */
  broken: Record<string, true>;
  counters: Counters;
}

/**
 * A deep copy for snapshots. Queued events (with their messages and timer data) never change once
 * scheduled, so the copy shares them: the queue and each node's hold are copied as lists. Everything a
 * handler may mutate is copied in full (clone.ts); the network and the systems each as a graph of its
 * own, as two structuredClone calls did.
 */
export function cloneState(st: SimState, size?: { objects: number }): SimState {
  const nodes = new Map<string, NodeRecord>();
  let held = 0;
  for (const [id, n] of st.nodes) { nodes.set(id, { ...n, held: n.held.slice() }); held += n.held.length; }
  const netSeen = new Map<object, unknown>();
  const systemsSeen = new Map<object, unknown>();
  const slots = { n: 0 };
  const copy: SimState = {
    ...st,
    rng: [...st.rng],
    queue: st.queue.slice(),
    nodes,
    nodeOrder: [...st.nodeOrder],
    net: clonePlain(st.net, netSeen),
    systems: clonePlain(st.systems, systemsSeen, slots),
    timers: new Map(st.timers),
    broken: { ...st.broken },
    counters: { ...st.counters },
  };
  // What the snapshot holds on to: queued events, node records, the objects copied, and the arrays' slots
  // (an array of shared, frozen entries, like a Raft log, is cheap to copy but not free: eight slots count
  // as one object).
  if (size) size.objects = st.queue.length + st.nodes.size + held + netSeen.size + systemsSeen.size + Math.floor(slots.n / 8);
  return copy;
}
