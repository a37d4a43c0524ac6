// Read-only summaries for views: one call per picture, computed from the state (no caching, no mutation).
import type { NodeId } from '../core/types.ts';
import { parseTp, type TopicPartitionId } from './assignors.ts';
import { partitionsOf } from './cluster.ts';
import { lastStableOffset } from './log.ts';
import { partitionLag } from './lag.ts';
import type { KafkaState, KRecord } from './state.ts';

export interface ReplicaLane {
  broker: NodeId;
  role: 'leader' | 'follower';
  inSync: boolean;
  /** Fenced by the controller (dead or restarting). */
  fenced: boolean;
  logStart: number;
  leo: number;
  hw: number;
}

export interface PartitionLane {
  tp: TopicPartitionId;
  topic: string;
  partition: number;
  leader: NodeId | null;
  epoch: number;
  isr: NodeId[];
  /** The leader's high watermark and last stable offset (what read_committed consumers may read). */
  hw: number;
  lso: number;
  logStart: number;
  leo: number;
  /** The newest records on the leader (at most `tail`), oldest first. */
  records: KRecord[];
  replicas: ReplicaLane[];
}

export function partitionLanes(s: KafkaState, topic: string, tail = 50): PartitionLane[] {
  return partitionsOf(s, topic).map((tp) => {
    const m = s.partitions[tp]!;
    const lr = m.leader ? s.brokers[m.leader]?.replicas[tp] : undefined;
    return {
      tp, topic, partition: parseTp(tp).partition, leader: m.leader, epoch: m.epoch, isr: [...m.isr],
      hw: lr?.hw ?? 0, lso: lr ? lastStableOffset(lr) : 0, logStart: lr?.logStart ?? 0, leo: lr?.leo ?? 0,
      records: lr ? lr.log.slice(-tail) : [],
      replicas: m.replicas.map((b) => {
        const r = s.brokers[b]!.replicas[tp]!;
        return { broker: b, role: b === m.leader ? 'leader' : 'follower', inSync: m.isr.includes(b), fenced: s.controller.fenced[b] ?? false, logStart: r.logStart, leo: r.leo, hw: r.hw };
      }),
    };
  });
}

export interface ConsumerMark {
  consumer: NodeId;
  tp: TopicPartitionId;
  /** Next offset to fetch; -1 if it does not own the partition now. */
  position: number;
  /** The record being processed right now, if any. */
  processing: number | null;
}

export interface GroupPicture {
  group: string;
  state: string;
  generation: number;
  committed: Record<TopicPartitionId, number>;
  lag: Record<TopicPartitionId, number>;
  owner: Record<TopicPartitionId, NodeId>;
  marks: ConsumerMark[];
}

export function groupPicture(s: KafkaState, group: string): GroupPicture | null {
  const g = s.groups[group];
  if (!g) return null;
  const owner: Record<TopicPartitionId, NodeId> = {};
  for (const [id, tps] of Object.entries(g.assignment)) for (const tp of tps) owner[tp] = g.members[id]?.consumer ?? id;
  const marks: ConsumerMark[] = [];
  const lag: Record<TopicPartitionId, number> = {};
  for (const c of Object.values(s.consumers)) {
    if (c.group !== group) continue;
    for (const tp of c.owned) {
      const processing = c.batch?.tp === tp ? c.batch.records[c.batch.next]?.offset ?? null : null;
      marks.push({ consumer: c.id, tp, position: c.position[tp] ?? -1, processing });
    }
    for (const t of c.topics) for (const tp of partitionsOf(s, t)) lag[tp] = partitionLag(s, group, tp);
  }
  return { group, state: g.state, generation: g.generation, committed: { ...g.committed }, lag, owner, marks };
}
