// The producer client: picks a partition, batches records per partition (linger.ms, batch size),
// sends them to the leader, retries on timeout or a retriable error (same sequence number when
// idempotent, so the leader can drop the duplicate; a plain retry can write the batch twice).
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import { tpId, type TopicPartitionId } from './assignors.ts';
import { leaderOf } from './cluster.ts';
import { partitionForKey } from './partitioner.ts';
import { maybeEndTransaction } from './txn-client.ts';
import type { InFlightBatch, KafkaState, PendingRecord, Producer } from './state.ts';

const RETRIABLE = new Set(['NotLeaderOrFollower', 'NotEnoughReplicas', 'OutOfOrderSequence', 'RequestTimedOut', 'NoLeader']);

/** Which partition a record goes to: explicit, by key (murmur2), or by the keyless strategy. */
export function choosePartition(s: KafkaState, ctx: SystemContext, p: Producer, topic: string, key: string | null, explicit?: number): number {
  const n = s.topics[topic]!.partitions;
  if (explicit !== undefined) return explicit;
  if (key !== null) return partitionForKey(key, n);
  if (p.config.keyless === 'roundrobin') {
    const i = p.roundRobin[topic] ?? 0;
    p.roundRobin[topic] = i + 1;
    return i % n;
  }
  // KIP-480 sticky: keep one partition until its batch is sent, then pick another at random.
  let sticky = p.sticky[topic];
  if (sticky === undefined) { sticky = ctx.rng.int(0, n - 1); p.sticky[topic] = sticky; }
  return sticky;
}

export function produceRecord(s: KafkaState, ctx: SystemContext, p: Producer, topic: string, key: string | null, value: string | null, partition?: number): TopicPartitionId {
  const tp = tpId(topic, choosePartition(s, ctx, p, topic, key, partition));
  const rec: PendingRecord = { id: s.nextId++, key, value, createdAt: ctx.now };
  const q = (p.accum[tp] ??= []);
  q.push(rec);
  p.stats.sent++;
  if (p.txn.state === 'ongoing' && !p.txn.partitions.includes(tp)) {
    p.txn.partitions.push(tp);
    const t = s.txns[p.config.transactionalId!];
    if (t && !t.partitions.includes(tp)) { t.partitions.push(tp); t.state = 'Ongoing'; }
  }
  if (q.length === 1 && p.config.lingerMs > 0) p.lingerTimers[tp] = ctx.setTimer(p.id, p.config.lingerMs, 'linger', tp);
  trySend(s, ctx, p, tp, p.config.lingerMs === 0);
  return tp;
}

const inflightFor = (p: Producer, tp: TopicPartitionId) => p.inflight.filter((b) => b.tp === tp);

/** Sends full batches, or any batch once linger has expired (`force`), while in-flight room remains. */
export function trySend(s: KafkaState, ctx: SystemContext, p: Producer, tp: TopicPartitionId, force: boolean): void {
  if (p.bumpEpoch) {
    if (p.inflight.length > 0) return;
    p.bumpEpoch = false;
    p.epoch++;
    p.nextSeq = {};
    ctx.note(p.id, `bumped its producer epoch to ${p.epoch} after a failed batch; sequence numbers start again (KIP-360)`);
    for (const other of Object.keys(p.accum)) if (other !== tp) trySend(s, ctx, p, other, false);
  }
  const q = p.accum[tp];
  const lingered = () => q !== undefined && q.length > 0 && ctx.now - q[0]!.createdAt >= p.config.lingerMs;
  while (q && q.length > 0 && (force || lingered() || q.length >= p.config.batchRecords) && inflightFor(p, tp).length < p.config.maxInFlight) {
    const records = q.splice(0, p.config.batchRecords);
    const batch: InFlightBatch = { req: 0, tp, records, baseSeq: -1, attempts: 0, sentAt: ctx.now, timer: null, backingOff: false };
    if (p.pid >= 0) { batch.baseSeq = p.nextSeq[tp] ?? 0; p.nextSeq[tp] = batch.baseSeq + records.length; }
    p.inflight.push(batch);
    // KIP-480: a new batch means a new sticky partition for the next keyless records.
    if (p.config.keyless === 'sticky') delete p.sticky[tp.slice(0, tp.lastIndexOf('-'))];
    sendBatch(s, ctx, p, batch);
  }
  if (q && q.length === 0 && p.lingerTimers[tp] !== undefined) { ctx.cancelTimer(p.lingerTimers[tp]!); delete p.lingerTimers[tp]; }
}

function sendBatch(s: KafkaState, ctx: SystemContext, p: Producer, batch: InFlightBatch): void {
  batch.attempts++;
  batch.backingOff = false;
  batch.req = s.nextReq++;
  batch.sentAt = ctx.now;
  const leader = leaderOf(s, batch.tp);
  const acks = p.config.acks;
  if (leader !== null) {
    ctx.send(p.id, leader, {
      type: 'ProduceRequest', req: batch.req, tp: batch.tp, acks, pid: p.pid, pepoch: p.epoch, baseSeq: batch.baseSeq,
      txn: p.txn.state !== 'none', records: batch.records,
    });
  }
  if (acks === 0 && leader !== null) {
    // acks=0: fire and forget. The producer counts it as done the moment it leaves.
    p.inflight = p.inflight.filter((b) => b !== batch);
    p.stats.acked += batch.records.length;
    trySend(s, ctx, p, batch.tp, false);
    return;
  }
  batch.timer = ctx.setTimer(p.id, leader === null ? p.config.retryBackoffMs : p.config.requestTimeoutMs, 'request-timeout', batch.req);
}

export function onProduceResponse(s: KafkaState, ctx: SystemContext, p: Producer, msg: Message): void {
  const batch = p.inflight.find((b) => b.req === msg.req);
  if (!batch) return; // an answer to an attempt we already gave up on or retried
  if (batch.timer !== null) ctx.cancelTimer(batch.timer);
  batch.timer = null;
  const error = msg.error as string | null;
  if (error === null) {
    p.inflight = p.inflight.filter((b) => b !== batch);
    p.stats.acked += batch.records.length;
    trySend(s, ctx, p, batch.tp, p.txn.state === 'committing' || p.txn.state === 'aborting');
    maybeEndTransaction(s, ctx, p);
    return;
  }
  failOrRetry(s, ctx, p, batch, error);
}

export function onRequestTimeout(s: KafkaState, ctx: SystemContext, p: Producer, req: number): void {
  const batch = p.inflight.find((b) => b.req === req);
  if (!batch) return;
  batch.timer = null;
  if (batch.backingOff) { sendBatch(s, ctx, p, batch); return; }
  failOrRetry(s, ctx, p, batch, leaderOf(s, batch.tp) === null ? 'NoLeader' : 'RequestTimedOut');
}

function failOrRetry(s: KafkaState, ctx: SystemContext, p: Producer, batch: InFlightBatch, error: string): void {
  p.stats.lastError = error;
  if (error === 'ProducerFenced') {
    p.fenced = true;
    ctx.note(p.id, `fenced: a newer producer with the same transactional id exists; giving up`);
    p.inflight = [];
    p.accum = {};
    return;
  }
  if (RETRIABLE.has(error) && batch.attempts <= p.config.retries) {
    p.stats.retries++;
    ctx.note(p.id, `${error} for ${batch.records.length} record${batch.records.length === 1 ? '' : 's'} to ${batch.tp}; retry ${batch.attempts} of ${p.config.retries}${p.pid >= 0 ? ` (same sequence ${batch.baseSeq})` : ''}`);
    batch.backingOff = true;
    batch.timer = ctx.setTimer(p.id, p.config.retryBackoffMs, 'request-timeout', batch.req);
    return;
  }
  p.inflight = p.inflight.filter((b) => b !== batch);
  p.stats.failed += batch.records.length;
  // The gap this leaves in the sequence would make every later batch out of order.
  if (p.pid >= 0 && p.config.transactionalId === null) p.bumpEpoch = true;
  ctx.note(p.id, `gave up on ${batch.records.length} record${batch.records.length === 1 ? '' : 's'} to ${batch.tp}: ${error}`);
  trySend(s, ctx, p, batch.tp, false);
  maybeEndTransaction(s, ctx, p);
}

export function onLinger(s: KafkaState, ctx: SystemContext, p: Producer, tp: TopicPartitionId): void {
  delete p.lingerTimers[tp];
  trySend(s, ctx, p, tp, true);
}

/** Everything not yet acknowledged is in memory and gone with the process. */
export function onProducerCrash(p: Producer, ctx: SystemContext): void {
  const unsent = Object.values(p.accum).reduce((n, q) => n + q.length, 0) + p.inflight.reduce((n, b) => n + b.records.length, 0);
  if (unsent > 0) ctx.note(p.id, `crashed with ${unsent} unacknowledged record${unsent === 1 ? '' : 's'} in memory`);
  p.accum = {};
  p.inflight = [];
  p.lingerTimers = {};
  p.nextSeq = {};
  p.sticky = {};
  p.bumpEpoch = false;
  p.txn = { state: 'none', partitions: [], endSent: false, timer: null };
}

export const producerNode = (s: KafkaState, id: NodeId): Producer | undefined => s.producers[id];
