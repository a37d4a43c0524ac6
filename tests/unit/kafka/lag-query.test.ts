// kafka.lag(group) sums the lag over the topics the group reads: records in a topic it does not
// subscribe to are not its lag.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

describe('kafka.lag', () => {
  it('without a partition counts only the group\'s own topics', () => {
    const l = lab(1, `
kafka.cluster brokers=1
kafka.topic name=orders partitions=2
kafka.topic name=other partitions=1
kafka.producer id=p1 acks=1
kafka.consumer id=c1 group=g1 topics=orders
kafka.produce producer=p1 topic=orders key=a count=4
kafka.produce producer=p1 topic=other key=a count=7
run for=1s`);
    expect(l.q('kafka.applied(g1)')).toBe(4);
    expect(l.q('kafka.lag(g1)')).toBe(0);
    // Asked about the other topic explicitly, the group has read none of it.
    expect(l.q('kafka.lag(g1, other)')).toBe(7);
  });
});
