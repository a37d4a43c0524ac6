// The Kafka system: routes each message and timer to the controller, a broker, a producer or a
// consumer, and says what each keeps through a crash.
import type { Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { brokerTick, onBrokerCrash, onBrokerMessage, onBrokerRestart } from './broker.ts';
import { controllerTick, onAlterPartition, onBrokerHeartbeat } from './controller.ts';
import { dropVolatile, onHeartbeatResponse, onHeartbeatTimer, onJoinResponse, onSyncResponse, startConsumer } from './consumer.ts';
import { onCommitResponse, onFetchResponse, onWorkTimer } from './consumer-poll.ts';
import { onGroupCheck } from './group.ts';
import { kafkaInvariants } from './invariants.ts';
import { onLinger, onProduceResponse, onProducerCrash, onRequestTimeout } from './producer.ts';
import { kafkaQueries } from './queries.ts';
import { CONTROLLER, initialKafkaState, type KafkaState } from './state.ts';
import { onEndTxnResponse, onEndTxnTimeout } from './txn-client.ts';
import { initTransactionalProducer, onTxnMarkerRetry } from './txn-coordinator.ts';
import { formatKafkaMessage } from './format.ts';

function onMessage(s: KafkaState, node: NodeId, from: NodeId, msg: Message, ctx: SystemContext): void {
  s.audit.fresh = {};
  if (node === CONTROLLER) {
    if (msg.type === 'BrokerHeartbeat') onBrokerHeartbeat(s, ctx, from, (msg.incarnation as number | undefined) ?? 0);
    else if (msg.type === 'AlterPartition') onAlterPartition(s, ctx, from, msg.tp as string, msg.epoch as number, msg.isr as NodeId[]);
    return;
  }
  const b = s.brokers[node];
  if (b) { onBrokerMessage(s, ctx, b, from, msg); return; }
  const p = s.producers[node];
  if (p) {
    if (msg.type === 'ProduceResponse') onProduceResponse(s, ctx, p, msg);
    else if (msg.type === 'EndTxnResponse') onEndTxnResponse(s, ctx, p, msg.error as string | null, msg.commit as boolean);
    return;
  }
  const c = s.consumers[node];
  if (!c || c.phase === 'down') return;
  switch (msg.type) {
    case 'JoinResponse': onJoinResponse(s, ctx, c, msg); return;
    case 'SyncResponse': onSyncResponse(s, ctx, c, msg); return;
    case 'HeartbeatResponse': onHeartbeatResponse(s, ctx, c, msg.error as string | null); return;
    case 'FetchResponse': onFetchResponse(s, ctx, c, msg); return;
    case 'OffsetCommitResponse': onCommitResponse(s, ctx, c, msg); return;
  }
}

function onTimer(s: KafkaState, node: NodeId, name: string, data: unknown, ctx: SystemContext): void {
  s.audit.fresh = {};
  if (node === CONTROLLER) { if (name === 'tick') controllerTick(s, ctx); return; }
  const b = s.brokers[node];
  if (b) {
    if (name === 'tick') brokerTick(s, ctx, b);
    else if (name === 'group-check') onGroupCheck(s, ctx, b, data as string);
    else if (name === 'txn-markers') onTxnMarkerRetry(s, ctx, b, data as string);
    return;
  }
  const p = s.producers[node];
  if (p) {
    if (name === 'linger') onLinger(s, ctx, p, data as string);
    else if (name === 'request-timeout') onRequestTimeout(s, ctx, p, data as number);
    else if (name === 'endtxn-timeout') onEndTxnTimeout(s, ctx, p);
    return;
  }
  const c = s.consumers[node];
  if (!c || c.phase === 'down') return;
  if (name === 'heartbeat') onHeartbeatTimer(s, ctx, c);
  else onWorkTimer(s, ctx, c, name);
}

function onCrash(s: KafkaState, node: NodeId, ctx: SystemContext): void {
  s.audit.fresh = {};
  if (node === CONTROLLER) { s.controller.tickTimer = null; return; }
  const b = s.brokers[node];
  if (b) { onBrokerCrash(s, b); for (const g of Object.values(s.groups)) if (g.coordinator === node) g.checkTimer = null; return; }
  const p = s.producers[node];
  if (p) { onProducerCrash(p, ctx); return; }
  const c = s.consumers[node];
  if (c) {
    const lost = c.batch ? c.batch.records.length - c.batch.next : 0;
    ctx.note(node, `crashed${lost ? ` with ${lost} fetched record${lost === 1 ? '' : 's'} unprocessed` : ''}; its position is gone, the group's committed offsets remain`);
    dropVolatile(c, ctx);
  }
}

function onRestart(s: KafkaState, node: NodeId, ctx: SystemContext): void {
  s.audit.fresh = {};
  if (node === CONTROLLER) {
    for (const b of s.brokerOrder) s.controller.lastHeartbeat[b] = ctx.now;
    controllerTick(s, ctx);
    return;
  }
  const b = s.brokers[node];
  if (b) { onBrokerRestart(s, ctx, b); return; }
  const p = s.producers[node];
  if (p) { initProducerIdentity(s, ctx, p.id); return; }
  const c = s.consumers[node];
  if (c) startConsumer(s, ctx, c);
}

/** InitProducerId: a fresh producer id for an idempotent producer; a bumped epoch for a transactional one. */
export function initProducerIdentity(s: KafkaState, ctx: SystemContext, id: NodeId): void {
  const p = s.producers[id]!;
  p.fenced = false;
  if (p.config.transactionalId !== null) {
    const r = initTransactionalProducer(s, ctx, p.id, p.config.transactionalId);
    p.pid = r.pid;
    p.epoch = r.epoch;
  } else if (p.config.idempotent) {
    p.pid = s.nextPid++;
    p.epoch = 0;
  } else {
    p.pid = -1;
  }
}

export const kafkaSystem: SystemDef<KafkaState> = {
  name: 'kafka',
  initialState: initialKafkaState,
  onMessage,
  onTimer,
  onCrash,
  onRestart,
  invariants: kafkaInvariants,
  queries: kafkaQueries,
  formatMessage: formatKafkaMessage,
};
