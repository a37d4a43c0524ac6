// The consumer client's group membership: join, sync, heartbeat, and what each protocol does around a
// rebalance. Eager: revoke everything (committing first under auto-commit), then join. Cooperative
// (KIP-429): keep everything, join with what it owns, give up only what the new assignment moved,
// then rejoin so the moved partitions can be handed over in a second round.
import type { Message, SystemContext } from '../core/types.ts';
import { assign, cooperativeStickyAssign, sortTps, type MemberSubscription, type TopicPartitionId } from './assignors.ts';
import { coordinatorFor, leaderReplica } from './cluster.ts';
import { commitOffsets, poll } from './consumer-poll.ts';
import { recordRevoked } from './group.ts';
import type { Consumer, KafkaState } from './state.ts';

const cooperative = (c: Consumer) => c.config.assignor === 'cooperative-sticky';
const eagerSticky = (c: Consumer) => c.config.assignor === 'sticky';

export function startConsumer(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  c.phase = 'joining';
  sendJoin(s, ctx, c);
  if (c.heartbeatTimer === null) c.heartbeatTimer = ctx.setTimer(c.id, c.config.heartbeatMs, 'heartbeat');
}

function sendJoin(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  const coord = coordinatorFor(s, ctx, c.group);
  c.lastJoinAt = ctx.now;
  if (coord === null) return;
  ctx.send(c.id, coord, { type: 'JoinGroup', group: c.group, memberId: c.memberId, topics: c.topics, ...reportedOwnership(c), assignor: c.config.assignor });
}

/**
 * What the subscription tells the leader about past ownership. Cooperative: the partitions still held
 * (ownedPartitions) and the current generation. Eager sticky: nothing is held any more, so StickyAssignor
 * sends its last assignment and that assignment's generation as user data. Other eager assignors: nothing.
 */
function reportedOwnership(c: Consumer): { owned: TopicPartitionId[]; generation: number } {
  if (cooperative(c)) return { owned: [...c.owned], generation: c.generation };
  if (eagerSticky(c) && c.previousAssignment) return { owned: [...c.previousAssignment.partitions], generation: c.previousAssignment.generation };
  return { owned: [], generation: c.generation };
}

export function onHeartbeatTimer(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  c.heartbeatTimer = ctx.setTimer(c.id, c.config.heartbeatMs, 'heartbeat');
  const coord = coordinatorFor(s, ctx, c.group);
  if (coord === null) return;
  if (c.phase === 'joining' || c.phase === 'syncing') {
    // No answer within the join timeout: the coordinator may have died; ask again. Kafka's join timeout is
    // the rebalance timeout plus a lapse (5 s), so a slow rebalance is never mistaken for a dead coordinator;
    // here the coordinator waits up to a session for the others, so the lapse is one more session.
    if (ctx.now - c.lastJoinAt > 2 * c.config.sessionMs) { c.phase = 'joining'; sendJoin(s, ctx, c); }
    return;
  }
  if (c.phase === 'stable' && c.memberId !== null) ctx.send(c.id, coord, { type: 'Heartbeat', group: c.group, memberId: c.memberId, generation: c.generation });
}

export function onHeartbeatResponse(s: KafkaState, ctx: SystemContext, c: Consumer, error: string | null): void {
  if (error === null || c.phase !== 'stable') return;
  if (error === 'UnknownMemberId') {
    // Its partitions may already be another member's; it finds out for sure when its commit is refused.
    ctx.note(c.id, `the coordinator no longer knows it (session expired); it will rejoin as a new member`);
    c.generation = -1;
  }
  requestRejoin(s, ctx, c);
}

/** Rebalance callbacks run inside poll(): a batch in hand is finished first. */
export function requestRejoin(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  c.rejoinPending = true;
  if (c.busy === 'idle') rejoinNow(s, ctx, c);
}

export function rejoinNow(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  c.rejoinPending = false;
  if (c.generation === -1) { c.memberId = null; c.owned = []; c.position = {}; }
  if (!cooperative(c) && c.owned.length > 0) {
    // onPartitionsRevoked: auto-commit commits what was consumed before letting go.
    if (c.config.commit === 'auto') commitOffsets(s, ctx, c, positionsOf(c), false);
    recordRevoked(s, c.group, c.id, c.owned);
    c.owned = [];
    c.position = {};
  }
  c.phase = 'joining';
  sendJoin(s, ctx, c);
}

const positionsOf = (c: Consumer): Record<TopicPartitionId, number> => ({ ...c.position });

export function onJoinResponse(s: KafkaState, ctx: SystemContext, c: Consumer, m: Message): void {
  if (c.phase !== 'joining') return;
  if (m.error === 'UnknownMemberId') {
    // onPartitionsLost: nothing is committed for them, another member may already own them.
    ctx.note(c.id, `the group forgot it; its partitions ${c.owned.join(',') || '(none)'} are lost, not revoked; joining anew`);
    recordRevoked(s, c.group, c.id, c.owned);
    c.generation = -1;
    rejoinNow(s, ctx, c);
    return;
  }
  c.memberId = m.memberId as string;
  c.generation = m.generation as number;
  c.phase = 'syncing';
  c.lastJoinAt = ctx.now;
  const coord = coordinatorFor(s, ctx, c.group);
  if (coord === null) return;
  const sync: { type: string; [k: string]: unknown } = { type: 'SyncGroup', group: c.group, memberId: c.memberId, generation: c.generation, consumer: c.id };
  if (m.leader === c.memberId && m.members) {
    const members = m.members as Record<string, MemberSubscription>;
    const perTopic: Record<string, number> = {};
    for (const sub of Object.values(members)) for (const t of sub.topics) if (s.topics[t]) perTopic[t] = s.topics[t]!.partitions;
    if (cooperative(c)) {
      const r = cooperativeStickyAssign(perTopic, members);
      sync.assignment = r.assignment;
      sync.held = sortTps(Object.keys(r.transferring));
    } else sync.assignment = assign(c.config.assignor, perTopic, members);
  }
  ctx.send(c.id, coord, sync);
}

export function onSyncResponse(s: KafkaState, ctx: SystemContext, c: Consumer, m: Message): void {
  if (c.phase !== 'syncing') return;
  if (m.error) {
    ctx.note(c.id, `sync failed: ${String(m.error)}; rejoining`);
    // Anything but "a rebalance is under way" means its membership is gone: its partitions are lost.
    if (m.error !== 'RebalanceInProgress') { recordRevoked(s, c.group, c.id, c.owned); c.generation = -1; }
    rejoinNow(s, ctx, c);
    return;
  }
  const next = m.assignment as TopicPartitionId[];
  const committed = m.committed as Record<TopicPartitionId, number>;
  const revoked = c.owned.filter((tp) => !next.includes(tp));
  const added = next.filter((tp) => !c.owned.includes(tp));
  if (revoked.length > 0) {
    // Cooperative: commit what was consumed from the partitions that move, then let them go.
    const offsets: Record<TopicPartitionId, number> = {};
    for (const tp of revoked) if (c.position[tp] !== undefined && c.config.commit === 'auto') offsets[tp] = c.position[tp]!;
    if (Object.keys(offsets).length > 0) commitOffsets(s, ctx, c, offsets, false);
    for (const tp of revoked) delete c.position[tp];
    recordRevoked(s, c.group, c.id, revoked);
    if (c.batch && revoked.includes(c.batch.tp)) c.batch = null;
  }
  c.owned = [...next];
  if (eagerSticky(c)) c.previousAssignment = { partitions: [...next], generation: c.generation };
  for (const tp of added) c.position[tp] = committed[tp] ?? resetOffset(s, c, tp);
  c.phase = 'stable';
  ctx.note(c.id, `generation ${c.generation}: owns ${c.owned.length ? c.owned.join(',') : 'nothing'}${revoked.length ? `; revoked ${revoked.join(',')}` : ''}`);
  if (revoked.length > 0 && cooperative(c)) { requestRejoin(s, ctx, c); return; }
  poll(s, ctx, c);
}

/** auto.offset.reset: where to start when the group has no committed offset (ListOffsets, read directly). */
export function resetOffset(s: KafkaState, c: Consumer, tp: TopicPartitionId): number {
  const r = leaderReplica(s, tp);
  if (!r) return 0;
  return c.config.reset === 'earliest' ? r.logStart : r.hw;
}

export function leaveGroup(s: KafkaState, ctx: SystemContext, c: Consumer): void {
  const coord = coordinatorFor(s, ctx, c.group);
  if (coord !== null && c.memberId !== null) ctx.send(c.id, coord, { type: 'LeaveGroup', group: c.group, memberId: c.memberId });
  dropVolatile(c, ctx);
}

/** What a consumer holds in memory; gone after a crash (the group's committed offsets survive). */
export function dropVolatile(c: Consumer, ctx: SystemContext): void {
  for (const t of [c.heartbeatTimer, c.workTimer]) if (t !== null) ctx.cancelTimer(t);
  Object.assign(c, {
    memberId: null, generation: -1, phase: 'down', owned: [], position: {}, batch: null, busy: 'idle',
    heartbeatTimer: null, workTimer: null, staged: [], sought: {}, rejoinPending: false, previousAssignment: null,
  });
}
