// Where messages enter a section's routing graph: a RabbitMQ exchange (a sorting desk in the town) or a
// pub/sub topic (the news desk's copier). One tab stop with its own action menu (publish ...).
import { memo } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { firstFit, textWidth } from '../shared/measure.ts';
import type { Rect } from './layout.ts';

export interface SourceProps {
  item: string;
  r: Rect;
  name: string;
  /** One line under the name: the exchange's rule, the topic's fan-out (several phrasings, longest first: the first that fits). */
  rule: string | readonly string[];
  /** A small tag drawn in the corner: 'topic', 'fanout', 'DLX' ... */
  tag: string;
  dead: boolean;
  town: boolean;
  fs: number;
  focused: boolean;
  selected: boolean;
  label: string;
  onMenu: (item: string, x: number, y: number) => void;
}

export const Source = memo(function Source(p: SourceProps) {
  const { r, fs } = p;
  const base = pointable({ kind: 'item', id: p.item }, `${p.label}. Context menu key: actions.`, (x, y) => p.onMenu(p.item, x, y));
  const line = fs * 1.25;
  const small = Math.max(11, fs - 2);
  const tagFs = Math.max(11, fs - 3);
  // The tag goes beside the name when both fit; otherwise the name wins (the tag is in the label too).
  const nameW = (p.name.length + (p.dead ? 2 : 0)) * fs * 0.62;
  const tagFull = textWidth(p.tag, tagFs) + 8;
  const tagW = nameW + tagFull <= r.w - 10 ? tagFull : 0;
  // A name too long for the desk is drawn in small print before anything of it is cut.
  const names = p.dead ? [`✕ ${p.name}`, p.name] : [p.name];
  const nameFs = names.some((n) => textWidth(n, fs, { bold: true }) <= r.w - 8 - tagW) ? fs : small;
  return (
    <g className={`tb-notice qv-source${p.focused ? ' is-focused' : ''}${p.selected ? ' is-selected' : ''}`} {...base} data-item={p.item}>
      <title>{p.label}</title>
      <rect className="tb-ring" x={r.x - 4} y={r.y - 4} width={r.w + 8} height={r.h + 8} rx={6} />
      {p.town ? (
        <g aria-hidden="true">
          {/* a sorting desk: a counter top on two legs */}
          <rect x={r.x} y={r.y + r.h * 0.15} width={r.w} height={r.h * 0.7} rx={4} fill={p.dead ? '#f3d7c8' : '#d9c6a0'} stroke="#5c3a22" strokeWidth={1.6} />
          <rect x={r.x - 2} y={r.y + r.h * 0.1} width={r.w + 4} height={5} rx={2} fill="#8a5a3b" />
        </g>
      ) : (
        <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={5} fill={p.dead ? '#fff4ee' : '#fff8e6'} stroke={p.dead ? OKABE_ITO.vermillion : '#1d1d1f'} strokeWidth={1.6}
          strokeDasharray={p.dead ? '5 3' : undefined} />
      )}
      <text x={r.x + 6} y={r.y + line * 0.95} fontSize={nameFs} fontWeight={700}>{firstFit(names, r.w - 8 - tagW, nameFs, { bold: true })}</text>
      {tagW > 0 && <text x={r.x + r.w - 5} y={r.y + line * 0.9} fontSize={tagFs} textAnchor="end" fill={STATUS.muted}>{p.tag}</text>}
      <text x={r.x + 6} y={r.y + line * 2} fontSize={small} fill={STATUS.ink} className={p.town ? undefined : 'tb-mono'}>{firstFit(typeof p.rule === 'string' ? [p.rule] : p.rule, r.w - 8, small, p.town ? {} : { mono: true })}</text>
    </g>
  );
}, (a, b) => a.item === b.item && a.name === b.name && String(a.rule) === String(b.rule) && a.tag === b.tag && a.dead === b.dead && a.town === b.town && a.fs === b.fs
  && a.focused === b.focused && a.selected === b.selected && a.label === b.label && a.r.x === b.r.x && a.r.y === b.r.y && a.r.w === b.r.w && a.r.h === b.r.h);
