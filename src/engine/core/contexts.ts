// The systems as the simulator holds them: each one's context (what its handlers may ask for, turned into
// sends, timers and trace entries), its state, created on first use, and which active systems have
// invariants to check.
import type { Message, SystemContext } from './types.ts';
import type { QueuedEvent, TimerEvent } from './state.ts';
import { cancelTimersOf, clockOf, nodeOf, type SimCore } from './sim-core.ts';
import { heapPush } from './heap.ts';
import { send } from './send.ts';
import { recordText } from './recording.ts';

/** Builds every system's entry (its context and its invariants' keys) once, when the sim is created. */
export function installSystems(core: SimCore): void {
  for (const def of core.defs.values()) {
    core.entries.set(def.name, {
      def, ctx: contextFor(core, def.name), checks: (def.invariants ?? []).map((inv) => ({ inv, key: `${def.name}/${inv.name}` })),
    });
  }
}

export const ctxFor = (core: SimCore, sys: string): SystemContext => core.entries.get(sys)!.ctx;

function contextFor(core: SimCore, sys: string): SystemContext {
  return {
    get now() { return core.st.now; },
    clock: (node) => clockOf(core, node),
    send: (from, to, msg) => send(core, sys, from, to, msg as unknown as Message),
    setTimer: (node, delay, name, data) => {
      const n = nodeOf(core, node);
      const st = core.st;
      const id = st.nextTimerId++;
      // A drifting clock runs fast or slow, so its timers fire early or late in global time.
      const global = Math.ceil((Math.max(0, delay) * 1_000_000) / (1_000_000 + n.driftPpm));
      st.timers.set(id, node);
      const ev: TimerEvent = { t: st.now + global, seq: st.seq++, k: 'timer', id, node, sys, name, data, due: st.now + global };
      heapPush<QueuedEvent>(st.queue, ev);
      return id;
    },
    cancelTimer: (id) => { core.st.timers.delete(id); },
    rng: core.rng,
    note: (node, text) => recordText(core, 'note', node, sys, text),
    addNode: (node) => {
      const st = core.st;
      const existing = st.nodes.get(node);
      if (existing) {
        if (existing.sys !== sys) throw new Error(`node '${node}' already belongs to ${existing.sys}`);
        return;
      }
      st.nodes.set(node, { id: node, sys, up: true, paused: false, skew: 0, driftPpm: 0, held: [] });
      st.nodeOrder.push(node);
    },
    removeNode: (node) => {
      const st = core.st;
      if (st.nodes.get(node)?.sys !== sys) return;
      cancelTimersOf(core, node);
      st.nodes.delete(node);
      st.nodeOrder = st.nodeOrder.filter((n) => n !== node);
    },
    isUp: (node) => core.st.nodes.get(node)?.up === true,
    nodes: () => core.st.nodeOrder.filter((n) => core.st.nodes.get(n)?.sys === sys),
  };
}

/** A system's state, created from its initialState the first time anything touches it. */
export function sysState(core: SimCore, sys: string): unknown {
  const systems = core.st.systems;
  const s = systems[sys];
  if (s !== undefined || sys in systems) return s;
  const def = core.defs.get(sys);
  if (!def) throw new Error(`unknown system '${sys}'`);
  systems[sys] = def.initialState();
  refreshChecks(core);
  return systems[sys];
}

/** Lists the active systems that declare invariants, after a system starts or the state is replaced. */
export function refreshChecks(core: SimCore): void {
  const checking = [];
  for (const sys in core.st.systems) {
    const e = core.entries.get(sys);
    if (e && e.checks.length > 0) checking.push(e);
  }
  core.checking = checking;
}
