// What both hash ring pictures draw the same way: the houses (one per node, at one of its tokens, the
// learner's handle on it), the Handoff messages flying between them, and the empty pane's hint.
import { memo } from 'react';
import type { Sim } from '../../engine/core/index.ts';
import { curveControl, type Point } from '../shared/geometry.ts';
import { pointable } from '../shared/interaction.tsx';
import { markPath, nodeStyle, STATUS } from '../shared/palette.ts';
import type { ConsensusFlight } from '../kit/consensus.tsx';
import type { HousePlace } from './layout.ts';
import { describeNode, type RingNode, type RingPicture } from './model.ts';

export const House = memo(function House({ n, pic, place, fs, focused, selected, down, town, onMenu }: {
  n: RingNode; pic: RingPicture; place: HousePlace; fs: number; focused: boolean; selected: boolean; down: boolean; town: boolean; onMenu: (x: number, y: number) => void;
}) {
  const style = nodeStyle(n.index);
  const label = describeNode(n, pic);
  const { at } = place;
  return (
    <g transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`} className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}
      data-node={n.id} {...pointable({ kind: 'node', id: n.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <circle className="tb-ring" r={16} />
      {town
        ? <path d="M-11,2V-6L0,-14L11,-6V2Z" fill={down ? '#d6d6d6' : style.colour} stroke={STATUS.ink} strokeWidth={1.3} strokeLinejoin="round" />
        : <path d={markPath(style.mark, 9)} transform="translate(0,-5)" fill={down ? '#d6d6d6' : style.colour} stroke={STATUS.ink} strokeWidth={1.2} />}
      <text x={place.label.x - at.x} y={place.label.y - at.y} textAnchor="middle" fontSize={fs} fontWeight={700} className="tb-halo">{n.id}{down ? ' ✕' : ''}</text>
    </g>
  );
});

/** The Handoff messages in flight, as chords between the houses. */
export function handoffFlights(sim: Sim, at: Record<string, Point>, town: boolean): ConsensusFlight[] {
  return sim.inFlight().filter((f) => f.sys === 'hashring' && at[f.from] && at[f.to]).map((f, i) => {
    const a = at[f.from]!;
    const b = at[f.to]!;
    const keys = Number(f.msg.keys ?? 0);
    const tag = town ? `${keys} parcels` : `${keys} keys`;
    return {
      msgId: f.msgId, key: `${f.msgId}:${i}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt, a, b, c: curveControl(a, b, 0.12),
      tag, label: `Handoff of ${keys} keys from ${f.from} to ${f.to} (${String(f.msg.sample ?? '')})`, doomed: f.doomed,
      look: { shape: 'parcel', colour: '#E69F00', ok: null },
    };
  });
}

export function ParcelIcon() {
  return (
    <g>
      <rect x={-8} y={-6} width={16} height={12} rx={1.5} fill="#E69F00" stroke={STATUS.ink} strokeWidth={1.3} />
      <path d="M-8,-1H8M0,-6V6" stroke={STATUS.ink} strokeWidth={1} />
    </g>
  );
}
