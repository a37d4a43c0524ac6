// Every system the engine knows has views a lesson can use: a stage with both pictures, an inspector that
// describes each of its nodes, and the lines a picture that does not know the system writes under a node.
// A new engine system without a src/views/<system>/index.ts (or one missing a part) fails here.
import { describe, expect, it } from 'vitest';
import { allSystems } from '../../../src/engine/systems.ts';
import { createSession } from '../../../src/script/runner.ts';
import { loadAllSystemViews } from '../../../src/views/load.ts';
import { registeredViews, systemsOf, viewsOf } from '../../../src/views/registry.ts';

await loadAllSystemViews();

/** A small run of each system that gives it nodes of every kind it has (its CLI scenarios' openings). */
const RUNS: Record<string, string[]> = {
  town: ['service name=app', 'service name=audit', 'subscribe service=audit topic=Done', 'publish from=app topic=Done', 'run for=50ms'],
  raft: ['raft.start servers=3', 'run until="raft.leader != none" max=5s'],
  paxos: ['paxos.start servers=3', 'paxos.propose node=s1 value=x', 'run for=200ms'],
  kafka: ['kafka.cluster brokers=3', 'kafka.topic name=orders partitions=2 replication=2', 'kafka.producer id=shop',
    'kafka.consumer id=c1 group=g topics=orders', 'kafka.produce producer=shop topic=orders key=a', 'run for=500ms'],
  sqs: ['sqs.queue name=tickets', 'sqs.send queue=tickets body=order count=2', 'sqs.consumer name=baker queue=tickets work=100ms', 'run for=300ms'],
  rabbit: ['rabbit.exchange name=orders type=fanout', 'rabbit.queue name=audit', 'rabbit.bind exchange=orders queue=audit',
    'rabbit.consumer name=auditor queue=audit work=50ms', 'rabbit.publish exchange=orders body=o', 'run for=300ms'],
  pubsub: ['pubsub.topic name=orders', 'pubsub.subscription name=hook topic=orders mode=push',
    'pubsub.subscriber name=web sub=hook work=20ms', 'pubsub.publish topic=orders body=o', 'run for=300ms'],
  stream: ['stream.topic name=board', 'stream.append topic=board body=n count=2', 'stream.reader name=kitchen topic=board work=50ms', 'run for=300ms'],
  discovery: ['discovery.start instances=2', 'discovery.client name=c1 mode=server', 'discovery.client name=c2 mode=dns', 'discovery.swim members=3', 'run for=500ms'],
  eventstore: ['eventstore.projector name=balances kind=balances', 'eventstore.clerk name=ann', 'eventstore.do clerk=ann cmd=open stream=account-1', 'run for=300ms'],
  resilience: ['resilience.server name=db workers=2 service=20ms', 'resilience.server name=api workers=4 service=50ms calls=db',
    'resilience.client name=web target=api rate=40', 'resilience.breaker node=web window=10 minCalls=5', 'run for=1500ms'],
  hashring: ['hashring.start nodes=3 keys=200 vnodes=4', 'hashring.join node=h4', 'hashring.leave node=h2', 'run for=100ms'],
  outbox: ['outbox.service name=orders design=outbox', 'outbox.consumer name=shipping inbox=true', 'outbox.save service=orders order=o1', 'run for=300ms'],
  generals: ['generals.start rounds=2 dawn=1s', 'generals.ambush messenger=3', 'run for=1s'],
  saga: ['saga.define name=lunch steps=bakery,deli,fruit', 'saga.start def=lunch', 'saga.twopc id=t1 shops=bakery,deli', 'run for=300ms'],
  election: ['election.bully nodes=3', 'election.locks ttl=1s', 'election.client name=c1', 'run for=300ms'],
  admission: ['admission.start replicas=3 clients=2 mode=available stamp=vector', 'admission.write client=c1 value=1', 'admission.pay count=3', 'run for=500ms'],
};

const isComponent = (c: unknown) => typeof c === 'function' || (typeof c === 'object' && c !== null && '$$typeof' in c);

describe('every engine system has views a lesson can use', () => {
  const names = allSystems.map((s) => s.name);

  it.each(names)('%s has a views definition with a stage, both pictures, an inspector and a summary', (sys) => {
    const def = viewsOf(sys);
    expect(def, `no src/views/<folder>/index.ts defines the views of ${sys}`).toBeDefined();
    expect(def!.stage.title.trim()).not.toBe('');
    expect(isComponent(def!.stage.Town), 'stage.Town').toBe(true);
    expect(isComponent(def!.stage.Tech), 'stage.Tech').toBe(true);
    expect(typeof def!.inspect.node).toBe('function');
    expect(typeof def!.summary).toBe('function');
  });

  it.each(names)('%s: the inspector describes every node of a run, and the summary says something about each', (sys) => {
    const lines = RUNS[sys];
    expect(lines, `add a small run of ${sys} to RUNS`).toBeDefined();
    const s = createSession(3);
    for (const l of lines!) expect(s.exec(l).error, l).toBeUndefined();
    const def = viewsOf(sys)!;
    const nodes = s.sim.nodes().filter((n) => n.sys === sys);
    expect(nodes.length, `the run of ${sys} makes no nodes`).toBeGreaterThan(0);
    for (const n of nodes) {
      const seen = def.inspect.node(s.sim, n.id, sys);
      expect(seen, `no inspection for ${sys} node ${n.id}`).not.toBeNull();
      expect(seen!.title.trim()).not.toBe('');
      const said = def.summary(s.sim, n);
      expect(said.length, `no summary for ${sys} node ${n.id}`).toBeGreaterThan(0);
      for (const line of said) expect(line.trim(), `${sys} node ${n.id}`).not.toBe('');
    }
  });

  it('no two definitions claim the same system, and every definition draws an engine system', () => {
    const claimed = registeredViews().flatMap((d) => systemsOf(d));
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const sys of claimed) expect(names).toContain(sys);
  });
});

describe('what the views say, through the registry', () => {
  it('a town service is inspected as its record, the board by the rows every node has', () => {
    const s = createSession(1);
    s.exec('service name=bakery work=40ms');
    s.exec('publish from=bakery topic=Flour');
    const town = viewsOf('town')!;
    const bakery = town.inspect.node(s.sim, 'bakery', 'town')!;
    expect(bakery.title).toBe('Node bakery');
    expect(Object.fromEntries(bakery.rows)).toMatchObject({ kind: 'bakery', work: 40 });
    expect(town.inspect.node(s.sim, 'board', 'town')).toEqual({ title: 'Node board', rows: [] });
    expect(town.inspect.other!(s.sim, { kind: 'topic', id: 'Flour' })?.title).toBe('Topic Flour');
  });
});
