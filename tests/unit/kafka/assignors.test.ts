// Assignor tables from Apache Kafka's own tests and docs: RangeAssignorTest, RoundRobinAssignorTest and
// the StickyAssignor javadoc examples (clients/src/main/java/org/apache/kafka/clients/consumer/StickyAssignor.java).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cooperativeStickyAssign, rangeAssign, roundRobinAssign, stickyAssign, type MemberSubscription } from '../../../src/engine/kafka/assignors.ts';

const subs = (topics: string[], owned?: string[]): MemberSubscription => ({ topics, ...(owned ? { owned } : {}) });

describe('RangeAssignor (RangeAssignorTest)', () => {
  it('testOneConsumerMultipleTopics: one member takes everything', () => {
    expect(rangeAssign({ topic1: 1, topic2: 2 }, { consumer1: subs(['topic1', 'topic2']) }))
      .toEqual({ consumer1: ['topic1-0', 'topic2-0', 'topic2-1'] });
  });
  it('testTwoConsumersOneTopicOnePartition: the second member gets nothing', () => {
    expect(rangeAssign({ topic1: 1 }, { consumer1: subs(['topic1']), consumer2: subs(['topic1']) }))
      .toEqual({ consumer1: ['topic1-0'], consumer2: [] });
  });
  it('testMultipleConsumersMixedTopics', () => {
    expect(rangeAssign({ topic1: 3, topic2: 2 }, {
      consumer1: subs(['topic1']), consumer2: subs(['topic1', 'topic2']), consumer3: subs(['topic1']),
    })).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-0', 'topic2-1'], consumer3: ['topic1-2'] });
  });
  it('testTwoConsumersTwoTopicsSixPartitions: the first member gets the extra partition of each topic', () => {
    expect(rangeAssign({ topic1: 3, topic2: 3 }, { consumer1: subs(['topic1', 'topic2']), consumer2: subs(['topic1', 'topic2']) }))
      .toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'], consumer2: ['topic1-2', 'topic2-2'] });
  });
  it('range ignores partitions of topics nobody subscribes to', () => {
    expect(rangeAssign({ topic1: 3, other: 3 }, { consumer1: subs(['topic1']) })).toEqual({ consumer1: ['topic1-0', 'topic1-1', 'topic1-2'] });
  });
});

describe('RoundRobinAssignor (RoundRobinAssignorTest and its javadoc)', () => {
  it('javadoc: C0 and C1 over t0 and t1 with 3 partitions each', () => {
    expect(roundRobinAssign({ t0: 3, t1: 3 }, { C0: subs(['t0', 't1']), C1: subs(['t0', 't1']) }))
      .toEqual({ C0: ['t0-0', 't0-2', 't1-1'], C1: ['t0-1', 't1-0', 't1-2'] });
  });
  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    expect(roundRobinAssign({ topic1: 3, topic2: 3 }, { consumer1: subs(['topic1', 'topic2']), consumer2: subs(['topic1', 'topic2']) }))
      .toEqual({ consumer1: ['topic1-0', 'topic1-2', 'topic2-1'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] });
  });
  it('testMultipleConsumersMixedTopics: skips members not subscribed', () => {
    expect(roundRobinAssign({ topic1: 3, topic2: 2 }, {
      consumer1: subs(['topic1']), consumer2: subs(['topic1', 'topic2']), consumer3: subs(['topic1']),
    })).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-0', 'topic2-1'], consumer3: ['topic1-2'] });
  });
  it('StickyAssignor javadoc example 1, round robin after C1 leaves', () => {
    const p = { t0: 2, t1: 2, t2: 2, t3: 2 };
    const all = ['t0', 't1', 't2', 't3'];
    expect(roundRobinAssign(p, { C0: subs(all), C2: subs(all) }))
      .toEqual({ C0: ['t0-0', 't1-0', 't2-0', 't3-0'], C2: ['t0-1', 't1-1', 't2-1', 't3-1'] });
  });
});

describe('StickyAssignor / CooperativeStickyAssignor', () => {
  const p = { t0: 2, t1: 2, t2: 2, t3: 2 };
  const all = ['t0', 't1', 't2', 't3'];
  it('javadoc example 1: starting fresh it matches round robin', () => {
    expect(stickyAssign(p, { C0: subs(all), C1: subs(all), C2: subs(all) }).assignment)
      .toEqual({ C0: ['t0-0', 't1-1', 't3-0'], C1: ['t0-1', 't2-0', 't3-1'], C2: ['t1-0', 't2-1'] });
  });
  it('javadoc example 1: after C1 leaves every previous assignment is preserved', () => {
    const r = stickyAssign(p, { C0: subs(all, ['t0-0', 't1-1', 't3-0']), C2: subs(all, ['t1-0', 't2-1']) });
    // Kafka's constrainedAssign keeps owned partitions in (partition, topic) order and deals C1's old
    // partitions (t0-1, t2-0, t3-1) to the sorted unfilled members in turn.
    expect(r.assignment).toEqual({ C0: ['t0-0', 't3-0', 't1-1', 't0-1'], C2: ['t1-0', 't2-1', 't2-0', 't3-1'] });
    expect(r.transferring).toEqual({});
  });
  it('javadoc example 2 (mixed subscriptions): balanced where round robin is not', () => {
    const rr = roundRobinAssign({ t0: 1, t1: 2, t2: 3 }, { C0: subs(['t0']), C1: subs(['t0', 't1']), C2: subs(['t0', 't1', 't2']) });
    expect(rr).toEqual({ C0: ['t0-0'], C1: ['t1-0'], C2: ['t1-1', 't2-0', 't2-1', 't2-2'] });
    const st = stickyAssign({ t0: 1, t1: 2, t2: 3 }, { C0: subs(['t0']), C1: subs(['t0', 't1']), C2: subs(['t0', 't1', 't2']) }).assignment;
    expect(st).toEqual({ C0: ['t0-0'], C1: ['t1-0', 't1-1'], C2: ['t2-0', 't2-1', 't2-2'] });
  });
  it('a newcomer: cooperative holds back the moved partitions for a second round (KIP-429)', () => {
    const owned = { c1: ['t-0', 't-1', 't-2'], c2: ['t-3', 't-4', 't-5'] };
    const members = { c1: subs(['t'], owned.c1), c2: subs(['t'], owned.c2), c3: subs(['t']) };
    const sticky = stickyAssign({ t: 6 }, members);
    // Each owner keeps its first maxQuota (2) owned partitions and gives up the rest.
    expect(sticky.assignment).toEqual({ c1: ['t-0', 't-1'], c2: ['t-3', 't-4'], c3: ['t-2', 't-5'] });
    const coop = cooperativeStickyAssign({ t: 6 }, members);
    expect(coop.assignment).toEqual({ c1: ['t-0', 't-1'], c2: ['t-3', 't-4'], c3: [] });
    // Round two: the owners have revoked t-2 and t-5, so the newcomer gets them.
    const round2 = cooperativeStickyAssign({ t: 6 }, { c1: subs(['t'], ['t-0', 't-1']), c2: subs(['t'], ['t-3', 't-4']), c3: subs(['t']) });
    expect(round2.assignment).toEqual({ c1: ['t-0', 't-1'], c2: ['t-3', 't-4'], c3: ['t-2', 't-5'] });
  });

  it('two members claim the same partitions: the newer generation wins, the stale claim counts for nothing', () => {
    const r = cooperativeStickyAssign({ t: 2 }, {
      c1: { topics: ['t'], owned: ['t-0', 't-1'], generation: 3 },
      c2: { topics: ['t'], owned: ['t-0', 't-1'], generation: 2 },
    });
    // c1 keeps one (maxQuota 1) and gives up the other to c2 over two rounds.
    expect(r.assignment).toEqual({ c1: ['t-0'], c2: [] });
    expect(r.transferring).toEqual({ 't-1': 'c2' });
  });

  const scenario = fc.record({
    partitions: fc.integer({ min: 1, max: 24 }),
    members: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 6 }),
    seedOwners: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 24, maxLength: 24 }),
  });
  it('every partition assigned exactly once, balanced within one, owners keep what they can', () => {
    fc.assert(fc.property(scenario, ({ partitions, members, seedOwners }) => {
      const owned: Record<string, string[]> = {};
      for (let p = 0; p < partitions; p++) {
        const m = members[seedOwners[p]! % members.length]!;
        (owned[m] ??= []).push(`t-${p}`);
      }
      const input = Object.fromEntries(members.map((m) => [m, subs(['t'], owned[m] ?? [])]));
      const { assignment } = stickyAssign({ t: partitions }, input);
      const flat = Object.values(assignment).flat().sort();
      expect(flat).toEqual(Array.from({ length: partitions }, (_, p) => `t-${p}`).sort());
      const sizes = Object.values(assignment).map((x) => x.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const maxQuota = Math.ceil(partitions / members.length);
      for (const m of members) {
        const kept = (owned[m] ?? []).filter((tp) => assignment[m]!.includes(tp)).length;
        expect(kept).toBeGreaterThanOrEqual(Math.min((owned[m] ?? []).length, Math.floor(partitions / members.length)));
        expect(kept).toBeLessThanOrEqual(maxQuota);
      }
    }));
  });
});
