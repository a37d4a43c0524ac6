// The RabbitMQ system: one broker node holding exchanges and queues, consumer nodes it pushes to, and
// optional publisher nodes. Durable queues and persistent messages survive a broker crash (unacked ones
// come back flagged redelivered); transient messages and non-durable queues are lost, each with a note.
import type { Invariant, Message, SystemContext, SystemDef } from '../core/types.ts';
import { ack, connectionLost, dispatch, finish, msgOf, nack, onAckTimeout, publish, requeueMessage, type PublishRequest } from './broker.ts';
import { crashConsumer, onDeliver, onWorkDone } from './consumer.ts';
import { BROKER, CONNECTION_LOSS_DETECT, initialRabbitState, isLive, RABBIT, type RabbitConsumer, type RabbitMessage, type RabbitState } from './state.ts';
import { rabbitQueries } from './queries.ts';
import { ackedNeverRedelivered, nothingLostSilently } from '../delivery/index.ts';
import { formatRabbitMessage } from './format.ts';
import { rabbitProducer } from './producer.ts';

type RabbitWire =
  | ({ type: 'Publish' } & PublishRequest)
  | { type: 'Ack'; queue: string; tag: number }
  | { type: 'Nack'; queue: string; tag: number; requeue: boolean }
  | { type: 'Deliver'; queue: string; id: number; tag: number; body: string; redelivered: boolean };

/** A consumer (re)opens its connection and channel and registers with its queue. */
export function connect(s: RabbitState, c: RabbitConsumer, ctx: SystemContext): void {
  const q = s.queueOrder.includes(c.queue) ? s.queues[c.queue] : undefined;
  if (!s.brokerUp || !q) return; // its queue is gone (non-durable, lost in a crash)
  c.connected = true;
  if (!q.consumers.includes(c.id)) q.consumers.push(c.id);
  dispatch(s, q, ctx);
}

/** The client's channel closed: deliveries it holds can no longer be acked. */
function dropClientState(c: RabbitConsumer, ctx: SystemContext): void {
  if (c.workTimer !== null) ctx.cancelTimer(c.workTimer);
  c.workTimer = null;
  c.buffer = [];
}

function crashBroker(s: RabbitState, ctx: SystemContext): void {
  s.brokerUp = false;
  for (const c of Object.values(s.consumers)) {
    dropClientState(c, ctx);
    c.connected = false;
    c.lostTimer = null;
  }
  for (const name of [...s.queueOrder]) {
    const q = s.queues[name]!;
    q.consumers = [];
    const live = [...q.unacked, ...q.ready].map((id) => msgOf(s, id)!);
    const lost = live.filter((m) => !q.durable || !m.persistent);
    for (const m of lost) finish(s, m, 'dropped', 'lost in a broker crash before it was persisted', ctx);
    if (lost.length) ctx.note(BROKER, `${name}: lost ${lost.map((m) => `#${m.id}`).join(',')} in the crash (${q.durable ? 'transient messages' : 'queue not durable'})`);
    for (const id of [...q.unacked]) requeueMessage(s, q, msgOf(s, id)!, ctx);
    for (const id of q.ready) { const m = msgOf(s, id)!; m.ttlTimer = m.ackTimer = null; }
    if (!q.durable) {
      s.queueOrder = s.queueOrder.filter((x) => x !== name);
      for (const x of Object.values(s.exchanges)) x.bindings = x.bindings.filter((b) => b.queue !== name);
    }
  }
}

function restartBroker(s: RabbitState, ctx: SystemContext): void {
  s.brokerUp = true;
  for (const name of s.queueOrder) {
    for (const id of s.queues[name]!.ready) {
      const m = msgOf(s, id)!;
      if (m.expiresAt !== null) m.ttlTimer = ctx.setTimer(BROKER, Math.max(0, m.expiresAt - ctx.now), 'ttl', { queue: name });
    }
  }
  // Client libraries recover their connections automatically once the broker is back.
  for (const id of s.consumerOrder) if (ctx.isUp(id)) connect(s, s.consumers[id]!, ctx);
  for (const name of s.queueOrder) dispatch(s, s.queues[name]!, ctx);
}

const invariants: readonly Invariant<RabbitState>[] = [
  ackedNeverRedelivered('an acknowledged message is never delivered again'),
  nothingLostSilently<RabbitMessage, RabbitState>({
    description: 'every queued copy is ready, unacked, or ended (acked, dead-lettered, expired, dropped) with a note',
    isLive,
    listed: (s) => { let n = 0; for (const q of Object.values(s.queues)) n += q.ready.length + q.unacked.length; return n; },
    words: { live: 'messages are ready or unacked', listedBy: 'the queues', vanished: 'queued message(s)' },
  }),
  {
    name: 'prefetch-respected', description: 'no consumer holds more unacknowledged deliveries than its prefetch count',
    check: (s) => {
      for (const c of Object.values(s.consumers)) {
        if (c.prefetch === 0) continue;
        const n = (s.queues[c.queue]?.unacked ?? []).filter((id) => msgOf(s, id)!.consumer === c.id).length;
        if (n > c.prefetch) return `${c.id} holds ${n} unacked deliveries with prefetch ${c.prefetch}`;
      }
      return null;
    },
  },
];

export const rabbitSystem: SystemDef<RabbitState> = {
  name: RABBIT,
  initialState: initialRabbitState,
  onMessage(s, node, from, m: Message, ctx) {
    const msg = m as unknown as RabbitWire;
    if (node === BROKER) {
      if (msg.type === 'Publish') publish(s, msg, ctx);
      else if (msg.type === 'Ack') ack(s, msg.queue, from, msg.tag, ctx);
      else if (msg.type === 'Nack') nack(s, msg.queue, from, msg.tag, msg.requeue, ctx);
      return;
    }
    const c = s.consumers[node];
    if (c && msg.type === 'Deliver') onDeliver(c, msg, ctx);
  },
  onTimer(s, node, name, data, ctx) {
    if (rabbitProducer.onTimer(s, node, name, ctx)) return;
    if (node === BROKER) {
      const d = data as { queue: string; consumer: string; id: number; tag: number };
      if (name === 'ttl' && s.queues[d.queue]) dispatch(s, s.queues[d.queue]!, ctx);
      if (name === 'lost' && s.consumers[d.consumer]) connectionLost(s, s.consumers[d.consumer]!, ctx);
      if (name === 'ackTimeout') {
        const c = onAckTimeout(s, d.id, d.tag, ctx);
        if (c && ctx.isUp(c.id)) { dropClientState(c, ctx); connect(s, c, ctx); }
      }
      return;
    }
    const c = s.consumers[node];
    if (c && name === 'done') onWorkDone(s, c, ctx);
  },
  onCrash(s, node, ctx) {
    if (node === BROKER) { crashBroker(s, ctx); return; }
    const c = s.consumers[node];
    if (!c) return;
    crashConsumer(c, ctx);
    if (c.connected && s.brokerUp) c.lostTimer = ctx.setTimer(BROKER, CONNECTION_LOSS_DETECT, 'lost', { consumer: c.id });
  },
  onRestart(s, node, ctx) {
    if (rabbitProducer.onRestart(s, node, ctx)) return;
    if (node === BROKER) { restartBroker(s, ctx); return; }
    const c = s.consumers[node];
    if (!c) return;
    if (c.lostTimer !== null) connectionLost(s, c, ctx);
    connect(s, c, ctx);
  },
  invariants,
  queries: rabbitQueries,
  formatMessage: formatRabbitMessage,
};
