// Pieces both outbox pictures draw: a card of fitted lines that is a node (pointable, with its menu),
// and the alarm strip of the live detectors.
import { memo } from 'react';
import { firstFit } from '../shared/measure.ts';
import { pointable } from '../shared/interaction.tsx';
import { STATUS } from '../shared/palette.ts';
import type { Box } from './layout.ts';

/** A line of a card: its phrasings, longest first (the first that fits is drawn, so no word is cut). */
export interface Line { text: string | readonly string[]; bold?: boolean; warn?: boolean; muted?: boolean; mono?: boolean; x?: number; w?: number; dy?: number }

export const CardLines = memo(function CardLines({ box, lines, fs, lineH, pad = 8 }: { box: Box; lines: readonly Line[]; fs: number; lineH: number; pad?: number }) {
  let y = box.y + lineH * 0.95;
  return (
    <>
      {lines.map((l, k) => {
        if (k > 0 && l.dy === undefined) y += lineH;
        if (l.dy !== undefined) y += l.dy;
        if (y > box.y + box.h - 2) return null;
        const x = box.x + pad + (l.x ?? 0);
        const w = (l.w ?? box.w - 2 * pad - (l.x ?? 0));
        return (
          <text key={k} x={x} y={y} fontSize={fs} fontWeight={l.bold || l.warn ? 800 : 400} className={`${l.mono ? 'tb-mono ' : ''}${l.warn ? 'tb-status-fire' : ''}`}
            fill={l.muted ? STATUS.muted : STATUS.ink} xmlSpace="preserve">
            {firstFit(typeof l.text === 'string' ? [l.text] : l.text, w, fs, { bold: l.bold || l.warn, mono: l.mono })}
          </text>
        );
      })}
    </>
  );
});

/** A node's card: pointable (Enter inspects, the context-menu key opens its actions), crashed ones greyed. */
export function NodeCard({ id, box, label, down, focused, selected, onMenu, stroke = STATUS.ink, fill = '#ffffff', children }: {
  id: string; box: Box; label: string; down: boolean; focused: boolean; selected: boolean; onMenu: (x: number, y: number) => void;
  stroke?: string; fill?: string; children?: React.ReactNode;
}) {
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} data-node={id}
      {...pointable({ kind: 'node', id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={box.x - 4} y={box.y - 4} width={box.w + 8} height={box.h + 8} rx={8} />
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} fill={down ? '#e3e3e3' : fill} stroke={down ? STATUS.crashed : stroke}
        strokeWidth={down ? 2 : 1.3} strokeDasharray={down ? '6 3' : undefined} />
      {children}
    </g>
  );
}

export function AlarmStrip({ box, alarms, fs }: { box: Box; alarms: readonly string[]; fs: number }) {
  const short = alarms.map(shortAlarm);
  const options = [alarms.join('  ·  '), short.join(' · '), ...(short.length > 1 ? [`${short[0]} · +${short.length - 1} more`] : []), short[0] ?? ''];
  const bad = alarms.some((a) => a.startsWith('✕'));
  return (
    <g role="img" aria-label={`Detectors: ${alarms.join('; ')}`}>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={5} fill={bad ? '#fde9df' : '#eef6fb'} stroke={bad ? STATUS.crashed : '#9cc3dd'} strokeWidth={bad ? 2 : 1} />
      <text x={box.x + 8} y={box.y + box.h / 2 + fs * 0.36} fontSize={fs} fontWeight={800} fill={STATUS.ink}>{firstFit(options, box.w - 16, fs, { bold: true })}</text>
    </g>
  );
}

/** An alarm in fewer words: "✕ 2 LOST", "3 dup (3 caught)". */
export const shortAlarm = (a: string): string => a.replace(/ events?/, '').replace(/ duplicate publish(es)?/, ' dup').replace(/, (\d+) caught by inboxes/, ' ($1 caught)')
  .replace(/ in \d+ crash points$/, '').replace(/: (\d+) crash points, none lost, invented or doubled$/, ': $1 clean');
