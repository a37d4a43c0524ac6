// The pub/sub system: one service node holding topics and subscriptions, and subscriber nodes that pull or
// are pushed to. Messages and leases are durable (the service stores them redundantly); subscribers'
// in-hand work is volatile. Invariants: no acked copy delivered again, none gone without a note.
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { acknowledge, lease, modifyDeadline, onDeadline, onRetention, publish, rearm } from './service.ts';
import { crashSubscriber, onPulled, onPushed, onSubscriberTimer, pull } from './subscriber.ts';
import { initialPubsubState, isLive, PUBSUB, PUBSUB_NODE, type PubsubMessage, type PubsubState } from './state.ts';
import { pubsubQueries } from './queries.ts';
import { ackedNeverRedelivered, nothingLostSilently } from '../delivery/index.ts';
import { formatPubsubMessage } from './format.ts';
import { pubsubProducer } from './producer.ts';

type Wire =
  | { type: 'Publish'; topic: string; body: string }
  | { type: 'Pull'; sub: string; max: number; pull: number }
  | { type: 'PullResponse'; sub: string; pull: number; messages: { id: number; ackId: number; body: string }[] }
  | { type: 'Acknowledge'; sub: string; ackId: number }
  | { type: 'ModifyAckDeadline'; sub: string; ackId: number; deadline: number }
  | { type: 'Push'; sub: string; id: number; ackId: number; body: string; attempt: number }
  | { type: 'PushResult'; sub: string; ackId: number; ok: boolean };

const invariants: readonly Invariant<PubsubState>[] = [
  ackedNeverRedelivered('an acknowledged message is never delivered again on that subscription'),
  nothingLostSilently<PubsubMessage, PubsubState>({
    description: "every subscription's copy is waiting, leased, acked, dead-lettered or expired with a note",
    isLive,
    listed: (s) => { let n = 0; for (const name of s.subOrder) n += s.subs[name]!.ids.length; return n; },
    words: { live: 'copies are waiting or leased', listedBy: 'the subscriptions', vanished: 'message copies' },
  }),
];

export const pubsubSystem: SystemDef<PubsubState> = {
  name: PUBSUB,
  initialState: initialPubsubState,
  onMessage(s, node, from, m: Message, ctx) {
    const msg = m as unknown as Wire;
    if (node === PUBSUB_NODE) {
      if (msg.type === 'Publish') { if (s.topics[msg.topic]) publish(s, msg.topic, msg.body, ctx); return; }
      const sub = s.subs[msg.sub];
      if (!sub) return;
      switch (msg.type) {
        case 'Pull': {
          const got = lease(s, sub, msg.max, from, ctx).map((x) => ({ id: x.id, ackId: x.ackId!, body: x.body }));
          ctx.send(PUBSUB_NODE, from, { type: 'PullResponse', sub: sub.name, pull: msg.pull, messages: got });
          return;
        }
        case 'Acknowledge': acknowledge(s, sub, msg.ackId, ctx); return;
        case 'ModifyAckDeadline': modifyDeadline(s, sub, msg.ackId, msg.deadline, ctx); return;
        case 'PushResult':
          if (msg.ok) acknowledge(s, sub, msg.ackId, ctx); else modifyDeadline(s, sub, msg.ackId, 0, ctx);
          return;
        default: return;
      }
    }
    const c = s.subscribers[node];
    if (!c) return;
    if (msg.type === 'PullResponse') onPulled(s, c, msg.pull, msg.messages, ctx);
    if (msg.type === 'Push') onPushed(s, c, msg, ctx);
  },
  onTimer(s, node, name, data, ctx) {
    if (pubsubProducer.onTimer(s, node, name, ctx)) return;
    if (node === PUBSUB_NODE) {
      const d = data as { id: number; ackId: number };
      if (name === 'deadline') onDeadline(s, d.id, d.ackId, ctx);
      if (name === 'retention') onRetention(s, d.id, ctx);
      return;
    }
    const c = s.subscribers[node];
    if (c) onSubscriberTimer(s, c, name, data, ctx);
  },
  onCrash(s, node, ctx) {
    if (node === PUBSUB_NODE) {
      for (const k in s.msgs) { const m = s.msgs[k]!; m.deadlineTimer = m.retentionTimer = null; }
      ctx.note(PUBSUB_NODE, 'down: messages and leases are kept (stored redundantly)');
      return;
    }
    const c = s.subscribers[node];
    if (c) crashSubscriber(c, ctx);
  },
  onRestart(s, node, ctx) {
    if (pubsubProducer.onRestart(s, node, ctx)) return;
    if (node === PUBSUB_NODE) { rearm(s, ctx); return; }
    const c = s.subscribers[node];
    if (c) pull(s, c, ctx);
  },
  invariants,
  queries: pubsubQueries,
  formatMessage: formatPubsubMessage,
};
