// createSim: the discrete-event simulator. It owns the clock, the event queue, the network, the trace,
// invariant checks and time travel; systems only return what they want done through their context.
import type {
  InFlight, Invariant, LinkSpec, Message, MsgId, NodeId, NodeStatus, SystemContext, SystemDef, Time, TraceEvent, TraceKind,
} from './types.ts';
import { cloneState, type MsgEvent, type NodeRecord, type QueuedEvent, type SimState, type TimerEvent } from './state.ts';
import { heapPop, heapPush } from './heap.ts';
import { chancePpm, rngOf, seedRng } from './prng.ts';
import { hasAny, initialNetwork, isCut, linkKey, linkSpec, routeDelay, routeOf, type NetworkState, type Route } from './network.ts';
import { HASH_START, hashHex, messageHash, mix32, mixInt, mixString } from './hash.ts';
import { DELIVER, DROP, kindCode, SEND, TIMER } from './trace-ring.ts';
import { defaultFormatMessage, formatTraceEvent } from './format.ts';
import { createHistory, type InputEntry } from './history.ts';
import { parseQueryCall } from './query.ts';

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

/** One system as the simulator holds it: looked up once per event. */
interface SystemEntry {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly def: SystemDef<any>;
  readonly ctx: SystemContext;
  /** Its invariants with their keys in `broken`, built once (empty when it declares none). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly checks: readonly { readonly inv: Invariant<any>; readonly key: string }[];
}

export function createSim(opts: SimOptions): Sim {
  const defs = new Map(opts.systems.map((d) => [d.name, d]));
  let st: SimState = {
    now: 0, seq: 0, eventCount: 0, traceLen: 0, inputCursor: 0, rng: seedRng(opts.seed), queue: [],
    nodes: new Map(), nodeOrder: [], net: initialNetwork(opts.network), systems: {}, timers: new Map(),
    nextTimerId: 1, nextMsgId: 1, hash: HASH_START, broken: {},
    counters: { sent: 0, delivered: 0, dropped: 0 },
  };
  const rng = rngOf(st.rng);
  const history = createHistory({
    snapshotEvery: opts.snapshotEvery ?? 1000, traceLimit: opts.traceLimit ?? 100_000,
  });
  const trace = history.trace;
  let causeIndex = 0;
  let dry = false;

  // ---- trace ---------------------------------------------------------------------------------------
  // The hash mixes each entry's fields as it is recorded (not the printed line, so nothing is formatted on
  // the hot path): time, kind, node, route and message, text. The route and message are hashed once at
  // send (`mh`, see messageHash) and reused for the deliveries and drops; the node, nearly always the
  // route's sender or receiver, is mixed as which one it is. The ring stores the entry's fields
  // (trace-ring.ts): a message's entries as the queued event itself. An entry regenerated while replaying a
  // stretch the ring holds is hashed, not stored.

  /**
   * A message's send, delivery or drop (`code`: SEND, DELIVER, DROP); `text` a drop's reason. A drop
   * `atSend` (a cut link) is the sender's entry, as a send is; any other is the receiver's.
   */
  function recordMsg(code: number, ev: MsgEvent, text: string | undefined, atSend = false): void {
    if (dry) return;
    // The node is mixed as 2 (the sender) or 1 (the receiver, or both).
    let h = mix32(mix32(mixInt(st.hash, st.now), code), (code === SEND || atSend) && ev.from !== ev.to ? 2 : 1);
    h = mix32(h, ev.mh);
    if (text !== undefined) h = mixString(h, text);
    st.hash = h;
    const i = st.traceLen++;
    if (i < trace.end) return;
    if (atSend) trace.pushDropAtSend(i, st.now, ev, text!);
    else trace.pushMsg(i, st.now, code, ev, text);
  }

  function recordTimer(ev: TimerEvent, text: string): void {
    if (dry) return;
    st.hash = mixString(mixString(mix32(mix32(mixInt(st.hash, st.now), TIMER), 3), ev.node), text);
    const i = st.traceLen++;
    if (i >= trace.end) trace.pushTimer(i, st.now, ev, text);
  }

  /** Every other entry: a note, fault, input, fork or violation. */
  function recordText(kind: TraceKind, node: NodeId | undefined, sys: string | undefined, text: string | undefined,
    invariant?: string, cause?: number): void {
    if (dry) return;
    const code = kindCode(kind);
    let h = mix32(mixInt(st.hash, st.now), code);
    if (node !== undefined) h = mixString(mix32(h, 3), node);
    if (text !== undefined) h = mixString(h, text);
    st.hash = h;
    const i = st.traceLen++;
    if (i < trace.end) return;
    if (kind === 'violation') {
      history.recordViolation({ i, t: st.now, kind, node, from: undefined, to: undefined, msgId: undefined, msg: undefined, sentAt: undefined, text, sys, invariant, cause });
    } else trace.pushText(i, st.now, code, node, sys, text);
  }
  const emit = (e: { kind: TraceKind; node?: NodeId; sys?: string; text?: string; invariant?: string; cause?: number }) =>
    recordText(e.kind, e.node, e.sys, e.text, e.invariant, e.cause);

  function formatMsg(e: TraceEvent): string {
    if (!e.msg) return '';
    const def = e.sys ? defs.get(e.sys) : undefined;
    return def?.formatMessage ? def.formatMessage(e.msg) : defaultFormatMessage(e.msg);
  }

  // ---- systems and their contexts ------------------------------------------------------------------
  function sysState(sys: string): unknown {
    const s = st.systems[sys];
    if (s !== undefined || sys in st.systems) return s;
    const def = defs.get(sys);
    if (!def) throw new Error(`unknown system '${sys}'`);
    st.systems[sys] = def.initialState();
    refreshChecks();
    return st.systems[sys];
  }
  function nodeOf(id: NodeId) {
    const n = st.nodes.get(id);
    if (!n) throw new Error(`unknown node '${id}'`);
    return n;
  }
  function clockOf(id: NodeId): Time {
    const n = st.nodes.get(id);
    if (!n) return st.now;
    return st.now + n.skew + Math.floor((st.now * n.driftPpm) / 1_000_000);
  }
  function contextFor(sys: string): SystemContext {
    return {
      get now() { return st.now; },
      clock: clockOf,
      send: (from, to, msg) => send(sys, from, to, msg as unknown as Message),
      setTimer: (node, delay, name, data) => {
        const n = nodeOf(node);
        const id = st.nextTimerId++;
        // A drifting clock runs fast or slow, so its timers fire early or late in global time.
        const global = Math.ceil((Math.max(0, delay) * 1_000_000) / (1_000_000 + n.driftPpm));
        st.timers.set(id, node);
        const ev: TimerEvent = { t: st.now + global, seq: st.seq++, k: 'timer', id, node, sys, name, data, due: st.now + global };
        heapPush<QueuedEvent>(st.queue, ev);
        return id;
      },
      cancelTimer: (id) => { st.timers.delete(id); },
      rng,
      note: (node, text) => recordText('note', node, sys, text),
      addNode: (node) => {
        const existing = st.nodes.get(node);
        if (existing) {
          if (existing.sys !== sys) throw new Error(`node '${node}' already belongs to ${existing.sys}`);
          return;
        }
        st.nodes.set(node, { id: node, sys, up: true, paused: false, skew: 0, driftPpm: 0, held: [] });
        st.nodeOrder.push(node);
      },
      removeNode: (node) => {
        if (st.nodes.get(node)?.sys !== sys) return;
        cancelTimersOf(node);
        st.nodes.delete(node);
        st.nodeOrder = st.nodeOrder.filter((n) => n !== node);
      },
      isUp: (node) => st.nodes.get(node)?.up === true,
      nodes: () => st.nodeOrder.filter((n) => st.nodes.get(n)?.sys === sys),
    };
  }
  const entries = new Map<string, SystemEntry>(opts.systems.map((def) => [def.name, {
    def, ctx: contextFor(def.name), checks: (def.invariants ?? []).map((inv) => ({ inv, key: `${def.name}/${inv.name}` })),
  }]));
  const ctxFor = (sys: string): SystemContext => entries.get(sys)!.ctx;
  let lastEntry: SystemEntry | undefined;

  /** The active systems that declare invariants, in the order they became active (as `st.systems` lists them). */
  let checking: SystemEntry[] = [];
  function refreshChecks(): void {
    checking = [];
    for (const sys in st.systems) {
      const e = entries.get(sys);
      if (e && e.checks.length > 0) checking.push(e);
    }
  }

  /** The record of the node whose event is being handled (the usual sender), while its handler runs. */
  let current: NodeRecord | undefined;

  function send(sys: string, from: NodeId, to: NodeId, msg: Message): MsgId {
    const id = st.nextMsgId++;
    // Nearly always the node whose event is running: no lookup then.
    const sender = current !== undefined && current.id === from ? current : st.nodes.get(from);
    if (sender && !sender.up) return id; // a crashed node sends nothing
    st.counters.sent++;
    const mh = messageHash(from, to, msg);
    if (st.net !== netSeen) learnNetwork();
    if (anyCuts && isCut(st.net, from, to)) {
      const ev = msgEvent(0, id, from, to, sys, msg, mh, 'partition');
      recordMsg(SEND, ev, undefined);
      st.counters.dropped++;
      recordMsg(DROP, ev, 'partition', true);
      return id;
    }
    // The network's decision, in a fixed order of draws: loss, the delay, duplication, the copy's delay.
    if (from === to) { recordMsg(SEND, schedule(0, id, from, to, sys, msg, mh, undefined), undefined); return id; }
    const r = anyLinks ? routeFor(from, to) : defaultRoute;
    const lost = chancePpm(st.rng, r.lossPpm);
    recordMsg(SEND, schedule(routeDelay(r, st.rng), id, from, to, sys, msg, mh, lost ? 'loss' : undefined), undefined);
    if (!lost && chancePpm(st.rng, r.dupPpm)) schedule(routeDelay(r, st.rng), id, from, to, sys, msg, mh, undefined);
    return id;
  }

  // What the current network means for a send, worked out once per change of it: whether any link is
  // cut or overridden, and each link's resolved route. `netSeen` is the network these describe; every
  // change of the network (an input, a restore) goes through netChanged or replaces st.net.
  let netSeen: NetworkState | null = null;
  let anyCuts = false;
  let anyLinks = false;
  let defaultRoute: Route = routeOf(st.net.defaults);
  const routes = new Map<string, Route>();
  function learnNetwork(): void {
    netSeen = st.net;
    anyCuts = hasAny(st.net.cuts);
    anyLinks = hasAny(st.net.links);
    defaultRoute = routeOf(st.net.defaults);
    routes.clear();
  }
  const netChanged = () => { netSeen = null; };
  function routeFor(from: NodeId, to: NodeId): Route {
    const key = linkKey(from, to);
    let r = routes.get(key);
    if (r === undefined) { r = routeOf(linkSpec(st.net, from, to)); routes.set(key, r); }
    return r;
  }

  const msgEvent = (delay: Time, id: MsgId, from: NodeId, to: NodeId, sys: string, msg: Message, mh: number, doom: string | undefined): MsgEvent =>
    ({ t: st.now + delay, seq: st.seq++, k: 'msg', id, from, to, sys, msg, mh, sentAt: st.now, doom });
  function schedule(delay: Time, id: MsgId, from: NodeId, to: NodeId, sys: string, msg: Message, mh: number, doom: string | undefined): MsgEvent {
    const ev = msgEvent(delay, id, from, to, sys, msg, mh, doom);
    heapPush<QueuedEvent>(st.queue, ev);
    return ev;
  }

  function cancelTimersOf(node: NodeId) {
    for (const [id, n] of st.timers) if (n === node) st.timers.delete(id);
  }

  // ---- processing one event ------------------------------------------------------------------------
  /** Pops cancelled timers until a live event (or nothing) is on top. */
  function peekLive(): QueuedEvent | undefined {
    for (;;) {
      const top = st.queue[0];
      if (!top) return undefined;
      if (top.k === 'timer' && !st.timers.has(top.id)) { heapPop(st.queue); continue; }
      return top;
    }
  }

  /**
   * An event due at a paused node waits in the node's hold until it resumes. Holding counts as an event
   * (and is traced) so that replaying the input log reproduces exactly when each hold happened.
   */
  function hold(e: QueuedEvent, node: NodeRecord): void {
    heapPop(st.queue);
    st.now = Math.max(st.now, e.t);
    st.eventCount++;
    node.held.push(e);
    const what = e.k === 'timer' ? `timer ${e.name}` : `${e.msg.type} from ${e.from}`;
    emit({ kind: 'note', node: node.id, sys: e.sys, text: `is paused: ${what} waits until it resumes` });
  }

  /** Runs `e`, the live event on top of the queue; `dst` is the node it is due at. */
  function processNext(e: QueuedEvent, dst: NodeRecord | undefined): void {
    heapPop(st.queue);
    if (e.t > st.now) st.now = e.t;
    st.eventCount++;
    causeIndex = st.traceLen;
    // Consecutive events mostly belong to one system: remember the last one looked up.
    let entry = lastEntry;
    if (entry === undefined || entry.def.name !== e.sys) lastEntry = entry = entries.get(e.sys)!;
    if (e.k === 'timer') {
      st.timers.delete(e.id);
      const late = st.now - e.due;
      recordTimer(e, late > 0 ? `${e.name} (late by ${late}ms)` : e.name);
      current = dst;
      entry.def.onTimer(sysState(e.sys), e.node, e.name, e.data, entry.ctx);
      current = undefined;
    } else {
      if (st.net !== netSeen) learnNetwork();
      const reason = e.doom ?? (anyCuts && isCut(st.net, e.from, e.to) ? 'partition'
        : !dst ? `${e.to} unknown` : !dst.up ? `${e.to} down` : undefined);
      if (reason) {
        st.counters.dropped++;
        recordMsg(DROP, e, reason);
      } else {
        st.counters.delivered++;
        recordMsg(DELIVER, e, undefined);
        current = dst;
        entry.def.onMessage(sysState(e.sys), e.to, e.from, e.msg, entry.ctx);
        current = undefined;
      }
    }
    if (checking.length > 0) checkInvariants();
  }

  function checkInvariants(): void {
    // Nearly always nothing is broken: then a check that holds needs no lookup.
    let anyBroken = hasAny(st.broken);
    for (const entry of checking) {
      const sys = entry.def.name;
      const s = st.systems[sys];
      for (const { inv, key } of entry.checks) {
        const problem = inv.check(s);
        if (problem === null) { if (anyBroken && st.broken[key]) delete st.broken[key]; continue; }
        if (st.broken[key]) continue;
        st.broken[key] = true;
        anyBroken = true;
        emit({ kind: 'violation', sys, invariant: inv.name, text: problem, cause: causeIndex });
      }
    }
  }

  // ---- inputs, replay and time travel ----------------------------------------------------------------
  function applyEntry(entry: InputEntry): void {
    st.now = Math.max(st.now, entry.now);
    causeIndex = st.traceLen;
    emit({ kind: 'input', text: entry.label });
    entry.apply();
    st.inputCursor++;
    checkInvariants();
  }

  /** Runs an input on a throwaway copy first, so one that throws changes nothing (not even the future). */
  function dryRun(apply: () => void): void {
    const real = st;
    st = cloneState(real);
    rebindRng();
    dry = true;
    try {
      apply();
    } finally {
      st = real;
      dry = false;
      rebindRng();
      refreshChecks();
    }
  }

  // Set by asTyped: the label the next input takes (once), so the trace shows the command as typed.
  let typedLabel: string | null = null;
  function input(label: string, apply: () => void): void {
    if (typedLabel !== null) { label = typedLabel; typedLabel = null; }
    dryRun(apply);
    const discarded = history.forkAt(st);
    if (discarded !== null) emit({ kind: 'fork', text: `acted at a past moment; the old future (${discarded} trace entries) was discarded` });
    const entry: InputEntry = { eventCount: st.eventCount, now: st.now, label, apply };
    history.inputs.push(entry);
    applyEntry(entry);
    history.snapshot(st, true);
  }

  /** Moves forward to `maxEvents` events and time `until`, re-applying logged inputs on the way. */
  function advance(maxEvents: number, until: Time): void {
    const inputs = history.inputs;
    for (;;) {
      const pending = inputs[st.inputCursor];
      const pendingHere = pending !== undefined && pending.eventCount === st.eventCount;
      if (pendingHere && pending.now <= until) {
        applyEntry(pending);
        continue;
      }
      if (st.eventCount >= maxEvents) break;
      const next = peekLive();
      if (next === undefined || next.t > until) break;
      if (pendingHere) break;
      // An event due at a paused node waits in the node's hold until it resumes.
      const node = st.nodes.get(next.k === 'timer' ? next.node : next.to);
      if (node !== undefined && node.paused && node.up) hold(next, node);
      else processNext(next, node);
      if (st.eventCount >= history.snapshotDue()) history.snapshot(st, false);
    }
    history.noteReached(st);
  }

  function restore(snap: { state: SimState }): void {
    current = undefined;
    st = cloneState(snap.state);
    rebindRng();
    refreshChecks();
  }

  // rng's closure must draw from the current state's words after a restore.
  function rebindRng() {
    const fresh = rngOf(st.rng);
    rng.int = fresh.int;
    rng.chance = fresh.chance;
    rng.pick = fresh.pick;
  }

  history.snapshot(st, true);

  const inputNode = (node: NodeId) => { nodeOf(node); return node; };

  const sim: Sim = {
    seed: opts.seed,
    get now() { return st.now; },
    get eventCount() { return st.eventCount; },
    get horizon() { return Math.max(history.horizonTime, st.now); },
    state: <S,>(sys: string) => sysState(sys) as S,
    hasSystem: (sys) => defs.has(sys),
    activeSystems: () => Object.keys(st.systems),
    systemDef: (sys) => defs.get(sys),
    asTyped: (line, fn) => {
      typedLabel = line;
      try { return fn(); } finally { typedLabel = null; }
    },
    act: (sys, label, fn) => input(label, () => fn(sysState(sys) as never, ctxFor(sys))),
    step: () => {
      const before = st.eventCount;
      advance(st.eventCount + 1, Number.POSITIVE_INFINITY);
      return st.eventCount > before;
    },
    runFor: (ms) => sim.runUntil(st.now + ms),
    runUntil: (t) => {
      advance(Number.POSITIVE_INFINITY, t);
      st.now = Math.max(st.now, t);
      history.noteReached(st);
    },
    runUntilTrue: (pred, maxMs) => {
      const deadline = st.now + maxMs;
      while (!pred()) {
        const next = peekLive();
        const pending = history.inputs[st.inputCursor];
        const nextAt = pending && pending.eventCount === st.eventCount ? pending.now : next?.t;
        if (nextAt === undefined || nextAt > deadline) { sim.runUntil(deadline); return pred(); }
        sim.step();
      }
      return true;
    },
    nextEventTime: () => peekLive()?.t ?? null,
    trace: () => history.traceUpTo(st.traceLen),
    get traceLength() { return st.traceLen; },
    traceSince: (i) => history.traceBetween(i, st.traceLen),
    fullTrace: () => history.traceUpTo(Number.POSITIVE_INFINITY),
    traceHash: () => hashHex(st.hash),
    formatEvent: (e) => formatTraceEvent(e, formatMsg),
    violations: () => history.violationsUpTo(st.traceLen),
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
      for (const ev of n.held) heapPush<QueuedEvent>(st.queue, { ...ev, t: st.now, seq: st.seq++ });
      n.held = [];
    }),
    partition: (a, b, oneWay = false) => {
      a.forEach(inputNode);
      b.forEach(inputNode);
      const arrow = oneWay ? '-/->' : '<-/->';
      input(`partition a=${a.join(',')} b=${b.join(',')}${oneWay ? ' oneway=true' : ''}`, () => {
        for (const x of a) for (const y of b) {
          st.net.cuts[linkKey(x, y)] = true;
          if (!oneWay) st.net.cuts[linkKey(y, x)] = true;
        }
        netChanged();
        emit({ kind: 'fault', text: `partition ${a.join(',')} ${arrow} ${b.join(',')}` });
      });
    },
    heal: (a, b) => input(a && b ? `heal a=${a.join(',')} b=${b.join(',')}` : 'heal', () => {
      if (a && b) {
        for (const x of a) for (const y of b) { delete st.net.cuts[linkKey(x, y)]; delete st.net.cuts[linkKey(y, x)]; }
        netChanged();
        emit({ kind: 'fault', text: `heal ${a.join(',')} <-> ${b.join(',')}` });
      } else {
        st.net.cuts = {};
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
        for (const k of keys) st.net.links[k] = { ...st.net.links[k], ...spec };
        netChanged();
        emit({ kind: 'fault', text: `link ${from}${bothWays ? '<->' : '->'}${to} ${desc}` });
      });
    },
    setNetwork: (spec) => {
      const desc = Object.entries(spec).map(([k, v]) => `${k}=${v}`).join(' ');
      input(`network ${desc}`, () => {
        st.net.defaults = { ...st.net.defaults, ...spec };
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
      const found = st.queue.some((e) => e.k === 'msg' && e.id === id)
        || [...st.nodes.values()].some((n) => n.held.some((e) => e.k === 'msg' && e.id === id));
      if (!found) throw new Error(`no message #${id} is in flight`);
      input(`drop msg=${id}`, () => {
        // Queued events are never changed in place (snapshots share them): the doomed copies replace them.
        const doomed = (e: QueuedEvent): QueuedEvent => (e.k === 'msg' && e.id === id ? { ...e, doom: 'dropped by hand' } : e);
        for (let i = 0; i < st.queue.length; i++) st.queue[i] = doomed(st.queue[i]!);
        for (const n of st.nodes.values()) n.held = n.held.map(doomed);
      });
    },
    inFlight: () => st.queue
      .filter((e): e is MsgEvent => e.k === 'msg')
      .map((e) => ({ msgId: e.id, from: e.from, to: e.to, msg: e.msg, sentAt: e.sentAt, arrivesAt: e.t, sys: e.sys, doomed: e.doom !== undefined }))
      .sort((x, y) => x.arrivesAt - y.arrivesAt || x.msgId - y.msgId),
    nodes: () => st.nodeOrder.map((id) => {
      const n = st.nodes.get(id)!;
      return { id, sys: n.sys, up: n.up, paused: n.paused, skew: n.skew, driftPpm: n.driftPpm };
    }),
    isCut: (from, to) => isCut(st.net, from, to),
    seek: (t) => {
      const target = Math.max(0, Math.floor(t));
      // The newest snapshot at or before the target, if it is behind us or ahead of us on the way there.
      const snap = history.latestWhere((s) => s.now <= target);
      if (target < st.now || history.isAfter(snap, st)) restore(snap);
      sim.runUntil(target);
    },
    stepBack: () => {
      if (st.eventCount === 0) return;
      const target = st.eventCount - 1;
      restore(history.latestWhere((s) => s.eventCount <= target));
      advance(target, Number.POSITIVE_INFINITY);
    },
    advanceTo: (eventCount, now) => {
      advance(eventCount, now);
      st.now = Math.max(st.now, now);
      history.noteReached(st);
    },
    query: (expr) => {
      const { name, args } = parseQueryCall(expr);
      const core = coreQuery(name, args);
      if (core !== undefined) return core;
      for (const def of defs.values()) {
        const q = def.queries?.find((x) => x.name === name);
        if (q) return q.get(sysState(def.name), args);
      }
      throw new Error(`unknown query '${name}'`);
    },
    inputs: () => history.inputs.slice(0, st.inputCursor).map(({ eventCount, now, label }) => ({ eventCount, now, label })),
  };

  function coreQuery(name: string, args: readonly string[]): number | string | boolean | undefined {
    switch (name) {
      case 'now': return st.now;
      case 'events': return st.eventCount;
      case 'violations': return history.violationsUpTo(st.traceLen).length;
      case 'inflight': return sim.inFlight().length;
      case 'sent': return st.counters.sent;
      case 'delivered': return st.counters.delivered;
      case 'dropped': return st.counters.dropped;
      case 'up': return nodeOf(args[0] ?? '').up;
      case 'paused': return nodeOf(args[0] ?? '').paused;
      case 'clock': return clockOf(args[0] ?? '');
      default: return undefined;
    }
  }

  return sim;
}

export const CORE_QUERIES = [
  { name: 'now', params: [], description: 'the simulated time in ms', example: 'expect now == 2s' },
  { name: 'events', params: [], description: 'events processed so far', example: 'expect events > 0' },
  { name: 'violations', params: [], description: 'invariant violations so far', example: 'expect violations == 0' },
  { name: 'inflight', params: [], description: 'messages on the wire right now', example: 'expect inflight == 0' },
  { name: 'sent', params: [], description: 'messages sent so far', example: 'expect sent >= 1' },
  { name: 'delivered', params: [], description: 'messages delivered so far', example: 'expect delivered >= 1' },
  { name: 'dropped', params: [], description: 'messages lost so far (loss, partition, crash, by hand)', example: 'expect dropped == 0' },
  { name: 'up', params: ['node'], description: 'whether the node is running', example: 'expect up(bakery) == true' },
  { name: 'paused', params: ['node'], description: 'whether the node is paused', example: 'expect paused(bakery) == false' },
  { name: 'clock', params: ['node'], description: "what the node's own clock reads, in ms", example: 'expect clock(bakery) == now' },
] as const;
