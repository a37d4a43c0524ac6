// Retention by time and by size, and log compaction with tombstones.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

describe('retention and compaction', () => {
  it('retention.ms deletes old records from the start of the log; offsets never change', () => {
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=logs partitions=1 retention=1s
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=logs key=k count=3
run for=800ms
kafka.produce producer=p1 topic=logs key=k count=2
run for=800ms`);
    // Checked every 500ms (log.retention.check.interval.ms): at 1.5s the first three are over 1s old.
    expect(l.q('kafka.logstart(logs-0)')).toBe(3);
    expect(l.q('kafka.records(logs-0)')).toBe(2);
    expect(l.q('kafka.leo(logs-0)')).toBe(5);
    expect(l.q('kafka.value(logs-0, 0)')).toBe('none');
  });

  it('retention.bytes keeps each partition under its size limit', () => {
    // Each record counts 16 bytes + key + value: key "k" and value "xxxx" make 21.
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=logs partitions=1 bytes=64
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=logs key=k value=xxxx count=5
run for=1s`);
    // count=5 numbers the values xxxx-1..xxxx-5 (6 chars): 23 bytes each; 64 bytes hold two.
    expect(l.q('kafka.records(logs-0)')).toBe(2);
    expect(l.q('kafka.logstart(logs-0)')).toBe(3);
  });

  it('a consumer whose position fell off the log start resets per auto.offset.reset', () => {
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=logs partitions=1 retention=300ms
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=logs key=k count=4
run for=1s
kafka.consumer id=c1 group=g1 topics=logs commit=after
run for=500ms`);
    expect(l.q('kafka.logstart(logs-0)')).toBe(4);
    expect(l.q('kafka.processed(c1)')).toBe(0);
    expect(l.q('kafka.committed(g1, logs-0)')).toBe(-1);
  });

  it('compaction keeps the latest value per key and removes a tombstoned key after delete.retention.ms', () => {
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=users partitions=1 compact=true tombstones=500ms
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=users key=alice value=a1
kafka.produce producer=p1 topic=users key=bob value=b1
kafka.produce producer=p1 topic=users key=alice value=a2
kafka.produce producer=p1 topic=users key=bob value=b2
kafka.produce producer=p1 topic=users key=alice value=a3
run for=700ms`);
    expect(l.q('kafka.records(users-0)')).toBe(2);
    expect(l.q('kafka.value(users-0, 4)')).toBe('a3');
    expect(l.q('kafka.value(users-0, 3)')).toBe('b2');
    expect(l.q('kafka.value(users-0, 0)')).toBe('none');
    l.run('kafka.produce producer=p1 topic=users key=bob tombstone=true\nrun for=600ms');
    expect(l.q('kafka.value(users-0, 5)')).toBe('null'); // the tombstone itself is still readable
    expect(l.q('kafka.keys(users-0)')).toBe(2);
    l.run('run for=1s');
    expect(l.q('kafka.keys(users-0)')).toBe(1);
    expect(l.q('kafka.records(users-0)')).toBe(1);
  });

  it('a consumer reading a compacted log skips the gaps and sees each key\'s latest value', () => {
    const l = lab(1, `kafka.cluster brokers=1
kafka.topic name=users partitions=1 compact=true
kafka.producer id=p1 acks=1
kafka.produce producer=p1 topic=users key=alice count=5
kafka.produce producer=p1 topic=users key=bob count=5
run for=1s
kafka.consumer id=c1 group=g1 topics=users
run for=1s`);
    expect(l.q('kafka.processed(c1)')).toBe(2);
    expect(l.q('kafka.committed(g1, users-0)')).toBe(10);
  });
});
