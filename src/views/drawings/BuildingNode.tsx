// One building of the town: its drawing, its name and state in words, its queue of jobs, and the marks
// for fire (crashed), ice (paused), an hourglass (waiting on a phone call) and a gear (working).
import { memo } from 'react';
import { markPath, nodeStyle, STATUS } from '../shared/palette.ts';
import { describeNode, type StageNode } from './node.ts';
import { pointable } from '../shared/interaction.tsx';
import { clamp, type Point } from '../shared/geometry.ts';
import { textWidth } from '../shared/measure.ts';
import { Building, Flames, Frost, Hourglass } from './buildings.tsx';
import { Gear, PhoneIcon, Slip } from './icons.tsx';

const MAX_QUEUE_SHOWN = 5;

export function statusWords(n: StageNode, note?: string): string {
  if (!n.up) return 'ON FIRE · crashed';
  if (n.paused) return 'PAUSED · frozen';
  const s = n.service;
  if (!s) return note ?? (n.kind === 'node' ? n.sys : '');
  const bits: string[] = [];
  if (s.waiting) bits.push('on the phone');
  else if (s.current) bits.push('working');
  else bits.push('idle');
  if (s.queue.length) bits.push(`${s.queue.length} waiting`);
  bits.push(`${s.handled} done`);
  return bits.join(' · ');
}

/** Where a building's name and state are written: a box in the picture's coordinates (and its shift). */
export function buildingLabel(node: StageNode, note: string | undefined, at: Point, s: number, fontSize: number, paneWidth: number) {
  const words = statusWords(node, note);
  const nameW = textWidth(node.id, fontSize, { bold: true });
  const half = Math.max(nameW + fontSize * 1.6, textWidth(words, fontSize - 1)) / 2;
  const dx = paneWidth > half * 2 + 4 ? clamp(0, half + 2 - at.x, paneWidth - half - 2 - at.x) : 0;
  const y = at.y + s * 0.42 + fontSize + 4;
  return { words, nameW, dx, box: { x: at.x + dx - half, y: y - fontSize, w: half * 2, h: fontSize * 2 + 6 } };
}

/** Where the "waiting" badge goes, relative to the building's point: above it unless told otherwise. */
export const badgeAbove = (s: number) => ({ x: 0, y: -s * 0.6 - 8 });

export const BuildingNode = memo(function BuildingNode({ node, note, at, s, fontSize, paneWidth, badge, focused, selected, waitRef, onMenu }: {
  node: StageNode;
  /** For another system's node: one line about it (e.g. "leader · term 3"). */
  note?: string;
  at: Point;
  s: number;
  fontSize: number;
  /** The picture's width: a building near its edge slides its words inward instead of losing them. */
  paneWidth: number;
  /** Where the "waiting" badge sits, relative to the building (default: above it); null: no room for
   *  its words, the hourglass alone above the roof. */
  badge?: Point | null;
  focused: boolean;
  selected: boolean;
  /** Receives the text element whose content counts the wait up every frame. */
  waitRef: (el: SVGTextElement | null) => void;
  onMenu: (x: number, y: number) => void;
}) {
  const style = nodeStyle(node.index);
  const down = !node.up;
  const look = { accent: down ? '#8d8d8d' : style.colour, wall: down ? '#bdbdbd' : '#f7f0e1', line: '#2b2b2e' };
  const k = s / 100;
  const svc = node.service;
  const labelY = s * 0.42 + fontSize + 4;
  const queue = svc?.queue ?? [];
  const { words, nameW, dx } = buildingLabel(node, note, at, s, fontSize, paneWidth);
  return (
    <g transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`}
      className={`tb-node tb-building${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id: node.id }, `${describeNode(node)}${note ? `, ${note}` : ''}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{describeNode(node)}</title>
      {/* a hit area and the highlight/selection ring */}
      <rect className="tb-ring" x={-s * 0.58} y={-s * 0.62} width={s * 1.16} height={s * 1.06 + fontSize * 2.6} rx={12} />
      <g transform={`scale(${k.toFixed(3)})`}>
        <g className={down ? 'is-burnt' : undefined}><Building kind={node.kind === 'board' ? 'node' : node.kind} look={look} /></g>
        {down && <Flames />}
        {node.paused && !down && <Frost />}
      </g>
      {svc?.current && node.up && (
        <g transform={`translate(${(-s * 0.44).toFixed(1)},${(-s * 0.38).toFixed(1)})`} aria-hidden="true">
          <Gear r={Math.max(7, s * 0.07)} />
        </g>
      )}
      {svc?.waiting && node.up && badge === null && (
        <g transform={`translate(0,${(-s * 0.6 - 10).toFixed(1)})`} aria-hidden="true"><Hourglass size={18} /></g>
      )}
      {svc?.waiting && node.up && badge !== null && (
        <g transform={`translate(${(badge ?? badgeAbove(s)).x.toFixed(1)},${(badge ?? badgeAbove(s)).y.toFixed(1)})`} aria-hidden="true">
          <rect x={-50} y={-14} width={100} height={24} rx={12} fill="#ffffff" stroke={STATUS.waiting} strokeWidth={2} />
          <g transform="translate(-35,-2)"><Hourglass size={18} /></g>
          <text ref={waitRef} x={8} y={3} textAnchor="middle" fontSize={fontSize - 1} fontWeight={700} fill={STATUS.ink}>waiting</text>
        </g>
      )}
      {/* the queue of jobs, at the door */}
      {queue.length > 0 && (
        <g transform={`translate(${(s * 0.5 + 14).toFixed(1)},${(s * 0.3).toFixed(1)})`} aria-hidden="true">
          {queue.slice(0, MAX_QUEUE_SHOWN).map((j, q) => (
            <g key={`${j.kind}${j.ref}`} transform={`translate(${q % 2 ? 2 : -2},${-q * 13})`}>
              {j.kind === 'call' ? <PhoneIcon r={7} /> : <Slip colour="#F0E442" w={18} h={12} />}
            </g>
          ))}
          <text x={0} y={-Math.min(queue.length, MAX_QUEUE_SHOWN) * 13 - 2} textAnchor="middle" fontSize={fontSize - 1} fontWeight={700} className="tb-halo">
            {queue.length > MAX_QUEUE_SHOWN ? `+${queue.length - MAX_QUEUE_SHOWN} ` : ''}queue {queue.length}
          </text>
        </g>
      )}
      <g transform={`translate(${dx.toFixed(1)},${labelY.toFixed(1)})`}>
        <path d={markPath(style.mark, fontSize * 0.42)} transform={`translate(${(-nameW / 2 - fontSize * 0.7).toFixed(1)},${(-fontSize * 0.33).toFixed(1)})`}
          fill={style.colour} stroke="#1d1d1f" strokeWidth={1} />
        <text textAnchor="middle" fontSize={fontSize} fontWeight={700} className="tb-halo">{node.id}</text>
        <text y={fontSize + 2} textAnchor="middle" fontSize={fontSize - 1}
          className={`tb-halo${down ? ' tb-status-fire' : node.paused ? ' tb-status-ice' : ''}`}>
          {words}
        </text>
      </g>
    </g>
  );
}, (a, b) => a.at.x === b.at.x && a.at.y === b.at.y && a.badge?.x === b.badge?.x && a.badge?.y === b.badge?.y && a.s === b.s && a.fontSize === b.fontSize && a.paneWidth === b.paneWidth && a.focused === b.focused
  && a.selected === b.selected && a.note === b.note && JSON.stringify(a.node) === JSON.stringify(b.node));
