// Kafka's StickyAssignor and CooperativeStickyAssignor (AbstractStickyAssignor), following its rules:
// claims resolved by generation, constrainedAssign when every member subscribes to the same topics,
// generalAssign (sticky-general.ts) otherwise, and KIP-429's hold-back of partitions that change owner.
// Members are iterated in id order where Kafka iterates a HashMap (see README).
import {
  byText, emptyAssignment, parseTp, tpId, type Assignment, type MemberSubscription, type StickyResult, type TopicPartitionId,
} from './assign-common.ts';
import { generalAssign } from './sticky-general.ts';

export interface Claims {
  /** Each member's previously owned partitions that survive conflict resolution. */
  owned: Record<string, TopicPartitionId[]>;
  /** Partitions two members claimed in the same generation: nobody keeps them. */
  multiplyOwned: Set<TopicPartitionId>;
  /** The newest generation any member reported (-1 if none). */
  maxGeneration: number;
}

const generationOf = (m: MemberSubscription) => m.generation ?? -1;

/**
 * AbstractStickyAssignor.allSubscriptionsEqual's claim rules: a partition of a live topic claimed by one
 * member stays its claim, whatever its generation; claimed by two, the newer generation wins, and two
 * claims in the same generation cancel (the partition counts as claimed by several owners).
 */
export function resolveClaims(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): Claims {
  const owned: Record<string, TopicPartitionId[]> = {};
  const multiplyOwned = new Set<TopicPartitionId>();
  const claimant = new Map<TopicPartitionId, string>();
  let maxGeneration = -1;
  for (const id of Object.keys(members).sort(byText)) {
    const m = members[id]!;
    const gen = generationOf(m);
    maxGeneration = Math.max(maxGeneration, gen);
    const mine: TopicPartitionId[] = [];
    owned[id] = mine;
    for (const tp of m.owned ?? []) {
      const { topic, partition } = parseTp(tp);
      const count = partitionsPerTopic[topic];
      if (count === undefined || partition >= count || mine.includes(tp)) continue;
      const other = claimant.get(tp);
      if (other === undefined) { mine.push(tp); claimant.set(tp, id); continue; }
      const otherGen = generationOf(members[other]!);
      if (gen === otherGen) {
        multiplyOwned.add(tp);
        owned[other] = owned[other]!.filter((x) => x !== tp);
        claimant.set(tp, id);
      } else if (gen > otherGen) {
        mine.push(tp);
        owned[other] = owned[other]!.filter((x) => x !== tp);
        claimant.set(tp, id);
      }
    }
  }
  return { owned, multiplyOwned, maxGeneration };
}

/** Every partition of the given topics, topics by name, partitions in order. */
export function allPartitions(partitionsPerTopic: Record<string, number>, topics: readonly string[]): TopicPartitionId[] {
  const out: TopicPartitionId[] = [];
  for (const t of [...topics].sort(byText)) for (let p = 0; p < (partitionsPerTopic[t] ?? 0); p++) out.push(tpId(t, p));
  return out;
}

function allSubscriptionsEqual(members: Record<string, MemberSubscription>): boolean {
  const subs = Object.values(members).map((m) => new Set(m.topics));
  const first = subs[0];
  return first === undefined || subs.every((s) => s.size === first.size && [...s].every((t) => first.has(t)));
}

/** The sticky assignment and, for the cooperative protocol, the partitions that change owner. */
export function stickyAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): StickyResult {
  const topics = [...new Set(Object.values(members).flatMap((m) => m.topics))].filter((t) => partitionsPerTopic[t] !== undefined);
  const live: Record<string, number> = {};
  for (const t of topics) live[t] = partitionsPerTopic[t]!;
  const claims = resolveClaims(live, members);
  if (Object.keys(members).length === 0) return { assignment: {}, transferring: {} };
  if (allSubscriptionsEqual(members)) return constrainedAssign(live, claims);
  const assignment = generalAssign(live, members, claims);
  return { assignment, transferring: transferringOwnership(members, assignment) };
}

/**
 * CooperativeStickyAssignor.computePartitionsTransferringOwnership (the general case): a partition is
 * transferring when some member gets it without having reported it, and some member reported it
 * without getting it. Reports are taken as sent, stale ones included.
 */
function transferringOwnership(members: Record<string, MemberSubscription>, assignment: Assignment): Record<TopicPartitionId, string> {
  const added = new Map<TopicPartitionId, string>();
  const revoked = new Set<TopicPartitionId>();
  for (const id of Object.keys(assignment).sort(byText)) {
    const reported = new Set(members[id]?.owned ?? []);
    const given = new Set(assignment[id]);
    for (const tp of assignment[id]!) if (!reported.has(tp)) added.set(tp, id);
    for (const tp of reported) if (!given.has(tp)) revoked.add(tp);
  }
  const out: Record<TopicPartitionId, string> = {};
  for (const [tp, id] of added) if (revoked.has(tp)) out[tp] = id;
  return out;
}

/** Kafka's TopicPartition order for what a member keeps in constrainedAssign: partition number, then topic. */
const byPartitionThenTopic = (x: TopicPartitionId, y: TopicPartitionId) => {
  const a = parseTp(x);
  const b = parseTp(y);
  return a.partition - b.partition || byText(a.topic, b.topic);
};

/**
 * ConstrainedAssignmentBuilder: minQuota = floor(partitions / members), maxQuota = ceil(...), and exactly
 * partitions % members members end at maxQuota. Each member keeps its owned partitions (lowest partition
 * numbers first) up to minQuota, or maxQuota while fewer than that many members have kept maxQuota; the
 * rest are dealt round-robin to members under minQuota, then one each to members at minQuota.
 */
function constrainedAssign(partitionsPerTopic: Record<string, number>, claims: Claims): StickyResult {
  const ids = Object.keys(claims.owned).sort(byText);
  const assignment = emptyAssignment(ids);
  const transferring: Record<TopicPartitionId, string> = {};
  const total = Object.values(partitionsPerTopic).reduce((a, b) => a + b, 0);
  const minQuota = Math.floor(total / ids.length);
  const maxQuota = Math.ceil(total / ids.length);
  const expectedAtMax = total % ids.length;
  let atMax = 0;
  const maybeRevoked = new Map<TopicPartitionId, string>();
  const underMin: string[] = [];
  let exactlyMin: string[] = [];
  const kept = new Set<TopicPartitionId>();
  for (const id of ids) {
    const owned = claims.owned[id]!.filter((tp) => !claims.multiplyOwned.has(tp)).sort(byPartitionThenTopic);
    let keep: number;
    if (owned.length < minQuota) { keep = owned.length; underMin.push(id); }
    else if (owned.length >= maxQuota && atMax < expectedAtMax) {
      keep = maxQuota;
      if (++atMax === expectedAtMax) exactlyMin = [];
    } else {
      keep = minQuota;
      if (atMax < expectedAtMax) exactlyMin.push(id);
    }
    for (const tp of owned.slice(0, keep)) { assignment[id]!.push(tp); kept.add(tp); }
    for (const tp of owned.slice(keep)) maybeRevoked.set(tp, id);
  }
  const unassigned = allPartitions(partitionsPerTopic, Object.keys(partitionsPerTopic)).filter((tp) => !kept.has(tp));
  underMin.sort(byText);
  exactlyMin.sort(byText);
  const give = (tp: TopicPartitionId, id: string): number => {
    assignment[id]!.push(tp);
    const from = maybeRevoked.get(tp);
    if ((from !== undefined && from !== id) || claims.multiplyOwned.has(tp)) transferring[tp] = id;
    return assignment[id]!.length;
  };
  // assignRoundRobin: walk the members under minQuota in turn, starting over while any remain; once none
  // remain, members at minQuota take one more each, first come first served.
  let next = 0;
  for (const tp of unassigned) {
    let id: string;
    let fromUnder = true;
    if (next < underMin.length) id = underMin[next++]!;
    else if (underMin.length > 0) { next = 0; id = underMin[next++]!; }
    else if (exactlyMin.length > 0) { id = exactlyMin.shift()!; fromUnder = false; }
    else throw new Error('sticky assignor: partitions left but every member is full');
    const count = give(tp, id);
    if (count === minQuota && fromUnder) { underMin.splice(--next, 1); exactlyMin.push(id); }
    else if (count === maxQuota) atMax++;
  }
  for (const id of underMin) {
    if (assignment[id]!.length !== minQuota) throw new Error(`sticky assignor: ${id} cannot reach minQuota ${minQuota}`);
  }
  return { assignment, transferring };
}

/**
 * CooperativeStickyAssignor: the sticky assignment minus every partition changing owner (KIP-429). Its
 * owner revokes it first; a follow-up rebalance hands it over.
 */
export function cooperativeStickyAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): StickyResult {
  const r = stickyAssign(partitionsPerTopic, members);
  const assignment: Assignment = {};
  for (const [m, tps] of Object.entries(r.assignment)) assignment[m] = tps.filter((tp) => r.transferring[tp] !== m);
  return { assignment, transferring: r.transferring };
}
