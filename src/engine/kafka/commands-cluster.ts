// Scenario commands that build the cluster: brokers, settings, topics.
import { argBool, argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import { addBroker, createTopic } from './cluster.ts';
import type { KafkaState } from './state.ts';

export const SYS = 'kafka';
const opt = (a: ArgValues, name: string): number | undefined => (typeof a[name] === 'number' ? (a[name] as number) : undefined);

export const clusterCommands: CommandSpec[] = [
  {
    name: 'kafka.cluster', sys: SYS, summary: 'Start a Kafka cluster: a controller and brokers b1..bN.',
    args: [
      { name: 'brokers', type: 'int', default: '3', doc: 'how many brokers' },
      { name: 'lag', type: 'duration', default: '300ms', doc: 'replica.lag.time.max.ms: a follower this far behind leaves the ISR' },
      { name: 'session', type: 'duration', default: '600ms', doc: 'broker.session.timeout.ms: the controller fences a silent broker after this' },
      { name: 'unclean', type: 'bool', default: 'false', doc: 'unclean.leader.election.enable: elect from outside the ISR rather than go offline' },
    ],
    example: 'kafka.cluster brokers=3',
    run: (sim, a) => {
      const n = argNumber(a, 'brokers');
      if (n < 1 || n > 12) throw new CommandError('a cluster needs 1 to 12 brokers');
      sim.act<KafkaState>(SYS, `kafka.cluster brokers=${n}`, (s, ctx) => {
        if (s.brokerOrder.length > 0) throw new CommandError('the cluster already exists; add brokers with kafka.broker');
        s.cluster.replicaLagMs = argNumber(a, 'lag');
        s.cluster.brokerSessionMs = argNumber(a, 'session');
        s.cluster.uncleanElection = argBool(a, 'unclean');
        for (let i = 1; i <= n; i++) addBroker(s, ctx, `b${i}`);
      });
    },
  },
  {
    name: 'kafka.broker', sys: SYS, summary: 'Add one more broker to the cluster (it hosts partitions of topics created afterwards).',
    args: [{ name: 'id', type: 'node', required: true, doc: 'its node id, e.g. b4' }],
    example: 'kafka.broker id=b4', setup: 'kafka.cluster brokers=3',
    run: (sim, a) => {
      const id = argString(a, 'id');
      sim.act<KafkaState>(SYS, `kafka.broker id=${id}`, (s, ctx) => {
        if (s.brokers[id] || s.producers[id] || s.consumers[id]) throw new CommandError(`'${id}' already exists`);
        addBroker(s, ctx, id);
      });
    },
  },
  {
    name: 'kafka.config', sys: SYS, summary: 'Change a cluster setting while it runs.',
    args: [
      { name: 'unclean', type: 'bool', doc: 'unclean.leader.election.enable' },
      { name: 'lag', type: 'duration', doc: 'replica.lag.time.max.ms' },
    ],
    example: 'kafka.config unclean=true', setup: 'kafka.cluster brokers=3',
    run: (sim, a) => {
      sim.act<KafkaState>(SYS, `kafka.config${a.unclean !== undefined ? ` unclean=${String(a.unclean)}` : ''}${a.lag !== undefined ? ` lag=${String(a.lag)}ms` : ''}`, (s) => {
        if (typeof a.unclean === 'boolean') s.cluster.uncleanElection = a.unclean;
        if (typeof a.lag === 'number') s.cluster.replicaLagMs = a.lag;
      });
    },
  },
  {
    name: 'kafka.topic', sys: SYS, summary: 'Create a topic with N partitions, each copied to R brokers.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the topic name' },
      { name: 'partitions', type: 'int', default: '3', doc: 'how many partitions' },
      { name: 'replication', type: 'int', default: '1', doc: 'copies of each partition (at most the broker count)' },
      { name: 'minisr', type: 'int', default: '1', doc: 'min.insync.replicas: acks=all needs at least this many in sync' },
      { name: 'retention', type: 'duration', doc: 'retention.ms: delete records older than this (default: keep)' },
      { name: 'bytes', type: 'int', doc: 'retention.bytes per partition (each record counts 16 bytes plus key and value)' },
      { name: 'compact', type: 'bool', default: 'false', doc: 'cleanup.policy=compact: keep only the latest record per key' },
      { name: 'tombstones', type: 'duration', default: '1s', doc: 'delete.retention.ms: how long a tombstone survives compaction' },
    ],
    example: 'kafka.topic name=orders partitions=3 replication=3 minisr=2', setup: 'kafka.cluster brokers=3',
    run: (sim, a) => {
      const name = argString(a, 'name');
      if (!/^[A-Za-z0-9._]+$/.test(name)) throw new CommandError('topic names use letters, digits, dots and underscores');
      const partitions = argNumber(a, 'partitions');
      const replication = argNumber(a, 'replication');
      sim.act<KafkaState>(SYS, `kafka.topic name=${name} partitions=${partitions} replication=${replication}`, (s, ctx) => {
        if (s.brokerOrder.length === 0) throw new CommandError('start the cluster first: kafka.cluster brokers=3');
        if (s.topics[name]) throw new CommandError(`topic '${name}' already exists`);
        if (partitions < 1 || partitions > 64) throw new CommandError('a topic has 1 to 64 partitions');
        if (replication < 1 || replication > s.brokerOrder.length) throw new CommandError(`replication must be 1..${s.brokerOrder.length} (the broker count)`);
        createTopic(s, ctx, {
          name, partitions, replication, minIsr: argNumber(a, 'minisr'), retentionMs: opt(a, 'retention') ?? -1,
          retentionBytes: opt(a, 'bytes') ?? -1, compact: argBool(a, 'compact'), deleteRetentionMs: argNumber(a, 'tombstones'),
        });
      });
    },
  },
];
