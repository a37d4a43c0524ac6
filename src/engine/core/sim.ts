// createSim: the discrete-event simulator. It owns the clock, the event queue, the network, the trace,
// invariant checks and time travel; systems only return what they want done through their context.
import type { InFlight, LinkSpec, MsgId, NodeId, NodeStatus, SystemContext, SystemDef, Time, TraceEvent, TraceKind } from './types.ts';
import type { MsgEvent, NodeRecord, QueuedEvent, SimState, TimerEvent } from './state.ts';
import { heapPop, heapPush } from './heap.ts';
import { isCut, linkKey } from './network.ts';
import { hashHex } from './hash.ts';
import { DELIVER, DROP } from './trace-ring.ts';
import { formatTraceEvent } from './format.ts';
import type { InputEntry } from './history.ts';
import {
  cancelTimersOf as cancelTimersOfCore, createCore, nodeOf as nodeOfCore, rebindRng, replaceState,
} from './sim-core.ts';
import {
  ctxFor as ctxForOf, installSystems, refreshChecks as refreshChecksOf, sysState as sysStateOf,
} from './contexts.ts';
import { formatMsg, recordMsg as recordMsgOf, recordText, recordTimer as recordTimerOf } from './recording.ts';
import { learnNetwork as learnNetworkOf, netChanged as netChangedOf } from './send.ts';
import { checkInvariants as checkInvariantsOf } from './invariants.ts';
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
  const recordMsg = (code: number, ev: MsgEvent, text: string | undefined) => recordMsgOf(core, code, ev, text);
  const recordTimer = (ev: TimerEvent, text: string) => recordTimerOf(core, ev, text);
  const emit = (e: { kind: TraceKind; node?: NodeId; sys?: string; text?: string; invariant?: string; cause?: number }) =>
    recordText(core, e.kind, e.node, e.sys, e.text, e.invariant, e.cause);
  const sysState = (sys: string) => sysStateOf(core, sys);
  const nodeOf = (id: NodeId) => nodeOfCore(core, id);
  const refreshChecks = () => refreshChecksOf(core);
  const cancelTimersOf = (node: NodeId) => cancelTimersOfCore(core, node);
  const ctxFor = (sys: string) => ctxForOf(core, sys);
  const learnNetwork = () => learnNetworkOf(core);
  const netChanged = () => netChangedOf(core);
  const checkInvariants = () => checkInvariantsOf(core);

  // ---- processing one event ------------------------------------------------------------------------
  /** Pops cancelled timers until a live event (or nothing) is on top. */
  function peekLive(): QueuedEvent | undefined {
    for (;;) {
      const top = core.st.queue[0];
      if (!top) return undefined;
      if (top.k === 'timer' && !core.st.timers.has(top.id)) { heapPop(core.st.queue); continue; }
      return top;
    }
  }

  /**
   * An event due at a paused node waits in the node's hold until it resumes. Holding counts as an event
   * (and is traced) so that replaying the input log reproduces exactly when each hold happened.
   */
  function hold(e: QueuedEvent, node: NodeRecord): void {
    heapPop(core.st.queue);
    core.st.now = Math.max(core.st.now, e.t);
    core.st.eventCount++;
    node.held.push(e);
    const what = e.k === 'timer' ? `timer ${e.name}` : `${e.msg.type} from ${e.from}`;
    emit({ kind: 'note', node: node.id, sys: e.sys, text: `is paused: ${what} waits until it resumes` });
  }

  /** Runs `e`, the live event on top of the queue; `dst` is the node it is due at. */
  function processNext(e: QueuedEvent, dst: NodeRecord | undefined): void {
    heapPop(core.st.queue);
    if (e.t > core.st.now) core.st.now = e.t;
    core.st.eventCount++;
    core.causeIndex = core.st.traceLen;
    // Consecutive events mostly belong to one system: remember the last one looked up.
    let entry = core.lastEntry;
    if (entry === undefined || entry.def.name !== e.sys) core.lastEntry = entry = core.entries.get(e.sys)!;
    if (e.k === 'timer') {
      core.st.timers.delete(e.id);
      const late = core.st.now - e.due;
      recordTimer(e, late > 0 ? `${e.name} (late by ${late}ms)` : e.name);
      core.current = dst;
      entry.def.onTimer(sysState(e.sys), e.node, e.name, e.data, entry.ctx);
      core.current = undefined;
    } else {
      if (core.st.net !== core.netSeen) learnNetwork();
      const reason = e.doom ?? (core.anyCuts && isCut(core.st.net, e.from, e.to) ? 'partition'
        : !dst ? `${e.to} unknown` : !dst.up ? `${e.to} down` : undefined);
      if (reason) {
        core.st.counters.dropped++;
        recordMsg(DROP, e, reason);
      } else {
        core.st.counters.delivered++;
        recordMsg(DELIVER, e, undefined);
        core.current = dst;
        entry.def.onMessage(sysState(e.sys), e.to, e.from, e.msg, entry.ctx);
        core.current = undefined;
      }
    }
    if (core.checking.length > 0) checkInvariants();
  }

  // ---- inputs, replay and time travel ----------------------------------------------------------------
  function applyEntry(entry: InputEntry): void {
    core.st.now = Math.max(core.st.now, entry.now);
    core.causeIndex = core.st.traceLen;
    emit({ kind: 'input', text: entry.label });
    entry.apply();
    core.st.inputCursor++;
    checkInvariants();
  }

  /** Runs an input on a throwaway copy first, so one that throws changes nothing (not even the future). */
  function dryRun(apply: () => void): void {
    const real = core.st;
    replaceState(core, real);
    core.dry = true;
    try {
      apply();
    } finally {
      core.st = real;
      core.dry = false;
      rebindRng(core);
      refreshChecks();
    }
  }

  function input(label: string, apply: () => void): void {
    if (core.typedLabel !== null) { label = core.typedLabel; core.typedLabel = null; }
    dryRun(apply);
    const discarded = history.forkAt(core.st);
    if (discarded !== null) emit({ kind: 'fork', text: `acted at a past moment; the old future (${discarded} trace entries) was discarded` });
    const entry: InputEntry = { eventCount: core.st.eventCount, now: core.st.now, label, apply };
    history.inputs.push(entry);
    applyEntry(entry);
    history.snapshot(core.st, true);
  }

  /** Moves forward to `maxEvents` events and time `until`, re-applying logged inputs on the way. */
  function advance(maxEvents: number, until: Time): void {
    const inputs = history.inputs;
    for (;;) {
      const pending = inputs[core.st.inputCursor];
      const pendingHere = pending !== undefined && pending.eventCount === core.st.eventCount;
      if (pendingHere && pending.now <= until) {
        applyEntry(pending);
        continue;
      }
      if (core.st.eventCount >= maxEvents) break;
      const next = peekLive();
      if (next === undefined || next.t > until) break;
      if (pendingHere) break;
      // An event due at a paused node waits in the node's hold until it resumes.
      const node = core.st.nodes.get(next.k === 'timer' ? next.node : next.to);
      if (node !== undefined && node.paused && node.up) hold(next, node);
      else processNext(next, node);
      if (core.st.eventCount >= history.snapshotDue()) history.snapshot(core.st, false);
    }
    history.noteReached(core.st);
  }

  function restore(snap: { state: SimState }): void {
    core.current = undefined;
    replaceState(core, snap.state);
    refreshChecks();
  }

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
    asTyped: (line, fn) => {
      core.typedLabel = line;
      try { return fn(); } finally { core.typedLabel = null; }
    },
    act: (sys, label, fn) => input(label, () => fn(sysState(sys) as never, ctxFor(sys))),
    step: () => {
      const before = core.st.eventCount;
      advance(core.st.eventCount + 1, Number.POSITIVE_INFINITY);
      return core.st.eventCount > before;
    },
    runFor: (ms) => sim.runUntil(core.st.now + ms),
    runUntil: (t) => {
      advance(Number.POSITIVE_INFINITY, t);
      core.st.now = Math.max(core.st.now, t);
      history.noteReached(core.st);
    },
    runUntilTrue: (pred, maxMs) => {
      const deadline = core.st.now + maxMs;
      while (!pred()) {
        const next = peekLive();
        const pending = history.inputs[core.st.inputCursor];
        const nextAt = pending && pending.eventCount === core.st.eventCount ? pending.now : next?.t;
        if (nextAt === undefined || nextAt > deadline) { sim.runUntil(deadline); return pred(); }
        sim.step();
      }
      return true;
    },
    nextEventTime: () => peekLive()?.t ?? null,
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
    seek: (t) => {
      const target = Math.max(0, Math.floor(t));
      // The newest snapshot at or before the target, if it is behind us or ahead of us on the way there.
      const snap = history.latestWhere((s) => s.now <= target);
      if (target < core.st.now || history.isAfter(snap, core.st)) restore(snap);
      sim.runUntil(target);
    },
    stepBack: () => {
      if (core.st.eventCount === 0) return;
      const target = core.st.eventCount - 1;
      restore(history.latestWhere((s) => s.eventCount <= target));
      advance(target, Number.POSITIVE_INFINITY);
    },
    advanceTo: (eventCount, now) => {
      advance(eventCount, now);
      core.st.now = Math.max(core.st.now, now);
      history.noteReached(core.st);
    },
    query: (expr) => query(core, expr),
    inputs: () => history.inputs.slice(0, core.st.inputCursor).map(({ eventCount, now, label }) => ({ eventCount, now, label })),
  };

  return sim;
}
