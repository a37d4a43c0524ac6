// Faults a person, a lesson or a test injects: crash, restart, pause, resume, partition, heal, link and
// network changes, clock skew, dropping a message by hand. Each is an input (inputs.ts): logged, traced
// as its command line and as a fault entry, and re-applied on replay, so its `apply` reads `core.st` when
// it runs (the dry run's copy, the real state, or a restored one), never a state captured before.
import type { LinkSpec, MsgId, NodeId, Time } from './types.ts';
import type { QueuedEvent } from './state.ts';
import { cancelTimersOf, nodeOf, type SimCore } from './sim-core.ts';
import { heapPush } from './heap.ts';
import { linkKey } from './network.ts';
import { recordFault } from './recording.ts';
import { netChanged } from './send.ts';
import { ctxFor, sysState } from './contexts.ts';
import { input } from './inputs.ts';

export const crash = (core: SimCore, node: NodeId): void => input(core, `crash node=${node}`, () => {
  const n = nodeOf(core, node);
  if (!n.up) return;
  n.up = false;
  n.paused = false;
  n.held = [];
  cancelTimersOf(core, node);
  recordFault(core, `crash ${node}`, node);
  core.defs.get(n.sys)?.onCrash?.(sysState(core, n.sys), node, ctxFor(core, n.sys));
});

export const restart = (core: SimCore, node: NodeId): void => input(core, `restart node=${node}`, () => {
  const n = nodeOf(core, node);
  if (n.up) return;
  n.up = true;
  recordFault(core, `restart ${node}`, node);
  core.defs.get(n.sys)?.onRestart?.(sysState(core, n.sys), node, ctxFor(core, n.sys));
});

export const pause = (core: SimCore, node: NodeId): void => input(core, `pause node=${node}`, () => {
  const n = nodeOf(core, node);
  if (!n.up || n.paused) return;
  n.paused = true;
  recordFault(core, `pause ${node}`, node);
});

export const resume = (core: SimCore, node: NodeId): void => input(core, `resume node=${node}`, () => {
  const n = nodeOf(core, node);
  if (!n.paused) return;
  n.paused = false;
  recordFault(core, `resume ${node}`, node);
  // Held timers and messages run now, in the order they were due: late, as after a long GC pause.
  const st = core.st;
  for (const ev of n.held) heapPush<QueuedEvent>(st.queue, { ...ev, t: st.now, seq: st.seq++ });
  n.held = [];
});

export function partition(core: SimCore, a: readonly NodeId[], b: readonly NodeId[], oneWay = false): void {
  for (const n of [...a, ...b]) nodeOf(core, n);
  const arrow = oneWay ? '-/->' : '<-/->';
  input(core, `partition a=${a.join(',')} b=${b.join(',')}${oneWay ? ' oneway=true' : ''}`, () => {
    const cuts = core.st.net.cuts;
    for (const x of a) for (const y of b) {
      cuts[linkKey(x, y)] = true;
      if (!oneWay) cuts[linkKey(y, x)] = true;
    }
    netChanged(core);
    recordFault(core, `partition ${a.join(',')} ${arrow} ${b.join(',')}`);
  });
}

/** Heals the links between `a` and `b` both ways, or every cut when they are left out. */
export const heal = (core: SimCore, a?: readonly NodeId[], b?: readonly NodeId[]): void =>
  input(core, a && b ? `heal a=${a.join(',')} b=${b.join(',')}` : 'heal', () => {
    const net = core.st.net;
    if (a && b) {
      for (const x of a) for (const y of b) { delete net.cuts[linkKey(x, y)]; delete net.cuts[linkKey(y, x)]; }
      netChanged(core);
      recordFault(core, `heal ${a.join(',')} <-> ${b.join(',')}`);
    } else {
      net.cuts = {};
      netChanged(core);
      recordFault(core, 'heal all links');
    }
  });

const specText = (spec: Partial<LinkSpec>): string => Object.entries(spec).map(([k, v]) => `${k}=${v}`).join(' ');

export function setLink(core: SimCore, from: NodeId, to: NodeId, spec: Partial<LinkSpec>, bothWays = true): void {
  nodeOf(core, from);
  nodeOf(core, to);
  const desc = specText(spec);
  input(core, `link from=${from} to=${to} ${desc}${bothWays ? '' : ' oneway=true'}`, () => {
    const links = core.st.net.links;
    const keys = bothWays ? [linkKey(from, to), linkKey(to, from)] : [linkKey(from, to)];
    for (const k of keys) links[k] = { ...links[k], ...spec };
    netChanged(core);
    recordFault(core, `link ${from}${bothWays ? '<->' : '->'}${to} ${desc}`);
  });
}

export function setNetwork(core: SimCore, spec: Partial<LinkSpec>): void {
  const desc = specText(spec);
  input(core, `network ${desc}`, () => {
    const net = core.st.net;
    net.defaults = { ...net.defaults, ...spec };
    netChanged(core);
    recordFault(core, `network ${desc}`);
  });
}

export function skew(core: SimCore, node: NodeId, ms: Time, driftPpm = 0): void {
  nodeOf(core, node);
  input(core, `skew node=${node} by=${ms}ms drift=${driftPpm}ppm`, () => {
    const n = nodeOf(core, node);
    n.skew = ms;
    n.driftPpm = driftPpm;
    recordFault(core, `clock of ${node} skewed by ${ms}ms, drifting ${driftPpm}ppm`, node);
  });
}

export function dropMessage(core: SimCore, id: MsgId): void {
  const isIt = (e: QueuedEvent) => e.k === 'msg' && e.id === id;
  const found = core.st.queue.some(isIt) || [...core.st.nodes.values()].some((n) => n.held.some(isIt));
  if (!found) throw new Error(`no message #${id} is in flight`);
  input(core, `drop msg=${id}`, () => {
    // Queued events are never changed in place (snapshots share them): the doomed copies replace them.
    const doomed = (e: QueuedEvent): QueuedEvent => (e.k === 'msg' && e.id === id ? { ...e, doom: 'dropped by hand' } : e);
    const st = core.st;
    for (let i = 0; i < st.queue.length; i++) st.queue[i] = doomed(st.queue[i]!);
    for (const n of st.nodes.values()) n.held = n.held.map(doomed);
  });
}
