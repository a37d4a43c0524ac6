// The group coordinator (classic protocol, KIP-62/KIP-429): members join, the coordinator waits for
// every known member to rejoin, picks the first joiner as leader, the leader's assignment comes back
// in SyncGroup; heartbeats keep a member alive for session.timeout.ms; commits from an old generation
// are refused (that is what fences a consumer that was kicked out but is still processing).
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { applyEffect, flag } from './audit.ts';
import { lagOf } from './lag.ts';
import type { Broker, Group, GroupMember, KafkaState } from './state.ts';

const CHECK_MS = 100;
/** group.initial.rebalance.delay.ms (Kafka: 3000): a new group waits this long for more members before its first generation. */
export const INITIAL_REBALANCE_DELAY_MS = 100;
const GROUP_TYPES = new Set(['JoinGroup', 'SyncGroup', 'Heartbeat', 'OffsetCommit', 'LeaveGroup']);

export function onGroupMessage(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, m: Message): boolean {
  if (!GROUP_TYPES.has(m.type)) return false;
  const g = s.groups[m.group as string];
  if (!g) return true;
  takeOver(s, ctx, g, b);
  switch (m.type) {
    case 'JoinGroup': onJoin(s, ctx, g, b, from, m); break;
    case 'SyncGroup': onSync(s, ctx, g, b, m); break;
    case 'Heartbeat': onHeartbeat(ctx, g, b, from, m); break;
    case 'OffsetCommit': onCommit(s, ctx, g, b, from, m); break;
    case 'LeaveGroup': removeMember(s, ctx, g, b, m.memberId as string, 'left the group'); break;
  }
  return true;
}

/** For views: note what a consumer gave up in the group's latest rebalance. */
export function recordRevoked(s: KafkaState, group: string, consumer: NodeId, tps: readonly TopicPartitionId[]): void {
  const rb = s.groups[group]?.rebalances.at(-1);
  if (!rb || tps.length === 0) return;
  rb.revoked[consumer] = [...(rb.revoked[consumer] ?? []), ...tps];
}

/** A broker that receives group traffic becomes its coordinator (the old one died); members get a fresh session. */
function takeOver(s: KafkaState, ctx: SystemContext, g: Group, b: Broker): void {
  if (g.coordinator === b.id && g.checkTimer !== null) return;
  if (g.coordinator !== null && g.coordinator !== b.id) ctx.note(b.id, `now coordinates group ${g.id} (was ${g.coordinator})`);
  g.coordinator = b.id;
  for (const mem of Object.values(g.members)) mem.lastSeen = ctx.now;
  g.checkTimer = ctx.setTimer(b.id, CHECK_MS, 'group-check', g.id);
}

function onJoin(s: KafkaState, ctx: SystemContext, g: Group, b: Broker, from: NodeId, m: Message): void {
  let id = m.memberId as string | null;
  if (id !== null && !g.members[id]) {
    // It was removed (session expired): it must learn that its partitions are lost before joining anew.
    ctx.send(b.id, from, { type: 'JoinResponse', group: g.id, error: 'UnknownMemberId' });
    return;
  }
  if (id === null) {
    id = `${from}-${g.nextMember++}`;
    g.members[id] = { id, consumer: from, topics: [], owned: [], generation: -1, lastSeen: ctx.now, joined: false, synced: false };
    g.order.push(id);
    if (g.state !== 'PreparingRebalance') startRebalance(ctx, g, `${from} joined`);
  } else if (g.state === 'Stable' || g.state === 'CompletingRebalance' || g.state === 'Empty') {
    startRebalance(ctx, g, `${from} rejoined`);
  }
  const mem = g.members[id]!;
  mem.topics = m.topics as string[];
  mem.owned = m.owned as TopicPartitionId[];
  mem.generation = (m.generation as number | undefined) ?? -1;
  mem.lastSeen = ctx.now;
  mem.joined = true;
  maybeCompleteJoin(s, ctx, g, b);
}

function startRebalance(ctx: SystemContext, g: Group, reason: string): void {
  // Members waiting for the leader's assignment are told at once to rejoin (Kafka's prepareRebalance
  // answers pending SyncGroups with REBALANCE_IN_PROGRESS) rather than left waiting for an answer.
  if (g.state === 'CompletingRebalance' && g.coordinator !== null) {
    for (const mem of Object.values(g.members)) {
      if (mem.synced) ctx.send(g.coordinator, mem.consumer, { type: 'SyncResponse', group: g.id, error: 'RebalanceInProgress' });
    }
  }
  g.delayJoinUntil = g.state === 'Empty' ? ctx.now + INITIAL_REBALANCE_DELAY_MS : null;
  g.state = 'PreparingRebalance';
  g.rebalanceStartedAt = ctx.now;
  for (const mem of Object.values(g.members)) { mem.joined = false; mem.synced = false; }
  const protocol = g.assignor === 'cooperative-sticky' ? 'cooperative' : 'eager';
  g.rebalances.push({ generation: g.generation + 1, startedAt: ctx.now, endedAt: null, reason, protocol, before: structuredClone(g.assignment), after: {}, pendingTransfer: [], revoked: {} });
  if (g.rebalances.length > 50) g.rebalances.shift();
  ctx.note(g.coordinator ?? undefined, `group ${g.id} rebalancing: ${reason}`);
}

function maybeCompleteJoin(s: KafkaState, ctx: SystemContext, g: Group, b: Broker): void {
  if (g.state !== 'PreparingRebalance') return;
  const members = Object.values(g.members);
  if (members.length === 0) { g.state = 'Empty'; g.assignment = {}; closeRebalance(ctx, g); return; }
  if (!members.every((x) => x.joined)) return;
  if (g.delayJoinUntil !== null && ctx.now < g.delayJoinUntil) return;
  g.delayJoinUntil = null;
  g.generation++;
  g.state = 'CompletingRebalance';
  g.leader = g.order.find((x) => g.members[x]) ?? null;
  const described = Object.fromEntries(members.map((x) => [x.id, { topics: x.topics, owned: x.owned, generation: x.generation }]));
  for (const mem of members) {
    mem.lastSeen = ctx.now; // Kafka restarts every member's session as the join completes
    ctx.send(b.id, mem.consumer, {
      type: 'JoinResponse', group: g.id, memberId: mem.id, generation: g.generation, leader: g.leader,
      ...(mem.id === g.leader ? { members: described } : {}),
    });
  }
}

function onSync(s: KafkaState, ctx: SystemContext, g: Group, b: Broker, m: Message): void {
  const mem = g.members[m.memberId as string];
  if (!mem || m.generation !== g.generation) {
    ctx.send(b.id, mem?.consumer ?? (m.consumer as string), { type: 'SyncResponse', group: g.id, error: mem ? 'IllegalGeneration' : 'UnknownMemberId' });
    return;
  }
  if (g.state === 'PreparingRebalance') {
    ctx.send(b.id, mem.consumer, { type: 'SyncResponse', group: g.id, error: 'RebalanceInProgress' });
    return;
  }
  // Kafka's coordinator restarts a member's session on SyncGroup as on JoinGroup and Heartbeat.
  mem.lastSeen = ctx.now;
  mem.synced = true;
  if (g.state === 'CompletingRebalance' && mem.id === g.leader && m.assignment) {
    g.assignment = m.assignment as Record<string, TopicPartitionId[]>;
    g.state = 'Stable';
    const rb = g.rebalances[g.rebalances.length - 1];
    if (rb) rb.pendingTransfer = (m.held as TopicPartitionId[] | undefined) ?? [];
    closeRebalance(ctx, g);
    for (const other of Object.values(g.members)) if (other.synced) sendAssignment(ctx, g, b, other);
    return;
  }
  if (g.state === 'Stable') sendAssignment(ctx, g, b, mem);
}

function closeRebalance(ctx: SystemContext, g: Group): void {
  const rb = g.rebalances[g.rebalances.length - 1];
  if (!rb || rb.endedAt !== null) return;
  rb.endedAt = ctx.now;
  rb.generation = g.generation;
  rb.after = structuredClone(g.assignment);
  const who = Object.entries(g.assignment).map(([id, tps]) => `${g.members[id]?.consumer ?? id}:${tps.length ? tps.join('+') : '-'}`).join(' ');
  ctx.note(g.coordinator ?? undefined, `group ${g.id} generation ${g.generation}: ${who || 'no members'}`);
}

function sendAssignment(ctx: SystemContext, g: Group, b: Broker, mem: GroupMember): void {
  const tps = g.assignment[mem.id] ?? [];
  const committed: Record<TopicPartitionId, number> = {};
  for (const tp of tps) if (g.committed[tp] !== undefined) committed[tp] = g.committed[tp]!;
  ctx.send(b.id, mem.consumer, { type: 'SyncResponse', group: g.id, error: null, generation: g.generation, assignment: tps, committed });
}

function onHeartbeat(ctx: SystemContext, g: Group, b: Broker, from: NodeId, m: Message): void {
  const mem = g.members[m.memberId as string];
  let error: string | null = null;
  if (!mem) error = 'UnknownMemberId';
  else {
    mem.lastSeen = ctx.now;
    if (g.state === 'PreparingRebalance') error = 'RebalanceInProgress';
    else if (m.generation !== g.generation) error = 'IllegalGeneration';
  }
  ctx.send(b.id, from, { type: 'HeartbeatResponse', group: g.id, error });
}

function onCommit(s: KafkaState, ctx: SystemContext, g: Group, b: Broker, from: NodeId, m: Message): void {
  const mem = g.members[m.memberId as string];
  const offsets = m.offsets as Record<TopicPartitionId, number>;
  let error: string | null = null;
  if (!mem) error = 'UnknownMemberId';
  else if (m.generation !== g.generation) error = 'IllegalGeneration';
  else if (g.state === 'CompletingRebalance') error = 'RebalanceInProgress';
  if (error) {
    ctx.note(b.id, `refused ${from}'s commit for group ${g.id}: ${error}`);
    ctx.send(b.id, from, { type: 'OffsetCommitResponse', group: g.id, error, offsets });
    return;
  }
  mem!.lastSeen = ctx.now;
  const sought = (m.sought as TopicPartitionId[] | undefined) ?? [];
  for (const [tp, off] of Object.entries(offsets)) {
    const prev = g.committed[tp];
    if (prev !== undefined && off < prev && !sought.includes(tp)) {
      flag(s, 'committed-offsets-only-grow', `group ${g.id}: committed offset of ${tp} went back from ${prev} to ${off}`);
    }
    g.committed[tp] = off;
    g.commitHistory.push({ t: ctx.now, tp, offset: off, member: mem!.id });
  }
  if (g.commitHistory.length > 500) g.commitHistory.splice(0, g.commitHistory.length - 500);
  // Exactly-once: the batch's effects and its offsets commit together, or neither does.
  for (const e of (m.effects as { tp: TopicPartitionId; offset: number }[] | undefined) ?? []) applyEffect(s, ctx, g.id, from, e.tp, e.offset, true);
  ctx.send(b.id, from, { type: 'OffsetCommitResponse', group: g.id, error: null, offsets });
}

function removeMember(s: KafkaState, ctx: SystemContext, g: Group, b: Broker, id: string, why: string): void {
  const mem = g.members[id];
  if (!mem) return;
  delete g.members[id];
  g.order = g.order.filter((x) => x !== id);
  ctx.note(b.id, `${mem.consumer} ${why} (group ${g.id})`);
  if (g.state !== 'PreparingRebalance') startRebalance(ctx, g, `${mem.consumer} ${why}`);
  maybeCompleteJoin(s, ctx, g, b);
}

/**
 * A member waiting for its JoinGroup or SyncGroup answer sends no heartbeats and is not expired for it
 * (Kafka's MemberMetadata.hasSatisfiedHeartbeat); overdue joins are ended by the rebalance timeout instead.
 */
function awaitingResponse(g: Group, mem: GroupMember): boolean {
  return (g.state === 'PreparingRebalance' && mem.joined) || (g.state === 'CompletingRebalance' && mem.synced);
}

/** Every 100ms on the coordinator: expire silent members, end overdue joins, sample lag. */
export function onGroupCheck(s: KafkaState, ctx: SystemContext, b: Broker, groupId: string): void {
  const g = s.groups[groupId];
  if (!g || g.coordinator !== b.id) return;
  const sessionMs = Math.max(...Object.values(s.consumers).filter((c) => c.group === g.id).map((c) => c.config.sessionMs), 1);
  for (const mem of Object.values(g.members)) {
    if (ctx.now - mem.lastSeen > sessionMs && !awaitingResponse(g, mem)) removeMember(s, ctx, g, b, mem.id, `missed heartbeats for ${sessionMs}ms`);
  }
  if (g.state === 'PreparingRebalance' && g.rebalanceStartedAt !== null && ctx.now - g.rebalanceStartedAt > sessionMs) {
    for (const mem of Object.values(g.members)) if (!mem.joined) removeMember(s, ctx, g, b, mem.id, 'did not rejoin in time');
  }
  maybeCompleteJoin(s, ctx, g, b);
  g.lagSamples.push({ t: ctx.now, lag: lagOf(s, g.id) });
  if (g.lagSamples.length > 300) g.lagSamples.shift();
  g.checkTimer = ctx.setTimer(b.id, CHECK_MS, 'group-check', g.id);
}
