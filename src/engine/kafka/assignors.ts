// Kafka's client-side partition assignors, as pure functions over plain data. Members are sorted by id
// where Kafka iterates a HashMap, so results are deterministic (see README for where that matters).

/** A topic-partition written the way Kafka prints it: `orders-0`. */
export type TopicPartitionId = string;
export const tpId = (topic: string, partition: number): TopicPartitionId => `${topic}-${partition}`;
export function parseTp(tp: TopicPartitionId): { topic: string; partition: number } {
  const i = tp.lastIndexOf('-');
  return { topic: tp.slice(0, i), partition: Number(tp.slice(i + 1)) };
}

export interface MemberSubscription {
  readonly topics: readonly string[];
  /** Partitions the member owned before this rebalance (cooperative and sticky assignors read this). */
  readonly owned?: readonly TopicPartitionId[];
  /** The generation those partitions were owned in; claims from an older generation than the newest are void. */
  readonly generation?: number;
}

/** AbstractStickyAssignor.allSubscriptionsEqual: members reporting an older generation lose their claims. */
function validOwned(members: Record<string, MemberSubscription>): Record<string, TopicPartitionId[]> {
  const newest = Math.max(-1, ...Object.values(members).map((m) => m.generation ?? -1));
  const out: Record<string, TopicPartitionId[]> = {};
  for (const [id, m] of Object.entries(members)) out[id] = (m.generation ?? -1) < newest ? [] : [...(m.owned ?? [])];
  return out;
}

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export const ASSIGNORS: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export type Assignment = Record<string, TopicPartitionId[]>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Topic-partitions sorted by topic then partition number (Kafka's TopicPartition order). */
export function sortTps(tps: readonly TopicPartitionId[]): TopicPartitionId[] {
  return [...tps].sort((x, y) => {
    const a = parseTp(x);
    const b = parseTp(y);
    return byText(a.topic, b.topic) || a.partition - b.partition;
  });
}

function emptyAssignment(members: Record<string, MemberSubscription>): Assignment {
  const out: Assignment = {};
  for (const m of Object.keys(members).sort(byText)) out[m] = [];
  return out;
}

/**
 * RangeAssignor: per topic, the subscribed members sorted by id each take a contiguous range of
 * partitions/members partitions; the first partitions%members members take one extra.
 */
export function rangeAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): Assignment {
  const out = emptyAssignment(members);
  for (const topic of Object.keys(partitionsPerTopic).sort(byText)) {
    const n = partitionsPerTopic[topic]!;
    const consumers = Object.keys(members).filter((m) => members[m]!.topics.includes(topic)).sort(byText);
    if (consumers.length === 0) continue;
    const per = Math.floor(n / consumers.length);
    const extra = n % consumers.length;
    consumers.forEach((m, i) => {
      const start = per * i + Math.min(i, extra);
      const len = per + (i < extra ? 1 : 0);
      for (let p = start; p < start + len; p++) out[m]!.push(tpId(topic, p));
    });
  }
  return out;
}

/**
 * RoundRobinAssignor: every topic-partition sorted, dealt in turn to the members sorted by id, skipping a
 * member not subscribed to that partition's topic.
 */
export function roundRobinAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): Assignment {
  const out = emptyAssignment(members);
  const ids = Object.keys(out);
  if (ids.length === 0) return out;
  let next = 0;
  for (const topic of Object.keys(partitionsPerTopic).sort(byText)) {
    if (!ids.some((m) => members[m]!.topics.includes(topic))) continue;
    for (let p = 0; p < partitionsPerTopic[topic]!; p++) {
      while (!members[ids[next % ids.length]!]!.topics.includes(topic)) next++;
      out[ids[next % ids.length]!]!.push(tpId(topic, p));
      next++;
    }
  }
  return out;
}

export interface StickyResult {
  assignment: Assignment;
  /** Partitions that move from a still-present owner to another member (cooperative: held back a round). */
  transferring: Record<TopicPartitionId, string>;
}

function allPartitions(partitionsPerTopic: Record<string, number>, topics: readonly string[]): TopicPartitionId[] {
  const out: TopicPartitionId[] = [];
  for (const t of [...topics].sort(byText)) for (let p = 0; p < (partitionsPerTopic[t] ?? 0); p++) out.push(tpId(t, p));
  return out;
}

/**
 * AbstractStickyAssignor.constrainedAssign (every member subscribed to the same topics): keep owned
 * partitions up to maxQuota, fill members below minQuota in sorted order round by round, steal from
 * members at maxQuota if partitions run out, then hand leftovers one each to members at minQuota.
 */
export function stickyAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): StickyResult {
  const ids = Object.keys(members).sort(byText);
  const assignment = emptyAssignment(members);
  const transferring: Record<TopicPartitionId, string> = {};
  if (ids.length === 0) return { assignment, transferring };
  const topics = [...new Set(ids.flatMap((m) => members[m]!.topics))].filter((t) => partitionsPerTopic[t] !== undefined);
  const homogeneous = ids.every((m) => sameTopics(members[m]!.topics, topics));
  if (!homogeneous) return generalStickyAssign(partitionsPerTopic, members);

  const unassigned = allPartitions(partitionsPerTopic, topics);
  const valid = new Set(unassigned);
  const claims = validOwned(members);
  const taken = new Set<TopicPartitionId>();
  const revoked = new Set<TopicPartitionId>();
  const minQuota = Math.floor(unassigned.length / ids.length);
  const maxQuota = Math.ceil(unassigned.length / ids.length);
  const unfilled: string[] = [];
  const maxCapacity: string[] = [];
  const minCapacity: string[] = [];
  for (const m of ids) {
    // A partition claimed by two members (a stale generation) stays with the first; Kafka drops the older generation's claim.
    const owned = claims[m]!.filter((tp) => valid.has(tp) && !taken.has(tp));
    const mine = assignment[m]!;
    owned.forEach((tp, i) => {
      if (i < maxQuota) { mine.push(tp); taken.add(tp); } else revoked.add(tp);
    });
    if (owned.length < minQuota) unfilled.push(m);
    else {
      if (mine.length === minQuota) minCapacity.push(m);
      if (mine.length === maxQuota) maxCapacity.push(m);
    }
  }
  const rest = unassigned.filter((tp) => !taken.has(tp));
  let cursor = 0;
  while (unfilled.length > 0 && cursor < rest.length) {
    for (let i = 0; i < unfilled.length && cursor < rest.length;) {
      const m = unfilled[i]!;
      const tp = rest[cursor++]!;
      assignment[m]!.push(tp);
      if (revoked.has(tp)) transferring[tp] = m;
      if (assignment[m]!.length === minQuota) { minCapacity.push(m); unfilled.splice(i, 1); } else i++;
    }
  }
  for (const m of unfilled) {
    while (assignment[m]!.length < minQuota) {
      const donor = maxCapacity.shift();
      if (donor === undefined) throw new Error('sticky assignor: members under capacity but nothing left to move');
      const tp = assignment[donor]!.shift()!;
      assignment[m]!.push(tp);
      transferring[tp] = m;
    }
    minCapacity.push(m);
  }
  for (; cursor < rest.length; cursor++) {
    const m = minCapacity.shift();
    if (m === undefined) throw new Error('sticky assignor: partitions left but every member is full');
    const tp = rest[cursor]!;
    assignment[m]!.push(tp);
    if (revoked.has(tp)) transferring[tp] = m;
  }
  // Owned partitions that ended up with someone else are transfers too (owner still in the group).
  const owner: Record<TopicPartitionId, string> = {};
  for (const m of ids) for (const tp of claims[m]!) owner[tp] ??= m;
  for (const m of ids) for (const tp of assignment[m]!) if (owner[tp] !== undefined && owner[tp] !== m) transferring[tp] = m;
  return { assignment, transferring };
}

function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return b.every((t) => x.has(t)) && x.size === b.length;
}

/**
 * Members subscribed to different topics. Kafka's generalAssign runs a balancing search; this keeps
 * every valid owned partition, gives each unassigned partition to the least-loaded eligible member
 * (ties by member id), then moves partitions from a member with 2+ more than an eligible one. It is
 * balanced and sticky, but may differ from Kafka's choice among equally good answers (see README).
 */
function generalStickyAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): StickyResult {
  const ids = Object.keys(members).sort(byText);
  const assignment = emptyAssignment(members);
  const owner: Record<TopicPartitionId, string> = {};
  const claims = validOwned(members);
  for (const m of ids) for (const tp of claims[m]!) {
    const { topic } = parseTp(tp);
    if (owner[tp] === undefined && members[m]!.topics.includes(topic) && partitionsPerTopic[topic] !== undefined && parseTp(tp).partition < partitionsPerTopic[topic]!) {
      owner[tp] = m;
      assignment[m]!.push(tp);
    }
  }
  const eligible = (tp: TopicPartitionId) => ids.filter((m) => members[m]!.topics.includes(parseTp(tp).topic));
  const all = allPartitions(partitionsPerTopic, [...new Set(ids.flatMap((m) => members[m]!.topics))]);
  for (const tp of all) {
    if (owner[tp] !== undefined) continue;
    const cands = eligible(tp);
    if (cands.length === 0) continue;
    const m = cands.reduce((best, x) => (assignment[x]!.length < assignment[best]!.length ? x : best));
    assignment[m]!.push(tp);
    owner[tp] = m;
  }
  const transferring: Record<TopicPartitionId, string> = {};
  for (let moved = true; moved;) {
    moved = false;
    for (const tp of all) {
      const from = owner[tp];
      if (from === undefined) continue;
      const to = eligible(tp).reduce((best, x) => (assignment[x]!.length < assignment[best]!.length ? x : best));
      if (assignment[from]!.length - assignment[to]!.length >= 2) {
        assignment[from] = assignment[from]!.filter((x) => x !== tp);
        assignment[to]!.push(tp);
        owner[tp] = to;
        if (claims[from]!.includes(tp)) transferring[tp] = to;
        moved = true;
      }
    }
  }
  return { assignment, transferring };
}

/**
 * CooperativeStickyAssignor: the sticky assignment, minus every partition still owned by another member
 * (KIP-429). Those are revoked by their owner first and handed over in a follow-up rebalance.
 */
export function cooperativeStickyAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): StickyResult {
  const r = stickyAssign(partitionsPerTopic, members);
  const assignment: Assignment = {};
  for (const [m, tps] of Object.entries(r.assignment)) assignment[m] = tps.filter((tp) => r.transferring[tp] !== m);
  return { assignment, transferring: r.transferring };
}

export function assign(name: AssignorName, partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): Assignment {
  switch (name) {
    case 'range': return rangeAssign(partitionsPerTopic, members);
    case 'roundrobin': return roundRobinAssign(partitionsPerTopic, members);
    case 'sticky': return stickyAssign(partitionsPerTopic, members).assignment;
    case 'cooperative-sticky': return cooperativeStickyAssign(partitionsPerTopic, members).assignment;
  }
}
