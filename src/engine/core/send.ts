// A message's send: the network decides its fate in a fixed order of PRNG draws (loss, the delay,
// duplication, the copy's delay) and the delivery is scheduled; a cut link drops it at the sender. What
// the current network means for a send is worked out once per change of it (`learnNetwork`): every change
// of the network (an input, a restore) goes through netChanged or replaces `st.net`.
import type { Message, MsgId, NodeId, Time } from './types.ts';
import type { MsgEvent, QueuedEvent } from './state.ts';
import type { SimCore } from './sim-core.ts';
import { heapPush } from './heap.ts';
import { chancePpm } from './prng.ts';
import { hasAny, isCut, linkKey, linkSpec, routeDelay, routeOf, type Route } from './network.ts';
import { messageHash } from './hash.ts';
import { DROP, SEND } from './trace-ring.ts';
import { recordMsg } from './recording.ts';

export function send(core: SimCore, sys: string, from: NodeId, to: NodeId, msg: Message): MsgId {
  const st = core.st;
  const id = st.nextMsgId++;
  // Nearly always the node whose event is running: no lookup then.
  const current = core.current;
  const sender = current !== undefined && current.id === from ? current : st.nodes.get(from);
  if (sender && !sender.up) return id; // a crashed node sends nothing
  st.counters.sent++;
  const mh = messageHash(from, to, msg);
  if (st.net !== core.netSeen) learnNetwork(core);
  if (core.anyCuts && isCut(st.net, from, to)) {
    const ev = msgEvent(core, 0, id, from, to, sys, msg, mh, 'partition');
    recordMsg(core, SEND, ev, undefined);
    st.counters.dropped++;
    recordMsg(core, DROP, ev, 'partition', true);
    return id;
  }
  if (from === to) { recordMsg(core, SEND, schedule(core, 0, id, from, to, sys, msg, mh, undefined), undefined); return id; }
  const r = core.anyLinks ? routeFor(core, from, to) : core.defaultRoute;
  const lost = chancePpm(st.rng, r.lossPpm);
  recordMsg(core, SEND, schedule(core, routeDelay(r, st.rng), id, from, to, sys, msg, mh, lost ? 'loss' : undefined), undefined);
  if (!lost && chancePpm(st.rng, r.dupPpm)) schedule(core, routeDelay(r, st.rng), id, from, to, sys, msg, mh, undefined);
  return id;
}

/** Describes `st.net` for sends: whether any link is cut or overridden; routes are resolved on demand. */
export function learnNetwork(core: SimCore): void {
  const net = core.st.net;
  core.netSeen = net;
  core.anyCuts = hasAny(net.cuts);
  core.anyLinks = hasAny(net.links);
  core.defaultRoute = routeOf(net.defaults);
  core.routes.clear();
}

/** Called after any change of `st.net`: the next send or delivery learns it again. */
export function netChanged(core: SimCore): void {
  core.netSeen = null;
}

function routeFor(core: SimCore, from: NodeId, to: NodeId): Route {
  const key = linkKey(from, to);
  let r = core.routes.get(key);
  if (r === undefined) { r = routeOf(linkSpec(core.st.net, from, to)); core.routes.set(key, r); }
  return r;
}

const msgEvent = (core: SimCore, delay: Time, id: MsgId, from: NodeId, to: NodeId, sys: string, msg: Message, mh: number,
  doom: string | undefined): MsgEvent => {
  const st = core.st;
  return { t: st.now + delay, seq: st.seq++, k: 'msg', id, from, to, sys, msg, mh, sentAt: st.now, doom };
};

function schedule(core: SimCore, delay: Time, id: MsgId, from: NodeId, to: NodeId, sys: string, msg: Message, mh: number,
  doom: string | undefined): MsgEvent {
  const ev = msgEvent(core, delay, id, from, to, sys, msg, mh, doom);
  heapPush<QueuedEvent>(core.st.queue, ev);
  return ev;
}
