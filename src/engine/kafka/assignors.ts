// Kafka's client-side partition assignors, as pure functions over plain data: range and round-robin
// here, the sticky pair in sticky.ts. Members are sorted by id where Kafka iterates a HashMap, so
// results are deterministic (see README for where that matters).

import { byText, emptyAssignment, tpId, type Assignment, type MemberSubscription } from './assign-common.ts';
import { cooperativeStickyAssign, stickyAssign } from './sticky.ts';

export * from './assign-common.ts';
export { cooperativeStickyAssign, stickyAssign } from './sticky.ts';

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export const ASSIGNORS: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

/**
 * RangeAssignor: per topic, the subscribed members sorted by id each take a contiguous range of
 * partitions/members partitions; the first partitions%members members take one extra.
 */
export function rangeAssign(partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): Assignment {
  const out = emptyAssignment(Object.keys(members));
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
  const out = emptyAssignment(Object.keys(members));
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

export function assign(name: AssignorName, partitionsPerTopic: Record<string, number>, members: Record<string, MemberSubscription>): Assignment {
  switch (name) {
    case 'range': return rangeAssign(partitionsPerTopic, members);
    case 'roundrobin': return roundRobinAssign(partitionsPerTopic, members);
    case 'sticky': return stickyAssign(partitionsPerTopic, members).assignment;
    case 'cooperative-sticky': return cooperativeStickyAssign(partitionsPerTopic, members).assignment;
  }
}
