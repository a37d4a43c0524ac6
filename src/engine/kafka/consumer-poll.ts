// The consumer's poll loop: fetch a batch from one owned partition's leader, process it record by
// record, and commit according to the mode: auto (every auto.commit.interval.ms, inside poll), before
// processing (at-most-once), after processing (at-least-once), manual, or exactly-once (the batch's
// effects and offsets commit atomically, as a transactional read-process-write does).
import type { Message, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { applyEffect } from './audit.ts';
import { coordinatorFor, leaderOf } from './cluster.ts';
import { rejoinNow, requestRejoin, resetOffset } from './consumer.ts';
import type { Consumer, KafkaState } from './state.ts';

const FETCH_TIMEOUT_MS = 300;

function arm(ctx: SystemContext, c: Consumer, delay: number, name: string): void {
  if (c.workTimer !== null) ctx.cancelTimer(c.workTimer);
  c.workTimer = ctx.setTimer(c.id, delay, name);
}

export function poll(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  if (c.phase !== 'stable' || c.busy !== 'idle') return;
  if (c.rejoinPending) { rejoinNow(s, ctx, c); return; }
  if (c.config.commit === 'auto' && ctx.now - c.lastCommit >= c.config.autoCommitMs && c.owned.length > 0) {
    c.lastCommit = ctx.now;
    commitOffsets(s, ctx, c, { ...c.position }, false);
    if (c.busy !== 'idle') return;
  }
  if (c.owned.length === 0) { arm(ctx, c, c.config.idleMs, 'poll'); return; }
  const tp = c.owned[c.fetchRr++ % c.owned.length]!;
  const leader = leaderOf(s, tp);
  if (leader === null) { arm(ctx, c, c.config.idleMs, 'poll'); return; }
  c.busy = 'fetching';
  c.fetchReq++;
  ctx.send(c.id, leader, { type: 'Fetch', tp, req: c.fetchReq, offset: c.position[tp] ?? resetOffset(s, c, tp), max: c.config.maxPoll, isolation: c.config.isolation });
  arm(ctx, c, FETCH_TIMEOUT_MS, 'fetch-timeout');
}

export function onFetchResponse(s: KafkaState, ctx: SystemContext, c: Consumer, m: Message): void {
  if (c.busy !== 'fetching' || m.req !== c.fetchReq) return;
  c.busy = 'idle';
  const tp = m.tp as TopicPartitionId;
  if (!c.owned.includes(tp)) { poll(s, ctx, c); return; }
  if (m.error === 'OffsetOutOfRange') {
    c.position[tp] = c.config.reset === 'earliest' ? (m.logStart as number) : (m.hw as number);
    ctx.note(c.id, `offset out of range on ${tp}; auto.offset.reset=${c.config.reset} moves it to ${c.position[tp]}`);
    poll(s, ctx, c);
    return;
  }
  if (m.error) { arm(ctx, c, c.config.idleMs, 'poll'); return; }
  const records = m.records as Message[] as unknown as { offset: number; id: number }[];
  const end = m.next as number;
  if (records.length === 0) { c.position[tp] = end; arm(ctx, c, c.config.idleMs, 'poll'); return; }
  // The position moves past the batch the moment poll() returns it, before any processing.
  c.position[tp] = end;
  c.batch = { tp, records: m.records as never, next: 0, endOffset: end };
  delete c.sought[tp];
  if (c.config.commit === 'before') { commitOffsets(s, ctx, c, { [tp]: end }, true); return; }
  startProcessing(s, ctx, c);
}

export function startProcessing(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  if (!c.batch) { poll(s, ctx, c); return; }
  c.busy = 'processing';
  if (c.config.processMs > 0) { arm(ctx, c, c.config.processMs, 'process'); return; }
  while (c.batch && c.batch.next < c.batch.records.length) processOne(s, ctx, c);
  finishBatch(s, ctx, c);
}

function processOne(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  const b = c.batch!;
  const rec = b.records[b.next++]!;
  c.processedCount++;
  if (c.config.eos) c.staged.push({ tp: b.tp, offset: rec.offset, id: rec.id });
  else applyEffect(s, ctx, c.group, c.id, b.tp, rec.offset, false);
}

export function onProcessTimer(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  c.workTimer = null;
  if (!c.batch || c.busy !== 'processing') return;
  processOne(s, ctx, c);
  if (c.batch.next < c.batch.records.length) arm(ctx, c, c.config.processMs, 'process');
  else finishBatch(s, ctx, c);
}

function finishBatch(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  const b = c.batch!;
  c.batch = null;
  c.busy = 'idle';
  if (c.config.commit === 'after' || c.config.eos) { commitOffsets(s, ctx, c, { [b.tp]: b.endOffset }, true); return; }
  poll(s, ctx, c);
}

/** Sends an OffsetCommit; `wait` makes it synchronous (commitSync): the loop resumes on the answer. */
export function commitOffsets(s: KafkaState, ctx: SystemContext, c: Consumer, offsets: Record<TopicPartitionId, number>, wait: boolean): void {
  const coord = coordinatorFor(s, ctx, c.group);
  if (coord === null || c.memberId === null || Object.keys(offsets).length === 0) {
    if (wait) afterCommit(s, ctx, c, 'CoordinatorNotAvailable');
    return;
  }
  const sought = Object.keys(offsets).filter((tp) => c.sought[tp]);
  const effects = c.config.eos ? c.staged.splice(0) : [];
  ctx.send(c.id, coord, { type: 'OffsetCommit', group: c.group, memberId: c.memberId, generation: c.generation, offsets, sought, ...(c.config.eos ? { effects } : {}) });
  for (const tp of sought) delete c.sought[tp];
  c.lastCommit = ctx.now;
  if (wait) { c.busy = 'committing'; arm(ctx, c, FETCH_TIMEOUT_MS, 'commit-timeout'); }
}

export function onCommitResponse(s: KafkaState, ctx: SystemContext, c: Consumer, m: Message): void {
  if (m.error) ctx.note(c.id, `commit of ${Object.entries(m.offsets as Record<string, number>).map(([tp, o]) => `${tp}@${o}`).join(',')} refused: ${String(m.error)}`);
  if (c.busy !== 'committing') {
    if (m.error === 'IllegalGeneration' || m.error === 'UnknownMemberId') requestRejoin(s, ctx, c);
    return;
  }
  afterCommit(s, ctx, c, (m.error as string | null) ?? null);
}

function afterCommit(s: KafkaState, ctx: SystemContext, c: Consumer, error: string | null): void {
  if (c.workTimer !== null) { ctx.cancelTimer(c.workTimer); c.workTimer = null; }
  c.busy = 'idle';
  if (error !== null) {
    // The batch was not committed: an exactly-once batch is aborted and will be read again.
    c.batch = null;
    if (c.config.eos) { c.staged = []; c.position = {}; c.owned = []; }
    if (error === 'UnknownMemberId') c.memberId = null;
    requestRejoin(s, ctx, c);
    return;
  }
  if (c.batch && c.config.commit === 'before') { startProcessing(s, ctx, c); return; }
  poll(s, ctx, c);
}

export function onWorkTimer(s: KafkaState, ctx: SystemContext, c: Consumer, name: string): void {
  // A timer that was already due when the consumer paused can fire after the loop moved on: ignore it.
  const expected = { process: 'processing', 'commit-timeout': 'committing', 'fetch-timeout': 'fetching', poll: 'idle' }[name];
  if (expected !== c.busy) return;
  c.workTimer = null;
  if (name === 'process') { onProcessTimer(s, ctx, c); return; }
  if (name === 'commit-timeout') { afterCommit(s, ctx, c, 'RequestTimedOut'); return; }
  if (name === 'fetch-timeout') c.busy = 'idle';
  poll(s, ctx, c);
}
