// A broker's loop and message handling: heartbeats to the controller, follower fetches, ISR checks,
// retention; produce, fetch, replica fetch and transaction markers.
import type { Message, NodeId, SystemContext } from '../core/types.ts';
import { onConsumerFetch } from './broker-fetch.ts';
import { onProduce, onWriteTxnMarker, type ProduceRequest } from './broker-produce.ts';
import { onGroupMessage } from './group.ts';
import { maybeShrinkIsr, releaseParked, onLeaderAndIsr, onReplicaFetch, onReplicaFetchResponse, sendReplicaFetches } from './replication.ts';
import { enforceRetention } from './retention.ts';
import { onTxnMessage } from './txn-coordinator.ts';
import { CONTROLLER, type Broker, type KafkaState } from './state.ts';

export function brokerTick(s: KafkaState, ctx: SystemContext, b: Broker): void {
  if (ctx.now - b.lastHeartbeat >= s.cluster.brokerHeartbeatMs) {
    b.lastHeartbeat = ctx.now;
    ctx.send(b.id, CONTROLLER, { type: 'BrokerHeartbeat', incarnation: b.incarnation });
  }
  sendReplicaFetches(s, ctx, b);
  releaseParked(s, ctx, b);
  maybeShrinkIsr(s, ctx, b);
  if (ctx.now - b.lastRetention >= s.cluster.retentionCheckMs) {
    b.lastRetention = ctx.now;
    enforceRetention(s, ctx, b);
  }
  b.tickTimer = ctx.setTimer(b.id, s.cluster.tickMs, 'tick');
}

export function onBrokerMessage(s: KafkaState, ctx: SystemContext, b: Broker, from: NodeId, msg: Message): void {
  switch (msg.type) {
    case 'LeaderAndIsr': onLeaderAndIsr(s, ctx, b, msg); return;
    case 'ReplicaFetch': onReplicaFetch(s, ctx, b, from, msg.parts as never); return;
    case 'ReplicaFetchResponse': onReplicaFetchResponse(s, ctx, b, from, msg.parts as never); return;
    case 'ProduceRequest': onProduce(s, ctx, b, from, msg as unknown as ProduceRequest); return;
    case 'Fetch': onConsumerFetch(s, ctx, b, from, msg); return;
    case 'WriteTxnMarker': onWriteTxnMarker(s, ctx, b, from, msg); return;
    default:
      if (onGroupMessage(s, ctx, b, from, msg)) return;
      onTxnMessage(s, ctx, b, from, msg);
  }
}

/** A crashed broker keeps its logs (they are on disk) and loses what it held in memory. */
export function onBrokerCrash(s: KafkaState, b: Broker): void {
  b.tickTimer = null;
  b.fetchSentAt = {};
  b.parked = {};
  for (const r of Object.values(b.replicas)) { r.pendingAcks = []; r.pendingIsr = null; r.followerLeo = {}; }
}

export function onBrokerRestart(s: KafkaState, ctx: SystemContext, b: Broker): void {
  b.lastHeartbeat = -Infinity;
  b.incarnation++;
  // Until the controller says otherwise, it only knows it is no longer sure who leads.
  for (const v of Object.values(b.view)) if (v.leader === b.id) v.leader = null;
  brokerTick(s, ctx, b);
}
