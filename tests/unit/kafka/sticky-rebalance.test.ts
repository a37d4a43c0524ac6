// Issue #10, Kafka items 1 and 2, run through the whole group protocol (consumers, coordinator, leader).
// Sources: CooperativeStickyAssignor.computePartitionsTransferringOwnership and KIP-429 ("a partition is
// revoked by its owner before it is assigned to anyone else"); StickyAssignor.subscriptionUserData /
// onAssignment (the eager sticky member sends its last assignment and generation as user data).
import { describe, expect, it } from 'vitest';
import { lab, runCheckingOwners, type Lab } from './lab.ts';

describe('cooperative-sticky: a partition moved twice while balancing still leaves its owner first (#10, item 1)', () => {
  // The smallest case: t0 (1 partition), t1 (2), t2 (3); c0 subscribes to all and owns all six;
  // c1 joins on t0 and t1, c2 on t0. The link from the coordinator to c0 is slow.
  const setup = () => {
    const l = lab(1, `
kafka.cluster brokers=1
kafka.topic name=t0 partitions=1 replication=1
kafka.topic name=t1 partitions=2 replication=1
kafka.topic name=t2 partitions=3 replication=1
kafka.consumer id=c0 group=g topics=t0,t1,t2 assignor=cooperative-sticky
run for=500ms`);
    expect(l.q('kafka.owns(c0)')).toBe(6);
    l.run(`link from=b1 to=c0 latency=200ms oneway=true
kafka.consumer id=c1 group=g topics=t0,t1 assignor=cooperative-sticky
kafka.consumer id=c2 group=g topics=t0 assignor=cooperative-sticky`);
    return l;
  };

  it('the first rebalance gives c1 and c2 nothing; the follow-up gives c1 t1-0,t1-1 and c2 t0-0', () => {
    const l = setup();
    runCheckingOwners(l, 'g', 3000);
    const done = l.state().groups.g!.rebalances.filter((r) => r.endedAt !== null);
    const first = done.find((r) => r.reason.includes('joined') && Object.keys(r.after).length === 3)!;
    const byConsumer = (a: Record<string, string[]>) => Object.fromEntries(Object.entries(a).map(([m, tps]) => [m.split('-')[0], [...tps].sort()]));
    expect(byConsumer(first.after)).toEqual({ c0: ['t2-0', 't2-1', 't2-2'], c1: [], c2: [] });
    expect([...first.pendingTransfer].sort()).toEqual(['t0-0', 't1-0', 't1-1']);
    expect(l.q('kafka.owned(c0)')).toBe('t2-0,t2-1,t2-2');
    expect(l.q('kafka.owned(c1)')).toBe('t1-0,t1-1');
    expect(l.q('kafka.owned(c2)')).toBe('t0-0');
    expect(l.violations()).toEqual([]);
  });
});

describe('eager sticky keeps what it can through the group (#10, item 2)', () => {
  const CLUSTER = `
kafka.cluster brokers=1
kafka.topic name=t partitions=6 replication=1`;
  const kept = (before: Record<string, string>, l: Lab) =>
    Object.entries(before).reduce((n, [c, was]) => n + String(l.q(`kafka.owned(${c})`)).split(',').filter((tp) => tp && was.split(',').includes(tp)).length, 0);

  it('k1 [0,3], k2 [1,4], k3 [2,5], k2 leaves: the survivors keep 4 partitions, as Kafka does (not 2)', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=k1 group=g topics=t assignor=sticky
kafka.consumer id=k2 group=g topics=t assignor=sticky
kafka.consumer id=k3 group=g topics=t assignor=sticky
run for=500ms`);
    expect(['k1', 'k2', 'k3'].map((c) => l.q(`kafka.owned(${c})`))).toEqual(['t-0,t-3', 't-1,t-4', 't-2,t-5']);
    l.run('kafka.leave consumer=k2\nrun for=1s');
    expect(kept({ k1: 't-0,t-3', k3: 't-2,t-5' }, l)).toBe(4);
    // constrainedAssign: both keep their two, k2's partitions are dealt to them in turn.
    expect(l.q('kafka.owned(k1)')).toBe('t-0,t-3,t-1');
    expect(l.q('kafka.owned(k3)')).toBe('t-2,t-5,t-4');
  });

  it('k1 [0,2,4], k2 [1,3,5], k3 joins: the two keep 4 partitions and k3 gets the other two', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=k1 group=g topics=t assignor=sticky
kafka.consumer id=k2 group=g topics=t assignor=sticky
run for=500ms`);
    expect([l.q('kafka.owned(k1)'), l.q('kafka.owned(k2)')]).toEqual(['t-0,t-2,t-4', 't-1,t-3,t-5']);
    l.run('kafka.consumer id=k3 group=g topics=t assignor=sticky\nrun for=1s');
    expect(kept({ k1: 't-0,t-2,t-4', k2: 't-1,t-3,t-5' }, l)).toBe(4);
    expect(l.q('kafka.owned(k3)')).toBe('t-4,t-5');
  });

  it('a crashed member comes back with no history (the assignor\'s user data lived in its memory)', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=k1 group=g topics=t assignor=sticky
kafka.consumer id=k2 group=g topics=t assignor=sticky
run for=500ms
crash node=k1
run for=100ms`);
    expect(l.state().consumers.k1!.previousAssignment).toBeNull();
    expect(l.state().consumers.k2!.previousAssignment).toEqual({ partitions: ['t-1', 't-3', 't-5'], generation: 1 });
  });
});
