// Replication, the ISR, the high watermark and leader election, through the scenario language.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

const CLUSTER = `
kafka.cluster brokers=3
kafka.topic name=orders partitions=1 replication=3 minisr=2
`;

describe('replication and the high watermark', () => {
  it('acks=all answers only once every ISR member has the record; then the high watermark covers it', () => {
    const l = lab(1, `${CLUSTER}
kafka.producer id=p1 acks=all
kafka.produce producer=p1 topic=orders key=k value=one
run for=15ms`);
    // On the leader, not yet on the followers: not acknowledged, not visible.
    expect(l.q('kafka.leo(orders-0, b1)')).toBe(1);
    expect(l.q('kafka.hw(orders-0)')).toBe(0);
    expect(l.q('kafka.acked(p1)')).toBe(0);
    l.run('run for=300ms');
    expect(l.q('kafka.leo(orders-0, b2)')).toBe(1);
    expect(l.q('kafka.leo(orders-0, b3)')).toBe(1);
    expect(l.q('kafka.hw(orders-0)')).toBe(1);
    expect(l.q('kafka.acked(p1)')).toBe(1);
    expect(l.violations()).toEqual([]);
  });

  it('a follower cut off for longer than replica.lag.time.max.ms leaves the ISR and rejoins once caught up', () => {
    const l = lab(1, `${CLUSTER}
kafka.producer id=p1 acks=all
partition a=b3 b=b1,b2
kafka.produce producer=p1 topic=orders key=k count=3
run for=250ms`);
    expect(l.q('kafka.isr(orders-0)')).toBe('b1,b2,b3');
    expect(l.q('kafka.acked(p1)')).toBe(0); // acks=all waits for b3 while it is still in the ISR
    l.run('run for=400ms');
    expect(l.q('kafka.isr(orders-0)')).toBe('b1,b2');
    expect(l.q('kafka.acked(p1)')).toBe(3); // the smaller ISR still meets min.insync.replicas=2
    l.run('heal\nrun for=1s');
    expect(l.q('kafka.isr(orders-0)')).toBe('b1,b2,b3');
    expect(l.q('kafka.leo(orders-0, b3)')).toBe(3);
    expect(l.violations()).toEqual([]);
  });

  it('acks=all with fewer in-sync replicas than min.insync.replicas is refused with NotEnoughReplicas', () => {
    const l = lab(1, `${CLUSTER}
kafka.producer id=p1 acks=all retries=2
crash node=b2
crash node=b3
run for=1s
kafka.produce producer=p1 topic=orders key=k
run for=2s`);
    expect(l.q('kafka.isr(orders-0)')).toBe('b1');
    expect(l.q('kafka.acked(p1)')).toBe(0);
    expect(l.q('kafka.failed(p1)')).toBe(1);
    expect(l.q('kafka.lasterror(p1)')).toBe('NotEnoughReplicas');
    expect(l.notes().some((n) => n.includes('smaller than min.insync.replicas=2'))).toBe(true);
  });

  it('when the leader dies the controller elects an in-sync follower, and no acknowledged record is lost', () => {
    const l = lab(1, `${CLUSTER}
kafka.producer id=p1 acks=all
kafka.produce producer=p1 topic=orders key=k count=5
run for=500ms
crash node=b1
run for=1s`);
    expect(l.q('kafka.leader(orders-0)')).toBe('b2');
    expect(l.q('kafka.epoch(orders-0)')).toBe(1);
    expect(l.q('kafka.records(orders-0)')).toBe(5);
    expect(l.q('kafka.lost(orders)')).toBe(0);
    l.run('kafka.produce producer=p1 topic=orders key=k\nrestart node=b1\nrun for=1s');
    expect(l.q('kafka.isr(orders-0)')).toBe('b2,b3,b1');
    expect(l.q('kafka.leo(orders-0, b1)')).toBe(6);
    expect(l.violations()).toEqual([]);
  });

  it('acks=1 loses a record the leader acknowledged before its followers copied it', () => {
    const l = lab(1, `${CLUSTER}
kafka.producer id=p1 acks=1
partition a=b1 b=b2,b3
kafka.produce producer=p1 topic=orders key=k value=doomed
run for=50ms
crash node=b1
heal
run for=1s`);
    expect(l.q('kafka.acked(p1)')).toBe(1);
    expect(l.q('kafka.leader(orders-0)')).toBe('b2');
    expect(l.q('kafka.lost(orders)')).toBe(1);
    // Not an invariant violation: acks=1 never promised this record would survive.
    expect(l.violations()).toEqual([]);
    // The old leader comes back and truncates the record nobody else has.
    l.run('restart node=b1\nrun for=1s');
    expect(l.q('kafka.leo(orders-0, b1)')).toBe(0);
    expect(l.notes().some((n) => n.includes('b1 truncated orders-0 to offset 0'))).toBe(true);
  });

  it('with only the leader in sync: clean election leaves the partition offline, unclean election loses the records', () => {
    const setup = `kafka.cluster brokers=3
kafka.topic name=orders partitions=1 replication=3 minisr=1
kafka.producer id=p1 acks=all
partition a=b1 b=b2,b3
run for=600ms
kafka.produce producer=p1 topic=orders key=k count=4
run for=200ms
crash node=b1
heal
run for=1500ms`;
    const clean = lab(1, setup);
    expect(clean.q('kafka.acked(p1)')).toBe(4);
    expect(clean.q('kafka.leader(orders-0)')).toBe('none');
    const unclean = lab(1, setup.replace('kafka.cluster brokers=3', 'kafka.cluster brokers=3 unclean=true'));
    expect(unclean.q('kafka.leader(orders-0)')).toBe('b2');
    expect(unclean.q('kafka.lost(orders)')).toBe(4);
    expect(unclean.notes().some((n) => n.includes('UNCLEAN'))).toBe(true);
    expect(unclean.violations()).toEqual([]);
  });
});

describe('topics created while a broker is down', () => {
  it('the dead broker gets its replicas but neither leads nor counts as in sync until it is back', () => {
    const l = lab(1, `kafka.cluster brokers=3
crash node=b1
run for=1s
kafka.topic name=late partitions=1 replication=3 minisr=2
kafka.producer id=p1 acks=all
kafka.produce producer=p1 topic=late key=k count=2
run for=500ms`);
    expect(l.q('kafka.leader(late-0)')).toBe('b2');
    expect(l.q('kafka.isr(late-0)')).toBe('b2,b3');
    expect(l.q('kafka.acked(p1)')).toBe(2);
    l.run('restart node=b1\nrun for=1s');
    expect(l.q('kafka.isr(late-0)')).toBe('b2,b3,b1');
    expect(l.q('kafka.leo(late-0, b1)')).toBe(2);
  });
});
