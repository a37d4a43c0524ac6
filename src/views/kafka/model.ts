// What both Kafka pictures draw, read from the engine's state: a pure function of the state, the node
// list and the time, so the town, the technical view, the inspector and the tests agree. Built on the
// engine's own selectors (partitionLanes, groupPicture) and queries' definitions (lag, LSO).
import type { NodeStatus } from '../../engine/core/index.ts';
import { partitionLanes } from '../../engine/kafka/index.ts';
import { groupTopics, partitionLag } from '../../engine/kafka/index.ts';
import { partitionsOf } from '../../engine/kafka/index.ts';
import { missingAcked } from '../../engine/kafka/index.ts';
import type { Group, KafkaState, KRecord, Rebalance, Replica } from '../../engine/kafka/index.ts';
import { groupItem, partitionItem } from './ids.ts';
import { lagSeries, type LagPoint } from './lag-history.ts';
import { kafkaQueries } from '../../engine/kafka/index.ts';

// The engine's own definition of a skipped record (below the committed offset, never applied).
const SKIPPED = kafkaQueries.find((q) => q.name === 'kafka.skipped')!;

export interface RecordCell {
  offset: number;
  key: string | null;
  value: string | null;
  tombstone: boolean;
  control: 'commit' | 'abort' | null;
  /** Transactional data: still open, committed, or aborted (read_committed readers skip aborted ones). */
  txn: 'none' | 'open' | 'committed' | 'aborted';
  /** At or above the high watermark: not yet on every in-sync replica, so no consumer sees it. */
  aboveHw: boolean;
  producer: string | null;
  /** The same record written again (a retry without idempotence): its producer's id was seen earlier in the log. */
  duplicate: boolean;
}

export interface ReplicaCopy {
  broker: string;
  role: 'leader' | 'follower';
  inSync: boolean;
  up: boolean;
  fenced: boolean;
  leo: number;
  hw: number;
  /** Records the leader has that this copy has not (0 for the leader). */
  behind: number;
}

export interface PartitionModel {
  tp: string;
  topic: string;
  partition: number;
  item: string;
  leader: string | null;
  epoch: number;
  isr: string[];
  hw: number;
  lso: number;
  logStart: number;
  leo: number;
  /** Data and marker records the leader holds. */
  count: number;
  /** The newest records on the leader, oldest first. */
  cells: RecordCell[];
  copies: ReplicaCopy[];
  minIsr: number;
  compact: boolean;
  /** Acknowledged records the leader no longer has (lost by acks=1 or an unclean election). */
  lost: number;
}

export interface MemberModel {
  id: string;
  index: number;
  up: boolean;
  phase: 'down' | 'joining' | 'syncing' | 'stable';
  busy: 'idle' | 'fetching' | 'processing' | 'committing';
  owned: string[];
  position: Record<string, number>;
  processing: { tp: string; offset: number } | null;
  commit: string;
  processed: number;
}

export type OwnerStatus = 'reading' | 'stopped' | 'moving' | 'unowned';

export interface RebalanceModel {
  active: boolean;
  startedAt: number;
  endedAt: number | null;
  reason: string;
  protocol: 'eager' | 'cooperative';
  generation: number;
  /** Cooperative rebalances hand over moved partitions in a second round (KIP-429). */
  round: 1 | 2;
  before: Record<string, string[]>;
  after: Record<string, string[]>;
  /** Partitions withheld this round because their old owner must give them up first. */
  pending: string[];
  revoked: Record<string, string[]>;
}

export interface GroupModel {
  id: string;
  item: string;
  /** A short unique tag for bookmarks ("B" for billing, "SE"/"SH" when two start alike). */
  tag: string;
  index: number;
  state: Group['state'];
  generation: number;
  assignor: string;
  protocol: 'eager' | 'cooperative';
  coordinator: string | null;
  readCommitted: boolean;
  eos: boolean;
  topics: string[];
  members: MemberModel[];
  committed: Record<string, number>;
  lag: Record<string, number>;
  holder: Record<string, string | null>;
  status: Record<string, OwnerStatus>;
  lagHistory: Record<string, LagPoint[]>;
  totalLag: number;
  /** What no node can see (the audit): records whose effect was applied, applied twice, or skipped for good. */
  effects: { applied: number; twice: number; skipped: number };
  rebalance: RebalanceModel | null;
}

export interface ProducerModel {
  id: string;
  index: number;
  up: boolean;
  acks: string;
  idempotent: boolean;
  txnId: string | null;
  txnState: string;
  inflight: number;
  queued: number;
  acked: number;
  failed: number;
  retries: number;
  lastError: string | null;
  fenced: boolean;
}

export interface BrokerModel {
  id: string;
  index: number;
  up: boolean;
  fenced: boolean;
  leads: string[];
  follows: string[];
  /** Copies it holds that are out of the ISR. */
  outOfSync: string[];
  coordinates: string[];
}

export interface KafkaPicture {
  now: number;
  topics: { name: string; partitions: PartitionModel[] }[];
  partitions: PartitionModel[];
  brokers: BrokerModel[];
  groups: GroupModel[];
  producers: ProducerModel[];
  controller: { up: boolean; index: number } | null;
  nodeIndex: Record<string, number>;
}

export interface PictureOptions {
  /** Newest records kept per partition. */
  tail?: number;
  /** How much lag history the charts show (simulated ms). */
  lagWindowMs?: number;
}

/** A rebalance stays on show this long after it ended, so the learner can read before and after. */
export const RECENT_REBALANCE_MS = 1500;

export function kafkaPicture(s: KafkaState, nodes: readonly NodeStatus[], now: number, opts: PictureOptions = {}): KafkaPicture {
  const tail = opts.tail ?? 40;
  const nodeIndex: Record<string, number> = {};
  const up: Record<string, boolean> = {};
  nodes.forEach((n, i) => { nodeIndex[n.id] = i; up[n.id] = n.up; });
  const isUp = (id: string) => up[id] ?? false;
  const partitions: PartitionModel[] = [];
  const topics = Object.keys(s.topics).map((name) => {
    const cfg = s.topics[name]!;
    const lanes = partitionLanes(s, name, tail).map((l): PartitionModel => {
      const lr = l.leader ? s.brokers[l.leader]?.replicas[l.tp] : undefined;
      return {
        tp: l.tp, topic: name, partition: l.partition, item: partitionItem(l.tp), leader: l.leader, epoch: l.epoch, isr: l.isr,
        hw: l.hw, lso: l.lso, logStart: l.logStart, leo: l.leo, count: lr?.log.length ?? 0,
        cells: markDuplicates(l.records.map((r) => cellOf(r, lr!, l.hw)), l.records, lr?.log ?? []),
        copies: l.replicas.map((r) => ({
          broker: r.broker, role: r.role, inSync: r.inSync, up: isUp(r.broker), fenced: r.fenced, leo: r.leo, hw: r.hw,
          behind: r.role === 'leader' ? 0 : Math.max(0, l.leo - r.leo),
        })),
        minIsr: cfg.minIsr, compact: cfg.compact, lost: missingAcked(s, l.tp, false).length,
      };
    });
    partitions.push(...lanes);
    return { name, partitions: lanes };
  });

  const groupIds = Object.keys(s.groups);
  const tags = groupTags(groupIds);
  const groups = groupIds.map((id, index) => groupModel(s, s.groups[id]!, index, tags[id]!, nodeIndex, isUp, now, opts.lagWindowMs ?? 3000));

  const brokers = s.brokerOrder.map((id): BrokerModel => ({
    id, index: nodeIndex[id] ?? 0, up: isUp(id), fenced: s.controller.fenced[id] ?? false,
    leads: partitions.filter((p) => p.leader === id).map((p) => p.tp),
    follows: partitions.filter((p) => p.leader !== id && p.copies.some((c) => c.broker === id)).map((p) => p.tp),
    outOfSync: partitions.filter((p) => p.copies.some((c) => c.broker === id && !c.inSync)).map((p) => p.tp),
    coordinates: groups.filter((g) => g.coordinator === id).map((g) => g.id),
  }));

  const producers = Object.values(s.producers).map((p): ProducerModel => ({
    id: p.id, index: nodeIndex[p.id] ?? 0, up: isUp(p.id), acks: p.config.acks === -1 ? 'all' : String(p.config.acks),
    idempotent: p.config.idempotent, txnId: p.config.transactionalId, txnState: p.txn.state,
    inflight: p.inflight.reduce((n, b) => n + b.records.length, 0),
    queued: Object.values(p.accum).reduce((n, rs) => n + rs.length, 0),
    acked: p.stats.acked, failed: p.stats.failed, retries: p.stats.retries, lastError: p.stats.lastError, fenced: p.fenced,
  }));

  return {
    now, topics, partitions, brokers, groups, producers, nodeIndex,
    controller: s.controllerUp ? { up: isUp('controller'), index: nodeIndex.controller ?? 0 } : null,
  };
}

export function cellOf(r: KRecord, lr: Replica, hw: number): RecordCell {
  let txn: RecordCell['txn'] = 'none';
  if (r.txn && !r.control) {
    const key = String(r.pid);
    if (lr.abortedTxns.some((a) => a.pid === r.pid && r.offset >= a.first && r.offset <= a.last)) txn = 'aborted';
    else if (lr.ongoingTxns[key] !== undefined && r.offset >= lr.ongoingTxns[key]!) txn = 'open';
    else txn = 'committed';
  }
  return {
    offset: r.offset, key: r.key, value: r.value, tombstone: r.value === null && !r.control, control: r.control ?? null,
    txn, aboveHw: r.offset >= hw, producer: r.producer, duplicate: false,
  };
}

/** How far back a duplicate is looked for (a retry lands close to its original). */
const DUP_WINDOW = 500;

function markDuplicates(cells: RecordCell[], records: readonly KRecord[], log: readonly KRecord[]): RecordCell[] {
  if (records.length === 0) return cells;
  const seen = new Set<number>();
  const first = log.length - records.length;
  for (let i = Math.max(0, first - DUP_WINDOW); i < first; i++) if (!log[i]!.control) seen.add(log[i]!.id);
  return cells.map((c, k) => {
    const r = records[k]!;
    if (r.control) return c;
    const dup = seen.has(r.id);
    seen.add(r.id);
    return dup ? { ...c, duplicate: true } : c;
  });
}

/**
 * The oldest offset on a partition worth keeping in view: the earliest committed offset, reader's
 * position or record being processed of the groups reading it (null when there is none).
 */
export function earliestMark(p: PartitionModel, groups: readonly GroupModel[]): number | null {
  let lo: number | null = null;
  for (const g of groups) {
    if (!g.topics.includes(p.topic)) continue;
    const c = g.committed[p.tp];
    if (c !== undefined) lo = lo === null ? c : Math.min(lo, c);
    for (const m of g.members) {
      const pos = m.up && m.owned.includes(p.tp) ? m.position[p.tp] : undefined;
      if (pos !== undefined) lo = lo === null ? pos : Math.min(lo, pos);
      // The record being processed is behind the position (a batch is fetched, then processed).
      if (m.processing?.tp === p.tp) lo = lo === null ? m.processing.offset : Math.min(lo, m.processing.offset);
    }
  }
  return lo;
}

/** Shortest prefixes (upper case) that tell the groups apart, at least one letter. */
export function groupTags(ids: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    let n = 1;
    while (n < id.length && ids.some((o) => o !== id && o.slice(0, n).toLowerCase() === id.slice(0, n).toLowerCase())) n++;
    out[id] = id.slice(0, Math.min(n, 3)).toUpperCase();
  }
  return out;
}

const consumerOf = (g: Group, member: string) => g.members[member]?.consumer ?? member.replace(/-\d+$/, '');
const byConsumer = (g: Group, a: Record<string, string[]>) => {
  const out: Record<string, string[]> = {};
  for (const [m, tps] of Object.entries(a)) out[consumerOf(g, m)] = [...tps];
  return out;
};

function groupModel(s: KafkaState, g: Group, index: number, tag: string, nodeIndex: Record<string, number>,
  isUp: (id: string) => boolean, now: number, lagWindowMs: number): GroupModel {
  const members: MemberModel[] = Object.values(s.consumers).filter((c) => c.group === g.id).map((c) => ({
    id: c.id, index: nodeIndex[c.id] ?? 0, up: isUp(c.id), phase: c.phase, busy: c.busy, owned: [...c.owned], position: { ...c.position },
    processing: c.batch && c.batch.records[c.batch.next] ? { tp: c.batch.tp, offset: c.batch.records[c.batch.next]!.offset } : null,
    commit: c.config.eos ? 'exactly-once' : c.config.commit, processed: c.processedCount,
  }));
  const topics = groupTopics(s, g.id);
  const tps = topics.flatMap((t) => partitionsOf(s, t));
  const rebalance = rebalanceStory(g, now);
  const holder: Record<string, string | null> = {};
  const status: Record<string, OwnerStatus> = {};
  const lag: Record<string, number> = {};
  const lagHistory: Record<string, LagPoint[]> = {};
  for (const tp of tps) {
    const m = members.find((x) => x.up && x.owned.includes(tp));
    holder[tp] = m?.id ?? null;
    status[tp] = m ? 'reading' : rebalance?.active ? (rebalance.protocol === 'cooperative' ? 'moving' : 'stopped') : 'unowned';
    lag[tp] = partitionLag(s, g.id, tp);
    lagHistory[tp] = lagSeries(g.lagSamples, tp, now, lagWindowMs);
  }
  return {
    id: g.id, item: groupItem(g.id), tag, index, state: g.state, generation: g.generation, assignor: g.assignor,
    protocol: g.assignor === 'cooperative-sticky' ? 'cooperative' : 'eager', coordinator: g.coordinator,
    readCommitted: Object.values(s.consumers).some((c) => c.group === g.id && c.config.isolation === 'read_committed'),
    eos: g.eos, topics, members, committed: { ...g.committed }, lag, holder, status, lagHistory,
    totalLag: Object.values(lag).reduce((a, b) => a + b, 0), rebalance,
    effects: {
      applied: Object.values(s.audit.applied[g.id] ?? {}).reduce((n, rs) => n + rs.reduce((m, [a, b]) => m + b - a, 0), 0),
      twice: s.audit.duplicates[g.id] ?? 0,
      skipped: Number(SKIPPED.get(s, [g.id])),
    },
  };
}

/**
 * The rebalance worth showing now: one in progress, or the latest one for a while after it ended. A
 * cooperative second round (it starts when an owner has revoked what it must hand over) is told as one
 * story with the first: "before" is what members had before round 1.
 */
export function rebalanceStory(g: Group, now: number): RebalanceModel | null {
  const last = g.rebalances[g.rebalances.length - 1];
  if (!last) return null;
  const prev = g.rebalances[g.rebalances.length - 2];
  const second = last.protocol === 'cooperative' && prev !== undefined && prev.endedAt !== null
    && prev.pendingTransfer.length > 0 && last.startedAt - prev.endedAt <= 200;
  // Round 1 of a cooperative rebalance ended with partitions held back: round 2 is about to start.
  const betweenRounds = !second && last.endedAt !== null && last.protocol === 'cooperative' && last.pendingTransfer.length > 0
    && now - last.endedAt <= 1000;
  const active = last.endedAt === null || betweenRounds;
  if (!active && now - last.endedAt! > RECENT_REBALANCE_MS) return null;
  const first: Rebalance = second ? prev : last;
  const pending = !active ? [] : betweenRounds ? last.pendingTransfer : second ? prev.pendingTransfer : last.pendingTransfer;
  return {
    active, startedAt: first.startedAt, endedAt: active ? null : last.endedAt, reason: first.reason, protocol: last.protocol,
    generation: last.generation, round: second || betweenRounds ? 2 : 1, before: byConsumer(g, first.before),
    after: active ? {} : byConsumer(g, last.after), pending: [...pending],
    revoked: Object.fromEntries(Object.entries({ ...(second ? first.revoked : {}), ...last.revoked }).map(([k, v]) => [k, [...v]])),
  };
}
