// createSim: the discrete-event simulator. It owns the clock, the event queue, the network, the trace,
// invariant checks and time travel; systems only return what they want done through their context.
// This file is the public entry: the Sim interface, assembled from modules that share one SimCore handle
// (sim-core.ts): recording.ts, send.ts, contexts.ts, invariants.ts, event-loop.ts, inputs.ts,
// time-travel.ts, faults.ts and queries.ts.
import type { InFlight, LinkSpec, MsgId, NodeId, NodeStatus, SystemContext, SystemDef, Time, TraceEvent } from './types.ts';
import { hashHex } from './hash.ts';
import { formatTraceEvent } from './format.ts';
import { isCut } from './network.ts';
import { createCore } from './sim-core.ts';
import { ctxFor, installSystems, sysState } from './contexts.ts';
import { formatMsg } from './recording.ts';
import { asTyped, input } from './inputs.ts';
import { peekLive, runUntil, runUntilTrue, step } from './event-loop.ts';
import { advanceTo, seek, stepBack } from './time-travel.ts';
import { crash, dropMessage, heal, partition, pause, restart, resume, setLink, setNetwork, skew } from './faults.ts';
import { inFlight, nodeStatuses, query } from './queries.ts';

export { CORE_QUERIES } from './queries.ts';

export interface SimOptions {
  seed: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  systems: readonly SystemDef<any>[];
  network?: Partial<LinkSpec>;
  /**
   * Take a snapshot at least every this many events (time travel granularity; 0: only at inputs). A big
   * state is snapshotted less often, in proportion to its size (history.ts), so snapshots stay cheap.
   */
  snapshotEvery?: number;
  /** How many trace entries to keep in memory; the hash covers all of them regardless. */
  traceLimit?: number;
}

export interface Sim {
  readonly seed: number;
  readonly now: Time;
  /** Events processed so far. */
  readonly eventCount: number;
  /** The furthest moment this run has reached (later than `now` after a seek back). */
  readonly horizon: Time;
  state<S>(sys: string): S;
  hasSystem(sys: string): boolean;
  /** Systems a command or query has touched in this run (their state exists), in the order first touched. */
  activeSystems(): string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  systemDef(sys: string): SystemDef<any> | undefined;
  act<S>(sys: string, label: string, fn: (state: S, ctx: SystemContext) => void): void;
  /**
   * Runs `fn` (a scenario command) so that the first input it applies is labelled `line`, the command as
   * the learner typed it, instead of the label the system builds from its parsed arguments and defaults.
   */
  asTyped<T>(line: string, fn: () => T): T;
  step(): boolean;
  runFor(ms: Time): void;
  runUntil(t: Time): void;
  runUntilTrue(pred: () => boolean, maxMs: Time): boolean;
  /** The time of the next event, or null when nothing is scheduled. */
  nextEventTime(): Time | null;
  /** Trace entries up to the cursor (entries older than the bounded ring are gone). */
  trace(): readonly TraceEvent[];
  /** How many trace entries the run has up to the cursor: the index the next entry will take. */
  readonly traceLength: number;
  /**
   * The trace entries from index `i` up to the cursor (those the ring still holds): what a command just
   * added, without reading the whole trace. The same objects `trace()` returns.
   */
  traceSince(i: number): readonly TraceEvent[];
  /** Trace entries up to the horizon, including the future after a seek back. */
  fullTrace(): readonly TraceEvent[];
  traceHash(): string;
  formatEvent(e: TraceEvent): string;
  violations(): readonly TraceEvent[];
  crash(node: NodeId): void;
  restart(node: NodeId): void;
  pause(node: NodeId): void;
  resume(node: NodeId): void;
  partition(a: readonly NodeId[], b: readonly NodeId[], oneWay?: boolean): void;
  heal(a?: readonly NodeId[], b?: readonly NodeId[]): void;
  setLink(from: NodeId, to: NodeId, spec: Partial<LinkSpec>, bothWays?: boolean): void;
  setNetwork(spec: Partial<LinkSpec>): void;
  skew(node: NodeId, ms: Time, driftPpm?: number): void;
  dropMessage(id: MsgId): void;
  inFlight(): InFlight[];
  nodes(): NodeStatus[];
  isCut(from: NodeId, to: NodeId): boolean;
  seek(t: Time): void;
  stepBack(): void;
  /** Advances to exactly `eventCount` events and time `now`: where a recorded input was applied. */
  advanceTo(eventCount: number, now: Time): void;
  query(expr: string): number | string | boolean;
  /** The inputs applied so far, each with the moment it was applied (for share links and replays). */
  inputs(): readonly { eventCount: number; now: Time; label: string }[];
}

export function createSim(opts: SimOptions): Sim {
  const core = createCore(opts);
  installSystems(core);
  const { defs, history } = core;
  history.snapshot(core.st, true);

  return {
    seed: opts.seed,
    get now() { return core.st.now; },
    get eventCount() { return core.st.eventCount; },
    get horizon() { return Math.max(history.horizonTime, core.st.now); },
    state: <S,>(sys: string) => sysState(core, sys) as S,
    hasSystem: (sys) => defs.has(sys),
    activeSystems: () => Object.keys(core.st.systems),
    systemDef: (sys) => defs.get(sys),
    asTyped: (line, fn) => asTyped(core, line, fn),
    act: (sys, label, fn) => input(core, label, () => fn(sysState(core, sys) as never, ctxFor(core, sys))),
    step: () => step(core),
    runFor: (ms) => runUntil(core, core.st.now + ms),
    runUntil: (t) => runUntil(core, t),
    runUntilTrue: (pred, maxMs) => runUntilTrue(core, pred, maxMs),
    nextEventTime: () => peekLive(core)?.t ?? null,
    trace: () => history.traceUpTo(core.st.traceLen),
    get traceLength() { return core.st.traceLen; },
    traceSince: (i) => history.traceBetween(i, core.st.traceLen),
    fullTrace: () => history.traceUpTo(Number.POSITIVE_INFINITY),
    traceHash: () => hashHex(core.st.hash),
    formatEvent: (e) => formatTraceEvent(e, (m) => formatMsg(core, m)),
    violations: () => history.violationsUpTo(core.st.traceLen),
    crash: (node) => crash(core, node),
    restart: (node) => restart(core, node),
    pause: (node) => pause(core, node),
    resume: (node) => resume(core, node),
    partition: (a, b, oneWay) => partition(core, a, b, oneWay),
    heal: (a, b) => heal(core, a, b),
    setLink: (from, to, spec, bothWays) => setLink(core, from, to, spec, bothWays),
    setNetwork: (spec) => setNetwork(core, spec),
    skew: (node, ms, driftPpm) => skew(core, node, ms, driftPpm),
    dropMessage: (id) => dropMessage(core, id),
    inFlight: () => inFlight(core),
    nodes: () => nodeStatuses(core),
    isCut: (from, to) => isCut(core.st.net, from, to),
    seek: (t) => seek(core, t),
    stepBack: () => stepBack(core),
    advanceTo: (eventCount, now) => advanceTo(core, eventCount, now),
    query: (expr) => query(core, expr),
    inputs: () => history.inputs.slice(0, core.st.inputCursor).map(({ eventCount, now, label }) => ({ eventCount, now, label })),
  };
}
