// The transaction coordinator (a broker, chosen by the transactional id): on EndTxn it records the
// decision (PrepareCommit/PrepareAbort), asks each partition's leader to write a marker, and answers
// the producer when every marker is written. Its state stands for __transaction_state (replicated),
// so a coordinator that dies is replaced by another broker that finishes the job.
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import { coordinatorFor, leaderOf } from './cluster.ts';
import type { Broker, KafkaState, TxnState } from './state.ts';

const MARKER_RETRY_MS = 300;

export function sendMarkers(s: KafkaState, ctx: SystemContext, t: TxnState, from: NodeId): void {
  const commit = t.state === 'PrepareCommit';
  for (const tp of t.pendingMarkers) {
    const leader = leaderOf(s, tp);
    if (leader !== null) ctx.send(from, leader, { type: 'WriteTxnMarker', tp, txnId: t.id, pid: t.pid, pepoch: t.epoch, commit });
  }
  if (t.timer !== null) ctx.cancelTimer(t.timer);
  t.timer = ctx.setTimer(from, MARKER_RETRY_MS, 'txn-markers', t.id);
}

export function onTxnMarkerRetry(s: KafkaState, ctx: SystemContext, b: Broker, txnId: string): void {
  const t = s.txns[txnId];
  if (!t) return;
  t.timer = null;
  if ((t.state === 'PrepareCommit' || t.state === 'PrepareAbort') && t.pendingMarkers.length > 0) sendMarkers(s, ctx, t, b.id);
}

export function onTxnMessage(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, m: Message): boolean {
  if (m.type === 'EndTxn') {
    const t = s.txns[m.txnId as string];
    if (!t || t.pid !== m.pid) { ctx.send(b.id, from, { type: 'EndTxnResponse', error: 'InvalidTxnState', commit: m.commit }); return true; }
    if ((m.pepoch as number) < t.epoch) { ctx.send(b.id, from, { type: 'EndTxnResponse', error: 'ProducerFenced', commit: m.commit }); return true; }
    t.coordinator = b.id;
    t.producer = from;
    if (t.state === 'Ongoing' || t.state === 'Empty' || t.state === 'CompleteCommit' || t.state === 'CompleteAbort') {
      t.state = m.commit ? 'PrepareCommit' : 'PrepareAbort';
      t.pendingMarkers = [...t.partitions];
      ctx.note(b.id, `transaction ${t.id}: ${m.commit ? 'PrepareCommit' : 'PrepareAbort'} over ${t.partitions.join(',') || 'no partitions'}`);
    }
    if (t.pendingMarkers.length === 0) finish(s, ctx, t, b.id);
    else sendMarkers(s, ctx, t, b.id);
    return true;
  }
  if (m.type === 'WriteTxnMarkerResponse') {
    const t = s.txns[m.txnId as string];
    if (!t || m.error) return true;
    t.pendingMarkers = t.pendingMarkers.filter((tp) => tp !== m.tp);
    if (t.pendingMarkers.length === 0 && (t.state === 'PrepareCommit' || t.state === 'PrepareAbort')) finish(s, ctx, t, b.id);
    return true;
  }
  return false;
}

function finish(s: KafkaState, ctx: SystemContext, t: TxnState, from: NodeId): void {
  const commit = t.state === 'PrepareCommit';
  t.state = commit ? 'CompleteCommit' : 'CompleteAbort';
  t.partitions = [];
  if (t.timer !== null) { ctx.cancelTimer(t.timer); t.timer = null; }
  if (s.producers[t.producer]) ctx.send(from, t.producer, { type: 'EndTxnResponse', error: null, commit });
}

/**
 * InitProducerId for a transactional id: bump the epoch (fencing any older instance, a "zombie") and
 * abort whatever transaction the previous instance left open.
 */
export function initTransactionalProducer(s: KafkaState, ctx: SystemContext, producer: NodeId, txnId: string): { pid: number; epoch: number } {
  let t = s.txns[txnId];
  if (!t) {
    t = { id: txnId, producer, pid: s.nextPid++, epoch: 0, state: 'Empty', partitions: [], pendingMarkers: [], coordinator: null, timer: null };
    s.txns[txnId] = t;
    return { pid: t.pid, epoch: 0 };
  }
  t.epoch++;
  t.producer = producer;
  if (t.state === 'Ongoing' && t.partitions.length > 0) {
    const coord = coordinatorFor(s, ctx, txnId);
    t.state = 'PrepareAbort';
    t.pendingMarkers = [...t.partitions];
    ctx.note(coord ?? undefined, `transaction ${txnId}: the previous producer left it open; aborting it and fencing epoch ${t.epoch - 1}`);
    if (coord !== null) sendMarkers(s, ctx, t, coord);
  }
  return { pid: t.pid, epoch: t.epoch };
}
