// The event loop: pop the next event in (time, sequence) order and run its system's handler, hold it at a
// paused node, re-apply logged inputs at the moment they were applied, and snapshot as the run goes. This
// is the hot path: plain functions on the SimCore handle, nothing allocated per event but what the
// handlers ask for.
import type { Time } from './types.ts';
import type { NodeRecord, QueuedEvent } from './state.ts';
import type { SimCore } from './sim-core.ts';
import { heapPop } from './heap.ts';
import { isCut } from './network.ts';
import { DELIVER, DROP } from './trace-ring.ts';
import { recordMsg, recordText, recordTimer } from './recording.ts';
import { learnNetwork } from './send.ts';
import { sysState } from './contexts.ts';
import { checkInvariants } from './invariants.ts';
import { applyEntry } from './inputs.ts';

/** Moves forward to `maxEvents` events and time `until`, re-applying logged inputs on the way. */
export function advance(core: SimCore, maxEvents: number, until: Time): void {
  const history = core.history;
  const inputs = history.inputs;
  for (;;) {
    const st = core.st;
    const pending = inputs[st.inputCursor];
    const pendingHere = pending !== undefined && pending.eventCount === st.eventCount;
    if (pendingHere && pending.now <= until) {
      applyEntry(core, pending);
      continue;
    }
    if (st.eventCount >= maxEvents) break;
    const next = peekLive(core);
    if (next === undefined || next.t > until) break;
    if (pendingHere) break;
    // An event due at a paused node waits in the node's hold until it resumes.
    const node = st.nodes.get(next.k === 'timer' ? next.node : next.to);
    if (node !== undefined && node.paused && node.up) hold(core, next, node);
    else processNext(core, next, node);
    if (st.eventCount >= history.snapshotDue()) history.snapshot(st, false);
  }
  history.noteReached(core.st);
}

/** Runs every event due up to `t`, then sets the clock to `t`. */
export function runUntil(core: SimCore, t: Time): void {
  advance(core, Number.POSITIVE_INFINITY, t);
  core.st.now = Math.max(core.st.now, t);
  core.history.noteReached(core.st);
}

/** Runs one event (or the inputs due before it); false when nothing was left to run. */
export function step(core: SimCore): boolean {
  const before = core.st.eventCount;
  advance(core, before + 1, Number.POSITIVE_INFINITY);
  return core.st.eventCount > before;
}

/** Steps until `pred` holds or `maxMs` pass (then the clock stands at the deadline); whether it held. */
export function runUntilTrue(core: SimCore, pred: () => boolean, maxMs: Time): boolean {
  const deadline = core.st.now + maxMs;
  while (!pred()) {
    const next = peekLive(core);
    const pending = core.history.inputs[core.st.inputCursor];
    const nextAt = pending && pending.eventCount === core.st.eventCount ? pending.now : next?.t;
    if (nextAt === undefined || nextAt > deadline) { runUntil(core, deadline); return pred(); }
    step(core);
  }
  return true;
}

/** Pops cancelled timers until a live event (or nothing) is on top. */
export function peekLive(core: SimCore): QueuedEvent | undefined {
  const st = core.st;
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
function hold(core: SimCore, e: QueuedEvent, node: NodeRecord): void {
  const st = core.st;
  heapPop(st.queue);
  st.now = Math.max(st.now, e.t);
  st.eventCount++;
  node.held.push(e);
  const what = e.k === 'timer' ? `timer ${e.name}` : `${e.msg.type} from ${e.from}`;
  recordText(core, 'note', node.id, e.sys, `is paused: ${what} waits until it resumes`);
}

/** Runs `e`, the live event on top of the queue; `dst` is the node it is due at. */
function processNext(core: SimCore, e: QueuedEvent, dst: NodeRecord | undefined): void {
  // Handlers cannot replace the state (only inputs and time travel do), so `st` holds throughout.
  const st = core.st;
  heapPop(st.queue);
  if (e.t > st.now) st.now = e.t;
  st.eventCount++;
  core.causeIndex = st.traceLen;
  // Consecutive events mostly belong to one system: remember the last one looked up.
  let entry = core.lastEntry;
  if (entry === undefined || entry.def.name !== e.sys) core.lastEntry = entry = core.entries.get(e.sys)!;
  if (e.k === 'timer') {
    st.timers.delete(e.id);
    const late = st.now - e.due;
    recordTimer(core, e, late > 0 ? `${e.name} (late by ${late}ms)` : e.name);
    core.current = dst;
    entry.def.onTimer(sysState(core, e.sys), e.node, e.name, e.data, entry.ctx);
    core.current = undefined;
  } else {
    if (st.net !== core.netSeen) learnNetwork(core);
    const reason = e.doom ?? (core.anyCuts && isCut(st.net, e.from, e.to) ? 'partition'
      : !dst ? `${e.to} unknown` : !dst.up ? `${e.to} down` : undefined);
    if (reason) {
      st.counters.dropped++;
      recordMsg(core, DROP, e, reason);
    } else {
      st.counters.delivered++;
      recordMsg(core, DELIVER, e, undefined);
      core.current = dst;
      entry.def.onMessage(sysState(core, e.sys), e.to, e.from, e.msg, entry.ctx);
      core.current = undefined;
    }
  }
  if (core.checking.length > 0) checkInvariants(core);
}
