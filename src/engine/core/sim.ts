// createSim: the discrete-event simulator. It owns the clock, the event queue, the network, the trace,
// invariant checks and time travel; systems only return what they want done through their context.
import type { InFlight, LinkSpec, MsgId, NodeId, NodeStatus, SystemContext, SystemDef, Time, TraceEvent, TraceKind } from './types.ts';
import type { QueuedEvent } from './state.ts';
import { heapPush } from './heap.ts';
import { isCut, linkKey } from './network.ts';
import { hashHex } from './hash.ts';
import { formatTraceEvent } from './format.ts';
import { cancelTimersOf as cancelTimersOfCore, createCore, nodeOf as nodeOfCore } from './sim-core.ts';
import { ctxFor as ctxForOf, installSystems, sysState as sysStateOf } from './contexts.ts';
import { formatMsg, recordText } from './recording.ts';
import { netChanged as netChangedOf } from './send.ts';
import { asTyped, input as inputOf } from './inputs.ts';
import { peekLive, runUntil, runUntilTrue, step } from './event-loop.ts';
import { advanceTo, seek, stepBack } from './time-travel.ts';
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
  const emit = (e: { kind: TraceKind; node?: NodeId; sys?: string; text?: string; invariant?: string; cause?: number }) =>
    recordText(core, e.kind, e.node, e.sys, e.text, e.invariant, e.cause);
  const sysState = (sys: string) => sysStateOf(core, sys);
  const nodeOf = (id: NodeId) => nodeOfCore(core, id);
  const cancelTimersOf = (node: NodeId) => cancelTimersOfCore(core, node);
  const ctxFor = (sys: string) => ctxForOf(core, sys);
  const netChanged = () => netChangedOf(core);

  const input = (label: string, apply: () => void) => inputOf(core, label, apply);

  history.snapshot(core.st, true);

  const inputNode = (node: NodeId) => { nodeOf(node); return node; };

  const sim: Sim = {
    seed: opts.seed,
    get now() { return core.st.now; },
    get eventCount() { return core.st.eventCount; },
    get horizon() { return Math.max(history.horizonTime, core.st.now); },
    state: <S,>(sys: string) => sysState(sys) as S,
    hasSystem: (sys) => defs.has(sys),
    activeSystems: () => Object.keys(core.st.systems),
    systemDef: (sys) => defs.get(sys),
    asTyped: (line, fn) => asTyped(core, line, fn),
    act: (sys, label, fn) => input(label, () => fn(sysState(sys) as never, ctxFor(sys))),
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
    crash: (node) => input(`crash node=${node}`, () => {
      const n = nodeOf(node);
      if (!n.up) return;
      n.up = false;
      n.paused = false;
      n.held = [];
      cancelTimersOf(node);
      emit({ kind: 'fault', node, text: `crash ${node}` });
      defs.get(n.sys)?.onCrash?.(sysState(n.sys), node, ctxFor(n.sys));
    }),
    restart: (node) => input(`restart node=${node}`, () => {
      const n = nodeOf(node);
      if (n.up) return;
      n.up = true;
      emit({ kind: 'fault', node, text: `restart ${node}` });
      defs.get(n.sys)?.onRestart?.(sysState(n.sys), node, ctxFor(n.sys));
    }),
    pause: (node) => input(`pause node=${node}`, () => {
      const n = nodeOf(node);
      if (!n.up || n.paused) return;
      n.paused = true;
      emit({ kind: 'fault', node, text: `pause ${node}` });
    }),
    resume: (node) => input(`resume node=${node}`, () => {
      const n = nodeOf(node);
      if (!n.paused) return;
      n.paused = false;
      emit({ kind: 'fault', node, text: `resume ${node}` });
      // Held timers and messages run now, in the order they were due: late, as after a long GC pause.
      for (const ev of n.held) heapPush<QueuedEvent>(core.st.queue, { ...ev, t: core.st.now, seq: core.st.seq++ });
      n.held = [];
    }),
    partition: (a, b, oneWay = false) => {
      a.forEach(inputNode);
      b.forEach(inputNode);
      const arrow = oneWay ? '-/->' : '<-/->';
      input(`partition a=${a.join(',')} b=${b.join(',')}${oneWay ? ' oneway=true' : ''}`, () => {
        for (const x of a) for (const y of b) {
          core.st.net.cuts[linkKey(x, y)] = true;
          if (!oneWay) core.st.net.cuts[linkKey(y, x)] = true;
        }
        netChanged();
        emit({ kind: 'fault', text: `partition ${a.join(',')} ${arrow} ${b.join(',')}` });
      });
    },
    heal: (a, b) => input(a && b ? `heal a=${a.join(',')} b=${b.join(',')}` : 'heal', () => {
      if (a && b) {
        for (const x of a) for (const y of b) { delete core.st.net.cuts[linkKey(x, y)]; delete core.st.net.cuts[linkKey(y, x)]; }
        netChanged();
        emit({ kind: 'fault', text: `heal ${a.join(',')} <-> ${b.join(',')}` });
      } else {
        core.st.net.cuts = {};
        netChanged();
        emit({ kind: 'fault', text: 'heal all links' });
      }
    }),
    setLink: (from, to, spec, bothWays = true) => {
      inputNode(from);
      inputNode(to);
      const desc = Object.entries(spec).map(([k, v]) => `${k}=${v}`).join(' ');
      input(`link from=${from} to=${to} ${desc}${bothWays ? '' : ' oneway=true'}`, () => {
        const keys = bothWays ? [linkKey(from, to), linkKey(to, from)] : [linkKey(from, to)];
        for (const k of keys) core.st.net.links[k] = { ...core.st.net.links[k], ...spec };
        netChanged();
        emit({ kind: 'fault', text: `link ${from}${bothWays ? '<->' : '->'}${to} ${desc}` });
      });
    },
    setNetwork: (spec) => {
      const desc = Object.entries(spec).map(([k, v]) => `${k}=${v}`).join(' ');
      input(`network ${desc}`, () => {
        core.st.net.defaults = { ...core.st.net.defaults, ...spec };
        netChanged();
        emit({ kind: 'fault', text: `network ${desc}` });
      });
    },
    skew: (node, ms, driftPpm = 0) => {
      inputNode(node);
      input(`skew node=${node} by=${ms}ms drift=${driftPpm}ppm`, () => {
        const n = nodeOf(node);
        n.skew = ms;
        n.driftPpm = driftPpm;
        emit({ kind: 'fault', node, text: `clock of ${node} skewed by ${ms}ms, drifting ${driftPpm}ppm` });
      });
    },
    dropMessage: (id) => {
      const found = core.st.queue.some((e) => e.k === 'msg' && e.id === id)
        || [...core.st.nodes.values()].some((n) => n.held.some((e) => e.k === 'msg' && e.id === id));
      if (!found) throw new Error(`no message #${id} is in flight`);
      input(`drop msg=${id}`, () => {
        // Queued events are never changed in place (snapshots share them): the doomed copies replace them.
        const doomed = (e: QueuedEvent): QueuedEvent => (e.k === 'msg' && e.id === id ? { ...e, doom: 'dropped by hand' } : e);
        for (let i = 0; i < core.st.queue.length; i++) core.st.queue[i] = doomed(core.st.queue[i]!);
        for (const n of core.st.nodes.values()) n.held = n.held.map(doomed);
      });
    },
    inFlight: () => inFlight(core),
    nodes: () => nodeStatuses(core),
    isCut: (from, to) => isCut(core.st.net, from, to),
    seek: (t) => seek(core, t),
    stepBack: () => stepBack(core),
    advanceTo: (eventCount, now) => advanceTo(core, eventCount, now),
    query: (expr) => query(core, expr),
    inputs: () => history.inputs.slice(0, core.st.inputCursor).map(({ eventCount, now, label }) => ({ eventCount, now, label })),
  };

  return sim;
}
