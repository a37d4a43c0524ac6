// What conditions, predictions, lessons and views can read. Partitions are written `topic-N`.
import type { Query } from '../core/types.ts';
import type { TopicPartitionId } from './assignors.ts';
import { missingAcked, wasApplied } from './audit.ts';
import { leaderReplica, partitionsOf } from './cluster.ts';
import { groupTopics, partitionLag } from './lag.ts';
import { isVisibleCommitted, lastStableOffset, recordAt } from './log.ts';
import { partitionForKey } from './partitioner.ts';
import type { KafkaState } from './state.ts';

const fail = (text: string): never => { throw new Error(text); };
const meta = (s: KafkaState, tp = '') => s.partitions[tp] ?? fail(`no partition '${tp}' (write it like orders-0)`);
const replicaOf = (s: KafkaState, tp: string, broker?: string) => {
  meta(s, tp);
  const r = broker ? s.brokers[broker]?.replicas[tp] : leaderReplica(s, tp);
  return r ?? fail(broker ? `${broker} holds no copy of ${tp}` : `${tp} has no leader right now`);
};
const group = (s: KafkaState, g = '') => s.groups[g] ?? fail(`no consumer group '${g}'`);
const consumer = (s: KafkaState, c = '') => s.consumers[c] ?? fail(`no consumer '${c}'`);
const producer = (s: KafkaState, p = '') => s.producers[p] ?? fail(`no producer '${p}'`);
const tpsOf = (s: KafkaState, what: string | undefined) => (what === undefined ? Object.keys(s.partitions) : s.partitions[what] ? [what] : partitionsOf(s, what));

const q = (name: string, params: string[], description: string, example: string, get: Query<KafkaState>['get']): Query<KafkaState> =>
  ({ name: `kafka.${name}`, params, description, example, get });

export const kafkaQueries: readonly Query<KafkaState>[] = [
  q('partition', ['key', 'topic|count'], "the partition Kafka's default partitioner picks for a key", 'expect kafka.partition(alice, 3) == 2',
    (s, [key, t]) => partitionForKey(key ?? '', s.topics[t ?? '']?.partitions ?? (Number(t) || fail(`no topic '${t}'`)))),
  q('leader', ['partition'], 'the broker leading a partition, or none', 'expect kafka.leader(orders-0) == b1', (s, [tp]) => meta(s, tp).leader ?? 'none'),
  q('epoch', ['partition'], "the partition's leader epoch", 'expect kafka.epoch(orders-0) == 1', (s, [tp]) => meta(s, tp).epoch),
  q('isr', ['partition'], 'the in-sync replicas, comma-separated', 'expect kafka.isr(orders-0) == "b1,b2,b3"', (s, [tp]) => meta(s, tp).isr.join(',')),
  q('isrsize', ['partition'], 'how many replicas are in sync', 'expect kafka.isrsize(orders-0) == 3', (s, [tp]) => meta(s, tp).isr.length),
  q('hw', ['partition', 'broker?'], 'the high watermark (on the leader, or on one broker)', 'expect kafka.hw(orders-0) == 5', (s, [tp, b]) => replicaOf(s, tp!, b).hw),
  q('leo', ['partition', 'broker?'], 'the log end offset (on the leader, or on one broker)', 'expect kafka.leo(orders-0, b2) == 5', (s, [tp, b]) => replicaOf(s, tp!, b).leo),
  q('lso', ['partition'], 'the last stable offset: where read_committed consumers stop', 'expect kafka.lso(orders-0) == 3', (s, [tp]) => lastStableOffset(replicaOf(s, tp!))),
  q('logstart', ['partition'], 'the first offset still in the log (retention moves it)', 'expect kafka.logstart(orders-0) == 0', (s, [tp]) => replicaOf(s, tp!).logStart),
  q('records', ['partition|topic', 'broker?'], 'data records in the log (leader copy, or one broker)', 'expect kafka.records(orders) == 10',
    (s, [what, b]) => tpsOf(s, what).reduce((n, tp) => n + replicaOf(s, tp, b).log.filter((r) => !r.control).length, 0)),
  q('value', ['partition', 'offset'], 'the value at an offset on the leader (none if absent, null for a tombstone)', 'expect kafka.value(orders-0, 0) == "v1"',
    (s, [tp, off]) => { const r = recordAt(replicaOf(s, tp!), Number(off)); return r === undefined ? 'none' : r.value ?? 'null'; }),
  q('keys', ['partition'], 'distinct keys in the leader log', 'expect kafka.keys(users-0) == 2', (s, [tp]) => new Set(replicaOf(s, tp!).log.filter((r) => r.key !== null && !r.control).map((r) => r.key)).size),
  q('committed', ['group', 'partition'], "the group's committed offset (-1 if none)", 'expect kafka.committed(g1, orders-0) == 5', (s, [g, tp]) => group(s, g).committed[tp ?? ''] ?? -1),
  q('position', ['consumer', 'partition'], "the consumer's next offset to fetch (-1 if it does not own it)", 'expect kafka.position(c1, orders-0) == 5',
    (s, [c, tp]) => consumer(s, c).position[tp ?? ''] ?? -1),
  q('lag', ['group', 'partition|topic?'], 'high watermark minus committed offset, for a partition or summed', 'expect kafka.lag(g1, orders-0) == 0',
    (s, [g, what]) => {
      group(s, g);
      // Summed over the topics the group reads, not every topic in the cluster.
      const tps = what === undefined ? groupTopics(s, g!).flatMap((t) => partitionsOf(s, t)) : tpsOf(s, what);
      return tps.reduce((n, tp) => n + partitionLag(s, g!, tp), 0);
    }),
  q('owner', ['group', 'partition'], 'the consumer that owns a partition in the current generation, or none', 'expect kafka.owner(g1, orders-0) == c1',
    (s, [g, tp]) => { const gr = group(s, g); const id = Object.keys(gr.assignment).find((m) => gr.assignment[m]!.includes(tp ?? '')); return id ? gr.members[id]?.consumer ?? 'none' : 'none'; }),
  q('owned', ['consumer'], 'partitions the consumer owns now, comma-separated', 'expect kafka.owned(c1) == "orders-0,orders-1"', (s, [c]) => consumer(s, c).owned.join(',')),
  q('owns', ['consumer'], 'how many partitions the consumer owns', 'expect kafka.owns(c1) == 2', (s, [c]) => consumer(s, c).owned.length),
  q('members', ['group'], 'members in the group', 'expect kafka.members(g1) == 2', (s, [g]) => Object.keys(group(s, g).members).length),
  q('generation', ['group'], "the group's generation", 'expect kafka.generation(g1) == 1', (s, [g]) => group(s, g).generation),
  q('groupstate', ['group'], 'Empty, PreparingRebalance, CompletingRebalance or Stable', 'expect kafka.groupstate(g1) == Stable', (s, [g]) => group(s, g).state),
  q('rebalances', ['group'], 'completed rebalances', 'expect kafka.rebalances(g1) == 1', (s, [g]) => group(s, g).rebalances.filter((r) => r.endedAt !== null).length),
  q('processed', ['consumer'], 'records the consumer has processed', 'expect kafka.processed(c1) == 10', (s, [c]) => consumer(s, c).processedCount),
  q('applied', ['group'], 'records whose effect the group has applied (counted once each)', 'expect kafka.applied(g1) == 10',
    (s, [g]) => { group(s, g); return Object.values(s.audit.applied[g!] ?? {}).reduce((n, rs) => n + rs.reduce((m, [a, b]) => m + b - a, 0), 0); }),
  q('duplicates', ['group'], 'effects the group applied a second time', 'expect kafka.duplicates(g1) == 0', (s, [g]) => { group(s, g); return s.audit.duplicates[g!] ?? 0; }),
  q('skipped', ['group'], 'records below the committed offset whose effect was never applied (at-most-once losses)', 'expect kafka.skipped(g1) == 0',
    (s, [g]) => {
      const gr = group(s, g);
      let n = 0;
      for (const [tp, off] of Object.entries(gr.committed)) {
        const r = leaderReplica(s, tp);
        if (!r) continue;
        const committedOnly = Object.values(s.consumers).some((c) => c.group === g && c.config.isolation === 'read_committed');
        for (const rec of r.log) if (rec.offset < off && !rec.control && (!committedOnly || isVisibleCommitted(r, rec)) && !wasApplied(s, g!, tp, rec.offset)) n++;
      }
      return n;
    }),
  q('acked', ['producer'], 'records the producer has had acknowledged', 'expect kafka.acked(p1) == 10', (s, [p]) => producer(s, p).stats.acked),
  q('failed', ['producer'], 'records the producer gave up on', 'expect kafka.failed(p1) == 0', (s, [p]) => producer(s, p).stats.failed),
  q('lasterror', ['producer'], 'the last error the producer got (none if never)', 'expect kafka.lasterror(p1) == NotEnoughReplicas',
    (s, [p]) => producer(s, p).stats.lastError ?? 'none'),
  q('retries', ['producer'], 'batches the producer retried', 'expect kafka.retries(p1) == 0', (s, [p]) => producer(s, p).stats.retries),
  q('lost', ['topic|partition?'], 'acknowledged records no longer on the leader (lost by acks=1 or an unclean election)', 'expect kafka.lost(orders) == 0',
    (s, [what]) => tpsOf(s, what).reduce((n, tp) => n + missingAcked(s, tp as TopicPartitionId, false).length, 0)),
  q('duplicated', ['topic|partition?'], 'records written more than once (a retried batch without idempotence)', 'expect kafka.duplicated(orders) == 0',
    (s, [what]) => tpsOf(s, what).reduce((n, tp) => {
      const r = leaderReplica(s, tp);
      if (!r) return n;
      const seen = new Set<number>();
      for (const rec of r.log) { if (rec.control) continue; if (seen.has(rec.id)) n++; else seen.add(rec.id); }
      return n;
    }, 0)),
  q('txnstate', ['transactional-id'], "the transaction coordinator's state for a transactional id", 'expect kafka.txnstate(tx1) == CompleteCommit',
    (s, [t]) => (s.txns[t ?? ''] ?? fail(`no transactional id '${t}'`)).state),
];
