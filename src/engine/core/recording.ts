// Trace recording: every entry is mixed into the trace hash as it is recorded, and kept in the bounded
// ring when it is new. The hash mixes the entry's fields, not its printed line, so nothing is formatted on
// the hot path: time, kind, node, route and message, text. The route and message are hashed once at send
// (`mh`, see messageHash) and reused for the deliveries and drops; the node, nearly always the route's
// sender or receiver, is mixed as which one it is. The ring stores the entry's fields (trace-ring.ts): a
// message's entries as the queued event itself. An entry regenerated while replaying a stretch the ring
// holds is hashed, not stored; during an input's dry run nothing is recorded.
import type { NodeId, TraceEvent, TraceKind } from './types.ts';
import type { MsgEvent, TimerEvent } from './state.ts';
import type { SimCore } from './sim-core.ts';
import { mix32, mixInt, mixString } from './hash.ts';
import { kindCode, SEND, TIMER } from './trace-ring.ts';
import { defaultFormatMessage } from './format.ts';

/**
 * A message's send, delivery or drop (`code`: SEND, DELIVER, DROP); `text` a drop's reason. A drop
 * `atSend` (a cut link) is the sender's entry, as a send is; any other is the receiver's.
 */
export function recordMsg(core: SimCore, code: number, ev: MsgEvent, text: string | undefined, atSend = false): void {
  if (core.dry) return;
  const st = core.st;
  // The node is mixed as 2 (the sender) or 1 (the receiver, or both).
  let h = mix32(mix32(mixInt(st.hash, st.now), code), (code === SEND || atSend) && ev.from !== ev.to ? 2 : 1);
  h = mix32(h, ev.mh);
  if (text !== undefined) h = mixString(h, text);
  st.hash = h;
  const i = st.traceLen++;
  const trace = core.trace;
  if (i < trace.end) return;
  if (atSend) trace.pushDropAtSend(i, st.now, ev, text!);
  else trace.pushMsg(i, st.now, code, ev, text);
}

export function recordTimer(core: SimCore, ev: TimerEvent, text: string): void {
  if (core.dry) return;
  const st = core.st;
  st.hash = mixString(mixString(mix32(mix32(mixInt(st.hash, st.now), TIMER), 3), ev.node), text);
  const i = st.traceLen++;
  if (i >= core.trace.end) core.trace.pushTimer(i, st.now, ev, text);
}

/** Every other entry: a note, fault, input, fork or violation. */
export function recordText(core: SimCore, kind: TraceKind, node: NodeId | undefined, sys: string | undefined,
  text: string | undefined, invariant?: string, cause?: number): void {
  if (core.dry) return;
  const st = core.st;
  const code = kindCode(kind);
  let h = mix32(mixInt(st.hash, st.now), code);
  if (node !== undefined) h = mixString(mix32(h, 3), node);
  if (text !== undefined) h = mixString(h, text);
  st.hash = h;
  const i = st.traceLen++;
  if (i < core.trace.end) return;
  if (kind === 'violation') {
    core.history.recordViolation({ i, t: st.now, kind, node, from: undefined, to: undefined, msgId: undefined, msg: undefined, sentAt: undefined, text, sys, invariant, cause });
  } else core.trace.pushText(i, st.now, code, node, sys, text);
}

/** A fault's entry: `crash n1`, `partition a <-/-> b`, ... (at a node or for the whole network). */
export const recordFault = (core: SimCore, text: string, node?: NodeId): void =>
  recordText(core, 'fault', node, undefined, text);

/** A message as its system prints it (`Type k=v ...` by default). */
export function formatMsg(core: SimCore, e: TraceEvent): string {
  if (!e.msg) return '';
  const def = e.sys ? core.defs.get(e.sys) : undefined;
  return def?.formatMessage ? def.formatMessage(e.msg) : defaultFormatMessage(e.msg);
}
