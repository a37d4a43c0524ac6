// The partition leader's side of producing: checks (leadership, min.insync.replicas, producer epoch and
// sequence), the append, and when to answer: never (acks=0), at once (acks=1), or once the high
// watermark passes the batch (acks=all). Also transaction markers written for the coordinator.
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { checkKeyOrder, recordAcked } from './audit.ts';
import { recordSize } from './config.ts';
import { appendRecords, readRange } from './log.ts';
import { advanceHighWatermark, releaseParked } from './replication.ts';
import type { Broker, KafkaState, KRecord, PendingRecord } from './state.ts';

export interface ProduceRequest {
  type: 'ProduceRequest';
  req: number;
  tp: TopicPartitionId;
  acks: 0 | 1 | -1;
  pid: number;
  pepoch: number;
  baseSeq: number;
  txn: boolean;
  records: PendingRecord[];
}

function reply(ctx: SystemContext, b: Broker, to: NodeId, req: number, tp: TopicPartitionId, error: string | null, baseOffset = -1): void {
  ctx.send(b.id, to, { type: 'ProduceResponse', req, tp, error, baseOffset });
}

export function onProduce(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, m: ProduceRequest): void {
  const v = b.view[m.tp];
  const r = b.replicas[m.tp];
  const respond = (error: string | null, offset = -1) => { if (m.acks !== 0) reply(ctx, b, from, m.req, m.tp, error, offset); };
  if (!v || !r || v.leader !== b.id) { respond('NotLeaderOrFollower'); return; }
  const topic = s.topics[s.partitions[m.tp]!.topic]!;
  if (m.acks === -1 && v.isr.length < topic.minIsr) {
    ctx.note(b.id, `rejected a batch for ${m.tp}: ISR ${v.isr.join(',')} is smaller than min.insync.replicas=${topic.minIsr}`);
    respond('NotEnoughReplicas');
    return;
  }
  if (m.pid >= 0) {
    const st = r.producers[String(m.pid)];
    if (st && m.pepoch < st.epoch) { respond('ProducerFenced'); return; }
    const dup = st?.batches.find((x) => x.firstSeq === m.baseSeq);
    if (st && dup) {
      // KIP-98: a retried batch already in the log is answered with its original offset, not written again.
      ctx.note(b.id, `${m.tp}: batch seq ${m.baseSeq} from producer id ${m.pid} is a duplicate; not written again`);
      const last = dup.firstOffset + m.records.length - 1;
      if (m.acks === -1 && last >= r.hw) r.pendingAcks.push({ producer: from, req: m.req, tp: m.tp, lastOffset: last, baseOffset: dup.firstOffset });
      else respond(null, dup.firstOffset);
      return;
    }
    // Same epoch: the batch must follow the last one exactly. A new epoch starts again from sequence 0.
    if (st && st.epoch === m.pepoch && m.baseSeq !== st.lastSeq + 1) { respond('OutOfOrderSequence'); return; }
  }
  const base = r.leo;
  const records: KRecord[] = m.records.map((p, i) => ({
    offset: base + i, epoch: v.epoch, id: p.id, key: p.key, value: p.value, producer: from,
    pid: m.pid, seq: m.pid >= 0 ? m.baseSeq + i : -1, pepoch: m.pepoch, bseq: m.baseSeq, txn: m.txn, ts: ctx.now, size: recordSize(p.key, p.value),
  }));
  appendRecords(r, records);
  for (const rec of records) checkKeyOrder(s, m.tp, rec);
  releaseParked(s, ctx, b, m.tp);
  const last = base + records.length - 1;
  if (m.acks === 1) {
    recordAcked(s, m.tp, records, false);
    respond(null, base);
  } else if (m.acks === -1) {
    r.pendingAcks.push({ producer: from, req: m.req, tp: m.tp, lastOffset: last, baseOffset: base });
  }
  advanceHighWatermark(s, ctx, b, m.tp);
}

/** acks=all: answer every batch now below the high watermark. */
export function completeAcks(s: KafkaState, ctx: SystemContext, b: Broker, tp: TopicPartitionId): void {
  const r = b.replicas[tp]!;
  if (r.pendingAcks.length === 0) return;
  const minIsr = s.topics[s.partitions[tp]!.topic]!.minIsr;
  const strong = minIsr >= 2 && !s.cluster.uncleanElection;
  const keep = [];
  for (const a of r.pendingAcks) {
    if (a.lastOffset >= r.hw) { keep.push(a); continue; }
    if (a.marker !== undefined) { ctx.send(b.id, a.producer, { type: 'WriteTxnMarkerResponse', tp, txnId: a.marker, error: null }); continue; }
    const acked = readRange(r, a.baseOffset, a.lastOffset + 1, Number.MAX_SAFE_INTEGER);
    const known = new Set((s.audit.acked[tp] ?? []).slice(-acked.length - 5).map((x) => x.id));
    recordAcked(s, tp, acked.filter((x) => !known.has(x.id)), strong);
    reply(ctx, b, a.producer, a.req, tp, null, a.baseOffset);
  }
  r.pendingAcks = keep;
}

export function failPendingAcks(_s: KafkaState, ctx: SystemContext, b: Broker, tp: TopicPartitionId, error: string): void {
  const r = b.replicas[tp]!;
  for (const a of r.pendingAcks) {
    if (a.marker !== undefined) ctx.send(b.id, a.producer, { type: 'WriteTxnMarkerResponse', tp, txnId: a.marker, error });
    else reply(ctx, b, a.producer, a.req, tp, error);
  }
  r.pendingAcks = [];
}

/** WriteTxnMarkers: the coordinator asks the leader to close a producer's transaction on this partition. */
export function onWriteTxnMarker(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, m: Message): void {
  const tp = m.tp as TopicPartitionId;
  const v = b.view[tp];
  const r = b.replicas[tp];
  if (!v || !r || v.leader !== b.id) { ctx.send(b.id, from, { type: 'WriteTxnMarkerResponse', tp, txnId: m.txnId, error: 'NotLeaderOrFollower' }); return; }
  if (r.ongoingTxns[String(m.pid)] === undefined) {
    // Already closed here (a resent marker): answer once the first one is replicated, never write it twice.
    if (!r.pendingAcks.some((a) => a.marker === m.txnId)) ctx.send(b.id, from, { type: 'WriteTxnMarkerResponse', tp, txnId: m.txnId, error: null });
    return;
  }
  const commit = m.commit as boolean;
  const marker: KRecord = {
    offset: r.leo, epoch: v.epoch, id: s.nextId++, key: null, value: null, producer: null, pid: m.pid as number, seq: -1, pepoch: m.pepoch as number, bseq: -1,
    txn: true, control: commit ? 'commit' : 'abort', ts: ctx.now, size: recordSize(null, null),
  };
  appendRecords(r, [marker]);
  releaseParked(s, ctx, b, tp);
  // Markers are written with acks=all: the coordinator hears back once every in-sync replica has it.
  r.pendingAcks.push({ producer: from, req: -1, tp, lastOffset: marker.offset, baseOffset: marker.offset, marker: m.txnId as string });
  advanceHighWatermark(s, ctx, b, tp);
}
