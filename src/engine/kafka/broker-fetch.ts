// The leader answering a consumer's fetch: records from the requested offset up to the high watermark
// (read_uncommitted) or the last stable offset (read_committed), never beyond what the ISR has.
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { isVisibleCommitted, lastStableOffset, readRange } from './log.ts';
import type { Broker, KafkaState } from './state.ts';

export function onConsumerFetch(_s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, m: Message): void {
  const tp = m.tp as TopicPartitionId;
  const v = b.view[tp];
  const r = b.replicas[tp];
  const base = { type: 'FetchResponse', tp, req: m.req };
  if (!v || !r || v.leader !== b.id) { ctx.send(b.id, from, { ...base, error: 'NotLeaderOrFollower', records: [] }); return; }
  const offset = m.offset as number;
  const committedOnly = m.isolation === 'read_committed';
  const limit = committedOnly ? lastStableOffset(r) : r.hw;
  if (offset < r.logStart || offset > r.hw) {
    ctx.send(b.id, from, { ...base, error: 'OffsetOutOfRange', records: [], logStart: r.logStart, hw: r.hw });
    return;
  }
  const raw = readRange(r, offset, limit, m.max as number);
  const records = committedOnly ? raw.filter((x) => isVisibleCommitted(r, x)) : raw.filter((x) => !x.control);
  // The next offset skips control and aborted records (read, not returned) and compaction's gaps.
  const next = raw.length >= (m.max as number) ? raw[raw.length - 1]!.offset + 1 : Math.max(offset, limit);
  ctx.send(b.id, from, { ...base, error: null, records, next, hw: r.hw, lso: lastStableOffset(r), logStart: r.logStart });
}
