// Messages in flight, for both Kafka pictures. Most of the wire is routine — follower and consumer fetches,
// heartbeats — and would drown the picture, so those are drawn small and without a label ("quiet"); the
// messages a learner should follow (produce, its answer, group joins and syncs, commits, elections,
// transaction markers) are drawn full size with their type. Each picture supplies where a node (or a
// node's cell for one partition) is.
import type { InFlight } from '../../engine/core/index.ts';
import type { Point } from '../shared/geometry.ts';
import type { FlightSpec } from '../kit/FlightLayer.tsx';

const QUIET = new Set(['ReplicaFetch', 'ReplicaFetchResponse', 'Fetch', 'FetchResponse', 'Heartbeat', 'HeartbeatResponse', 'BrokerHeartbeat']);

export const isQuiet = (type: string) => QUIET.has(type);

/** A short name for the flight's label (the full type is in its aria-label). */
export function shortType(type: string): string {
  switch (type) {
    case 'ProduceRequest': return 'Produce';
    case 'ProduceResponse': return 'ack';
    case 'OffsetCommit': return 'Commit';
    case 'OffsetCommitResponse': return 'commit ok';
    case 'JoinResponse': return 'Joined';
    case 'SyncResponse': return 'Synced';
    case 'WriteTxnMarker': return 'Marker';
    case 'WriteTxnMarkerResponse': return 'marker ok';
    case 'EndTxnResponse': return 'txn done';
    default: return type;
  }
}

/** The partition a message is about, when it is about one. */
export function messageTp(m: InFlight['msg']): string | null {
  if (typeof m.tp === 'string') return m.tp;
  const parts = m.parts as { tp: string }[] | undefined;
  return parts && parts.length === 1 ? parts[0]!.tp : null;
}

export interface FlightGeometry {
  /** Where a node is; with `tp`, where the node's cell for that partition is (null: not drawn). */
  at(node: string, tp: string | null): Point | null;
  /** How far the path bows sideways (0: straight). */
  bend?: number;
}

export interface KafkaFlight extends FlightSpec { quiet: boolean; tp: string | null; error: string | null }

export function kafkaFlights(inFlight: readonly InFlight[], g: FlightGeometry): KafkaFlight[] {
  const out: KafkaFlight[] = [];
  inFlight.forEach((f, k) => {
    if (f.sys !== 'kafka') return;
    const tp = messageTp(f.msg);
    const a = g.at(f.from, tp);
    const b = g.at(f.to, tp);
    if (!a || !b) return;
    const bend = g.bend ?? 0.12;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const c = { x: (a.x + b.x) / 2 - dy * bend, y: (a.y + b.y) / 2 + dx * bend };
    const error = typeof f.msg.error === 'string' ? f.msg.error : null;
    const group = typeof f.msg.group === 'string' ? f.msg.group : null;
    out.push({
      msgId: f.msgId, key: `${f.msgId}:${k}`, type: f.msg.type, notice: null, topic: group, from: f.from, to: f.to,
      sentAt: f.sentAt, arrivesAt: f.arrivesAt, a, c, b, quiet: isQuiet(f.msg.type), tp, error,
      label: `${f.msg.type}${tp ? ` for ${tp}` : ''}${group ? ` (group ${group})` : ''}${error ? `, error ${error}` : ''} from ${f.from} to ${f.to}, arrives at ${f.arrivesAt}ms${f.doomed ? ', will be lost' : ''}`,
    });
  });
  // Quiet ones first, so the ones that matter are drawn on top.
  return out.sort((x, y) => Number(y.quiet) - Number(x.quiet));
}
