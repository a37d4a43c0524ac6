// Transactions and exactly-once: markers, read_committed and the last stable offset, zombie fencing,
// and a read-process-write group whose effects commit atomically with its offsets.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

const CLUSTER = `
kafka.cluster brokers=3
kafka.topic name=pay partitions=1 replication=3 minisr=2
kafka.producer id=p1 txn=tx1
`;

describe('transactions', () => {
  it('read_committed stops at the last stable offset until the commit marker, then sees everything', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=rc group=committed topics=pay isolation=read_committed
kafka.consumer id=ru group=uncommitted topics=pay isolation=read_uncommitted
kafka.txn producer=p1 action=begin
kafka.produce producer=p1 topic=pay key=a count=3
run for=800ms`);
    expect(l.q('kafka.hw(pay-0)')).toBe(3);
    expect(l.q('kafka.lso(pay-0)')).toBe(0);
    expect(l.q('kafka.processed(ru)')).toBe(3);
    expect(l.q('kafka.processed(rc)')).toBe(0);
    l.run('kafka.txn producer=p1 action=commit\nrun for=800ms');
    expect(l.q('kafka.txnstate(tx1)')).toBe('CompleteCommit');
    expect(l.q('kafka.lso(pay-0)')).toBe(4); // three records and the commit marker
    expect(l.q('kafka.processed(rc)')).toBe(3);
    expect(l.notes().some((n) => n.includes('p1 transaction committed'))).toBe(true);
  });

  it('read_committed consumers skip an aborted transaction; read_uncommitted ones see it', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=rc group=committed topics=pay isolation=read_committed
kafka.consumer id=ru group=uncommitted topics=pay
kafka.txn producer=p1 action=begin
kafka.produce producer=p1 topic=pay key=a value=bad count=2
run for=300ms
kafka.txn producer=p1 action=abort
run for=300ms
kafka.txn producer=p1 action=begin
kafka.produce producer=p1 topic=pay key=a value=good
kafka.txn producer=p1 action=commit
run for=1s`);
    expect(l.q('kafka.txnstate(tx1)')).toBe('CompleteCommit');
    expect(l.q('kafka.processed(ru)')).toBe(3);
    expect(l.q('kafka.processed(rc)')).toBe(1);
    expect(l.q('kafka.committed(committed, pay-0)')).toBe(5);
  });

  it('a restarted transactional producer aborts what its previous life left open and fences the old epoch', () => {
    const l = lab(1, `${CLUSTER}
kafka.consumer id=rc group=g topics=pay isolation=read_committed
kafka.txn producer=p1 action=begin
kafka.produce producer=p1 topic=pay key=a count=2
run for=300ms
crash node=p1
restart node=p1
run for=500ms`);
    expect(l.q('kafka.txnstate(tx1)')).toBe('CompleteAbort');
    expect(l.notes().some((n) => n.includes('left it open; aborting it'))).toBe(true);
    expect(l.q('kafka.lso(pay-0)')).toBe(3);
    expect(l.q('kafka.processed(rc)')).toBe(0);
  });
});

describe('exactly-once processing', () => {
  const crashy = (eos: boolean) => lab(5, `kafka.cluster brokers=3
kafka.topic name=orders partitions=2 replication=3 minisr=2
kafka.producer id=p1 acks=all idempotent=true
kafka.produce producer=p1 topic=orders key=a count=20
kafka.produce producer=p1 topic=orders key=b count=20
kafka.consumer id=c1 group=g1 topics=orders eos=${eos} process=5ms maxpoll=8 session=300ms
kafka.consumer id=c2 group=g1 topics=orders eos=${eos} process=5ms maxpoll=8 session=300ms
run for=180ms
crash node=c1
run for=600ms
restart node=c1
run for=200ms
crash node=c2
run for=600ms
restart node=c2
run for=3s`);

  it('at-least-once applies some effects twice across crashes', () => {
    const l = crashy(false);
    expect(l.q('kafka.applied(g1)')).toBe(40);
    expect(l.q('kafka.duplicates(g1)')).toBeGreaterThan(0);
  });

  it('with eos=true every record has its effect applied exactly once despite the same crashes', () => {
    const l = crashy(true);
    expect(l.q('kafka.applied(g1)')).toBe(40);
    expect(l.q('kafka.duplicates(g1)')).toBe(0);
    expect(l.violations()).toEqual([]);
  });
});
