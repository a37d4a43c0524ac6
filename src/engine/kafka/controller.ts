// The controller (KRaft's active controller, modelled as one node): fences brokers that stop
// heartbeating, elects partition leaders from the ISR (or, if allowed, from outside it), and applies
// ISR changes the leaders ask for (AlterPartition, KIP-497).
import type { NodeId, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { checkAckedSurvived } from './audit.ts';
import { CONTROLLER, type KafkaState, type PartitionMeta } from './state.ts';

export function controllerTick(s: KafkaState, ctx: SystemContext): void {
  for (const b of s.brokerOrder) {
    if (s.controller.fenced[b]) continue;
    if (ctx.now - (s.controller.lastHeartbeat[b] ?? 0) > s.cluster.brokerSessionMs) fenceBroker(s, ctx, b);
  }
  s.controller.tickTimer = ctx.setTimer(CONTROLLER, s.cluster.brokerHeartbeatMs, 'tick');
}

export function onBrokerHeartbeat(s: KafkaState, ctx: SystemContext, b: NodeId, incarnation: number): void {
  s.controller.lastHeartbeat[b] = ctx.now;
  const known = s.controller.incarnation[b] ?? 0;
  if (incarnation < known) return; // a heartbeat from before the restart, delayed
  if (incarnation > known) {
    // It restarted faster than the session timeout: its old self is fenced all the same.
    s.controller.incarnation[b] = incarnation;
    if (!s.controller.fenced[b]) fenceBroker(s, ctx, b, 'restarted');
  }
  if (s.controller.fenced[b]) unfenceBroker(s, ctx, b);
}

function publish(s: KafkaState, ctx: SystemContext, tp: TopicPartitionId, only?: NodeId): void {
  const m = s.partitions[tp]!;
  for (const r of m.replicas) {
    if (s.controller.fenced[r] || (only !== undefined && r !== only)) continue;
    ctx.send(CONTROLLER, r, { type: 'LeaderAndIsr', tp, leader: m.leader, epoch: m.epoch, isr: [...m.isr] });
  }
}

function record(m: PartitionMeta, ctx: SystemContext, why: string): void {
  m.history.push({ t: ctx.now, leader: m.leader, epoch: m.epoch, isr: [...m.isr], why });
  if (m.history.length > 50) m.history.shift();
}

export function fenceBroker(s: KafkaState, ctx: SystemContext, b: NodeId, why = `no heartbeat for ${s.cluster.brokerSessionMs}ms`): void {
  s.controller.fenced[b] = true;
  ctx.note(CONTROLLER, `fenced ${b}: ${why}`);
  for (const [tp, m] of Object.entries(s.partitions)) {
    if (!m.replicas.includes(b)) continue;
    if (m.leader === b) electLeader(s, ctx, tp, `${b} died`);
    else if (m.isr.includes(b) && m.isr.length > 1) {
      m.isr = m.isr.filter((x) => x !== b);
      record(m, ctx, `${b} fenced`);
      publish(s, ctx, tp);
    }
  }
}

function unfenceBroker(s: KafkaState, ctx: SystemContext, b: NodeId): void {
  s.controller.fenced[b] = false;
  ctx.note(CONTROLLER, `${b} is back`);
  for (const [tp, m] of Object.entries(s.partitions)) {
    if (!m.replicas.includes(b)) continue;
    if (m.leader === null) electLeader(s, ctx, tp, `${b} came back`);
    else publish(s, ctx, tp, b);
  }
}

/** Clean election picks the first live ISR member in replica order; unclean may pick any live replica. */
export function electLeader(s: KafkaState, ctx: SystemContext, tp: TopicPartitionId, why: string): void {
  const m = s.partitions[tp]!;
  const live = (x: NodeId) => !s.controller.fenced[x];
  const old = m.leader;
  const clean = m.replicas.find((r) => m.isr.includes(r) && live(r));
  let next: NodeId | undefined = clean;
  let unclean = false;
  if (next === undefined && s.cluster.uncleanElection) {
    next = m.replicas.find(live);
    unclean = next !== undefined;
  }
  if (next === undefined) {
    if (m.leader !== null) {
      m.leader = null;
      record(m, ctx, `${why}; no live in-sync replica`);
      ctx.note(CONTROLLER, `${tp} is offline: no live in-sync replica (ISR ${m.isr.join(',')})`);
    }
    return;
  }
  m.leader = next;
  m.epoch++;
  m.isr = unclean ? [next] : m.isr.filter((x) => live(x));
  record(m, ctx, unclean ? `${why}; unclean election` : why);
  ctx.note(CONTROLLER, `${next} leads ${tp} (epoch ${m.epoch}${unclean ? ', UNCLEAN: elected from outside the ISR' : ''})${old && old !== next ? ` after ${old}` : ''}`);
  checkAckedSurvived(s, ctx, tp, unclean);
  publish(s, ctx, tp);
}

export function onAlterPartition(s: KafkaState, ctx: SystemContext, from: NodeId, tp: TopicPartitionId, epoch: number, isr: NodeId[]): void {
  const m = s.partitions[tp];
  if (!m) return;
  if (m.leader !== from || m.epoch !== epoch) { publish(s, ctx, tp, from); return; }
  const added = isr.filter((x) => !m.isr.includes(x));
  const removed = m.isr.filter((x) => !isr.includes(x));
  m.isr = [...isr];
  const what = [...added.map((x) => `+${x}`), ...removed.map((x) => `-${x}`)].join(' ');
  record(m, ctx, `ISR ${what}`);
  ctx.note(CONTROLLER, `${tp} ISR is now ${m.isr.join(',')} (${what})`);
  publish(s, ctx, tp);
}
