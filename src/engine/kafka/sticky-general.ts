// AbstractStickyAssignor's GeneralAssignmentBuilder (members subscribed to different topics), step by step:
// keep every claim whose member still subscribes to its topic, give each unassigned partition to the
// least-loaded eligible member, then move partitions towards balance (back to their previous-generation
// owner first), undoing the moves if they did not improve the balance score. Kafka's HashMap and HashSet
// orders are replaced by member-id and partition-number order.
import { byText, parseTp, tpId, type Assignment, type MemberSubscription, type TopicPartitionId } from './assign-common.ts';
import type { Claims } from './sticky.ts';

interface Builder {
  perTopic: Record<string, number>;
  /** Members subscribed to each topic, in id order (topic2AllPotentialConsumers). */
  consumersOf: Record<string, string[]>;
  /** Each member's subscribed live topics (consumer2AllPotentialTopics). */
  topicsOf: Record<string, string[]>;
  current: Assignment;
  owner: Map<TopicPartitionId, string>;
  /** Members taking part in balancing, kept sorted by assignment size, then id (sortedCurrentSubscriptions). */
  sorted: string[];
  moves: Movements;
}

export function generalAssign(perTopic: Record<string, number>, members: Record<string, MemberSubscription>, claims: Claims): Assignment {
  const ids = Object.keys(members).sort(byText);
  const consumersOf: Record<string, string[]> = {};
  for (const t of Object.keys(perTopic)) consumersOf[t] = [];
  const topicsOf: Record<string, string[]> = {};
  for (const id of ids) {
    topicsOf[id] = members[id]!.topics.filter((t) => perTopic[t] !== undefined);
    for (const t of topicsOf[id]!) consumersOf[t]!.push(id);
  }
  // Topics with fewer potential consumers first, then by name; partitions in order (TopicComparator).
  const sortedTopics = Object.keys(perTopic).sort((a, b) => consumersOf[a]!.length - consumersOf[b]!.length || byText(a, b));
  let sortedAll: TopicPartitionId[] = sortedTopics.flatMap((t) => Array.from({ length: perTopic[t]! }, (_, p) => tpId(t, p)));

  const prev = previousOwners(ids, members, claims.maxGeneration);
  const b: Builder = { perTopic, consumersOf, topicsOf, current: {}, owner: new Map(), sorted: [], moves: new Movements() };
  let revocationRequired = false;
  for (const id of ids) {
    b.current[id] = [];
    for (const tp of claims.owned[id]!) {
      if (!topicsOf[id]!.includes(parseTp(tp).topic)) { revocationRequired = true; continue; }
      b.current[id]!.push(tp);
      b.owner.set(tp, id);
    }
  }
  let unassigned = sortedAll.filter((tp) => !b.owner.has(tp));
  b.sorted = [...ids];
  resort(b);
  const initializing = b.current[b.sorted.at(-1)!]!.length === 0;

  for (const tp of unassigned) {
    const to = b.sorted.find((id) => topicsOf[id]!.includes(parseTp(tp).topic));
    if (to !== undefined) { b.current[to]!.push(tp); b.owner.set(tp, to); resort(b); }
  }
  // Only topics with two or more potential consumers, and members that could change, take part.
  const movable = (tp: TopicPartitionId) => consumersOf[parseTp(tp).topic]!.length >= 2;
  sortedAll = sortedAll.filter(movable);
  unassigned = unassigned.filter(movable);
  const fixed: Assignment = {};
  for (const id of ids) {
    const mine = b.current[id]!;
    if (mine.length < maxAssignmentSize(b, id) || mine.some(movable)) continue;
    fixed[id] = mine;
    delete b.current[id];
    b.sorted = b.sorted.filter((x) => x !== id);
  }
  const before = structuredClone(b.current);
  const ownerBefore = new Map(b.owner);
  if (!revocationRequired) performReassignments(b, unassigned, prev);
  const moved = performReassignments(b, sortedAll, prev);
  if (!initializing && moved && balanceScore(b.current) >= balanceScore(before)) {
    b.current = before;
    b.owner = ownerBefore;
  }
  return Object.fromEntries(ids.map((id) => [id, fixed[id] ?? b.current[id]!]));
}

type PreviousOwners = Map<TopicPartitionId, { consumer: string; generation: number }>;

/** prevAssignment: partitions reported with a generation older than the newest, and the newest such reporter. */
function previousOwners(ids: readonly string[], members: Record<string, MemberSubscription>, maxGeneration: number): PreviousOwners {
  const prev: PreviousOwners = new Map();
  for (const id of ids) {
    const gen = members[id]!.generation ?? -1;
    if (gen >= maxGeneration) continue;
    for (const tp of members[id]!.owned ?? []) {
      const had = prev.get(tp);
      if (had === undefined || gen > had.generation) prev.set(tp, { consumer: id, generation: gen });
    }
  }
  return prev;
}

function resort(b: Builder): void {
  b.sorted.sort((x, y) => b.current[x]!.length - b.current[y]!.length || byText(x, y));
}

/** The most partitions a member could hold: every partition of the topics it subscribes to. */
function maxAssignmentSize(b: Builder, id: string): number {
  return b.topicsOf[id]!.reduce((n, t) => n + b.perTopic[t]!, 0);
}

/** Sum over every pair of members of the difference in their partition counts (0: perfectly even). */
function balanceScore(a: Assignment): number {
  const sizes = Object.values(a).map((x) => x.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  return score;
}

/**
 * Balanced: counts differ by at most one, or no member short of everything it could hold could take any
 * partition of its topics from a member holding two or more partitions more than it does.
 */
function isBalanced(b: Builder): boolean {
  const size = (id: string) => b.current[id]!.length;
  if (size(b.sorted[0]!) >= size(b.sorted.at(-1)!) - 1) return true;
  for (const id of b.sorted) {
    const n = size(id);
    if (n === maxAssignmentSize(b, id)) continue;
    for (const t of b.topicsOf[id]!) {
      for (let p = 0; p < b.perTopic[t]!; p++) {
        const other = b.owner.get(tpId(t, p));
        if (other !== undefined && other !== id && b.current[other] !== undefined && n + 1 < size(other)) return false;
      }
    }
  }
  return true;
}

function performReassignments(b: Builder, partitions: readonly TopicPartitionId[], prev: PreviousOwners): boolean {
  let performed = false;
  const size = (id: string) => b.current[id]!.length;
  for (let modified = true; modified;) {
    modified = false;
    for (const tp of partitions) {
      if (isBalanced(b)) break;
      const from = b.owner.get(tp);
      if (from === undefined || b.current[from] === undefined) continue;
      const topic = parseTp(tp).topic;
      // Back to its previous-generation owner when that owner has two or more fewer.
      const back = prev.get(tp)?.consumer;
      if (back !== undefined && b.current[back] !== undefined && b.topicsOf[back]!.includes(topic) && size(from) > size(back) + 1) {
        reassign(b, tp, back);
        performed = modified = true;
        continue;
      }
      if (b.consumersOf[topic]!.some((other) => b.current[other] !== undefined && size(from) > size(other) + 1)) {
        const to = b.sorted.find((id) => b.topicsOf[id]!.includes(topic))!;
        reassign(b, tp, to);
        performed = modified = true;
      }
    }
  }
  return performed;
}

/** Moves tp (or, to avoid a swap of the same topic between two members, the partition that undoes one) to `to`. */
function reassign(b: Builder, tp: TopicPartitionId, to: string): void {
  const actual = b.moves.partitionToMove(tp, b.owner.get(tp)!, to);
  const from = b.owner.get(actual)!;
  b.moves.record(actual, from, to);
  b.current[from] = b.current[from]!.filter((x) => x !== actual);
  b.current[to]!.push(actual);
  b.owner.set(actual, to);
  resort(b);
}

/** PartitionMovements: where each moved partition came from, per topic and (source, destination) pair. */
class Movements {
  private readonly byPartition = new Map<TopicPartitionId, { src: string; dst: string }>();

  record(tp: TopicPartitionId, from: string, to: string): void {
    const had = this.byPartition.get(tp);
    this.byPartition.delete(tp);
    const src = had ? had.src : from;
    if (src !== to) this.byPartition.set(tp, { src, dst: to });
  }

  /**
   * If a partition of the same topic already moved from `to` to the member tp originally came from,
   * move that one back instead (Kafka: getTheActualPartitionToBeMoved; lowest partition number first
   * where Kafka takes a HashSet's first element).
   */
  partitionToMove(tp: TopicPartitionId, from: string, to: string): TopicPartitionId {
    const topic = parseTp(tp).topic;
    const src = this.byPartition.get(tp)?.src ?? from;
    let best: TopicPartitionId | null = null;
    for (const [x, m] of this.byPartition) {
      if (parseTp(x).topic !== topic || m.src !== to || m.dst !== src) continue;
      if (best === null || parseTp(x).partition < parseTp(best).partition) best = x;
    }
    return best ?? tp;
  }
}
