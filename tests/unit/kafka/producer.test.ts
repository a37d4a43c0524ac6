// The producer: partition choice, batching with linger.ms, retries, and the idempotent producer.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';
import { partitionForKey } from '../../../src/engine/kafka/partitioner.ts';

const CLUSTER = `
kafka.cluster brokers=3
kafka.topic name=orders partitions=3 replication=3 minisr=2
`;

/** Drops the first ProduceResponse on the wire: the write happened, the producer never hears so. */
function dropFirstAck(l: ReturnType<typeof lab>): void {
  l.session.sim.runUntilTrue(() => l.session.sim.inFlight().some((m) => m.msg.type === 'ProduceResponse'), 2000);
  const ack = l.session.sim.inFlight().find((m) => m.msg.type === 'ProduceResponse')!;
  l.run(`drop msg=${ack.msgId}`);
}

describe('the producer', () => {
  it('a keyed record goes to murmur2(key) % partitions', () => {
    const l = lab(1, `${CLUSTER}\nkafka.producer id=p1`);
    const out = l.run('kafka.produce producer=p1 topic=orders key=alice');
    expect(out).toContain(`alice -> orders-${partitionForKey('alice', 3)}`);
    expect(l.q('kafka.partition(alice, orders)')).toBe(partitionForKey('alice', 3));
  });

  it('keyless records: round-robin spreads them, sticky (KIP-480) keeps a batch together', () => {
    const rr = lab(1, `${CLUSTER}\nkafka.producer id=p1 keyless=roundrobin linger=50ms batch=100\nkafka.produce producer=p1 topic=orders count=6\nrun for=1s`);
    expect([0, 1, 2].map((p) => rr.q(`kafka.records(orders-${p})`))).toEqual([2, 2, 2]);
    const sticky = lab(1, `${CLUSTER}\nkafka.producer id=p1 keyless=sticky linger=50ms batch=100\nkafka.produce producer=p1 topic=orders count=6\nrun for=1s`);
    expect([0, 1, 2].map((p) => sticky.q(`kafka.records(orders-${p})`)).sort()).toEqual([0, 0, 6]);
  });

  it('linger.ms gathers records into one request', () => {
    const l = lab(1, `${CLUSTER}\nkafka.producer id=p1 linger=50ms\nkafka.produce producer=p1 topic=orders key=alice count=5\nrun for=1s`);
    const requests = l.session.sim.trace().filter((e) => e.kind === 'send' && e.msg?.type === 'ProduceRequest');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.t).toBe(50);
    const eager = lab(1, `${CLUSTER}\nkafka.producer id=p1 linger=0ms inflight=5 batch=1\nkafka.produce producer=p1 topic=orders key=alice count=5\nrun for=1s`);
    expect(eager.session.sim.trace().filter((e) => e.kind === 'send' && e.msg?.type === 'ProduceRequest')).toHaveLength(5);
  });

  it('without idempotence a lost acknowledgement makes the retry write the batch twice', () => {
    const l = lab(1, `${CLUSTER}\nkafka.producer id=p1 acks=all idempotent=false\nkafka.produce producer=p1 topic=orders key=alice value=pay`);
    dropFirstAck(l);
    l.run('run for=3s');
    expect(l.q('kafka.retries(p1)')).toBe(1);
    expect(l.q('kafka.duplicated(orders)')).toBe(1);
    expect(l.q('kafka.records(orders)')).toBe(2);
  });

  it('the idempotent producer retries with the same sequence number and the leader drops the duplicate', () => {
    const l = lab(1, `${CLUSTER}\nkafka.producer id=p1 acks=all idempotent=true\nkafka.produce producer=p1 topic=orders key=alice value=pay`);
    dropFirstAck(l);
    l.run('run for=3s');
    expect(l.q('kafka.retries(p1)')).toBe(1);
    expect(l.q('kafka.duplicated(orders)')).toBe(0);
    expect(l.q('kafka.records(orders)')).toBe(1);
    expect(l.q('kafka.acked(p1)')).toBe(1);
    expect(l.notes().some((n) => n.includes('is a duplicate; not written again'))).toBe(true);
    expect(l.violations()).toEqual([]);
  });

  it('idempotence survives a leader change: the new leader rebuilt the producer state from its log', () => {
    const l = lab(1, `${CLUSTER}\nkafka.producer id=p1 acks=all idempotent=true\nkafka.produce producer=p1 topic=orders key=alice value=pay`);
    dropFirstAck(l);
    const leader = l.q(`kafka.leader(orders-${partitionForKey('alice', 3)})`);
    l.run(`crash node=${String(leader)}\nrun for=3s`);
    expect(l.q('kafka.duplicated(orders)')).toBe(0);
    expect(l.q('kafka.acked(p1)')).toBe(1);
  });

  it('after giving up on a batch the idempotent producer bumps its epoch, so later batches are not out of order (KIP-360)', () => {
    const l = lab(1, `kafka.cluster brokers=3
kafka.topic name=orders partitions=1 replication=3 minisr=2
kafka.producer id=p1 acks=all idempotent=true retries=1
kafka.produce producer=p1 topic=orders key=k
run for=300ms
crash node=b2
crash node=b3
run for=1s
kafka.produce producer=p1 topic=orders key=k
run for=1s
restart node=b2
run for=1500ms
kafka.produce producer=p1 topic=orders key=k
run for=1s`);
    expect(l.q('kafka.failed(p1)')).toBe(1);
    expect(l.q('kafka.acked(p1)')).toBe(2);
    expect(l.notes().some((n) => n.includes('bumped its producer epoch to 1'))).toBe(true);
    expect(l.violations()).toEqual([]);
  });
});
