// Random consumer groups with mixed subscriptions and slow links, run through the whole group protocol.
// After every event no partition may be held by two live members (KIP-429's promise for cooperative
// rebalancing; eager members give up everything before they join). After each membership change the
// survivors must keep as many partitions as Kafka's sticky algorithm keeps from the same history: one
// assignment for the eager StickyAssignor, and for the CooperativeStickyAssignor rebalances repeated
// until nothing is held back (CooperativeStickyAssignorTest.verifyValidityAndBalance).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cooperativeStickyAssign, stickyAssign, type Assignment, type MemberSubscription } from '../../../src/engine/kafka/assignors.ts';
import { lab, runCheckingOwners, type Lab } from './lab.ts';

const TOPICS = ['a', 'b', 'c'];

const scenario = fc.record({
  assignor: fc.constantFrom('sticky', 'cooperative-sticky'),
  partitions: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
  initial: fc.array(fc.subarray(TOPICS, { minLength: 1 }), { minLength: 1, maxLength: 3 }),
  changes: fc.array(fc.oneof(
    // One or two members join at once (two newcomers can make one partition move twice while balancing).
    fc.record({ kind: fc.constant('join' as const), topics: fc.array(fc.subarray(TOPICS, { minLength: 1 }), { minLength: 1, maxLength: 2 }) }),
    fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }),
  ), { minLength: 1, maxLength: 3 }),
  /** One-way delays from the coordinator to each consumer and back, in ms (links stay FIFO, like TCP). */
  delays: fc.array(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 })), { minLength: 9, maxLength: 9 }),
});

/** Who holds what in the group's stable generation, by group member id. */
function stable(l: Lab): { assignment: Assignment; subs: Record<string, string[]>; consumerOf: Record<string, string> } {
  const g = l.state().groups.g!;
  expect(g.state).toBe('Stable');
  const subs: Record<string, string[]> = {};
  const consumerOf: Record<string, string> = {};
  for (const m of Object.values(g.members)) { subs[m.id] = m.topics; consumerOf[m.id] = m.consumer; }
  return { assignment: structuredClone(g.assignment), subs, consumerOf };
}

/** What Kafka's algorithm does with this history: how many partitions the members keep. */
function keptByKafka(perTopic: Record<string, number>, members: Record<string, MemberSubscription>, cooperative: boolean): number {
  let subs = members;
  let result: Assignment;
  for (let generation = 1000; ; generation++) {
    if (!cooperative) { result = stickyAssign(perTopic, subs).assignment; break; }
    const r = cooperativeStickyAssign(perTopic, subs);
    result = r.assignment;
    if (Object.keys(r.transferring).length === 0) break;
    subs = Object.fromEntries(Object.entries(subs).map(([m, s]) => [m, { topics: s.topics, owned: r.assignment[m]!, generation }]));
  }
  return Object.entries(result).reduce((n, [m, tps]) => n + tps.filter((tp) => (members[m]!.owned ?? []).includes(tp)).length, 0);
}

describe('sticky rebalancing through the group protocol, mixed subscriptions, slow links', () => {
  it('no partition is held by two members at once, and survivors keep what Kafka keeps', () => {
    let compared = 0;
    let changes = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), scenario, (seed, sc) => {
      const perTopic = Object.fromEntries(TOPICS.map((t, i) => [t, sc.partitions[i]!]));
      const l = lab(seed, ['kafka.cluster brokers=1', ...TOPICS.map((t) => `kafka.topic name=${t} partitions=${perTopic[t]} replication=1`)].join('\n'));
      const live: string[] = [];
      let next = 0;
      const join = (topics: string[]) => {
        const id = `c${next}`;
        const [down, up] = sc.delays[next % sc.delays.length]!;
        next++;
        live.push(id);
        l.run(`kafka.consumer id=${id} group=g topics=${topics.join(',')} assignor=${sc.assignor} session=2s
link from=b1 to=${id} latency=${down}ms oneway=true
link from=${id} to=b1 latency=${up}ms oneway=true`);
      };
      for (const topics of sc.initial) join(topics);
      runCheckingOwners(l, 'g', 2000);
      for (const change of sc.changes) {
        changes++;
        const before = stable(l);
        const notesBefore = l.notes().length;
        if (change.kind === 'join') change.topics.forEach(join);
        else if (live.length > 1) l.run(`kafka.leave consumer=${live.splice(change.pick % live.length, 1)[0]}`);
        else continue;
        runCheckingOwners(l, 'g', 4000);
        const after = stable(l);
        // The history each member reports is what it held in the last stable generation; newcomers report nothing.
        const members: Record<string, MemberSubscription> = {};
        for (const [id, topics] of Object.entries(after.subs)) {
          members[id] = { topics, owned: before.assignment[id] ?? [], generation: before.assignment[id] ? 1 : -1 };
        }
        const kept = Object.entries(after.assignment).reduce((n, [id, tps]) => n + tps.filter((tp) => (before.assignment[id] ?? []).includes(tp)).length, 0);
        // A member whose SyncGroup arrives after a follow-up rebalance began gets RebalanceInProgress (as in
        // Kafka) and rejoins reporting what it held before: the rounds then differ from the clean sequence
        // the reference replays, so the comparison is made only when every round went through.
        if (l.notes().length > notesBefore && l.notes().slice(notesBefore).some((n) => n.includes('sync failed'))) continue;
        compared++;
        expect(kept, `${sc.assignor} after ${change.kind}`).toBe(keptByKafka(perTopic, members, sc.assignor === 'cooperative-sticky'));
      }
      // The session (and so the rebalance timeout) is long enough that nobody is dropped: no zombies,
      // whose stale ownership Kafka fences by generation instead.
      expect(l.notes().filter((n) => /missed heartbeats|did not rejoin|forgot it/.test(n))).toEqual([]);
      expect(l.violations()).toEqual([]);
    // A fixed seed keeps `npm test` repeatable (the share of changes compared varies from one draw of 25
    // runs to another); KAFKA_SEED and KAFKA_RUNS explore further outside it.
    }), { numRuns: Number(process.env.KAFKA_RUNS ?? 25), seed: Number(process.env.KAFKA_SEED ?? 20261207) });
    // Most changes go through cleanly, so the comparison is not vacuous (about three in four over many seeds).
    expect(compared).toBeGreaterThan(changes / 3);
  }, 60_000 + Number(process.env.KAFKA_RUNS ?? 0) * 1000);
});
