// Messages on the wire between the queue services and their clients, as flights for the shared
// FlightLayer: each one leaves from (or arrives at) the queue, exchange, subscription or topic it names,
// not the service's middle, so a receive visibly comes out of its queue. Also which of the drawn items
// each one carries, so pointing at a message lights up the flights that move it.
import type { InFlight } from '../../engine/core/index.ts';
import { curveControl, type Point } from '../shared/geometry.ts';
import type { FlightSpec } from '../kit/FlightLayer.tsx';
import { itemId, recordId, type QueueSys } from './ids.ts';
import { leftMid, rightMid, type Rect } from './layout.ts';

const SERVICE: Record<QueueSys, string> = { sqs: 'sqs', rabbit: 'rabbit', pubsub: 'pubsub', stream: 'stream' };

/** The item on the service's side a wire message is about (its queue, exchange, subscription or topic). */
export function serviceItem(sys: QueueSys, msg: Record<string, unknown>): string | null {
  const s = (k: string) => (typeof msg[k] === 'string' ? (msg[k] as string) : null);
  switch (sys) {
    case 'sqs': return s('queue') ? itemId('sqs', 'queue', s('queue')!) : null;
    case 'rabbit':
      if (msg.type === 'Publish') return s('exchange') ? itemId('rabbit', 'exchange', s('exchange')!) : s('key') ? itemId('rabbit', 'queue', s('key')!) : null;
      return s('queue') ? itemId('rabbit', 'queue', s('queue')!) : null;
    case 'pubsub': return msg.type === 'Publish' ? (s('topic') ? itemId('pubsub', 'topic', s('topic')!) : null) : s('sub') ? itemId('pubsub', 'sub', s('sub')!) : null;
    case 'stream': return s('topic') ? itemId('stream', 'topic', s('topic')!) : null;
  }
}

/** The drawn messages (chips) a wire message carries or acknowledges. */
export function carriedItems(sys: QueueSys, msg: Record<string, unknown>): string[] {
  const ids = (list: unknown) => (Array.isArray(list) ? list.map((x) => (x as { id: number }).id) : []);
  switch (sys) {
    case 'sqs':
      if (msg.type === 'Messages') return ids(msg.messages).map((id) => itemId('sqs', 'msg', id));
      return typeof msg.id === 'number' ? [itemId('sqs', 'msg', msg.id)] : [];
    case 'rabbit': return msg.type === 'Deliver' && typeof msg.id === 'number' ? [itemId('rabbit', 'msg', msg.id)] : [];
    case 'pubsub':
      if (msg.type === 'PullResponse') return ids(msg.messages).map((id) => itemId('pubsub', 'msg', id));
      return msg.type === 'Push' && typeof msg.id === 'number' ? [itemId('pubsub', 'msg', msg.id)] : [];
    case 'stream':
      if (msg.type !== 'Records' || !Array.isArray(msg.records)) return [];
      return (msg.records as { offset: number }[]).map((r) => recordId(String(msg.topic), r.offset));
  }
}

/** A few words for the flight's label in the technical picture. */
export function shortLabel(msg: Record<string, unknown>): string {
  const list = (xs: unknown, key: string) => (Array.isArray(xs) ? xs.map((x) => `${key === 'offset' ? '@' : '#'}${(x as Record<string, number>)[key]}`) : []);
  const few = (xs: string[]) => (xs.length === 0 ? 'empty' : xs.length > 3 ? `${xs.slice(0, 2).join(',')}…+${xs.length - 2}` : xs.join(','));
  switch (msg.type) {
    case 'ReceiveMessage': return 'receive?';
    case 'Messages': return few(list(msg.messages, 'id'));
    case 'DeleteMessage': return `delete #${String(msg.id)}`;
    case 'ChangeMessageVisibility': return `extend #${String(msg.id)}`;
    case 'SendMessage': return `send ${String(msg.body)}`;
    case 'Deliver': return `#${String(msg.id)}${msg.redelivered ? ' (again)' : ''}`;
    case 'Ack': return 'ack';
    case 'Nack': return msg.requeue ? 'nack ↺' : 'reject';
    case 'Publish': return `publish ${String(msg.body)}`;
    case 'Pull': return 'pull?';
    case 'PullResponse': return few(list(msg.messages, 'id'));
    case 'Push': return `push #${String(msg.id)}`;
    case 'PushResult': return msg.ok ? '200 ok' : 'error';
    case 'Acknowledge': return 'ack';
    case 'ModifyAckDeadline': return Number(msg.deadline) === 0 ? 'nack' : 'extend';
    case 'Append': return `append ${String(msg.body)}`;
    case 'Fetch': return `fetch @${msg.offset === null ? 'bookmark' : String(msg.offset)}`;
    case 'Records': return few(list(msg.records, 'offset'));
    case 'Commit': return `bookmark @${String(msg.offset)}`;
    default: return String(msg.type);
  }
}

/** What a flight looks like in the town: a letter carries messages, a tick acknowledges, a question asks. */
export type FlightLook = 'letter' | 'tick' | 'ask' | 'empty';
export function flightLook(msg: Record<string, unknown>): FlightLook {
  switch (msg.type) {
    case 'ReceiveMessage': case 'Pull': case 'Fetch': return 'ask';
    case 'DeleteMessage': case 'Ack': case 'Acknowledge': case 'Commit': case 'PushResult': case 'ChangeMessageVisibility': return 'tick';
    case 'Nack': case 'ModifyAckDeadline': return 'empty';
    case 'Messages': case 'PullResponse': case 'Records': {
      const xs = (msg.messages ?? msg.records) as unknown[] | undefined;
      return xs && xs.length ? 'letter' : 'empty';
    }
    default: return 'letter';
  }
}

export interface QueueFlight extends FlightSpec { sys: QueueSys; carries: string[]; look: FlightLook; short: string }

/** Flights for the systems drawn here; `rects` says where every drawn node and item is. */
export function queueFlights(inFlight: readonly InFlight[], systems: ReadonlySet<QueueSys>, rects: Readonly<Record<string, Rect>>,
  describe: (f: InFlight) => string): QueueFlight[] {
  const out: QueueFlight[] = [];
  inFlight.forEach((f, k) => {
    const sys = f.sys as QueueSys;
    if (!systems.has(sys)) return;
    const msg = f.msg as unknown as Record<string, unknown>;
    const service = SERVICE[sys];
    const item = serviceItem(sys, msg);
    const end = (node: string): Rect | undefined => (node === service ? (item ? rects[item] : undefined) ?? rects[`node:${node}`] : rects[`node:${node}`]);
    const ra = end(f.from);
    const rb = end(f.to);
    if (!ra || !rb) return;
    const [a, b] = facing(ra, rb);
    out.push({
      msgId: f.msgId, key: `${f.msgId}:${k}`, type: f.msg.type, notice: null, topic: null, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt,
      a, b, c: curveControl(a, b, 0.12), label: `${describe(f)} from ${f.from} to ${f.to}, arrives at ${f.arrivesAt} ms${f.doomed ? ' (it will be lost)' : ''}`,
      sys, carries: carriedItems(sys, msg), look: flightLook(msg), short: shortLabel(msg),
    });
  });
  return out;
}

/** The sides of two boxes that face each other (left/right by their centres). */
export function facing(a: Rect, b: Rect): [Point, Point] {
  const ax = a.x + a.w / 2;
  const bx = b.x + b.w / 2;
  if (Math.abs(ax - bx) < Math.min(a.w, b.w) / 2) {
    // One above the other (a producer over its exchange): top and bottom edges.
    return a.y < b.y ? [{ x: ax, y: a.y + a.h }, { x: bx, y: b.y }] : [{ x: ax, y: a.y }, { x: bx, y: b.y + b.h }];
  }
  return ax < bx ? [rightMid(a), leftMid(b)] : [leftMid(a), rightMid(b)];
}
