// The Kafka picture model and its lag history: what both pictures draw, checked against the engine's
// queries on real runs.
import { describe, expect, it } from 'vitest';
import { lagScale, lagSeries, MAX_LAG_POINTS, sparkPaths } from '../../../src/views/kafka/lag-history.ts';
import { groupTags } from '../../../src/views/kafka/model.ts';
import { parseItem, partitionItem, recordItem, groupItem } from '../../../src/views/kafka/ids.ts';
import { itemActions } from '../../../src/views/kafka/actions.ts';
import { inspectItem, inspectNode } from '../../../src/views/kafka/inspect.ts';
import { BIG, LESSON03, runLab } from './kafka-scenes.ts';

describe('kafka picture', () => {
  it('12 partitions x 5 brokers x 3 groups: copies, leaders, owners and lag agree with the queries', () => {
    const lab = runLab(BIG);
    const pic = lab.picture();
    expect(pic.partitions).toHaveLength(12);
    expect(pic.brokers.map((b) => b.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(pic.groups.map((g) => [g.id, g.tag, g.members.length])).toEqual([['billing', 'B', 4], ['search', 'S', 2], ['audit', 'A', 1]]);
    for (const p of pic.partitions) {
      expect(p.leader).toBe(lab.sim.query(`kafka.leader(${p.tp})`));
      expect(p.hw).toBe(lab.sim.query(`kafka.hw(${p.tp})`));
      expect(p.copies).toHaveLength(3);
      expect(p.copies.filter((c) => c.role === 'leader')).toHaveLength(1);
      for (const g of pic.groups) {
        expect(g.holder[p.tp]).toBe(lab.sim.query(`kafka.owner(${g.id}, ${p.tp})`));
        expect(g.lag[p.tp]).toBe(lab.sim.query(`kafka.lag(${g.id}, ${p.tp})`));
        expect(g.status[p.tp]).toBe('reading');
      }
    }
    // Each broker leads and follows what the partitions say.
    const leads = pic.brokers.reduce((n, b) => n + b.leads.length, 0);
    expect(leads).toBe(12);
    expect(pic.brokers.reduce((n, b) => n + b.follows.length, 0)).toBe(24);
  });

  it('a crashed follower drops out of the ISR and shows behind; a crashed leader is replaced', () => {
    const lab = runLab(`
kafka.cluster brokers=3
kafka.topic name=orders partitions=1 replication=3 minisr=2
kafka.producer id=shop acks=1
run for=200ms
crash node=b3
run for=1s
kafka.produce producer=shop topic=orders key=k count=5
run for=300ms`);
    const p = lab.picture().partitions[0]!;
    const b3 = p.copies.find((c) => c.broker === 'b3')!;
    expect(p.isr).toEqual(['b1', 'b2']);
    expect(b3).toMatchObject({ inSync: false, up: false, behind: 5 });
    expect(lab.picture().brokers.find((b) => b.id === 'b3')!.outOfSync).toEqual(['orders-0']);
  });

  it('records carry their transaction state and tombstones; the HW splits visible from not yet', () => {
    const lab = runLab(`
kafka.cluster brokers=3
kafka.topic name=pay partitions=1 replication=3 minisr=2
kafka.producer id=bank txn=tx
kafka.txn producer=bank action=begin
kafka.produce producer=bank topic=pay key=a value=debit
run for=300ms
kafka.txn producer=bank action=abort
run for=300ms
kafka.txn producer=bank action=begin
kafka.produce producer=bank topic=pay key=a tombstone=true
run for=300ms`);
    const cells = lab.picture().partitions[0]!.cells;
    expect(cells.map((c) => c.control ?? c.txn)).toEqual(['aborted', 'abort', 'open']);
    expect(cells[2]!.tombstone).toBe(true);
    expect(lab.picture().partitions[0]!.lso).toBe(2);
  });

  it('tells an eager rebalance (everyone stopped) and a cooperative one (two rounds) as they happen', () => {
    const lab = runLab(`
kafka.cluster brokers=3
kafka.topic name=orders partitions=6 replication=1
kafka.consumer id=e1 group=eager topics=orders assignor=range
kafka.consumer id=e2 group=eager topics=orders assignor=range
kafka.consumer id=k1 group=coop topics=orders assignor=cooperative-sticky
kafka.consumer id=k2 group=coop topics=orders assignor=cooperative-sticky
run for=2s
kafka.consumer id=e3 group=eager topics=orders assignor=range
kafka.consumer id=k3 group=coop topics=orders assignor=cooperative-sticky
run for=10ms`);
    // Members learn of the rebalance from their next heartbeat; look at every 10 ms until it is over.
    let eagerStopped = false;
    let coopKeptReading = false;
    let roundTwo = false;
    for (let i = 0; i < 80; i++) {
      const pic = lab.picture();
      const eager = pic.groups.find((g) => g.id === 'eager')!;
      const coop = pic.groups.find((g) => g.id === 'coop')!;
      if (eager.rebalance?.active && Object.values(eager.status).every((x) => x === 'stopped')) {
        eagerStopped = true;
        expect(eager.rebalance).toMatchObject({ protocol: 'eager', round: 1 });
        expect(eager.members.filter((m) => m.id !== 'e3').every((m) => m.owned.length === 0)).toBe(true);
      }
      if (coop.rebalance?.active) {
        // k1 and k2 never let go of orders-0..3 while the group decides.
        for (const tp of ['orders-0', 'orders-1', 'orders-2', 'orders-3']) expect(coop.status[tp]).toBe('reading');
        if (coop.rebalance.round === 1) coopKeptReading = true;
        if (coop.rebalance.round === 2 && coop.rebalance.pending.length === 2) {
          expect(coop.rebalance.pending).toEqual(['orders-4', 'orders-5']);
          // Held by k1 until it lets go, then nobody's until k3 gets it in round 2.
          if (coop.status['orders-4'] === 'moving') roundTwo = true;
          else expect(coop.holder['orders-4']).toBe('k1');
        }
      }
      lab.exec('run for=10ms');
    }
    expect([eagerStopped, coopKeptReading, roundTwo]).toEqual([true, true, true]);
    const after = lab.picture().groups.find((g) => g.id === 'coop')!;
    expect(after.rebalance).toMatchObject({ active: false, round: 2 });
    expect(after.rebalance!.before).toEqual({ k1: ['orders-0', 'orders-2', 'orders-4'], k2: ['orders-1', 'orders-3', 'orders-5'] });
    expect(after.rebalance!.after.k3).toEqual(['orders-4', 'orders-5']);
    lab.exec('run for=2s');
    expect(lab.picture().groups.find((g) => g.id === 'coop')!.rebalance).toBeNull();
  });

  it('marks a retried record written twice as a duplicate, and only that one', () => {
    const lab = runLab(LESSON03['idempotence (step 12)']!);
    const cells = lab.picture().partitions[0]!.cells;
    expect(cells.map((c) => `${c.key}${c.duplicate ? '×2' : ''}`)).toEqual(['alice', 'bob', 'alice×2']);
    expect(lab.sim.query('kafka.duplicated(pay)')).toBe(1);
  });

  it('group tags are the shortest prefixes that tell groups apart', () => {
    expect(groupTags(['billing', 'search', 'shipping', 'audit'])).toEqual({ billing: 'B', search: 'SE', shipping: 'SH', audit: 'A' });
  });

  it('item ids round-trip; the inspector and the menus describe the 12-partition run', () => {
    expect(parseItem(partitionItem('orders-3'))).toEqual({ what: 'partition', tp: 'orders-3' });
    expect(parseItem(recordItem('my-topic-3', 17))).toEqual({ what: 'record', tp: 'my-topic-3', offset: 17 });
    expect(parseItem(groupItem('g1'))).toEqual({ what: 'group', group: 'g1' });
    expect(parseItem('kafka:record:orders-3:x')).toBeNull();
    const lab = runLab(BIG);
    const tp = lab.picture().partitions.find((p) => p.count > 0)!;
    const part = inspectItem(lab.sim, tp.item)!;
    expect(part.title).toBe(`Partition ${tp.tp}`);
    expect(part.rows.find(([k]) => k === 'leader')![1]).toBe(tp.leader);
    const rec = inspectItem(lab.sim, recordItem(tp.tp, tp.cells[0]!.offset))!;
    expect(rec.rows.find(([k]) => k === 'copies holding it')![1]).toHaveLength(3);
    expect(inspectItem(lab.sim, groupItem('billing'))!.rows.find(([k]) => k === 'generation')![1]).toBe(1);
    expect(inspectNode(lab.sim, 'b2')!.title).toBe('Broker b2');
    expect(inspectNode(lab.sim, 'a1')!.title).toBe('Consumer a1 (group billing)');
    expect(itemActions(lab.sim, tp.item).map((a) => a.line)).toContain(`kafka.produce producer=shop topic=orders partition=${tp.partition}`);
    expect(itemActions(lab.sim, groupItem('billing')).some((a) => a.line.startsWith('kafka.consumer id=a5 group=billing'))).toBe(true);
  });

  it('every menu action is a command the language accepts, and it runs', () => {
    const small = `
kafka.cluster brokers=3
kafka.topic name=orders partitions=2 replication=3 minisr=2
kafka.producer id=shop acks=all
kafka.consumer id=c1 group=g1 topics=orders process=20ms
kafka.produce producer=shop topic=orders key=alice count=4
run for=1s`;
    const probe = runLab(small);
    const items = [partitionItem('orders-0'), recordItem('orders-0', 1), groupItem('g1')];
    const lines = items.flatMap((id) => itemActions(probe.sim, id).map((a) => a.line));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      const fresh = runLab(small);
      fresh.exec(line);
      fresh.exec('run for=500ms');
    }
  });
});

describe('lag history', () => {
  it('is the engine\'s bounded series: 300 samples at most, a window of at most 60 points, in time order', () => {
    const lab = runLab(`
kafka.cluster brokers=1
kafka.topic name=clicks partitions=2
kafka.producer id=web acks=1
kafka.consumer id=r1 group=dash topics=clicks process=30ms
kafka.produce producer=web topic=clicks key=a count=40
run for=40s`);
    const g = lab.state().groups.dash!;
    expect(g.lagSamples.length).toBe(300);
    const series = lagSeries(g.lagSamples, 'clicks-0', lab.sim.now, 3000);
    expect(series.length).toBeLessThanOrEqual(MAX_LAG_POINTS);
    expect(series.length).toBeGreaterThanOrEqual(29);
    for (let i = 1; i < series.length; i++) expect(series[i]!.t).toBeGreaterThan(series[i - 1]!.t);
    for (const p of series) { expect(p.t).toBeGreaterThan(lab.sim.now - 3000); expect(p.t).toBeLessThanOrEqual(lab.sim.now); }
    expect(lagSeries(g.lagSamples, 'clicks-0', lab.sim.now, 60_000)).toHaveLength(MAX_LAG_POINTS);
  });

  it('records the lag as it was: zero while the reader keeps up, five while it is down', () => {
    const lab = runLab(`
kafka.cluster brokers=1
kafka.topic name=clicks partitions=1
kafka.producer id=web acks=1
kafka.consumer id=stats group=dash topics=clicks session=5s
kafka.produce producer=web topic=clicks key=page count=5
run for=1s
crash node=stats
kafka.produce producer=web topic=clicks key=page count=5
run for=1s`);
    const samples = lab.state().groups.dash!.lagSamples;
    const series = lagSeries(samples, 'clicks-0', lab.sim.now, 1600);
    const before = series.filter((p) => p.t > 600 && p.t < 1000);
    const after = series.filter((p) => p.t > 1100);
    expect(before.length).toBeGreaterThan(2);
    expect(before.map((p) => p.lag).filter((x) => x !== 0)).toEqual([]);
    expect(after.length).toBeGreaterThan(5);
    expect(after.map((p) => p.lag).filter((x) => x !== 5)).toEqual([]);
    expect(after[after.length - 1]!.lag).toBe(lab.sim.query('kafka.lag(dash, clicks-0)'));
    // Seeking back shows the history as it was then: the engine keeps it in its state.
    const whole = lagSeries(samples, 'clicks-0', lab.sim.now, 3000);
    lab.sim.seek(900);
    const then = lagSeries(lab.state().groups.dash!.lagSamples, 'clicks-0', lab.sim.now, 3000);
    expect(then.map((p) => p.t).at(-1)).toBe(810);
    expect(then).toEqual(whole.filter((p) => p.t <= 900));
  });

  it('draws a sparkline inside its box, the newest point at the right edge', () => {
    const pts = [{ t: 1000, lag: 0 }, { t: 2000, lag: 5 }, { t: 3000, lag: 10 }];
    const { line, area } = sparkPaths(pts, 3000, 2000, 40, 10, 10);
    expect(line).toBe('M0,10L20,5L40,0');
    expect(area.endsWith('L40,10L0,10Z')).toBe(true);
    expect(sparkPaths([], 0, 1000, 40, 10, 5)).toEqual({ line: '', area: '' });
    expect([lagScale(0), lagScale(3), lagScale(7), lagScale(12), lagScale(51), lagScale(200)]).toEqual([5, 5, 10, 20, 100, 200]);
  });
});

describe('kafka item focus', () => {
  it('a partition points at the messages about it; a group at its members', async () => {
    const { labStore } = await import('../../../src/store/lab-store.ts');
    const { kafkaItemFocus } = await import('../../../src/views/kafka/item-focus.ts');
    labStore.getState().load(3, [
      'kafka.cluster brokers=3', 'kafka.topic name=orders partitions=3 replication=3 minisr=2', 'kafka.producer id=shop acks=all',
      'kafka.consumer id=c1 group=g1 topics=orders', 'kafka.consumer id=c2 group=g1 topics=orders',
      'kafka.produce producer=shop topic=orders key=bob count=3', 'run for=400ms',
    ]);
    const sim = labStore.getState().session.sim;
    const f = kafkaItemFocus(partitionItem('orders-0'), sim.trace());
    expect(f.msgs!.length).toBeGreaterThan(3);
    const sent = new Map(sim.trace().filter((e) => e.kind === 'send').map((e) => [e.msgId, e.msg!]));
    for (const id of f.msgs!) {
      const m = sent.get(id) ?? sim.inFlight().find((x) => x.msgId === id)!.msg;
      expect(m.tp ?? (m.parts as { tp: string }[])[0]!.tp).toBe('orders-0');
    }
    expect(kafkaItemFocus(groupItem('g1'), sim.trace()).nodes).toEqual(['c1', 'c2']);
  });
});
