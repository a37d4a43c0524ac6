// The Kafka state is plain data: the same seed and inputs give the same trace, and rewinding then
// replaying (which restores structuredClone snapshots) reaches the same state.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

const SCRIPT = `kafka.cluster brokers=3
kafka.topic name=orders partitions=4 replication=3 minisr=2
kafka.producer id=p1 acks=all idempotent=true inflight=3
kafka.consumer id=c1 group=g1 topics=orders assignor=cooperative-sticky
kafka.consumer id=c2 group=g1 topics=orders assignor=cooperative-sticky
kafka.produce producer=p1 topic=orders count=30
run for=400ms
crash node=b1
kafka.produce producer=p1 topic=orders key=alice count=10
run for=1500ms
restart node=b1
run for=1s`;

describe('Kafka determinism', () => {
  it('same seed, same trace hash; another seed differs (keyless sticky partitions come from the seeded RNG)', () => {
    expect(lab(42, SCRIPT).session.sim.traceHash()).toBe(lab(42, SCRIPT).session.sim.traceHash());
    expect(lab(42, SCRIPT).session.sim.traceHash()).not.toBe(lab(43, SCRIPT).session.sim.traceHash());
  });

  it('seeking back and running forward again reproduces the same state', () => {
    const l = lab(7, SCRIPT);
    const sim = l.session.sim;
    const end = sim.now;
    const hash = sim.traceHash();
    const state = JSON.stringify(l.state());
    sim.seek(700);
    expect(sim.now).toBe(700);
    sim.runUntil(end);
    expect(sim.traceHash()).toBe(hash);
    expect(JSON.stringify(l.state())).toBe(state);
  });
});

describe('view selectors', () => {
  it('partition lanes and the group picture agree with the queries', async () => {
    const { partitionLanes, groupPicture } = await import('../../../src/engine/kafka/selectors.ts');
    const l = lab(7, SCRIPT);
    const s = l.state();
    const lanes = partitionLanes(s, 'orders');
    expect(lanes).toHaveLength(4);
    for (const lane of lanes) {
      expect(lane.leader).toBe(l.q(`kafka.leader(${lane.tp})`));
      expect(lane.hw).toBe(l.q(`kafka.hw(${lane.tp})`));
      expect(lane.replicas.filter((r) => r.role === 'leader')).toHaveLength(1);
      expect(lane.replicas.every((r) => r.hw <= r.leo)).toBe(true);
    }
    const pic = groupPicture(s, 'g1')!;
    expect(Object.keys(pic.owner).sort()).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
    for (const [tp, who] of Object.entries(pic.owner)) expect(l.q(`kafka.owner(g1, ${tp})`)).toBe(who);
    for (const [tp, lag] of Object.entries(pic.lag)) expect(l.q(`kafka.lag(g1, ${tp})`)).toBe(lag);
  });
});
