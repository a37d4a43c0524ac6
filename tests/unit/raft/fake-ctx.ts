// A hand-driven SystemContext for testing Raft's handlers one rule at a time, without the simulator.
import type { Message, NodeId, SystemContext } from '../../../src/engine/core/types.ts';
import { rngOf, seedRng } from '../../../src/engine/core/prng.ts';
import { initialRaftState, newServer, type LogEntry, type RaftState } from '../../../src/engine/raft/state.ts';

export interface Sent { from: NodeId; to: NodeId; msg: Message }

export function fakeCtx(seed = 1) {
  const sent: Sent[] = [];
  const notes: string[] = [];
  const timers: Record<number, { node: NodeId; name: string; delay: number }> = {};
  let nextTimer = 1;
  let now = 0;
  const ctx: SystemContext = {
    get now() { return now; },
    clock: () => now,
    send: (from, to, msg) => { sent.push({ from, to, msg: msg as unknown as Message }); return sent.length; },
    setTimer: (node, delay, name) => { timers[nextTimer] = { node, name, delay }; return nextTimer++; },
    cancelTimer: (id) => { delete timers[id]; },
    rng: rngOf(seedRng(seed)),
    note: (node, text) => { notes.push(`${node ?? ''} ${text}`); },
    addNode: () => undefined,
    removeNode: () => undefined,
    isUp: () => true,
    nodes: () => [],
  };
  return {
    ctx, sent, notes, timers,
    advance(ms: number) { now += ms; },
    /** Messages sent since the last call, and forget them. */
    take(): Sent[] { return sent.splice(0, sent.length); },
    timersOf(node: NodeId, name: string) { return Object.values(timers).filter((t) => t.node === node && t.name === name); },
  };
}

let ids = 1000;
/** Log entries written as terms, e.g. entries(1, 1, 2) -> three entries of terms 1, 1, 2. */
export const entries = (...terms: number[]): LogEntry[] => terms.map((term) => ({ term, command: `c${ids}`, id: ids++ }));

/** A cluster state with servers n1..nN, each given a term and a log, all followers. */
export function clusterState(n: number, init: Record<string, { term?: number; log?: LogEntry[] }> = {}): RaftState {
  const st = initialRaftState();
  for (let i = 1; i <= n; i++) {
    const id = `n${i}`;
    const s = newServer(id);
    s.currentTerm = init[id]?.term ?? 0;
    s.log = [...(init[id]?.log ?? [])];
    st.servers[id] = s;
    st.order.push(id);
  }
  st.initialConfig = [...st.order];
  return st;
}
