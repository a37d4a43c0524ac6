// The one state handle the kernel's modules share. createSim (sim.ts) builds it once; the trace recorder,
// the event loop, sending, the systems' contexts, faults, time travel and queries are plain functions
// taking it, so the hot path is direct calls on one object of one shape (no per-event allocation).
import type { Invariant, NodeId, Rng, SystemContext, SystemDef, Time } from './types.ts';
import { cloneState, type NodeRecord, type SimState } from './state.ts';
import { rngOf, seedRng } from './prng.ts';
import { initialNetwork, routeOf, type NetworkState, type Route } from './network.ts';
import { HASH_START } from './hash.ts';
import { createHistory, type History } from './history.ts';
import type { TraceRing } from './trace-ring.ts';
import type { SimOptions } from './sim.ts';

/** One system as the simulator holds it: looked up once per event. */
export interface SystemEntry {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly def: SystemDef<any>;
  readonly ctx: SystemContext;
  /** Its invariants with their keys in `broken`, built once (empty when it declares none). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly checks: readonly { readonly inv: Invariant<any>; readonly key: string }[];
}

export interface SimCore {
  /** The whole mutable state: replaced by a restore, and by a throwaway copy while an input's dry run lasts. */
  st: SimState;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly defs: ReadonlyMap<string, SystemDef<any>>;
  /** Every system's entry, filled in once by contexts.ts. */
  readonly entries: Map<string, SystemEntry>;
  /** The systems' Rng: one object (contexts hold it), rebound to `st.rng` whenever `st` is replaced. */
  readonly rng: Rng;
  readonly history: History;
  readonly trace: TraceRing;
  /** True during an input's dry run: nothing is recorded. */
  dry: boolean;
  /** The trace index of the event or input being handled: the cause a violation names. */
  causeIndex: number;
  /** The record of the node whose event is being handled (the usual sender), while its handler runs. */
  current: NodeRecord | undefined;
  /** Set by asTyped: the label the next input takes (once), so the trace shows the command as typed. */
  typedLabel: string | null;
  /** Consecutive events mostly belong to one system: the last one looked up. */
  lastEntry: SystemEntry | undefined;
  /** The active systems that declare invariants, in the order they became active (as `st.systems` lists them). */
  checking: SystemEntry[];
  // What the current network means for a send, worked out once per change of it (send.ts): whether any
  // link is cut or overridden, and each link's resolved route. `netSeen` is the network these describe.
  netSeen: NetworkState | null;
  anyCuts: boolean;
  anyLinks: boolean;
  defaultRoute: Route;
  readonly routes: Map<string, Route>;
}

export function createCore(opts: SimOptions): SimCore {
  const st: SimState = {
    now: 0, seq: 0, eventCount: 0, traceLen: 0, inputCursor: 0, rng: seedRng(opts.seed), queue: [],
    nodes: new Map(), nodeOrder: [], net: initialNetwork(opts.network), systems: {}, timers: new Map(),
    nextTimerId: 1, nextMsgId: 1, hash: HASH_START, broken: {},
    counters: { sent: 0, delivered: 0, dropped: 0 },
  };
  const history = createHistory({ snapshotEvery: opts.snapshotEvery ?? 1000, traceLimit: opts.traceLimit ?? 100_000 });
  return {
    st, defs: new Map(opts.systems.map((d) => [d.name, d])), entries: new Map(), rng: rngOf(st.rng),
    history, trace: history.trace, dry: false, causeIndex: 0, current: undefined, typedLabel: null,
    lastEntry: undefined, checking: [],
    netSeen: null, anyCuts: false, anyLinks: false, defaultRoute: routeOf(st.net.defaults), routes: new Map(),
  };
}

export function nodeOf(core: SimCore, id: NodeId): NodeRecord {
  const n = core.st.nodes.get(id);
  if (!n) throw new Error(`unknown node '${id}'`);
  return n;
}

/** What `id`'s own clock reads: global time plus its skew and drift (global time for an unknown node). */
export function clockOf(core: SimCore, id: NodeId): Time {
  const st = core.st;
  const n = st.nodes.get(id);
  if (!n) return st.now;
  return st.now + n.skew + Math.floor((st.now * n.driftPpm) / 1_000_000);
}

export function cancelTimersOf(core: SimCore, node: NodeId): void {
  const timers = core.st.timers;
  for (const [id, n] of timers) if (n === node) timers.delete(id);
}

/** Replaces the state with a copy of `state`; the caller refreshes what depends on it (refreshChecks). */
export function replaceState(core: SimCore, state: SimState): void {
  core.st = cloneState(state);
  rebindRng(core);
}

/** The systems' rng must draw from the current state's words after `st` is replaced. */
export function rebindRng(core: SimCore): void {
  const fresh = rngOf(core.st.rng);
  const rng = core.rng;
  rng.int = fresh.int;
  rng.chance = fresh.chance;
  rng.pick = fresh.pick;
}
