// What conditions can read of the kernel itself (`expect now == 2s`, `run until delivered >= 3`): one table
// whose entries carry their own `get`, so a name is written once and the language reference prints the
// same table the simulator answers from. Also the kernel's views for the UI: messages in flight, nodes.
import type { InFlight, NodeStatus } from './types.ts';
import type { MsgEvent } from './state.ts';
import { clockOf, nodeOf, type SimCore } from './sim-core.ts';
import { sysState } from './contexts.ts';

export interface CoreQuery {
  readonly name: string;
  readonly params: readonly string[];
  readonly description: string;
  readonly example: string;
  get(core: SimCore, args: readonly string[]): number | string | boolean;
}

export const CORE_QUERIES: readonly CoreQuery[] = [
  { name: 'now', params: [], description: 'the simulated time in ms', example: 'expect now == 2s',
    get: (core) => core.st.now },
  { name: 'events', params: [], description: 'events processed so far', example: 'expect events > 0',
    get: (core) => core.st.eventCount },
  { name: 'violations', params: [], description: 'invariant violations so far', example: 'expect violations == 0',
    get: (core) => core.history.violationsUpTo(core.st.traceLen).length },
  { name: 'inflight', params: [], description: 'messages on the wire right now', example: 'expect inflight == 0',
    get: (core) => inFlight(core).length },
  { name: 'sent', params: [], description: 'messages sent so far', example: 'expect sent >= 1',
    get: (core) => core.st.counters.sent },
  { name: 'delivered', params: [], description: 'messages delivered so far', example: 'expect delivered >= 1',
    get: (core) => core.st.counters.delivered },
  { name: 'dropped', params: [], description: 'messages lost so far (loss, partition, crash, by hand)', example: 'expect dropped == 0',
    get: (core) => core.st.counters.dropped },
  { name: 'up', params: ['node'], description: 'whether the node is running', example: 'expect up(bakery) == true',
    get: (core, args) => nodeOf(core, args[0] ?? '').up },
  { name: 'paused', params: ['node'], description: 'whether the node is paused', example: 'expect paused(bakery) == false',
    get: (core, args) => nodeOf(core, args[0] ?? '').paused },
  { name: 'clock', params: ['node'], description: "what the node's own clock reads, in ms", example: 'expect clock(bakery) == now',
    get: (core, args) => clockOf(core, args[0] ?? '') },
];

const coreByName = new Map(CORE_QUERIES.map((q) => [q.name, q]));

/** `name` or `name(args)`: a core query first, then the first system declaring it. */
export function query(core: SimCore, expr: string): number | string | boolean {
  const { name, args } = parseQueryCall(expr);
  const own = coreByName.get(name);
  if (own) return own.get(core, args);
  for (const def of core.defs.values()) {
    const q = def.queries?.find((x) => x.name === name);
    if (q) return q.get(sysState(core, def.name), args);
  }
  throw new Error(`unknown query '${name}'`);
}

/** `name` or `name(arg, arg)`: how conditions name a value the kernel or a system exposes. */
function parseQueryCall(expr: string): { name: string; args: string[] } {
  const m = /^\s*([A-Za-z_][\w.-]*)\s*(?:\((.*)\))?\s*$/.exec(expr);
  if (!m) throw new Error(`not a query: '${expr}'`);
  const inner = m[2]?.trim();
  return { name: m[1]!, args: inner ? inner.split(',').map((a) => a.trim()) : [] };
}

/** The messages on the wire, soonest arrival first. */
export const inFlight = (core: SimCore): InFlight[] => core.st.queue
  .filter((e): e is MsgEvent => e.k === 'msg')
  .map((e) => ({ msgId: e.id, from: e.from, to: e.to, msg: e.msg, sentAt: e.sentAt, arrivesAt: e.t, sys: e.sys, doomed: e.doom !== undefined }))
  .sort((x, y) => x.arrivesAt - y.arrivesAt || x.msgId - y.msgId);

export function nodeStatuses(core: SimCore): NodeStatus[] {
  const st = core.st;
  return st.nodeOrder.map((id) => {
    const n = st.nodes.get(id)!;
    return { id, sys: n.sys, up: n.up, paused: n.paused, skew: n.skew, driftPpm: n.driftPpm };
  });
}
