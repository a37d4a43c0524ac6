// The outbox system's messages in flight, for both pictures: a Publish is a slip with its event ids, a
// Deliver a pinned card, an acknowledgement a tick. Each flies between the layout's anchors.
import type { InFlight } from '../../engine/core/index.ts';
import type { OutEvent } from '../../engine/outbox/index.ts';
import type { Flight } from '../kit/FlightLayer.tsx';
import { curveControl } from '../shared/geometry.ts';
import { OKABE_ITO } from '../shared/palette.ts';
import { edgeToward, type OutboxLayout } from './layout.ts';
import { outboxMessageWords } from './model.ts';

export interface OutboxFlight extends Flight { tag: string; type: string; doomed: boolean }

export function outboxFlights(inFlight: readonly InFlight[], l: OutboxLayout): OutboxFlight[] {
  return inFlight.filter((f) => f.sys === 'outbox' && l.anchor[f.from] && l.anchor[f.to]).map((f, n) => {
    const a = edgeToward(l, f.from, l.anchor[f.to]!);
    const b = edgeToward(l, f.to, l.anchor[f.from]!);
    const w = outboxMessageWords(f.msg.type, f.msg.events as OutEvent[] | undefined, f.msg.seqs as number[] | undefined);
    return {
      msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt, a, b, c: curveControl(a, b, 0.08),
      label: `${w.label}, ${f.from} to ${f.to}`, tag: w.tag, type: f.msg.type, doomed: f.doomed,
    };
  });
}

const INK = '#1d1d1f';

export function OutboxMessageIcon(f: OutboxFlight) {
  switch (f.type) {
    case 'PubAck':
      return <g><circle r={7.5} fill={OKABE_ITO.bluishGreen} stroke={INK} strokeWidth={1.4} /><path d="M-3.5,0L-1,3L4,-3.5" fill="none" stroke="#ffffff" strokeWidth={2} strokeLinecap="round" /></g>;
    case 'Deliver':
      return <g><rect x={-8} y={-9} width={16} height={18} rx={1} fill="#fff8e6" stroke={INK} strokeWidth={1.3} /><circle cy={-6} r={2.2} fill={OKABE_ITO.vermillion} /><path d="M-4,-1H4M-4,3H4" stroke={INK} strokeWidth={1} /></g>;
    default:
      return <g><rect x={-10} y={-7} width={20} height={14} rx={1} fill="#ffffff" stroke={INK} strokeWidth={1.3} /><path d="M-10,-7L0,1L10,-7" fill="none" stroke={OKABE_ITO.blue} strokeWidth={1.6} /></g>;
  }
}
