// What both saga pictures share: the messages in flight (kit FlightLayer, droppable from the keyboard),
// their icon, and where each node sits.
import type { Sim } from '../../engine/core/index.ts';
import { COORDINATOR, ORCHESTRATOR } from '../../engine/saga/index.ts';
import { curveControl, type Point } from '../shared/geometry.ts';
import { STATUS } from '../shared/palette.ts';
import type { Flight } from '../kit/FlightLayer.tsx';
import type { SagaLayout } from './layout.ts';
import { sagaMessageLook, type SagaMsgLook } from './model.ts';

export interface SagaFlight extends Flight { look: SagaMsgLook }

export function nodeAt(layout: SagaLayout, id: string): Point | null {
  if (id === ORCHESTRATOR) return layout.school;
  if (id === COORDINATOR) return layout.coordinator;
  return layout.shops[id] ?? null;
}

/** Every saga message in flight between two drawn nodes; compensations bend the other way, so they are seen running backwards. */
export function sagaFlights(sim: Sim, layout: SagaLayout, town: boolean): SagaFlight[] {
  return sim.inFlight().filter((f) => f.sys === 'saga' && f.from !== f.to).flatMap((f, n) => {
    const a = nodeAt(layout, f.from);
    const b = nodeAt(layout, f.to);
    if (!a || !b) return [];
    const look = sagaMessageLook(f.msg);
    return [{
      msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt,
      a, b, c: curveControl(a, b, look.dir === 'back' ? -0.18 : 0.12), type: f.msg.type,
      tag: town ? look.town : look.label, label: look.words, look, doomed: f.doomed,
    }];
  });
}

export function SagaMessageIcon(f: SagaFlight, focused: boolean) {
  return (
    <g aria-hidden="true">
      <circle r={focused ? 11 : 9} fill={f.look.colour} stroke={STATUS.ink} strokeWidth={1.2} />
      <text y={4} textAnchor="middle" fontSize={11} fontWeight={800} fill="#ffffff">{f.look.glyph}</text>
    </g>
  );
}
