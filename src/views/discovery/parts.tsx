// Drawings both discovery pictures share: the membership grid, a message icon, a box of lines.
import { memo } from 'react';
import { textWidth } from '../shared/measure.ts';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import type { ConsensusFlight } from '../kit/consensus.tsx';
import { DiscoveryIconSpec } from './flights.ts';
import type { Box, GridLayout } from './layout.ts';
import type { SwimPicture } from './model.ts';

export const BELIEF_COLOUR = { a: '#e8f4ee', s: OKABE_ITO.orange, d: OKABE_ITO.vermillion } as const;

export function DiscoveryMessageIcon(f: ConsensusFlight) {
  const { letter, colour, ink } = DiscoveryIconSpec(f);
  return (
    <g>
      <circle r={7.5} fill={colour} stroke="#1d1d1f" strokeWidth={1.2} />
      <text y={4} textAnchor="middle" fontSize={11} fontWeight={800} fill={ink}>{letter}</text>
    </g>
  );
}

/** A line and shorter ways to say it, longest first: the first that fits is drawn. */
export interface Line { text: string; short?: readonly string[]; bold?: boolean; colour?: string }

/** The first option that fits `w`; when none does, the last one with words dropped from its end (never
 *  an ellipsis: a cut word reads as a different word). Empty when not even one word fits. */
export function fitWords(options: readonly string[], w: number, font: number, bold = false): string {
  for (const o of options) if (textWidth(o, font, { bold }) <= w) return o;
  const words = (options[options.length - 1] ?? '').split(' ');
  while (words.length > 1) {
    words.pop();
    const t = words.join(' ').replace(/[·:,]\s*$/, '').trim();
    if (textWidth(t, font, { bold }) <= w) return t;
  }
  return textWidth(words[0] ?? '', font, { bold }) <= w ? words[0] ?? '' : '';
}

export function LineBox({ box, lines, font, fill, stroke, dashed, label, id, onMenu, focused, selected }: {
  box: Box; lines: Line[]; font: number; fill: string; stroke: string; dashed?: boolean; label: string; id: string;
  onMenu: (x: number, y: number) => void; focused: boolean; selected: boolean;
}) {
  const lh = font + 4;
  const fit = Math.max(1, Math.floor((box.h - 6) / lh));
  return (
    <g {...pointable({ kind: 'node', id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)} data-node={id}>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} fill={fill} stroke={selected ? STATUS.selected : focused ? STATUS.highlight : stroke}
        strokeWidth={selected || focused ? 2.5 : 1.4} strokeDasharray={dashed ? '5 3' : undefined} />
      {lines.slice(0, fit).map((l, i) => (
        <text key={i} x={box.x + 6} y={box.y + 4 + lh * (i + 1) - 4} fontSize={font} fontWeight={l.bold ? 700 : 400} fill={l.colour ?? STATUS.ink}>
          {fitWords([l.text, ...(l.short ?? [])], box.w - 12, font, l.bold)}
        </text>
      ))}
    </g>
  );
}

/** The membership grid: row = the member who believes, column = the member believed about. */
export const MembershipGrid = memo(function MembershipGrid({ swim, g }: { swim: SwimPicture; g: GridLayout }) {
  const n = swim.members.length;
  const { x0, y0, cell } = g;
  let suspect = '';
  let dead = '';
  swim.beliefs.forEach((row, o) => {
    for (let s = 0; s < n; s++) {
      const c = row[s];
      if (c === 'a') continue;
      const d = `M${x0 + s * cell},${y0 + o * cell}h${cell}v${cell}h${-cell}z`;
      if (c === 's') suspect += d; else dead += d;
    }
  });
  const gap = cell >= 6 ? 1 : 0;
  const disagree = new Set(swim.disagreeing);
  const side = cell * n;
  const describe = `Membership grid of ${n} members: each row is what one member believes about every member. ${swim.disagreeing.length
    ? `Members disagree about ${swim.disagreeing.map((i) => swim.members[i]!.id).join(', ')}.` : 'Every running member agrees.'} ${
    swim.members.filter((m) => m.down).map((m) => `${m.id} is crashed`).join(', ')}`;
  return (
    <g role="img" aria-label={describe}>
      <text x={g.area.x + 10} y={g.area.y + 10 + g.font} fontSize={12} fontWeight={700} fill={STATUS.ink}>
        {fitWords([`Membership: who believes what (${n} members)`, `Membership (${n} members)`, 'Membership'], g.area.width - 20, 12, true)}
      </text>
      <rect x={x0} y={y0} width={side} height={side} fill={BELIEF_COLOUR.a} stroke="#b9b9c0" />
      <path d={suspect} fill={BELIEF_COLOUR.s} />
      <path d={dead} fill={BELIEF_COLOUR.d} />
      {gap > 0 && Array.from({ length: n + 1 }, (_, i) => (
        <g key={i} stroke="#ffffff" strokeWidth={gap}>
          <line x1={x0 + i * cell} y1={y0} x2={x0 + i * cell} y2={y0 + side} />
          <line x1={x0} y1={y0 + i * cell} x2={x0 + side} y2={y0 + i * cell} />
        </g>
      ))}
      {cell >= 13 && swim.beliefs.map((row, o) => [...row].map((c, s) => (c === 'a' ? null : (
        <text key={`${o}-${s}`} x={x0 + s * cell + cell / 2} y={y0 + o * cell + cell / 2 + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill="#ffffff">
          {c === 's' ? 'S' : 'D'}
        </text>
      ))))}
      {swim.members.map((m, i) => (m.down ? (
        <g key={`down-${i}`}>
          <rect x={x0} y={y0 + i * cell} width={side} height={cell} fill="#6b6b70" opacity={0.55} />
        </g>
      ) : null))}
      {[...disagree].map((s) => (
        <rect key={`dis-${s}`} x={x0 + s * cell - 1} y={y0 - 4} width={cell + 2} height={side + 5} fill="none" stroke={STATUS.ink} strokeWidth={1.5} strokeDasharray="3 2" />
      ))}
      {g.labels && swim.members.map((m, i) => (
        <g key={`l-${i}`}>
          {i % g.rowEvery === 0 && <text x={x0 - 4} y={y0 + i * cell + cell / 2 + 4} textAnchor="end" fontSize={11} fill={m.down ? STATUS.crashed : STATUS.ink}>{m.id}</text>}
          {i % g.colEvery === 0 && <text x={x0 + i * cell + cell / 2} y={y0 - 8} textAnchor="middle" fontSize={11} fill={STATUS.ink}>{m.id}</text>}
        </g>
      ))}
      <GridLegend g={g} swim={swim} />
    </g>
  );
});

function GridLegend({ g, swim }: { g: GridLayout; swim: SwimPicture }) {
  const x = g.area.x + 10;
  const y = g.legendY;
  const w = g.area.width - 20;
  const key: [string, string][] = [[BELIEF_COLOUR.a, 'alive'], [BELIEF_COLOUR.s, 'suspect (S)'], [BELIEF_COLOUR.d, 'dead (D)'], ['#6b6b70', 'crashed']];
  let cx = x;
  return (
    <g>
      {key.map(([c, t]) => {
        const at = cx;
        cx += 16 + textWidth(t, 11) + 10;
        if (cx > x + w) return null;
        return (
          <g key={t}>
            <rect x={at} y={y - 10} width={12} height={12} fill={c} stroke="#8a8a90" />
            <text x={at + 16} y={y} fontSize={11} fill={STATUS.ink}>{t}</text>
          </g>
        );
      })}
      <text x={x} y={y + 17} fontSize={11} fill={STATUS.muted}>
        {fitWords(['row: who believes · column: about whom · dashed column: disagreement', 'row: who believes · column: about whom', 'row believes, column is about'], w, 11)}
      </text>
      <text x={x} y={y + 32} fontSize={11} fill={STATUS.ink}>
        {fitWords([`suspicion timeout ${swim.suspicionTimeout}ms · false positives ${swim.falsePositives}`, `suspicion ${swim.suspicionTimeout}ms · false +: ${swim.falsePositives}`], w, 11)}
      </text>
    </g>
  );
}
