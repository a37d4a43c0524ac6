// The technical picture's pieces: a caller's box (its pipeline, one stage a row, each stage's live state in
// words with a glyph for its tone), a server's box (its queue as slots, its workers as squares, its dependency
// pipeline), each pointable (hover lights it everywhere, Enter inspects, the context-menu key opens its menu).
import { memo } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { NAME_COL, type CallerBox, type ServerBox, type StageRow } from './layout-tech.ts';
import { pathsBy } from './paths.ts';
import { describeCaller, describeServer, type CallerPic, type ServerPic } from './model.ts';

/** A tone's glyph and colour: the glyph alone says it (● lets through, ◐ waiting or testing, ✕ refusing). */
export const TONE = {
  calm: { glyph: '●', colour: OKABE_ITO.bluishGreen, ink: '#006b4e' },
  busy: { glyph: '◐', colour: OKABE_ITO.orange, ink: '#8a5a00' },
  tripped: { glyph: '✕', colour: OKABE_ITO.vermillion, ink: '#a83a00' },
} as const;
const toneOf = (t: string) => TONE[t as keyof typeof TONE] ?? TONE.calm;

function StageRows({ rows, x, w, fs }: { rows: readonly StageRow[]; x: number; w: number; fs: number }) {
  const nameW = NAME_COL(fs, textWidth);
  return (
    <>
      {rows.map((r) => {
        const t = toneOf(r.tone);
        return (
          <g key={r.name}>
            <text x={x} y={r.y} fontSize={fs} fill={t.ink} aria-hidden="true">{t.glyph}</text>
            <text x={x + fs} y={r.y} fontSize={fs} fontWeight={700} fill={STATUS.ink}>{r.name}</text>
            <text x={x + fs + nameW} y={r.y} fontSize={fs} fill={STATUS.ink}>{firstFit(r.values, w - fs - nameW - 4, fs)}</text>
          </g>
        );
      })}
    </>
  );
}

interface NodeProps { focused: boolean; selected: boolean; onMenu: (x: number, y: number) => void; fs: number }

export const CallerNode = memo(function CallerNode({ b, c, focused, selected, onMenu, fs }: NodeProps & { b: CallerBox; c: CallerPic }) {
  const { x, y, w, h } = b.box;
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} data-node={c.id}
      {...pointable({ kind: 'node', id: c.id }, `Client ${c.id}: ${describeCaller(c)}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <rect className="tb-ring" x={x - 3} y={y - 3} width={w + 6} height={h + 6} rx={8} />
      <rect className="tb-box" x={x} y={y} width={w} height={h} rx={6} />
      <text x={x + 8} y={y + fs * 1.3} fontSize={fs} fontWeight={700} fill={STATUS.ink}>{firstFit(b.title, w - 16, fs, { bold: true })}</text>
      <StageRows rows={b.rows} x={x + 8} w={w - 16} fs={fs} />
    </g>
  );
});

export const ServerNode = memo(function ServerNode({ b, s, focused, selected, onMenu, fs }: NodeProps & { b: ServerBox; s: ServerPic }) {
  const { x, y, w, h } = b.box;
  const q = b.queue;
  const shown = Math.min(s.queued.length, q.slots);
  const more = s.queue - shown;
  const wk = b.workers;
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} data-node={s.id}
      {...pointable({ kind: 'node', id: s.id }, `Server ${s.id}: ${describeServer(s)}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <rect className="tb-ring" x={x - 3} y={y - 3} width={w + 6} height={h + 6} rx={8} />
      <rect className="tb-box" x={x} y={y} width={w} height={h} rx={6} />
      <text x={x + 8} y={y + fs * 1.3} fontSize={fs} fontWeight={700} fill={s.spike ? '#a83a00' : STATUS.ink}>{firstFit(b.title, w - 16, fs, { bold: true })}</text>
      <text x={x + 8} y={y + fs * 2.75} fontSize={fs} fill={STATUS.ink}>{firstFit(b.line, w - 16, fs)}</text>
      <g aria-hidden="true">
        <rect x={q.x - 1} y={q.y - 1} width={q.w + 2} height={q.h + 2} fill="#f4f4f6" stroke="#8a8a90" />
        {pathsBy(s.queued.slice(0, shown).map((j, i) => ({
          key: j.late ? 'late' : j.attempt > 1 ? 'retry' : 'first',
          box: { x: q.x + i * q.cell, y: q.y, w: q.cell - 1, h: q.h },
        }))).map((g) => <path key={g.key} d={g.d} fill={SLOT_FILL[g.key]} />)}
        {more > 0 && <text x={q.x + q.w + 4} y={q.y + q.h - 2} fontSize={fs} fill={STATUS.ink}>+{more}</text>}
        {pathsBy(Array.from({ length: s.workers }, (_, i) => ({
          key: i < s.busyLate ? 'late' : i < s.busy ? 'busy' : 'idle',
          box: { x: wk.x + (i % wk.per) * (wk.size + 2), y: wk.y + Math.floor(i / wk.per) * (wk.size + 2), w: wk.size, h: wk.size },
        }))).map((g) => <path key={g.key} d={g.d} fill={WORKER_FILL[g.key]} stroke={STATUS.ink} strokeWidth={1} />)}
      </g>
      {b.dependency.length > 0 && <StageRows rows={b.dependency} x={x + 8} w={w - 16} fs={fs} />}
    </g>
  );
});

/** A queue slot: a first attempt, a retry, or a request whose caller already gave up (hatched). */
export const SLOT_FILL: Record<string, string> = { first: OKABE_ITO.skyBlue, retry: OKABE_ITO.orange, late: 'url(#tb-res-late)' };
const WORKER_FILL: Record<string, string> = { idle: '#ffffff', busy: OKABE_ITO.blue, late: 'url(#tb-res-late)' };

/** Hatching for work whose caller already gave up (wasted). */
export function LateHatch() {
  return (
    <pattern id="tb-res-late" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={6} height={6} fill="#d6d6d6" />
      <line x1={0} y1={0} x2={0} y2={6} stroke="#6b6b70" strokeWidth={2.5} />
    </pattern>
  );
}
