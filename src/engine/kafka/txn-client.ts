// The transactional producer's side (KIP-98): begin, then commit or abort once every record of the
// transaction has been acknowledged; the coordinator writes the markers.
import type { SystemContext } from '../core/types.ts';
import { coordinatorFor } from './cluster.ts';
import type { KafkaState, Producer } from './state.ts';
import { trySend } from './producer.ts';

export function beginTransaction(p: Producer): void {
  p.txn = { state: 'ongoing', partitions: [], endSent: false, timer: null };
}

export function endTransaction(s: KafkaState, ctx: SystemContext, p: Producer, commit: boolean): void {
  p.txn.state = commit ? 'committing' : 'aborting';
  // commitTransaction flushes first; abort drops what has not been sent yet.
  if (commit) for (const tp of Object.keys(p.accum)) trySend(s, ctx, p, tp, true);
  else p.accum = {};
  maybeEndTransaction(s, ctx, p);
}

export function maybeEndTransaction(s: KafkaState, ctx: SystemContext, p: Producer): void {
  if (p.txn.state !== 'committing' && p.txn.state !== 'aborting') return;
  if (p.txn.endSent) return;
  if (p.inflight.length > 0 || Object.values(p.accum).some((q) => q.length > 0)) return;
  sendEndTxn(s, ctx, p);
}

export function sendEndTxn(s: KafkaState, ctx: SystemContext, p: Producer): void {
  const txnId = p.config.transactionalId!;
  const coord = coordinatorFor(s, ctx, txnId);
  p.txn.endSent = true;
  if (coord !== null) ctx.send(p.id, coord, { type: 'EndTxn', txnId, pid: p.pid, pepoch: p.epoch, commit: p.txn.state === 'committing' });
  p.txn.timer = ctx.setTimer(p.id, p.config.requestTimeoutMs * 2, 'endtxn-timeout');
}

export function onEndTxnTimeout(s: KafkaState, ctx: SystemContext, p: Producer): void {
  p.txn.timer = null;
  if (p.txn.state === 'committing' || p.txn.state === 'aborting') sendEndTxn(s, ctx, p);
}

export function onEndTxnResponse(_s: KafkaState, ctx: SystemContext, p: Producer, error: string | null, commit: boolean): void {
  if (p.txn.state !== 'committing' && p.txn.state !== 'aborting') return;
  if (p.txn.timer !== null) ctx.cancelTimer(p.txn.timer);
  if (error) { ctx.note(p.id, `transaction end failed: ${error}`); p.fenced = error === 'ProducerFenced'; }
  else ctx.note(p.id, `transaction ${commit ? 'committed' : 'aborted'} (${p.txn.partitions.length} partition${p.txn.partitions.length === 1 ? '' : 's'})`);
  p.txn = { state: 'none', partitions: [], endSent: false, timer: null };
}
