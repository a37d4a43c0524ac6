// Scenario commands for producers and consumers.
import { argBool, argList, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { SystemContext } from '../core/types.ts';
import { ASSIGNORS, type AssignorName } from './assignors.ts';
import { SYS } from './commands-cluster.ts';
import { DEFAULT_CONSUMER, DEFAULT_PRODUCER } from './config.ts';
import { leaveGroup, startConsumer } from './consumer.ts';
import { commitOffsets } from './consumer-poll.ts';
import { produceRecord } from './producer.ts';
import type { CommitMode, Consumer, KafkaState, Producer } from './state.ts';
import { initProducerIdentity } from './system.ts';
import { beginTransaction, endTransaction } from './txn-client.ts';

const CLUSTER = 'kafka.cluster brokers=3\nkafka.topic name=orders partitions=3 replication=3 minisr=2';
const num = (a: ArgValues, n: string, d: number) => (typeof a[n] === 'number' ? (a[n] as number) : d);

const needProducer = (s: KafkaState, id: string) => s.producers[id] ?? (() => { throw new CommandError(`no producer '${id}'; add it with kafka.producer id=${id}`); })();
const needConsumer = (s: KafkaState, id: string) => s.consumers[id] ?? (() => { throw new CommandError(`no consumer '${id}'; add it with kafka.consumer id=${id} group=g1 topics=...`); })();
const free = (s: KafkaState, ctx: SystemContext, id: string) => {
  if (s.brokers[id] || s.producers[id] || s.consumers[id] || id === 'controller') throw new CommandError(`'${id}' already exists`);
  if (s.brokerOrder.length === 0) throw new CommandError('start the cluster first: kafka.cluster brokers=3');
  ctx.addNode(id);
};

export const clientCommands: CommandSpec[] = [
  {
    name: 'kafka.producer', sys: SYS, summary: 'Add a producer with its delivery settings.',
    args: [
      { name: 'id', type: 'node', required: true, doc: 'its node id' },
      { name: 'acks', type: 'enum', values: ['0', '1', 'all'], default: 'all', doc: 'wait for no one, the leader, or every in-sync replica' },
      { name: 'retries', type: 'int', default: '5', doc: 'how often a failed batch is sent again' },
      { name: 'linger', type: 'duration', default: '0ms', doc: 'linger.ms: wait this long to fill a batch' },
      { name: 'batch', type: 'int', default: '100', doc: 'records per batch at most' },
      { name: 'idempotent', type: 'bool', default: 'false', doc: 'enable.idempotence: producer id + sequence numbers, so retries are not written twice' },
      { name: 'txn', type: 'string', doc: 'transactional.id (implies idempotent)' },
      { name: 'inflight', type: 'int', default: '1', doc: 'max.in.flight.requests per partition' },
      { name: 'timeout', type: 'duration', default: '1s', doc: 'request.timeout.ms: retry when no answer comes by then' },
      { name: 'keyless', type: 'enum', values: ['sticky', 'roundrobin'], default: 'sticky', doc: 'where records without a key go' },
    ],
    example: 'kafka.producer id=p1 acks=all idempotent=true', setup: CLUSTER,
    run: (sim, a) => {
      const id = argString(a, 'id');
      const acks = argString(a, 'acks');
      sim.act<KafkaState>(SYS, `kafka.producer id=${id} acks=${acks}`, (s, ctx) => {
        free(s, ctx, id);
        const txn = typeof a.txn === 'string' ? a.txn : null;
        const p: Producer = {
          id, config: {
            ...DEFAULT_PRODUCER, acks: acks === 'all' ? -1 : (Number(acks) as 0 | 1), retries: num(a, 'retries', 5), lingerMs: num(a, 'linger', 0),
            batchRecords: Math.max(1, num(a, 'batch', 100)), idempotent: argBool(a, 'idempotent') || txn !== null, transactionalId: txn,
            maxInFlight: Math.max(1, num(a, 'inflight', 1)), requestTimeoutMs: num(a, 'timeout', 1000), keyless: (a.keyless as 'sticky' | 'roundrobin') ?? 'sticky',
          },
          pid: -1, epoch: 0, nextSeq: {}, accum: {}, lingerTimers: {}, inflight: [], sticky: {}, roundRobin: {},
          txn: { state: 'none', partitions: [], endSent: false, timer: null }, fenced: false, bumpEpoch: false, stats: { sent: 0, acked: 0, failed: 0, retries: 0, lastError: null },
        };
        if (txn !== null && p.config.acks !== -1) throw new CommandError('a transactional producer needs acks=all');
        s.producers[id] = p;
        initProducerIdentity(s, ctx, id);
      });
    },
  },
  {
    name: 'kafka.produce', sys: SYS, summary: 'Send records: the key picks the partition (murmur2), no key uses the keyless strategy.',
    args: [
      { name: 'producer', type: 'node', required: true, doc: 'which producer sends' },
      { name: 'topic', type: 'string', required: true, doc: 'the topic' },
      { name: 'key', type: 'string', doc: 'the record key (omit for a keyless record)' },
      { name: 'value', type: 'string', doc: 'the value (numbered -1, -2, ... when count > 1; default v<id>)' },
      { name: 'tombstone', type: 'bool', default: 'false', doc: 'send a null value: deletes the key under compaction' },
      { name: 'count', type: 'int', default: '1', doc: 'how many records' },
      { name: 'partition', type: 'int', doc: 'send to this partition, ignoring the key' },
    ],
    example: 'kafka.produce producer=p1 topic=orders key=alice value=pie', setup: `${CLUSTER}\nkafka.producer id=p1`,
    run: (sim, a) => {
      const id = argString(a, 'producer');
      const topic = argString(a, 'topic');
      const key = typeof a.key === 'string' ? a.key : null;
      const count = num(a, 'count', 1);
      const label = `kafka.produce producer=${id} topic=${topic}${key !== null ? ` key=${key}` : ''}${count > 1 ? ` count=${count}` : ''}`;
      const out: string[] = [];
      sim.act<KafkaState>(SYS, label, (s, ctx) => {
        out.length = 0;
        const p = needProducer(s, id);
        if (!s.topics[topic]) throw new CommandError(`no topic '${topic}'; create it with kafka.topic name=${topic}`);
        if (!ctx.isUp(id)) throw new CommandError(`${id} is down; restart it first`);
        if (p.fenced) throw new CommandError(`${id} was fenced by a newer instance with the same transactional id`);
        if (p.config.transactionalId !== null && p.txn.state !== 'ongoing') throw new CommandError(`${id} is transactional: begin a transaction first (kafka.txn producer=${id} action=begin)`);
        const part = typeof a.partition === 'number' ? a.partition : undefined;
        if (part !== undefined && (part < 0 || part >= s.topics[topic]!.partitions)) throw new CommandError(`${topic} has partitions 0..${s.topics[topic]!.partitions - 1}`);
        if (count < 1 || count > 100_000) throw new CommandError('count must be 1..100000');
        for (let i = 0; i < count; i++) {
          const value = argBool(a, 'tombstone') ? null : typeof a.value === 'string' ? (count > 1 ? `${a.value}-${i + 1}` : a.value) : `v${s.nextId}`;
          const tp = produceRecord(s, ctx, p, topic, key, value, part);
          if (count <= 3) out.push(`${key ?? '(no key)'} -> ${tp}`);
        }
      });
      return out;
    },
  },
  {
    name: 'kafka.txn', sys: SYS, summary: 'Begin, commit or abort a transaction on a transactional producer.',
    args: [
      { name: 'producer', type: 'node', required: true, doc: 'a producer created with txn=...' },
      { name: 'action', type: 'enum', values: ['begin', 'commit', 'abort'], required: true, doc: 'what to do' },
    ],
    example: 'kafka.txn producer=p1 action=begin', setup: `${CLUSTER}\nkafka.producer id=p1 txn=tx1`,
    run: (sim, a) => {
      const id = argString(a, 'producer');
      const action = argString(a, 'action');
      sim.act<KafkaState>(SYS, `kafka.txn producer=${id} action=${action}`, (s, ctx) => {
        const p = needProducer(s, id);
        if (p.config.transactionalId === null) throw new CommandError(`${id} is not transactional; create it with txn=<id>`);
        if (action === 'begin') {
          if (p.txn.state !== 'none') throw new CommandError(`${id} already has a transaction ${p.txn.state}`);
          beginTransaction(p);
        } else {
          if (p.txn.state !== 'ongoing') throw new CommandError(`${id} has no open transaction`);
          endTransaction(s, ctx, p, action === 'commit');
        }
      });
    },
  },
  ...consumerCommands(),
];

function consumerCommands(): CommandSpec[] {
  const SETUP = `${CLUSTER}\nkafka.producer id=p1\nkafka.consumer id=c1 group=g1 topics=orders`;
  return [
    {
      name: 'kafka.consumer', sys: SYS, summary: 'Add a consumer to a group; it joins, gets partitions and starts reading.',
      args: [
        { name: 'id', type: 'node', required: true, doc: 'its node id' },
        { name: 'group', type: 'string', required: true, doc: 'its consumer group' },
        { name: 'topics', type: 'strings', required: true, doc: 'topics it subscribes to' },
        { name: 'assignor', type: 'enum', values: ASSIGNORS, default: 'range', doc: 'partition.assignment.strategy (cooperative-sticky rebalances incrementally)' },
        { name: 'commit', type: 'enum', values: ['auto', 'before', 'after', 'manual'], default: 'after', doc: 'when offsets are committed' },
        { name: 'autocommit', type: 'duration', default: '500ms', doc: 'auto.commit.interval.ms (commit=auto)' },
        { name: 'reset', type: 'enum', values: ['earliest', 'latest'], default: 'earliest', doc: 'auto.offset.reset: where to start with no committed offset' },
        { name: 'isolation', type: 'enum', values: ['read_uncommitted', 'read_committed'], default: 'read_uncommitted', doc: 'isolation.level' },
        { name: 'maxpoll', type: 'int', default: '10', doc: 'max.poll.records per batch' },
        { name: 'process', type: 'duration', default: '10ms', doc: 'time to process one record' },
        { name: 'session', type: 'duration', default: '600ms', doc: 'session.timeout.ms' },
        { name: 'heartbeat', type: 'duration', default: '150ms', doc: 'heartbeat.interval.ms' },
        { name: 'eos', type: 'bool', default: 'false', doc: 'exactly-once: effects and offsets of each batch commit together' },
      ],
      example: 'kafka.consumer id=c1 group=g1 topics=orders commit=after', setup: `${CLUSTER}`,
      run: (sim, a) => {
        const id = argString(a, 'id');
        const groupId = argString(a, 'group');
        const topics = [...argList(a, 'topics')];
        sim.act<KafkaState>(SYS, `kafka.consumer id=${id} group=${groupId} topics=${topics.join(',')}`, (s, ctx) => {
          free(s, ctx, id);
          for (const t of topics) if (!s.topics[t]) throw new CommandError(`no topic '${t}'`);
          const assignor = (a.assignor as AssignorName | undefined) ?? 'range';
          const eos = argBool(a, 'eos');
          const g = s.groups[groupId];
          if (g && g.assignor !== assignor) throw new CommandError(`group ${groupId} uses ${g.assignor}; every member must use the same assignor`);
          s.groups[groupId] ??= {
            id: groupId, coordinator: null, state: 'Empty', generation: 0, leader: null, assignor, members: {}, order: [], assignment: {},
            committed: {}, commitHistory: [], rebalances: [], rebalanceStartedAt: null, delayJoinUntil: null, checkTimer: null, nextMember: 1, eos, lagSamples: [],
          };
          const c: Consumer = {
            id, group: groupId, topics, config: {
              ...DEFAULT_CONSUMER, assignor, commit: (a.commit as CommitMode | undefined) ?? 'after', autoCommitMs: num(a, 'autocommit', 500),
              reset: (a.reset as 'earliest' | 'latest' | undefined) ?? 'earliest', isolation: (a.isolation as 'read_committed' | undefined) ?? 'read_uncommitted',
              maxPoll: Math.max(1, num(a, 'maxpoll', 10)), processMs: num(a, 'process', 10), sessionMs: num(a, 'session', 600), heartbeatMs: num(a, 'heartbeat', 150), eos,
            },
            memberId: null, generation: -1, phase: 'down', owned: [], position: {}, batch: null, busy: 'idle', fetchRr: 0, lastCommit: ctx.now,
            heartbeatTimer: null, workTimer: null, staged: [], sought: {}, processedCount: 0, lastJoinAt: ctx.now, rejoinPending: false, fetchReq: 0, previousAssignment: null,
          };
          s.consumers[id] = c;
          startConsumer(s, ctx, c);
        });
      },
    },
    {
      name: 'kafka.commit', sys: SYS, summary: "Commit a consumer's current positions now (commitAsync).",
      args: [{ name: 'consumer', type: 'node', required: true, doc: 'which consumer' }],
      example: 'kafka.commit consumer=c1', setup: `${SETUP}\nrun for=200ms`,
      run: (sim, a) => {
        const id = argString(a, 'consumer');
        sim.act<KafkaState>(SYS, `kafka.commit consumer=${id}`, (s, ctx) => {
          const c = needConsumer(s, id);
          if (c.phase !== 'stable') throw new CommandError(`${id} is not in a stable group right now (${c.phase})`);
          const offsets = { ...c.position };
          if (c.batch) offsets[c.batch.tp] = c.batch.records[c.batch.next]?.offset ?? c.batch.endOffset;
          commitOffsets(s, ctx, c, offsets, false);
        });
      },
    },
    {
      name: 'kafka.seek', sys: SYS, summary: 'Move a consumer\'s position on one partition (to an offset, or to the earliest/latest).',
      args: [
        { name: 'consumer', type: 'node', required: true, doc: 'which consumer' },
        { name: 'partition', type: 'string', required: true, doc: 'a partition it owns, like orders-0' },
        { name: 'offset', type: 'int', doc: 'the offset to read next' },
        { name: 'to', type: 'enum', values: ['earliest', 'latest'], doc: 'or: the start or the end of the log' },
      ],
      example: 'kafka.seek consumer=c1 partition=orders-0 offset=0', setup: `${SETUP}\nrun for=1s`,
      run: (sim, a) => {
        const id = argString(a, 'consumer');
        const tp = argString(a, 'partition');
        sim.act<KafkaState>(SYS, `kafka.seek consumer=${id} partition=${tp}${a.offset !== undefined ? ` offset=${String(a.offset)}` : ` to=${String(a.to)}`}`, (s) => {
          const c = needConsumer(s, id);
          if (!c.owned.includes(tp)) throw new CommandError(`${id} does not own ${tp} (it owns ${c.owned.join(',') || 'nothing'})`);
          const leader = s.partitions[tp]!.leader;
          const r = leader ? s.brokers[leader]!.replicas[tp]! : undefined;
          const offset = typeof a.offset === 'number' ? a.offset : a.to === 'latest' ? r?.hw ?? 0 : r?.logStart ?? 0;
          c.position[tp] = offset;
          c.sought[tp] = true;
          if (c.batch?.tp === tp) c.batch.records = c.batch.records.slice(0, c.batch.next);
        });
      },
    },
    {
      name: 'kafka.leave', sys: SYS, summary: 'Close a consumer cleanly: it leaves its group at once (no session timeout wait).',
      args: [{ name: 'consumer', type: 'node', required: true, doc: 'which consumer' }],
      example: 'kafka.leave consumer=c1', setup: SETUP,
      run: (sim, a) => {
        const id = argString(a, 'consumer');
        sim.act<KafkaState>(SYS, `kafka.leave consumer=${id}`, (s, ctx) => {
          const c = needConsumer(s, id);
          leaveGroup(s, ctx, c);
        });
      },
    },
  ];
}
