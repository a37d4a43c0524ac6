// A circuit breaker as resilience4j draws it: CLOSED, OPEN and HALF_OPEN with the transitions between them,
// the current state lit (and DISABLED / FORCED_OPEN said in words when it is in one of those), and under it
// the sliding window: the last outcomes as a strip of cells (COUNT_BASED) or calls per second (TIME_BASED),
// with the failure rate against its threshold in words.
import { firstFit } from '../shared/measure.ts';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import type { Rect } from '../kit/ring-layout.ts';
import { breakerLine, breakerLines, windowLine, windowLines } from './words.ts';
import { pathsBy } from './paths.ts';
import type { BreakerPic, WindowCell } from './model.ts';

const CELL_FILL: Record<WindowCell, string> = {
  ok: '#ffffff', failed: OKABE_ITO.vermillion, slow: 'url(#tb-res-slow)', 'slow-failed': OKABE_ITO.vermillion,
};

const STATES = [
  { key: 'CLOSED', label: 'CLOSED', short: 'CLOS', fill: '#d8f0e6' },
  { key: 'OPEN', label: 'OPEN', short: 'OPEN', fill: '#f7d4c0' },
  { key: 'HALF_OPEN', label: 'HALF_OPEN', short: 'HALF', fill: '#faf3b5' },
] as const;

export function BreakerMachine({ r, b, who, fs }: { r: Rect; b: BreakerPic; who: string; fs: number }) {
  const lineH = Math.round(fs * 1.45);
  const boxW = Math.min(120, (r.w - 40) / 3);
  const gap = (r.w - boxW * 3) / 2;
  const sy = r.y + lineH + 6;
  const boxH = 24;
  const xs = [0, 1, 2].map((i) => r.x + i * (boxW + gap));
  const wy = sy + boxH + 14;
  const cells = b.windowType === 'COUNT_BASED' ? Math.max(1, b.windowSize) : Math.max(1, b.windowSize);
  const cw = r.w / cells;
  const mid = sy + boxH / 2;
  return (
    <g className="tb-res-breaker" role="img" aria-label={`${breakerLine(b, who)}. ${windowLine(b)}`}>
      <defs>
        <pattern id="tb-res-slow" width={5} height={5} patternUnits="userSpaceOnUse">
          <rect width={5} height={5} fill={OKABE_ITO.yellow} /><circle cx={2.5} cy={2.5} r={1.2} fill={STATUS.ink} />
        </pattern>
      </defs>
      <g aria-hidden="true">
        <text x={r.x} y={r.y + fs} fontSize={fs} fontWeight={700} fill={STATUS.ink}>{firstFit(breakerLines(b, who), r.w, fs, { bold: true })}</text>
        {/* transitions: CLOSED -> OPEN on the rate, OPEN -> HALF_OPEN after the wait, HALF_OPEN -> CLOSED or back to OPEN */}
        <g stroke={STATUS.muted} strokeWidth={1.5} fill="none" markerEnd="url(#tb-res-arrow)">
          <path d={`M${xs[0]! + boxW},${mid - 4}H${xs[1]! - 2}`} />
          <path d={`M${xs[1]! + boxW},${mid - 4}H${xs[2]! - 2}`} />
          <path d={`M${xs[2]! - 2},${mid + 5}H${xs[1]! + boxW + 2}`} />
          <path d={`M${xs[2]! + boxW / 2},${sy + boxH}C${xs[2]! + boxW / 2},${sy + boxH + 12} ${xs[0]! + boxW / 2},${sy + boxH + 12} ${xs[0]! + boxW / 2},${sy + boxH + 2}`} />
        </g>
        <marker id="tb-res-arrow" viewBox="0 0 8 8" refX={7} refY={4} markerWidth={7} markerHeight={7} orient="auto">
          <path d="M0,0L8,4L0,8Z" fill={STATUS.muted} />
        </marker>
        {STATES.map((s, i) => {
          const on = b.state === s.key;
          return (
            <g key={s.key}>
              <rect x={xs[i]} y={sy} width={boxW} height={boxH} rx={12} fill={on ? s.fill : '#ffffff'}
                stroke={on ? STATUS.ink : '#8a8a90'} strokeWidth={on ? 3 : 1} />
              <text x={xs[i]! + boxW / 2} y={sy + boxH / 2 + fs * 0.35} fontSize={fs} textAnchor="middle" fontWeight={on ? 800 : 400} fill={STATUS.ink}>
                {firstFit(on ? [`▶ ${s.label}`, s.label, s.short] : [s.label, s.short], boxW - 6, fs, { bold: on })}
              </text>
            </g>
          );
        })}
        {b.windowType === 'COUNT_BASED'
          ? pathsBy(Array.from({ length: cells }, (_, i) => ({
            key: b.cells[i] ?? 'empty',
            box: { x: r.x + i * cw, y: wy, w: Math.max(1, cw - (cw > 4 ? 1 : 0)), h: 14 },
          }))).map((g) => (
            <path key={g.key} d={g.d} fill={g.key === 'empty' ? '#f4f4f6' : CELL_FILL[g.key as WindowCell]}
              stroke={g.key === 'empty' ? '#c4c4ca' : STATUS.ink} strokeWidth={cw > 4 ? 0.6 : 0} />
          ))
          : (() => {
            const most = Math.max(1, ...b.seconds.map((x) => x.calls));
            const bars = b.seconds.flatMap((s, i) => {
              const h = (14 * s.calls) / most;
              const fh = s.calls ? (h * s.failed) / s.calls : 0;
              const x = r.x + i * cw;
              const w = Math.max(1, cw - 1);
              return [{ key: 'ok', box: { x, y: wy + 14 - h, w, h: h - fh } }, { key: 'failed', box: { x, y: wy + 14 - fh, w, h: fh } }];
            });
            return pathsBy(bars).map((g) => (
              <path key={g.key} d={g.d} fill={g.key === 'ok' ? '#ffffff' : OKABE_ITO.vermillion} stroke={g.key === 'ok' ? STATUS.ink : 'none'} strokeWidth={0.6} />
            ));
          })()}
        <text x={r.x} y={wy + 14 + fs + 3} fontSize={fs} fill={STATUS.ink}>{firstFit(windowLines(b), r.w, fs)}</text>
      </g>
    </g>
  );
}
