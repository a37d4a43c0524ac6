// The scoreboard for one workload under several rule books: for each queue (or log reader) that has
// takers, the order work was done in, how often work was done twice, and what ended up dead-lettered —
// each read through the same scenario query the learner can type, shown beside its value.
import type { Sim } from '../../engine/core/index.ts';
import type { SqsState } from '../../engine/sqs/index.ts';
import type { RabbitState } from '../../engine/rabbit/index.ts';
import type { PubsubState } from '../../engine/pubsub/index.ts';
import type { StreamState } from '../../engine/stream/index.ts';
import type { QueueSys } from './ids.ts';

export interface Measure { query: string; value: string }

export interface CompareRow {
  sys: QueueSys;
  /** The rule book, in words. */
  book: string;
  /** The queue, subscription or reader measured. */
  subject: string;
  order: Measure;
  /** How many finished after a later one (`*.overtaken`): 0 is send order. */
  overtaken: Measure;
  /** Null when nothing finished yet; else whether work finished in send order, and the first break. */
  inOrder: { ok: boolean; note: string } | null;
  duplicates: Measure;
  dead: Measure | null;
  /** Said instead of a dead-letter count (a log has none). */
  deadNote: string | null;
}

/** Whether ids (in send order) finished in order; the first pair that did not, in words. */
export function orderCheck(ids: readonly number[], name: (id: number) => string): { ok: boolean; note: string } | null {
  if (ids.length === 0) return null;
  let max = -Infinity;
  let maxId = ids[0]!;
  for (const id of ids) {
    if (id < max) return { ok: false, note: `${name(id)} finished after ${name(maxId)}` };
    if (id > max) { max = id; maxId = id; }
  }
  return { ok: true, note: 'in send order' };
}

const firsts = (xs: readonly number[]) => xs.filter((x, k) => xs.indexOf(x) === k);

export function compareRows(sim: Sim): CompareRow[] {
  const act = sim.activeSystems();
  const q = (expr: string): Measure => ({ query: expr, value: String(sim.query(expr)) });
  const rows: CompareRow[] = [];
  if (act.includes('stream')) {
    const s = sim.state<StreamState>('stream');
    for (const r of s.readerOrder) {
      const c = s.readers[r]!;
      const seen = firsts(c.seen);
      const retrying = c.retrying;
      rows.push({
        sys: 'stream', book: 'Kafka-style log', subject: `reader ${r}`, order: q(`stream.seen(${r})`), overtaken: q(`stream.overtaken(${r})`),
        inOrder: orderCheck(seen, (o) => `offset ${o}`), duplicates: q(`stream.duplicates(${r})`), dead: null,
        deadNote: retrying !== null ? `none (no DLQ): stuck on offset ${retrying}` : c.gaveUp ? `none (no DLQ): ${c.gaveUp} skipped` : 'none (no DLQ)',
      });
    }
  }
  if (act.includes('rabbit')) {
    const s = sim.state<RabbitState>('rabbit');
    for (const name of s.queueOrder) {
      const qu = s.queues[name]!;
      if (!s.consumerOrder.some((c) => s.consumers[c]!.queue === name)) continue;
      rows.push({
        sys: 'rabbit', book: 'RabbitMQ', subject: `queue ${name}`, order: q(`rabbit.ackedOrder(${name})`), overtaken: q(`rabbit.overtaken(${name})`),
        inOrder: orderCheck(qu.ackedOrder, (id) => s.msgs[String(id)]?.body ?? `#${id}`), duplicates: q(`rabbit.duplicates(${name})`),
        dead: qu.dlx !== null ? q(`rabbit.deadLettered(${name})`) : q(`rabbit.dropped(${name})`), deadNote: qu.dlx !== null ? null : 'dropped (no DLX)',
      });
    }
  }
  if (act.includes('sqs')) {
    const s = sim.state<SqsState>('sqs');
    for (const name of s.queueOrder) {
      const qu = s.queues[name]!;
      if (!s.consumerOrder.some((c) => s.consumers[c]!.queue === name)) continue;
      rows.push({
        sys: 'sqs', book: 'SQS', subject: `queue ${name}`, order: q(`sqs.deletedOrder(${name})`), overtaken: q(`sqs.overtaken(${name})`),
        inOrder: orderCheck(qu.deletedOrder, (id) => s.msgs[String(id)]?.body ?? `#${id}`), duplicates: q(`sqs.duplicates(${name})`),
        dead: qu.dlq !== null ? q(`sqs.deadLettered(${name})`) : null, deadNote: qu.dlq !== null ? null : 'none (no DLQ)',
      });
    }
  }
  if (act.includes('pubsub')) {
    const s = sim.state<PubsubState>('pubsub');
    for (const name of s.subOrder) {
      const sub = s.subs[name]!;
      if (!s.subscriberOrder.some((c) => s.subscribers[c]!.sub === name)) continue;
      rows.push({
        sys: 'pubsub', book: 'Pub/sub', subject: `subscription ${name}`, order: q(`pubsub.ackedOrder(${name})`), overtaken: q(`pubsub.overtaken(${name})`),
        inOrder: orderCheck(sub.ackedOrder, (id) => s.msgs[String(id)]?.body ?? `#${id}`), duplicates: q(`pubsub.duplicates(${name})`),
        dead: sub.deadLetterTopic !== null ? q(`pubsub.deadLettered(${name})`) : null, deadNote: sub.deadLetterTopic !== null ? null : 'none (no dead-letter topic)',
      });
    }
  }
  return rows;
}

/** The scoreboard is worth showing when two or more rule books are at work in the same run. */
export const isComparison = (rows: readonly CompareRow[]) => new Set(rows.map((r) => r.sys)).size >= 2;
