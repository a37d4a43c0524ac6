// The diagram's time axis, node lanes and fault marks (crash/restart, pause/resume, partitions, notes,
// invariant violations). Each fault has a symbol and a word, not only a colour.
import { memo } from 'react';
import type { ScaleLinear } from 'd3';
import type { Highlight } from '../../store/lab-store.ts';
import type { Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';
import { markPath, nodeStyle, STATUS } from '../shared/palette.ts';
import { labStore } from '../../store/lab-store.ts';
import type { Mark, SpaceTimeModel } from './model.ts';
import { formatTick } from './axis.ts';

type X = ScaleLinear<number, number>;

export const Axis = memo(function Axis({ x, top, height, r0, r1, fs, onSeek }: {
  x: X; top: number; height: number; r0: number; r1: number; fs: number; onSeek: (clientX: number) => void;
}) {
  const ticks = x.ticks(Math.max(2, Math.floor((r1 - r0) / 110)));
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1000;
  return (
    <g className="tb-axis">
      <rect className="tb-axis-strip" x={r0} y={0} width={r1 - r0} height={top - 4} fill="#f3f3f6" style={{ cursor: 'pointer' }}
        onClick={(e) => onSeek(e.clientX)}>
        <title>Click to jump to that moment</title>
      </rect>
      {ticks.filter((t) => t >= 0).map((t) => (
        <g key={t} transform={`translate(${x(t).toFixed(1)},0)`} pointerEvents="none">
          <line y1={top - 8} y2={height} stroke="#ececf0" />
          <line y1={top - 8} y2={top - 2} stroke="#6b6b70" />
          <text y={top - 11} textAnchor="middle" fontSize={fs - 2}>{formatTick(t, step)}</text>
        </g>
      ))}
    </g>
  );
}, (a, b) => sameScale(a.x, b.x) && a.top === b.top && a.height === b.height && a.r0 === b.r0 && a.r1 === b.r1 && a.fs === b.fs);

const sameScale = (a: X, b: X) => {
  const [a0, a1] = a.domain() as [number, number];
  const [b0, b1] = b.domain() as [number, number];
  const [c0, c1] = a.range() as [number, number];
  const [d0, d1] = b.range() as [number, number];
  return a0 === b0 && a1 === b1 && c0 === d0 && c1 === d1;
};

/** What in the model the fault layer draws; it re-renders only when this changes. */
const faultSig = (m: SpaceTimeModel) =>
  `${m.marks.length}|${m.intervals.map((iv) => iv.to ?? 'open').join(',')}|${m.bands.map((b) => b.to ?? 'open').join(',')}`;

export function Lanes({ lanes, laneY, laneH, r0, r1, focus, selected, fs, onMenu }: {
  lanes: readonly string[]; laneY: Record<string, number>; laneH: number; r0: number; r1: number; focus: Focus;
  selected: Highlight | null; fs: number; onMenu: (node: string, x: number, y: number) => void;
}) {
  const statuses = labStore.getState().session.sim.nodes();
  return (
    <g className="tb-lanes">
      {lanes.map((id) => {
        const y = laneY[id]!;
        const k = statuses.findIndex((n) => n.id === id);
        const st = nodeStyle(k < 0 ? lanes.indexOf(id) : k);
        const status = statuses[k];
        const word = !status ? 'removed' : !status.up ? 'down' : status.paused ? 'paused' : '';
        const focused = focus.nodes.has(id);
        const isSel = selected?.kind === 'node' && selected.id === id;
        return (
          <g key={id}>
            {focused && <rect x={0} y={y - laneH / 2} width={r1 + 14} height={laneH} fill="rgba(0,114,178,0.09)" pointerEvents="none" />}
            <line x1={r0} x2={r1 + 10} y1={y} y2={y} stroke={focused ? '#0072B2' : '#9a9aa2'} strokeWidth={focused ? 2.5 : 1.2} pointerEvents="none" />
            <g className={`tb-node tb-lane-label${focused ? ' is-focused' : ''}${isSel ? ' is-selected' : ''}`}
              {...pointable({ kind: 'node', id }, `lane of ${id}${word ? `, ${word}` : ''}. Enter to inspect.`, (cx, cy) => onMenu(id, cx, cy))}>
              <rect className="tb-ring" x={2} y={y - Math.min(laneH / 2, 16)} width={r0 - 8} height={Math.min(laneH, 32)} rx={5} />
              <path d={markPath(st.mark, fs * 0.42)} transform={`translate(${fs},${y})`} fill={st.colour} stroke="#1d1d1f" strokeWidth={1} />
              <text x={fs * 2} y={y + fs * 0.35 - (word ? fs * 0.45 : 0)} fontSize={fs} fontWeight={700}>{id}</text>
              {word && (
                <text x={fs * 2} y={y + fs * 0.95} fontSize={fs - 3} fontWeight={800} className={word === 'down' ? 'tb-status-fire' : 'tb-status-ice'}>
                  {word === 'down' ? 'DOWN' : word.toUpperCase()}
                </text>
              )}
            </g>
          </g>
        );
      })}
    </g>
  );
}

const MARK_WORD: Record<Mark['kind'], string> = {
  note: '', violation: 'invariant broken', crash: 'crash', restart: 'restart', pause: 'pause', resume: 'resume', network: '',
};

export const Faults = memo(function Faults({ model, x, laneY, laneH, top, height, fs, now, bars }: {
  model: SpaceTimeModel; x: X; laneY: Record<string, number>; laneH: number; top: number; height: number; fs: number;
  now: number; bars: Map<string, SVGRectElement>;
}) {
  const [d0, d1] = x.domain() as [number, number];
  const visible = (from: number, to: number) => to >= d0 && from <= d1;
  const barRef = (key: string, open: boolean) => (open ? (el: SVGRectElement | null) => { if (el) bars.set(key, el); else bars.delete(key); } : undefined);
  const h = Math.min(laneH * 0.5, 22);
  return (
    <g className="tb-faults">
      {model.bands.map((b, k) => {
        const to = b.to ?? now;
        if (!visible(b.from, to)) return null;
        return (
          <g key={`band${k}`} role="img" aria-label={`${b.text} from ${b.from}ms${b.to === null ? ', still cut' : ` to ${b.to}ms`}`}>
            <title>{`${b.text} (${b.from}ms – ${b.to === null ? 'now' : `${b.to}ms`})`}</title>
            <rect ref={barRef(`band${k}`, b.to === null)} x={Math.max(x(b.from), x.range()[0]! - 2)} y={top}
              width={Math.max(2, x(to) - Math.max(x(b.from), x.range()[0]! - 2))} height={height - top}
              fill="url(#tb-st-band)" opacity={0.8} />
            <line x1={x(b.from)} x2={x(b.from)} y1={top} y2={height} stroke={STATUS.cut} strokeWidth={2} strokeDasharray="6 4" />
            <text x={x(b.from) + 4} y={top + fs} fontSize={fs - 2} fontWeight={700} className="tb-halo tb-status-fire">✂ {b.text}</text>
          </g>
        );
      })}
      {model.intervals.map((iv, k) => {
        const to = iv.to ?? now;
        const y = laneY[iv.node];
        if (y === undefined || !visible(iv.from, to)) return null;
        const down = iv.kind === 'down';
        const label = `${iv.node} ${down ? 'crashed (down)' : 'paused'} from ${iv.from}ms${iv.to === null ? ' until now' : ` to ${iv.to}ms`}`;
        return (
          <g key={`iv${k}`} role="img" aria-label={label}>
            <title>{label}</title>
            <rect ref={barRef(`iv${k}`, iv.to === null)} x={Math.max(x(iv.from), x.range()[0]! - 2)} y={y - h / 2}
              width={Math.max(2, x(to) - Math.max(x(iv.from), x.range()[0]! - 2))} height={h}
              fill={down ? 'url(#tb-st-down)' : 'rgba(86,180,233,0.35)'} stroke={down ? STATUS.crashed : '#0072B2'} strokeWidth={1.2}
              strokeDasharray={down ? undefined : '4 3'} />
            <text x={x(iv.from) + 4} y={y - h / 2 - 3} fontSize={fs - 3} fontWeight={800} className={`tb-halo ${down ? 'tb-status-fire' : 'tb-status-ice'}`}>
              {down ? 'down' : 'paused'}
            </text>
          </g>
        );
      })}
      {model.marks.map((m) => {
        if (m.t < d0 || m.t > d1) return null;
        const px = x(m.t);
        if (m.kind === 'violation' || m.kind === 'network') {
          const bad = m.kind === 'violation';
          return (
            <g key={m.i} transform={`translate(${px.toFixed(1)},${top})`} role="img" aria-label={`${MARK_WORD[m.kind] || 'network change'} at ${m.t}ms: ${m.text}`}>
              <title>{`${m.t}ms ${m.text}`}</title>
              {bad && <line y1={0} y2={height - top} stroke={STATUS.drop} strokeWidth={2} strokeDasharray="3 3" />}
              <path d={bad ? 'M0,2L8,-12H-8Z' : 'M0,-10L6,-4L0,2L-6,-4Z'} fill={bad ? STATUS.drop : '#6b6b70'} stroke="#1d1d1f" strokeWidth={1} />
              {bad && <text x={10} y={fs - 2} fontSize={fs - 3} fontWeight={800} className="tb-halo tb-status-fire">invariant broken</text>}
            </g>
          );
        }
        const y = m.node ? laneY[m.node] : undefined;
        if (y === undefined) return null;
        if (m.kind === 'note') {
          return (
            <circle key={m.i} cx={px} cy={y} r={3.5} fill="#ffffff" stroke="#6b6b70" strokeWidth={1.5}>
              <title>{`${m.t}ms ${m.node}: ${m.text}`}</title>
            </circle>
          );
        }
        return (
          <g key={m.i} transform={`translate(${px.toFixed(1)},${y.toFixed(1)})`} role="img" aria-label={`${m.text} at ${m.t}ms`}>
            <title>{`${m.t}ms ${m.text}`}</title>
            <FaultGlyph kind={m.kind} />
            <text y={h / 2 + fs - 1} x={-2} fontSize={fs - 3} fontWeight={800} textAnchor="middle"
              className={`tb-halo ${m.kind === 'crash' || m.kind === 'restart' ? 'tb-status-fire' : 'tb-status-ice'}`}>
              {MARK_WORD[m.kind]}
            </text>
          </g>
        );
      })}
    </g>
  );
}, (a, b) => faultSig(a.model) === faultSig(b.model) && sameScale(a.x, b.x) && a.laneH === b.laneH && a.top === b.top
  && a.height === b.height && a.fs === b.fs && a.bars === b.bars && JSON.stringify(a.laneY) === JSON.stringify(b.laneY));

function FaultGlyph({ kind }: { kind: Mark['kind'] }) {
  switch (kind) {
    case 'crash': return <g><rect x={-8} y={-8} width={16} height={16} fill={STATUS.crashed} stroke="#1d1d1f" /><path d="M-4,-4L4,4M-4,4L4,-4" stroke="#ffffff" strokeWidth={2.4} /></g>;
    case 'restart': return <path d="M-7,7L0,-8L7,7Z" fill="#009E73" stroke="#1d1d1f" />;
    case 'pause': return <g><rect x={-7} y={-8} width={14} height={16} fill="#ffffff" stroke="#0072B2" strokeWidth={1.5} /><path d="M-3,-4V4M3,-4V4" stroke="#0072B2" strokeWidth={2.5} /></g>;
    case 'resume': return <path d="M-5,-8L7,0L-5,8Z" fill="#0072B2" stroke="#1d1d1f" />;
    default: return null;
  }
}
