// What the SQS drawings show, read from the system's state: each queue with its messages in queue order
// (visible, in flight with the visibility deadline, delayed with the time it becomes receivable), the
// dead-letter queues right after their source queues, and the consumers with what they hold.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { SqsState } from '../../engine/sqs/index.ts';
import { SQS_NODE } from '../../engine/sqs/index.ts';
import { paymentsModel, type PaymentsModel } from './model-payments.ts';

export type ChipStatus = 'visible' | 'inflight' | 'delayed' | 'dead-lettered';

export interface SqsChip {
  id: number;
  body: string;
  status: ChipStatus;
  receiveCount: number;
  /** In flight: visible again at; delayed: receivable at. */
  until: number | null;
  /** How long the timer runs in all (the visibility timeout or the delay), for a progress bar. */
  span: number;
  holder: string | null;
  group: string | null;
  route: readonly string[];
  /** In flight but waiting out a consumer's retry backoff (chapter 05): nobody holds it; `until`/`span` are the backoff's. */
  backoff?: { attempt: number; delayMs: number } | null;
}

export interface SqsQueueRow {
  name: string;
  fifo: boolean;
  visibilityMs: number;
  /** Its redrive policy: where messages go, and after how many receives. */
  dlq: string | null;
  maxReceives: number;
  /** The queues that dead-letter into this one (empty: not a DLQ). */
  sources: string[];
  msgs: SqsChip[];
  counts: { visible: number; inflight: number; delayed: number };
  stats: { sent: number; deleted: number; deadLettered: number; expired: number };
}

export interface SqsConsumerBox {
  id: string;
  queue: string;
  phase: 'idle' | 'polling' | 'working' | 'down';
  up: boolean;
  paused: boolean;
  stopped: boolean;
  holding: number[];
  processed: number;
  failed: number;
  longPoll: boolean;
}

export interface SqsModel {
  queues: SqsQueueRow[];
  consumers: SqsConsumerBox[];
  producers: string[];
  serviceUp: boolean;
  /** Chapter 05's payment ledger and key table; absent until a payment consumer has charged something. */
  payments?: PaymentsModel | null;
}

export function sqsModel(s: SqsState, nodes: readonly NodeStatus[]): SqsModel {
  const status = (id: string) => nodes.find((n) => n.id === id);
  const sourcesOf = (name: string) => s.queueOrder.filter((n) => s.queues[n]!.dlq === name);
  // Source queues first, each DLQ right after the last queue that dead-letters into it.
  const order: string[] = [];
  for (const name of s.queueOrder) {
    if (sourcesOf(name).length > 0) continue;
    order.push(name);
  }
  for (const name of s.queueOrder) {
    if (sourcesOf(name).length === 0) continue;
    const after = Math.max(...sourcesOf(name).map((x) => order.indexOf(x)));
    order.splice(after + 1, 0, name);
  }
  const queues = order.map((name): SqsQueueRow => {
    const q = s.queues[name]!;
    const counts = { visible: 0, inflight: 0, delayed: 0 };
    const msgs = q.ids.map((id): SqsChip => {
      const m = s.msgs[String(id)]!;
      const st: ChipStatus = m.status === 'inflight' || m.status === 'delayed' || m.status === 'dead-lettered' ? m.status : 'visible';
      if (st === 'inflight') counts.inflight++; else if (st === 'delayed') counts.delayed++; else counts.visible++;
      const until = st === 'inflight' ? m.visibleAt : st === 'delayed' ? m.availableAt : null;
      const backoff = st === 'inflight' && m.backoff ? { attempt: m.backoff.attempt, delayMs: m.backoff.delayMs } : null;
      const span = backoff ? backoff.delayMs : st === 'inflight' ? q.visibilityMs : st === 'delayed' && m.availableAt !== null ? Math.max(1, m.availableAt - m.enqueuedAt) : 0;
      return {
        id: m.id, body: m.body, status: st, receiveCount: m.receiveCount, until, span,
        // A message waiting out a backoff was given back: it sits in its pigeonhole, in nobody's hands.
        holder: st === 'inflight' && !backoff ? m.receiver : null, group: m.group, route: m.route, backoff,
      };
    });
    return {
      name, fifo: q.fifo, visibilityMs: q.visibilityMs, dlq: q.dlq, maxReceives: q.maxReceives, sources: sourcesOf(name), msgs, counts,
      stats: { sent: q.stats.sent, deleted: q.stats.deleted, deadLettered: q.stats.deadLettered, expired: q.stats.expired },
    };
  });
  const consumers = s.consumerOrder.map((id): SqsConsumerBox => {
    const c = s.consumers[id]!;
    const n = status(id);
    return {
      id, queue: c.queue, phase: c.phase, up: n?.up ?? true, paused: n?.paused ?? false, stopped: c.stopped,
      holding: c.current.map((x) => x.id), processed: c.processed, failed: c.failed, longPoll: c.waitMs > 0,
    };
  });
  return { queues, consumers, producers: [...s.producers], serviceUp: status(SQS_NODE)?.up ?? s.serviceUp, payments: paymentsModel(s) };
}
