// Retention (cleanup.policy=delete): records older than retention.ms, or beyond retention.bytes per
// partition, leave from the start of the log. Compaction (cleanup.policy=compact): below the high
// watermark only the latest record per key stays; tombstones go after delete.retention.ms.
// Kafka deletes and cleans whole segments and never touches the active segment; the lab works record
// by record and treats everything below the high watermark as cleanable (README).
import type { SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { lastStableOffset, rebuildDerived } from './log.ts';
import type { Broker, KafkaState, KRecord, Replica } from './state.ts';

export function enforceRetention(s: KafkaState, ctx: SystemContext, b: Broker): void {
  for (const [tp, r] of Object.entries(b.replicas)) {
    const topic = s.topics[s.partitions[tp]!.topic]!;
    if (topic.compact) { compact(ctx, b, tp, r, topic.deleteRetentionMs); continue; }
    deleteOld(ctx, b, tp, r, topic.retentionMs, topic.retentionBytes);
  }
}

function deleteOld(ctx: SystemContext, b: Broker, tp: TopicPartitionId, r: Replica, retentionMs: number, retentionBytes: number): void {
  let drop = 0;
  let bytes = retentionBytes >= 0 ? r.log.reduce((n, x) => n + x.size, 0) : 0;
  // Only records below the high watermark can go: the log start never passes it.
  while (drop < r.log.length && r.log[drop]!.offset < r.hw) {
    const rec = r.log[drop]!;
    const tooOld = retentionMs >= 0 && ctx.now - rec.ts > retentionMs;
    const tooBig = retentionBytes >= 0 && bytes > retentionBytes;
    if (!tooOld && !tooBig) break;
    bytes -= rec.size;
    drop++;
  }
  if (drop === 0) return;
  const removed = r.log.splice(0, drop);
  r.logStart = removed[removed.length - 1]!.offset + 1;
  rebuildDerived(r);
  if (b.view[tp]?.leader === b.id) ctx.note(b.id, `retention deleted ${tp} offsets ${removed[0]!.offset}..${r.logStart - 1}; log now starts at ${r.logStart}`);
}

export function compact(ctx: SystemContext, b: Broker, tp: TopicPartitionId, r: Replica, deleteRetentionMs: number): number {
  const limit = Math.min(r.hw, lastStableOffset(r));
  const latest: Record<string, number> = {};
  for (const rec of r.log) if (rec.offset < limit && rec.key !== null && !rec.control) latest[rec.key] = rec.offset;
  const keep = (rec: KRecord) => {
    if (rec.offset >= limit || rec.key === null || rec.control) return true;
    if (latest[rec.key] !== rec.offset) return false;
    // A tombstone stays long enough for consumers to see the delete, then goes too.
    return rec.value !== null || ctx.now - rec.ts <= deleteRetentionMs;
  };
  const before = r.log.length;
  const kept = r.log.filter(keep);
  if (kept.length === before) return 0;
  r.log = kept;
  if (b.view[tp]?.leader === b.id) ctx.note(b.id, `compacted ${tp}: removed ${before - kept.length} superseded record${before - kept.length === 1 ? '' : 's'}`);
  return before - kept.length;
}
