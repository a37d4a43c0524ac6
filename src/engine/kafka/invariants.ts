// Safety properties checked after every event. Each is flagged by the audit at the moment it breaks
// (so a check is O(1) however long the logs grow). Losses under weakened settings (acks=1, unclean
// election) are not violations — Kafka promises nothing there — they show in notes and kafka.lost.
import type { Invariant } from '../core/types.ts';
import type { KafkaState } from './state.ts';

const fromAudit = (name: string, description: string): Invariant<KafkaState> => ({
  name, description, check: (s) => s.audit.fresh[name] ?? null,
});

export const kafkaInvariants: readonly Invariant<KafkaState>[] = [
  fromAudit('per-key-order', "an idempotent producer's records for one key stay in the order produced within their partition"),
  fromAudit('idempotent-writes-once', 'a batch retried by an idempotent producer is never written twice'),
  fromAudit('committed-offsets-only-grow', "a group's committed offset for a partition never goes back (unless the consumer sought back)"),
  fromAudit('acked-records-survive', 'with acks=all, min.insync.replicas>=2 and clean elections, no acknowledged record is lost'),
  fromAudit('exactly-once-effects', 'with exactly-once on, no record has its effect applied twice'),
  {
    name: 'one-owner-per-partition', description: "the coordinator never gives one partition to two members of a group in the same generation",
    check: (s) => {
      for (const g of Object.values(s.groups)) {
        const seen: Record<string, string> = {};
        for (const [member, tps] of Object.entries(g.assignment)) {
          for (const tp of tps) {
            if (seen[tp] !== undefined) return `group ${g.id} generation ${g.generation}: ${tp} is assigned to both ${seen[tp]} and ${member}`;
            seen[tp] = member;
          }
        }
      }
      return null;
    },
  },
  {
    // KIP-429: a partition is revoked by its owner before anyone else is given it; eager members give up
    // everything before they join. A consumer the coordinator has dropped (a zombie) no longer counts.
    name: 'one-holder-per-partition', description: 'no partition is held by two consumers that are members of the same group at once',
    check: (s) => {
      const holder: Record<string, string> = {};
      for (const c of Object.values(s.consumers)) {
        const g = s.groups[c.group];
        if (!g || c.memberId === null || !g.members[c.memberId]) continue;
        for (const tp of c.owned) {
          const key = `${g.id} ${tp}`;
          if (holder[key] !== undefined) return `group ${g.id}: ${tp} is held by both ${holder[key]} and ${c.id}`;
          holder[key] = c.id;
        }
      }
      return null;
    },
  },
  {
    name: 'hw-not-past-log-end', description: "a leader's high watermark never passes its own log end",
    check: (s) => {
      for (const [tp, m] of Object.entries(s.partitions)) {
        if (m.leader === null) continue;
        const r = s.brokers[m.leader]?.replicas[tp];
        if (r && r.hw > r.leo) return `${tp}: high watermark ${r.hw} is past the leader's log end ${r.leo}`;
      }
      return null;
    },
  },
];
