// A consumer, reader, subscriber or producer: a box (technical) or a building (town) with its name,
// its mark and colour (the same as in the space-time diagram), its state in words, and — for RabbitMQ
// consumers — the prefetch window as slots (filled: an unacknowledged delivery; hollow: room).
import { memo } from 'react';
import type { BuildingKind } from '../../engine/town/index.ts';
import { markPath, nodeStyle, OKABE_ITO, STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';
import { Building, Flames, Frost } from '../drawings/buildings.tsx';
import { townPic, type Rect } from './layout.ts';

export interface ClientProps {
  id: string;
  index: number;
  r: Rect;
  /** Up to two short lines under the name (the state first), each given as its phrasings, longest first: the first that fits is drawn. */
  lines: readonly (string | readonly string[])[];
  up: boolean;
  paused: boolean;
  label: string;
  fs: number;
  town: boolean;
  building: BuildingKind;
  focused: boolean;
  selected: boolean;
  slots?: { used: number; limit: number } | null;
  /** The town draws what the client holds in its hands (layout-hands.ts): the state line gives way to it. */
  holding?: boolean;
  onMenu: (node: string, x: number, y: number) => void;
}

function Slots({ used, limit, x, y, w, fs }: { used: number; limit: number; x: number; y: number; w: number; fs: number }) {
  const size = Math.min(fs * 0.8, 11);
  const small = Math.max(11, fs - 2);
  const of = `${used}/${limit === 0 ? '∞' : limit}`;
  const boxesW = limit * (size + 3) + 3;
  // The window as boxes with its count beside them, when both fit; else the count alone, in words if they fit.
  const beside = [`${of} unacked`, of].find((t) => boxesW + textWidth(t, small, { mono: true }) <= w);
  if (limit === 0 || limit > 8 || beside === undefined) {
    return <text x={x} y={y + size} fontSize={small} className="tb-mono">{firstFit([`${of} unacked`, of], w, small, { mono: true })}</text>;
  }
  return (
    <g aria-hidden="true">
      {Array.from({ length: limit }, (_, k) => (
        <rect key={k} x={x + k * (size + 3)} y={y} width={size} height={size} rx={1.5}
          fill={k < used ? OKABE_ITO.orange : '#ffffff'} stroke="#1d1d1f" strokeWidth={1} />
      ))}
      <text x={x + boxesW} y={y + size - 1} fontSize={small} className="tb-mono">{beside}</text>
    </g>
  );
}

export const Client = memo(function Client(p: ClientProps) {
  const { r, fs } = p;
  const st = nodeStyle(p.index);
  const small = Math.max(11, fs - 1.5);
  const lineH = fs * 1.25;
  const narrow = r.w < fs * 10;
  const status = !p.up ? (p.town || narrow ? ['ON FIRE'] : ['ON FIRE · crashed', 'ON FIRE']) : p.paused ? (p.town || narrow ? ['PAUSED'] : ['PAUSED · frozen', 'PAUSED']) : null;
  const lines = (status ? [status, ...p.lines.slice(1)] : p.lines).map((l) => (typeof l === 'string' ? [l] : l));
  const base = pointable({ kind: 'node', id: p.id }, `${p.label}. Enter to inspect, context menu key for actions.`, (x, y) => p.onMenu(p.id, x, y));
  // The town draws the building small at the left of the name line and says less: the state only.
  const pic = p.town ? townPic(r, fs, p.id) : 0;
  const tx = r.x + (p.town ? pic + 4 : 12);
  const tw = r.w - (tx - r.x) - 4;
  const slotLine = p.slots ? 1 : 0;
  const room = Math.max(0, Math.floor((r.h - lineH * (1.2 + slotLine)) / lineH));
  // In the town, a client with something in its hands shows that instead of its state line; on fire or
  // frozen, it says so under its hands (where the hands' chips and timer bars end), or else on its name line.
  const held = p.town && p.holding === true;
  const handsEnd = r.y + lineH * 1.1 + Math.round(fs * 1.6) + 8;
  const statusUnder = held && status !== null && handsEnd + lineH <= r.y + r.h + 0.5;
  const shown = held ? (statusUnder ? [status!] : []) : lines.slice(0, p.town ? Math.min(1, room) : room);
  const firstLineY = held ? handsEnd : r.y + lineH;
  const slotsY = held ? handsEnd + lineH * shown.length : r.y + lineH * (shown.length + 1.05);
  const nameStatus = held && status !== null && !statusUnder ? status.map((l) => `${p.id} · ${l}`) : [];
  // A one-line box (short of room): the name and its state on one line, the window as n/limit.
  const oneLine = r.h < lineH * 2;
  const window = p.slots ? (p.slots.limit ? ` [${p.slots.used}/${p.slots.limit}]` : ` [${p.slots.used}/∞]`) : '';
  // A name too long for the box is drawn in small print before anything of it is cut.
  const nameFs = oneLine ? Math.max(11, fs - 1) : textWidth(p.id, fs, { bold: true }) <= tw - fs ? fs : Math.max(11, fs - 2);
  const name = oneLine ? firstFit([...(lines[0] ?? []).map((l) => `${p.id} · ${l}${window}`), `${p.id}${window}`, p.id], tw - fs, nameFs, { bold: true }) : firstFit([...nameStatus, p.id], tw - fs, nameFs, { bold: true });
  return (
    <g className={`tb-node qv-client${p.focused ? ' is-focused' : ''}${p.selected ? ' is-selected' : ''}`} {...base}>
      <title>{p.label}</title>
      <rect className="tb-ring" x={r.x - 4} y={r.y - 4} width={r.w + 8} height={r.h + 8} rx={7} />
      {p.town ? (
        <g transform={`translate(${r.x + pic / 2},${r.y + pic * 0.55}) scale(${(pic / 100).toFixed(3)})`}>
          <g className={p.up ? undefined : 'is-burnt'}>
            <Building kind={p.building} look={{ accent: p.up ? st.colour : '#8d8d8d', wall: p.up ? '#f7f0e1' : '#bdbdbd', line: '#2b2b2e' }} />
          </g>
          {!p.up && <Flames />}
          {p.paused && p.up && <Frost />}
        </g>
      ) : (
        <>
          <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={5} fill={p.up ? '#ffffff' : 'url(#qv-hatch-tech)'} stroke="#1d1d1f" strokeWidth={1.5}
            strokeDasharray={p.paused ? '5 3' : undefined} />
          <rect x={r.x} y={r.y} width={5} height={r.h} rx={2} fill={p.up ? st.colour : '#9a9a9a'} />
        </>
      )}
      <path d={markPath(st.mark, fs * 0.4)} transform={`translate(${tx + fs * 0.4},${r.y + lineH * 0.62})`} fill={st.colour} stroke="#1d1d1f" strokeWidth={1} />
      <text x={tx + fs * 1.05} y={r.y + lineH * 0.62 + fs * 0.36} fontSize={nameFs} fontWeight={700} className={p.town ? 'tb-halo' : undefined}>{name}</text>
      {!oneLine && shown.map((l, k) => (
        <text key={k} x={tx} y={firstLineY + lineH * (k + 0.62)} fontSize={small} className={`${p.town ? 'tb-halo' : 'tb-mono'}${status && k === 0 ? (!p.up ? ' tb-status-fire' : ' tb-status-ice') : ''}`}
          fill={STATUS.ink}>{firstFit(l, tw, small, { mono: !p.town })}</text>
      ))}
      {p.slots && !oneLine && room >= 0 && slotsY + Math.min(fs * 0.8, 11) <= r.y + r.h + 0.5 && r.h >= lineH * (2.2 + Math.min(1, shown.length)) && <Slots used={p.slots.used} limit={p.slots.limit} x={tx} y={slotsY} w={tw} fs={fs} />}
    </g>
  );
}, (a, b) => a.id === b.id && a.index === b.index && a.r.x === b.r.x && a.r.y === b.r.y && a.r.w === b.r.w && a.r.h === b.r.h
  && a.lines.map(String).join('|') === b.lines.map(String).join('|') && a.up === b.up && a.paused === b.paused && a.label === b.label && a.fs === b.fs && a.town === b.town
  && a.building === b.building && a.holding === b.holding && a.focused === b.focused && a.selected === b.selected && a.slots?.used === b.slots?.used && a.slots?.limit === b.slots?.limit);
