// Consumer lag as kafka-consumer-groups reports it: the partition's high watermark minus the group's
// committed offset (or minus the log start when nothing is committed yet).
import type { TopicPartitionId } from './assignors.ts';
import { leaderReplica, partitionsOf } from './cluster.ts';
import type { KafkaState } from './state.ts';

export function groupTopics(s: KafkaState, group: string): string[] {
  const topics = new Set<string>();
  for (const c of Object.values(s.consumers)) if (c.group === group) for (const t of c.topics) topics.add(t);
  return [...topics].sort();
}

export function partitionLag(s: KafkaState, group: string, tp: TopicPartitionId): number {
  const r = leaderReplica(s, tp);
  const g = s.groups[group];
  if (!r || !g) return 0;
  const committed = g.committed[tp] ?? r.logStart;
  return Math.max(0, r.hw - committed);
}

export function lagOf(s: KafkaState, group: string): Record<TopicPartitionId, number> {
  const out: Record<TopicPartitionId, number> = {};
  for (const t of groupTopics(s, group)) for (const tp of partitionsOf(s, t)) out[tp] = partitionLag(s, group, tp);
  return out;
}
