// Replication: followers fetch from the leader; the leader learns each follower's log end from its
// fetch offset, advances the high watermark to the lowest log end in the ISR, drops followers that
// fall behind for replica.lag.time.max.ms and asks to re-add them once caught up (AlterPartition).
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { resetKeyOrder } from './audit.ts';
import { completeAcks, failPendingAcks } from './broker-produce.ts';
import { appendRecords, endOffsetForEpoch, lastEpoch, readRange, truncateTo } from './log.ts';
import { CONTROLLER, type Broker, type KafkaState, type KRecord, type Replica } from './state.ts';

const MAX_FETCH = 500;

/** ISR used for the high watermark: the confirmed ISR plus any pending change (KIP-497's maximal ISR). */
const effectiveIsr = (b: Broker, tp: TopicPartitionId): NodeId[] => {
  const v = b.view[tp]!;
  const pending = b.replicas[tp]!.pendingIsr ?? [];
  return [...new Set([...v.isr, ...pending])];
};

export function advanceHighWatermark(s: KafkaState, ctx: SystemContext, b: Broker, tp: TopicPartitionId): void {
  const r = b.replicas[tp]!;
  let hw = r.leo;
  for (const f of effectiveIsr(b, tp)) if (f !== b.id) hw = Math.min(hw, r.followerLeo[f] ?? 0);
  if (hw > r.hw) {
    r.hw = hw;
    completeAcks(s, ctx, b, tp);
    releaseParked(s, ctx, b, tp);
  }
}

export function onLeaderAndIsr(s: KafkaState, ctx: SystemContext, b: Broker, msg: Message): void {
  const tp = msg.tp as TopicPartitionId;
  const r = b.replicas[tp];
  if (!r) return;
  const prev = b.view[tp];
  const epoch = msg.epoch as number;
  if (prev && epoch < prev.epoch) return;
  const leader = msg.leader as NodeId | null;
  const isr = msg.isr as NodeId[];
  const wasLeader = prev?.leader === b.id;
  b.view[tp] = { leader, epoch, isr };
  r.pendingIsr = null;
  if (leader === b.id && (!wasLeader || prev!.epoch !== epoch)) {
    // A new leader: start tracking followers from scratch and give each the full lag time to catch up.
    r.followerLeo = {};
    r.followerCaughtUpAt = {};
    for (const f of s.partitions[tp]!.replicas) if (f !== b.id) r.followerCaughtUpAt[f] = ctx.now;
    resetKeyOrder(s, tp, r.log);
  } else if (leader !== b.id && wasLeader) {
    failPendingAcks(s, ctx, b, tp, 'NotLeaderOrFollower');
  }
  if (leader === b.id) advanceHighWatermark(s, ctx, b, tp);
}

/** Follower side: one fetch per leader for every partition this broker follows from it. */
export function sendReplicaFetches(s: KafkaState, ctx: SystemContext, b: Broker): void {
  const byLeader: Record<NodeId, FetchPart[]> = {};
  for (const [tp, v] of Object.entries(b.view)) {
    if (v.leader === null || v.leader === b.id) continue;
    const r = b.replicas[tp]!;
    (byLeader[v.leader] ??= []).push({ tp, offset: r.leo, lastEpoch: lastEpoch(r), hwSeen: r.hw });
  }
  for (const [leader, parts] of Object.entries(byLeader)) {
    const sent = b.fetchSentAt[leader];
    if (sent !== null && sent !== undefined && ctx.now - sent < s.cluster.tickMs * 6) continue;
    b.fetchSentAt[leader] = ctx.now;
    ctx.send(b.id, leader, { type: 'ReplicaFetch', parts });
  }
}

interface FetchPart { tp: TopicPartitionId; offset: number; lastEpoch: number; hwSeen?: number }
interface FetchAnswer { tp: TopicPartitionId; error?: string; truncateTo?: number; records?: KRecord[]; hw?: number; logStart?: number }

/** Leader side: answer a follower's fetch, learning its log end offset from the fetch offset. */
export function onReplicaFetch(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, parts: FetchPart[], parkIfEmpty = true): void {
  delete b.parked[from];
  const answers: FetchAnswer[] = [];
  for (const p of parts) {
    const v = b.view[p.tp];
    const r = b.replicas[p.tp];
    if (!v || !r || v.leader !== b.id) { answers.push({ tp: p.tp, error: 'NotLeaderOrFollower' }); continue; }
    // KIP-320: if the follower's last epoch ends earlier here, it must cut its log back first.
    const end = p.lastEpoch >= 0 ? endOffsetForEpoch(r, p.lastEpoch) : 0;
    if (p.offset > r.leo || end < p.offset) { answers.push({ tp: p.tp, truncateTo: Math.min(end, r.leo) }); continue; }
    r.followerLeo[from] = p.offset;
    if (p.offset >= r.leo) r.followerCaughtUpAt[from] = ctx.now;
    advanceHighWatermark(s, ctx, b, p.tp);
    maybeExpandIsr(s, ctx, b, p.tp, from);
    const records = p.offset < r.logStart ? [] : readRange(r, p.offset, r.leo, MAX_FETCH);
    answers.push({ tp: p.tp, records, hw: r.hw, logStart: r.logStart });
  }
  // Nothing new and nothing to tell: hold the fetch (long poll) instead of answering empty-handed.
  const idle = answers.every((x) => !x.error && x.truncateTo === undefined && (x.records?.length ?? 0) === 0);
  const hwKnown = parts.every((p) => p.hwSeen === b.replicas[p.tp]?.hw);
  if (parkIfEmpty && idle && hwKnown) { b.parked[from] = { parts, at: ctx.now }; return; }
  ctx.send(b.id, from, { type: 'ReplicaFetchResponse', parts: answers });
}

/** New data on a partition this broker leads, or a parked fetch waited long enough: answer it now. */
export function releaseParked(s: KafkaState, ctx: SystemContext, b: Broker, tp?: TopicPartitionId): void {
  for (const [from, f] of Object.entries(b.parked)) {
    const due = ctx.now - f.at >= s.cluster.replicaWaitMs;
    if (due || (tp !== undefined && f.parts.some((p) => p.tp === tp))) onReplicaFetch(s, ctx, b, from, f.parts, false);
  }
}

export function onReplicaFetchResponse(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, parts: FetchAnswer[]): void {
  b.fetchSentAt[from] = null;
  let gotData = false;
  for (const a of parts) {
    const r = b.replicas[a.tp];
    if (!r || b.view[a.tp]?.leader !== from || a.error) continue;
    if (a.truncateTo !== undefined) {
      const removed = truncateTo(r, a.truncateTo);
      if (removed.length > 0) ctx.note(b.id, `truncated ${a.tp} to offset ${a.truncateTo}: dropped ${removed.length} record${removed.length === 1 ? '' : 's'} the leader does not have`);
      gotData = true;
      continue;
    }
    if (a.logStart !== undefined && a.logStart > r.leo) { truncateTo(r, 0); r.log = []; r.logStart = a.logStart; r.leo = a.logStart; }
    if (a.records && a.records.length > 0) { appendRecords(r, a.records); gotData = true; }
    if (a.logStart !== undefined && a.logStart > r.logStart) dropBefore(r, a.logStart);
    if (a.hw !== undefined) r.hw = Math.max(r.hw, Math.min(a.hw, r.leo));
  }
  if (gotData) sendReplicaFetches(s, ctx, b);
}

function dropBefore(r: Replica, offset: number): void {
  let i = 0;
  while (i < r.log.length && r.log[i]!.offset < offset) i++;
  if (i > 0) r.log.splice(0, i);
  r.logStart = offset;
}

function maybeExpandIsr(s: KafkaState, ctx: SystemContext, b: Broker, tp: TopicPartitionId, f: NodeId): void {
  const v = b.view[tp]!;
  const r = b.replicas[tp]!;
  if (v.isr.includes(f) || r.pendingIsr !== null) return;
  // Caught up: the follower's log end has reached the high watermark (Partition.maybeExpandIsr).
  if ((r.followerLeo[f] ?? 0) >= r.hw && (r.followerLeo[f] ?? 0) >= r.leo) {
    r.pendingIsr = [...v.isr, f];
    ctx.send(b.id, CONTROLLER, { type: 'AlterPartition', tp, epoch: v.epoch, isr: r.pendingIsr });
  }
}

/** Leader side, every tick: followers that have not caught up within replica.lag.time.max.ms leave the ISR. */
export function maybeShrinkIsr(s: KafkaState, ctx: SystemContext, b: Broker): void {
  for (const [tp, v] of Object.entries(b.view)) {
    if (v.leader !== b.id) continue;
    const r = b.replicas[tp]!;
    if (r.pendingIsr !== null) continue;
    const lagging = v.isr.filter((f) => f !== b.id && ctx.now - (r.followerCaughtUpAt[f] ?? ctx.now) > s.cluster.replicaLagMs);
    if (lagging.length === 0) continue;
    r.pendingIsr = v.isr.filter((f) => !lagging.includes(f));
    ctx.note(b.id, `${tp}: ${lagging.join(',')} fell behind for over ${s.cluster.replicaLagMs}ms; asking to shrink the ISR`);
    ctx.send(b.id, CONTROLLER, { type: 'AlterPartition', tp, epoch: v.epoch, isr: r.pendingIsr });
  }
}
