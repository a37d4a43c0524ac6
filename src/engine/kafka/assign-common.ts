// Types and helpers every assignor shares: topic-partition ids, member subscriptions, Kafka's orders.

/** A topic-partition written the way Kafka prints it: `orders-0`. */
export type TopicPartitionId = string;
export const tpId = (topic: string, partition: number): TopicPartitionId => `${topic}-${partition}`;
export function parseTp(tp: TopicPartitionId): { topic: string; partition: number } {
  const i = tp.lastIndexOf('-');
  return { topic: tp.slice(0, i), partition: Number(tp.slice(i + 1)) };
}

export interface MemberSubscription {
  readonly topics: readonly string[];
  /**
   * What the member reports it owned: under cooperative-sticky the partitions it still holds (the
   * subscription's ownedPartitions); under eager sticky its previous assignment, which StickyAssignor
   * carries in the subscription's user data because an eager member revokes everything before joining.
   */
  readonly owned?: readonly TopicPartitionId[];
  /** The generation those partitions were owned in (-1: none); conflicting claims go to the newer one. */
  readonly generation?: number;
}

export type Assignment = Record<string, TopicPartitionId[]>;

export interface StickyResult {
  assignment: Assignment;
  /** Partitions that move from a member that reported them to another member (cooperative: held back a round). */
  transferring: Record<TopicPartitionId, string>;
}

/** Java's String.compareTo for the ASCII ids the lab uses. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Topic-partitions sorted by topic then partition number (Kafka's TopicPartition order). */
export function sortTps(tps: readonly TopicPartitionId[]): TopicPartitionId[] {
  return [...tps].sort((x, y) => {
    const a = parseTp(x);
    const b = parseTp(y);
    return byText(a.topic, b.topic) || a.partition - b.partition;
  });
}

export function emptyAssignment(ids: readonly string[]): Assignment {
  const out: Assignment = {};
  for (const m of [...ids].sort(byText)) out[m] = [];
  return out;
}
