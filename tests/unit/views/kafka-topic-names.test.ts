// A group that reads several topics names its partitions with their topic ("t1-0"): "reads 0,1" would not
// say which topic's partition 0 (issue #12). A group of one topic keeps the bare numbers.
import { describe, expect, it } from 'vitest';
import { runLab } from './kafka-scenes.ts';
import { memberText } from '../../../src/views/kafka/TechBand.tsx';
import { rebalanceLine } from '../../../src/views/kafka/describe.ts';

const TWO_TOPICS = `
kafka.cluster brokers=3
kafka.topic name=t1 partitions=2 replication=1 minisr=1
kafka.topic name=t2 partitions=1 replication=1 minisr=1
kafka.consumer id=c1 group=both topics=t1,t2 assignor=range
kafka.consumer id=c2 group=both topics=t1,t2 assignor=range
kafka.consumer id=o1 group=one topics=t1 assignor=range
run for=1s`;

describe('partitions named for a group of several topics', () => {
  const pic = runLab(TWO_TOPICS).picture();
  const both = pic.groups.find((g) => g.id === 'both')!;
  const one = pic.groups.find((g) => g.id === 'one')!;

  it('a member of a two-topic group lists topic-partitions, even when it holds one topic only', () => {
    // range: c1 takes t1-0 and t2-0, c2 only t1-1 (which a bare "1" would leave ambiguous).
    expect(both.members.find((m) => m.id === 'c2')!.owned).toEqual(['t1-1']);
    for (const m of both.members) {
      expect(m.owned.length).toBeGreaterThan(0);
      const text = memberText(m, true, true);
      for (const tp of m.owned) expect(text).toContain(tp);
      expect(text).toMatch(/t[12]-\d/);
    }
  });

  it("the rebalance line names the two-topic group's partitions with their topic, the one-topic group's by number", () => {
    expect(rebalanceLine(both, pic.now)).toMatch(/c1 –→t\d-\d/);
    const line = rebalanceLine(one, pic.now)!;
    expect(line).toContain('o1 –→0,1');
    expect(line).not.toContain('t1-');
  });
});
