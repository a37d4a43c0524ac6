// Consumer groups: assignment, rebalancing (eager and cooperative), committed offsets and what a
// crash replays or skips, auto.offset.reset, seek and lag.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

const CLUSTER = `
kafka.cluster brokers=3
kafka.topic name=orders partitions=4 replication=3 minisr=2
kafka.producer id=p1 acks=all
`;

describe('consumer groups', () => {
  it('range assignment across two members; every record processed once; lag drains to zero', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=c1 group=g1 topics=orders
kafka.consumer id=c2 group=g1 topics=orders
kafka.produce producer=p1 topic=orders key=a count=10
kafka.produce producer=p1 topic=orders key=b count=10
kafka.produce producer=p1 topic=orders key=c count=10
run for=3s`);
    expect(l.q('kafka.owned(c1)')).toBe('orders-0,orders-1');
    expect(l.q('kafka.owned(c2)')).toBe('orders-2,orders-3');
    expect(l.q('kafka.applied(g1)')).toBe(30);
    expect(l.q('kafka.duplicates(g1)')).toBe(0);
    expect(l.q('kafka.lag(g1)')).toBe(0);
    expect(l.violations()).toEqual([]);
  });

  it('a crashed member is dropped after session.timeout.ms and its partitions move to the others', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=c1 group=g1 topics=orders
kafka.consumer id=c2 group=g1 topics=orders
run for=500ms
crash node=c2
run for=300ms`);
    expect(l.q('kafka.owned(c1)')).toBe('orders-0,orders-1');
    l.run('run for=1s');
    expect(l.q('kafka.owned(c1)')).toBe('orders-0,orders-1,orders-2,orders-3');
    expect(l.notes().some((n) => n.includes('c2 missed heartbeats'))).toBe(true);
  });

  it('eager rebalancing stops everyone; cooperative-sticky keeps unmoved partitions and hands over in two rounds', () => {
    const run = (assignor: string) => lab(1, `${CLUSTER}
kafka.consumer id=c1 group=g1 topics=orders assignor=${assignor}
run for=500ms
kafka.consumer id=c2 group=g1 topics=orders assignor=${assignor}
run for=1s`);
    const eager = run('range');
    const coop = run('cooperative-sticky');
    expect(eager.q('kafka.owns(c1)')).toBe(2);
    expect(coop.q('kafka.owns(c1)')).toBe(2);
    expect(coop.q('kafka.owns(c2)')).toBe(2);
    // Eager: one rebalance in which c1 gave up all four partitions. Cooperative: c1 kept two throughout.
    const g = (l: ReturnType<typeof lab>) => l.state().groups.g1!.rebalances.filter((r) => r.endedAt !== null);
    expect(g(eager)).toHaveLength(2);
    expect(g(coop)).toHaveLength(3);
    const firstCoop = g(coop)[1]!;
    expect(firstCoop.pendingTransfer.length).toBe(2);
    expect(Object.values(firstCoop.after).flat()).toHaveLength(2); // the moved two are held back a round
    expect(coop.notes().some((n) => n.includes('c1 generation 2: owns') && n.includes('revoked'))).toBe(true);
    expect(eager.notes().some((n) => n.includes('revoked'))).toBe(false);
    // What each member gave up, for the view: eager c1 dropped all four; cooperative c1 only the two that moved.
    expect(g(eager)[1]!.revoked.c1).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
    expect(g(coop)[1]!.revoked.c1).toHaveLength(2);
  });

  const crashRun = (commit: string) => lab(3, `kafka.cluster brokers=1
kafka.topic name=orders partitions=1 replication=1
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=orders key=k count=10
kafka.consumer id=c1 group=g1 topics=orders commit=${commit} maxpoll=10 process=20ms session=300ms
run for=250ms
crash node=c1
run for=500ms
restart node=c1
run for=2s`);

  it('commit before processing + crash mid-batch: the rest of the batch is skipped (at-most-once)', () => {
    const l = crashRun('before');
    expect(l.q('kafka.committed(g1, orders-0)')).toBe(10);
    expect(l.q('kafka.skipped(g1)')).toBeGreaterThan(0);
    expect(l.q('kafka.duplicates(g1)')).toBe(0);
  });

  it('commit after processing + crash mid-batch: the batch is processed again (at-least-once)', () => {
    const l = crashRun('after');
    expect(l.q('kafka.committed(g1, orders-0)')).toBe(10);
    expect(l.q('kafka.skipped(g1)')).toBe(0);
    expect(l.q('kafka.duplicates(g1)')).toBeGreaterThan(0);
    expect(l.q('kafka.applied(g1)')).toBe(10);
  });

  it('auto.offset.reset: latest skips what was there before the group started, earliest reads it', () => {
    const base = `kafka.cluster brokers=1\nkafka.topic name=orders partitions=1\nkafka.producer id=p1 acks=1\nkafka.produce producer=p1 topic=orders key=k count=5\nrun for=200ms`;
    const latest = lab(1, `${base}\nkafka.consumer id=c1 group=g1 topics=orders reset=latest\nrun for=500ms\nkafka.produce producer=p1 topic=orders key=k count=2\nrun for=1s`);
    expect(latest.q('kafka.processed(c1)')).toBe(2);
    const earliest = lab(1, `${base}\nkafka.consumer id=c1 group=g1 topics=orders reset=earliest\nrun for=1s`);
    expect(earliest.q('kafka.processed(c1)')).toBe(5);
  });

  it('seek back replays records, and committing after a seek may move the offset back legitimately', () => {
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=orders partitions=1
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=orders key=k count=5
kafka.consumer id=c1 group=g1 topics=orders
run for=1s
kafka.seek consumer=c1 partition=orders-0 offset=0
run for=1s`);
    expect(l.q('kafka.processed(c1)')).toBe(10);
    expect(l.q('kafka.duplicates(g1)')).toBe(5);
    expect(l.violations()).toEqual([]);
  });

  it('lag per partition grows while the group is away and is reported as high watermark minus committed', () => {
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=orders partitions=2
kafka.producer id=p1 acks=1
kafka.consumer id=c1 group=g1 topics=orders commit=manual
run for=300ms
kafka.produce producer=p1 topic=orders partition=0 count=4
kafka.produce producer=p1 topic=orders partition=1 count=1
run for=1s`);
    expect(l.q('kafka.lag(g1, orders-0)')).toBe(4);
    expect(l.q('kafka.lag(g1, orders-1)')).toBe(1);
    l.run('kafka.commit consumer=c1\nrun for=100ms');
    expect(l.q('kafka.lag(g1)')).toBe(0);
    expect(l.state().groups.g1!.lagSamples.length).toBeGreaterThan(5);
  });

  it('a newcomer on a slow link is not expired while it waits for its JoinGroup and SyncGroup answers', () => {
    // Kafka: a member awaiting a join or sync response satisfies its heartbeat (MemberMetadata.hasSatisfiedHeartbeat),
    // and SyncGroup restarts its session like a heartbeat does (GroupCoordinator.completeAndScheduleNextHeartbeatExpiration).
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=a partitions=1 replication=1
kafka.topic name=c partitions=1 replication=1
kafka.consumer id=c0 group=g topics=c assignor=sticky
link from=c0 to=b1 latency=113ms oneway=true
run for=2s
kafka.consumer id=c1 group=g topics=a assignor=sticky
link from=b1 to=c1 latency=73ms oneway=true
link from=c1 to=b1 latency=149ms oneway=true
run for=3s`);
    expect(l.notes().filter((n) => n.includes('missed heartbeats'))).toEqual([]);
    expect([l.q('kafka.owned(c0)'), l.q('kafka.owned(c1)')]).toEqual(['c-0', 'a-0']);
    expect(l.q('kafka.rebalances(g)')).toBe(2);
  });

  it('a rebalance that starts while members wait for the leader\'s assignment answers them RebalanceInProgress at once', () => {
    // Kafka's prepareRebalance completes pending SyncGroups with REBALANCE_IN_PROGRESS; left unanswered,
    // c2 and c3 would be dropped for missing heartbeats while they wait.
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=t partitions=4 replication=1
kafka.consumer id=c1 group=g topics=t
kafka.consumer id=c2 group=g topics=t
run for=500ms
link from=c1 to=b1 latency=150ms oneway=true
kafka.consumer id=c3 group=g topics=t`);
    const g = () => l.state().groups.g!;
    // c1 leads; its SyncGroup is slow, so c2 has sent its own and waits.
    expect(l.session.sim.runUntilTrue(() => g().state === 'CompletingRebalance' && Object.values(g().members).some((m) => m.consumer === 'c2' && m.synced), 3000)).toBe(true);
    l.run('kafka.consumer id=c4 group=g topics=t\nrun for=2s');
    expect(l.notes().some((n) => n.includes('c2 sync failed: RebalanceInProgress'))).toBe(true);
    expect(l.notes().filter((n) => n.includes('missed heartbeats'))).toEqual([]);
    expect(['c1', 'c2', 'c3', 'c4'].map((c) => l.q(`kafka.owns(${c})`))).toEqual([1, 1, 1, 1]);
  });

  it('a zombie kicked out of the group finishes its batch, then its commit is refused', () => {
    const l = lab(1, `${CLUSTER}
kafka.produce producer=p1 topic=orders key=a count=20
kafka.produce producer=p1 topic=orders key=b count=20
kafka.consumer id=c1 group=g1 topics=orders commit=after process=50ms
kafka.consumer id=c2 group=g1 topics=orders commit=after
run for=400ms
pause node=c1
run for=1500ms
resume node=c1
run for=2s`);
    expect(l.notes().some((n) => /refused c1's commit for group g1: (IllegalGeneration|UnknownMemberId)/.test(n))).toBe(true);
    // Its records were processed twice (by the zombie and by the member that took over): at-least-once.
    expect(l.q('kafka.duplicates(g1)')).toBeGreaterThan(0);
    expect(l.violations()).toEqual([]);
  });
});
