// Creating brokers and topics, and the lookups every node does (who leads a partition, which broker
// coordinates a group or a transaction). Metadata lookups read the controller's record directly:
// the lab does not model metadata requests and their staleness (README).
import type { NodeId, SystemContext } from '../core/types.ts';
import { tpId, type TopicPartitionId } from './assignors.ts';
import { toPositive } from './partitioner.ts';
import { CONTROLLER, emptyReplica, type Broker, type KafkaState, type PartitionMeta } from './state.ts';
import type { TopicConfig } from './config.ts';

export function ensureController(s: KafkaState, ctx: SystemContext): void {
  if (s.controllerUp) return;
  ctx.addNode(CONTROLLER);
  s.controllerUp = true;
  s.controller.tickTimer = ctx.setTimer(CONTROLLER, s.cluster.brokerHeartbeatMs, 'tick');
}

export function addBroker(s: KafkaState, ctx: SystemContext, id: NodeId): Broker {
  ensureController(s, ctx);
  ctx.addNode(id);
  const b: Broker = { id, replicas: {}, view: {}, tickTimer: null, fetchSentAt: {}, lastHeartbeat: -Infinity, lastRetention: ctx.now, parked: {}, incarnation: 0 };
  if (!s.brokers[id]) s.brokerOrder.push(id);
  s.brokers[id] = b;
  s.controller.fenced[id] = false;
  s.controller.incarnation[id] = 0;
  s.controller.lastHeartbeat[id] = ctx.now;
  b.tickTimer = ctx.setTimer(id, s.cluster.tickMs, 'tick');
  return b;
}

/**
 * Replica placement: partition p's replicas are brokers p, p+1, ... (mod the broker count), the first
 * being the preferred leader. Kafka starts at a random broker; a fixed start keeps lessons predictable.
 */
export function createTopic(s: KafkaState, ctx: SystemContext, cfg: TopicConfig): void {
  const alive = s.brokerOrder;
  s.topics[cfg.name] = cfg;
  for (let p = 0; p < cfg.partitions; p++) {
    const replicas = Array.from({ length: cfg.replication }, (_, i) => alive[(p + i) % alive.length]!);
    const tp = tpId(cfg.name, p);
    // Brokers the controller has fenced (down) hold a replica but start outside the ISR, and cannot lead.
    const live = replicas.filter((b) => !s.controller.fenced[b]);
    const meta: PartitionMeta = { topic: cfg.name, partition: p, replicas, leader: live[0] ?? null, epoch: 0, isr: live.length ? live : [replicas[0]!], history: [] };
    meta.history.push({ t: ctx.now, leader: meta.leader, epoch: 0, isr: [...meta.isr], why: 'created' });
    s.partitions[tp] = meta;
    s.audit.acked[tp] = [];
    for (const b of replicas) {
      const br = s.brokers[b]!;
      br.replicas[tp] = emptyReplica();
      br.view[tp] = { leader: meta.leader, epoch: 0, isr: [...meta.isr] };
      if (b === meta.leader) for (const f of replicas) if (f !== b) br.replicas[tp]!.followerCaughtUpAt[f] = ctx.now;
    }
  }
}

export const partitionsOf = (s: KafkaState, topic: string): TopicPartitionId[] =>
  Array.from({ length: s.topics[topic]?.partitions ?? 0 }, (_, p) => tpId(topic, p));

export const leaderOf = (s: KafkaState, tp: TopicPartitionId): NodeId | null => s.partitions[tp]?.leader ?? null;

/** The leader's replica, as consumers and audits see the partition. */
export function leaderReplica(s: KafkaState, tp: TopicPartitionId) {
  const l = leaderOf(s, tp);
  return l === null ? undefined : s.brokers[l]?.replicas[tp];
}

/** Java's String.hashCode, which Kafka uses to place a group or transactional id (Utils.abs(hashCode) % partitions). */
export function javaHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * The broker that coordinates a group or transaction: Kafka uses the leader of partition
 * hash(id) % 50 of __consumer_offsets / __transaction_state; here the brokers stand in for those
 * partitions, and the next live broker takes over when one dies (the offsets topic is replicated).
 */
export function coordinatorFor(s: KafkaState, ctx: SystemContext, id: string): NodeId | null {
  const n = s.brokerOrder.length;
  if (n === 0) return null;
  const start = toPositive(javaHashCode(id)) % n;
  for (let i = 0; i < n; i++) {
    const b = s.brokerOrder[(start + i) % n]!;
    if (ctx.isUp(b) && !s.controller.fenced[b]) return b;
  }
  return null;
}
