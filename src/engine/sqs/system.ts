// The SQS system: one queue service node ('sqs') holding every queue, consumer nodes that poll it, and
// optional producer nodes that send over the network. Queue contents are durable (SQS stores messages
// redundantly): a crash of the service loses only its open long polls. A consumer's batch in hand is
// volatile. Invariants: no deleted message handed out again, no message gone without a trace, FIFO order.
import type { Invariant, Message, SystemContext, SystemDef } from '../core/types.ts';
import { crashConsumer, onAck, onHeartbeat, onMessages, onPollTimer, onWorkDone, poll } from './consumer.ts';
import { ackedNeverRedelivered, nothingLostSilently } from '../delivery/index.ts';
import {
  changeVisibility, deleteMessage, msgOf, onDelayOver, onLongPollEnd, onRetention, onVisibilityTimeout, rearmTimers, receive, sendMessage,
  sendRefusal, serveWaiting, type Received,
} from './service.ts';
import { initialSqsState, SQS, SQS_NODE, type SqsMessage, type SqsState } from './state.ts';
import { sqsQueries } from './queries.ts';
import { formatSqsMessage } from './format.ts';
import { sqsProducer } from './producer.ts';

type SqsWire =
  | { type: 'SendMessage'; queue: string; body: string; group: string | null; dedup: string | null }
  | { type: 'ReceiveMessage'; queue: string; max: number; wait: number; poll: number }
  | { type: 'DeleteMessage'; queue: string; id: number; receipt: number }
  | { type: 'ChangeMessageVisibility'; queue: string; id: number; receipt: number; timeout: number; backoff?: number }
  | { type: 'Messages'; queue: string; poll: number; messages: Received[] };

function atService(s: SqsState, from: string, msg: SqsWire, ctx: SystemContext): void {
  if (!('queue' in msg) || !s.queues[msg.queue]) return;
  switch (msg.type) {
    case 'SendMessage': {
      const refusal = sendRefusal(s.queues[msg.queue]!, msg);
      if (refusal !== null) { ctx.note(SQS_NODE, `${msg.queue}: SendMessage from ${from} refused: ${refusal}`); return; }
      const r = sendMessage(s, msg, ctx);
      ctx.note(SQS_NODE, `${msg.queue}: accepted #${r.id} (${msg.body}) from ${from}${r.duplicate ? ' as a duplicate' : ''}`);
      return;
    }
    case 'ReceiveMessage': {
      const got = receive(s, msg.queue, msg.max, from, ctx);
      if (got.length > 0 || msg.wait <= 0) {
        if (got.length === 0) s.queues[msg.queue]!.stats.emptyReceives++;
        ctx.send(SQS_NODE, from, { type: 'Messages', queue: msg.queue, poll: msg.poll, messages: got });
        return;
      }
      // Long polling: hold the request until a message arrives or the wait ends (ReceiveMessage WaitTimeSeconds).
      const timer = ctx.setTimer(SQS_NODE, msg.wait, 'longPoll', { poll: msg.poll, consumer: from });
      s.waiting.push({ consumer: from, queue: msg.queue, max: msg.max, poll: msg.poll, timer });
      return;
    }
    case 'DeleteMessage': deleteMessage(s, msg.queue, msg.id, msg.receipt, ctx); return;
    case 'ChangeMessageVisibility': {
      const m = msgOf(s, msg.id);
      if (m && m.queue === msg.queue && m.status === 'inflight' && m.receipt === msg.receipt) {
        changeVisibility(s, m, msg.timeout, ctx);
        // A consumer's retry backoff (chapter 05): remembered so views can show the message waiting it out.
        if (msg.backoff !== undefined && msg.timeout > 0) m.backoff = { attempt: msg.backoff, delayMs: msg.timeout, until: ctx.now + msg.timeout };
      } else ctx.note(SQS_NODE, `${msg.queue}: visibility change for #${msg.id} refused: receipt r${msg.receipt} is no longer current`);
      return;
    }
    default:
  }
}

const invariants: readonly Invariant<SqsState>[] = [
  ackedNeverRedelivered('a message deleted by a consumer (acknowledged) is never handed out again'),
  nothingLostSilently<SqsMessage, SqsState>({
    description: 'every accepted message is in a queue, deleted, or expired with a note saying so',
    isLive: (m) => m.status !== 'acked' && m.status !== 'expired',
    listed: (s) => { let n = 0; for (const name of s.queueOrder) n += s.queues[name]!.ids.length; return n; },
    words: { live: 'messages are waiting or in flight', listedBy: 'the queues', vanished: 'accepted message(s)' },
  }),
  {
    name: 'fifo-group-order', description: "a FIFO queue hands out a group's messages only in order, one batch at a time",
    check: (s) => s.audit.fifoOrder,
  },
  {
    name: 'payment-charged-once', description: 'no order is charged more than once (chapter 05: the double-charged payment)',
    check: (s) => s.payments?.doubleCharged ?? null,
  },
  {
    name: 'no-loss-without-dlq', description: 'no failing message expires unprocessed from a queue without a dead-letter queue',
    check: (s) => s.audit.lostWithoutDlq ?? null,
  },
];

export const sqsSystem: SystemDef<SqsState> = {
  name: SQS,
  initialState: initialSqsState,
  onMessage(s, node, from, m: Message, ctx) {
    const msg = m as unknown as SqsWire;
    if (node === SQS_NODE) { atService(s, from, msg, ctx); return; }
    const c = s.consumers[node];
    if (c && msg.type === 'Messages') onMessages(c, msg.poll, msg.messages, ctx);
  },
  onTimer(s, node, name, data, ctx) {
    if (sqsProducer.onTimer(s, node, name, ctx)) return;
    const d = data as { id: number; receipt: number; poll: number; consumer: string };
    if (node === SQS_NODE) {
      switch (name) {
        case 'visibility': onVisibilityTimeout(s, d.id, d.receipt, ctx); return;
        case 'retention': onRetention(s, d.id, ctx); return;
        case 'delay': onDelayOver(s, d.id, ctx); return;
        case 'longPoll': onLongPollEnd(s, d.poll, d.consumer, ctx); return;
        default: return;
      }
    }
    const c = s.consumers[node];
    if (!c) return;
    if (name === 'done') onWorkDone(s, c, ctx);
    else if (name === 'ack') onAck(c, ctx);
    else if (name === 'heartbeat') onHeartbeat(c, data as { id: number; receipt: number }, ctx);
    else onPollTimer(c, name, data, ctx);
  },
  onCrash(s, node, ctx) {
    if (node === SQS_NODE) {
      s.serviceUp = false;
      const held = s.waiting.length;
      s.waiting = [];
      for (const k in s.msgs) { const m = s.msgs[k]!; m.visTimer = m.retTimer = m.delayTimer = null; }
      ctx.note(SQS_NODE, `down: every message is kept (stored redundantly)${held ? `; ${held} open long poll${held === 1 ? '' : 's'} dropped` : ''}`);
      return;
    }
    const c = s.consumers[node];
    if (c) crashConsumer(c, ctx);
  },
  onRestart(s, node, ctx) {
    if (sqsProducer.onRestart(s, node, ctx)) return;
    if (node === SQS_NODE) {
      s.serviceUp = true;
      rearmTimers(s, ctx);
      for (const q of s.queueOrder) serveWaiting(s, q, ctx);
      return;
    }
    const c = s.consumers[node];
    if (c) { c.phase = 'idle'; poll(c, ctx); }
  },
  invariants,
  queries: sqsQueries,
  formatMessage: formatSqsMessage,
};
