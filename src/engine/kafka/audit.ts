// The audit: facts no node can see, kept so invariants can be checked after every event without
// rescanning every log, and so queries can show what a weaker setting lost or duplicated.
import type { NodeId, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { recordAt } from './log.ts';
import type { KafkaState, KRecord } from './state.ts';

export function flag(s: KafkaState, invariant: string, text: string): void {
  s.audit.fresh[invariant] ??= text;
}

/** A leader acknowledged these records to their producer. */
export function recordAcked(s: KafkaState, tp: TopicPartitionId, records: readonly KRecord[], strong: boolean): void {
  const list = (s.audit.acked[tp] ??= []);
  for (const r of records) list.push({ offset: r.offset, id: r.id, strong });
}

/** Acknowledged records missing from a partition's current leader (retention and compaction excepted). */
export function missingAcked(s: KafkaState, tp: TopicPartitionId, strongOnly: boolean): { offset: number; id: number }[] {
  const m = s.partitions[tp];
  if (!m || m.leader === null) return [];
  const r = s.brokers[m.leader]?.replicas[tp];
  if (!r) return [];
  const compact = s.topics[m.topic]?.compact ?? false;
  const out: { offset: number; id: number }[] = [];
  for (const a of s.audit.acked[tp] ?? []) {
    if (strongOnly && !a.strong) continue;
    if (a.offset < r.logStart || compact) continue;
    if (recordAt(r, a.offset)?.id !== a.id) out.push(a);
  }
  return out;
}

/** After an election: are the acknowledged records still on the new leader? */
export function checkAckedSurvived(s: KafkaState, ctx: SystemContext, tp: TopicPartitionId, unclean: boolean): void {
  const lost = missingAcked(s, tp, false);
  if (lost.length === 0) return;
  const text = `${tp}: ${lost.length} acknowledged record${lost.length === 1 ? '' : 's'} lost (offsets ${lost.map((x) => x.offset).join(',')})${unclean ? ' by an unclean election' : ' — acknowledged before every in-sync replica had them'}`;
  s.audit.lostNotes.push(text);
  ctx.note(s.partitions[tp]!.leader ?? undefined, text);
  const strong = missingAcked(s, tp, true);
  if (strong.length > 0 && !unclean) flag(s, 'acked-records-survive', `${tp} lost ${strong.length} record(s) acknowledged with acks=all and min.insync.replicas>=2 after a clean election`);
}

/** Per-key order on the leader: each idempotent producer's records for a key appear in the order produced. */
export function checkKeyOrder(s: KafkaState, tp: TopicPartitionId, rec: KRecord): void {
  if (rec.key === null || rec.producer === null || rec.control) return;
  const byKey = (s.audit.lastIdByKey[tp] ??= {});
  const k = `${rec.producer}|${rec.key}`;
  const last = byKey[k];
  if (last !== undefined && rec.id < last && rec.pid >= 0) {
    flag(s, 'per-key-order', `${tp}: ${rec.producer}'s record for key ${rec.key} (#${rec.id}) landed after its later record #${last}`);
  }
  if (last !== undefined && rec.id === last && rec.pid >= 0) {
    flag(s, 'idempotent-writes-once', `${tp}: record #${rec.id} from idempotent producer ${rec.producer} was written twice`);
  }
  byKey[k] = Math.max(last ?? -1, rec.id);
}

/** The leader changed: rebuild the per-key memory from the new leader's log. */
export function resetKeyOrder(s: KafkaState, tp: TopicPartitionId, log: readonly KRecord[]): void {
  const byKey: Record<string, number> = {};
  for (const rec of log) if (rec.key !== null && rec.producer !== null) byKey[`${rec.producer}|${rec.key}`] = Math.max(byKey[`${rec.producer}|${rec.key}`] ?? -1, rec.id);
  s.audit.lastIdByKey[tp] = byKey;
}

/** A group's processing had its effect for this record (a database write, an email, ...). */
export function applyEffect(s: KafkaState, ctx: SystemContext, group: string, node: NodeId, tp: TopicPartitionId, offset: number, eos: boolean): void {
  const byTp = (s.audit.applied[group] ??= {});
  const ranges = (byTp[tp] ??= []);
  if (ranges.some(([a, b]) => offset >= a && offset < b)) {
    s.audit.duplicates[group] = (s.audit.duplicates[group] ?? 0) + 1;
    ctx.note(node, `processed ${tp}@${offset} again: a duplicate effect`);
    if (eos) flag(s, 'exactly-once-effects', `group ${group} applied ${tp}@${offset} twice with exactly-once on`);
    return;
  }
  addToRanges(ranges, offset);
}

function addToRanges(ranges: [number, number][], offset: number): void {
  const last = ranges[ranges.length - 1];
  if (last && last[1] === offset) { last[1]++; return; }
  ranges.push([offset, offset + 1]);
  ranges.sort((x, y) => x[0] - y[0]);
  for (let i = ranges.length - 1; i > 0; i--) {
    if (ranges[i - 1]![1] >= ranges[i]![0]) { ranges[i - 1]![1] = Math.max(ranges[i - 1]![1], ranges[i]![1]); ranges.splice(i, 1); }
  }
}

export function wasApplied(s: KafkaState, group: string, tp: TopicPartitionId, offset: number): boolean {
  return (s.audit.applied[group]?.[tp] ?? []).some(([a, b]) => offset >= a && offset < b);
}
