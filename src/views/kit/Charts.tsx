// The kit's live charts drawn from their pure layouts (charts-series.ts, charts-strip.ts, charts-bars.ts),
// each a <g> placed at (x, y) inside a picture's svg. Each is one image to a screen reader: its name, and its
// numbers in words (the value of every series at now, the state changes, every bar) as its description.
import { useId } from 'react';
import { STATUS } from '../shared/palette.ts';
import type { TimeSeriesLayout } from './charts-series.ts';
import type { StateStripLayout, StripPattern } from './charts-strip.ts';
import type { BarChartLayout } from './charts-bars.ts';
import './charts.css';

interface Placed { x: number; y: number }

/** An id usable in url(#...) and aria references (React's own ids hold punctuation). */
const useChartId = () => `c${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

/** The name and the numbers of a chart, for assistive technology. */
function Described({ id, label, desc }: { id: string; label: string; desc: string }) {
  return (
    <>
      <title id={`${id}-t`}>{label}</title>
      <desc id={`${id}-d`}>{desc}</desc>
    </>
  );
}

function TimeAxis({ ticks, y, fontSize }: { ticks: readonly { x: number; label: string }[]; y: number; fontSize: number }) {
  return (
    <g className="tb-chart-axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.label}>
          <line x1={t.x} x2={t.x} y1={y - 4} y2={y} />
          <text x={t.x} y={y + fontSize} textAnchor="middle" fontSize={fontSize}>{t.label}</text>
        </g>
      ))}
    </g>
  );
}

function NowLine({ x, y1, y2 }: { x: number | null; y1: number; y2: number }) {
  if (x === null) return null;
  return <line className="tb-chart-now" x1={x} x2={x} y1={y1} y2={y2} aria-hidden="true" />;
}

export function TimeSeriesChart({ layout: l, x, y }: { layout: TimeSeriesLayout } & Placed) {
  const id = useChartId();
  const { plot, fontSize: fs } = l;
  return (
    <g className="tb-chart" transform={`translate(${x},${y})`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <Described id={id} label={l.label} desc={l.desc} />
      <g aria-hidden="true">
        {l.legend.map((e) => (
          <g key={e.name}>
            <line x1={e.x} x2={e.x + 18} y1={e.y - fs * 0.35} y2={e.y - fs * 0.35} stroke={e.colour} strokeDasharray={e.dash} strokeWidth={3} />
            <text x={e.x + 22} y={e.y} fontSize={fs} className="tb-chart-text">{e.text}</text>
          </g>
        ))}
        <text x={l.unit.x} y={l.unit.y} fontSize={fs} className="tb-chart-muted">{l.unit.text}</text>
        <g className="tb-chart-axis">
          {l.yTicks.map((t) => (
            <g key={t.label}>
              <line className="tb-chart-grid" x1={plot.x} x2={plot.x + plot.w} y1={t.y} y2={t.y} />
              <text x={plot.x - 4} y={t.y + fs * 0.35} textAnchor="end" fontSize={fs}>{t.label}</text>
            </g>
          ))}
          <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} />
        </g>
        <TimeAxis ticks={l.xTicks} y={plot.y + plot.h + 4} fontSize={fs} />
        {l.reference && (
          <g className="tb-chart-reference">
            <line x1={plot.x} x2={plot.x + plot.w} y1={l.reference.y} y2={l.reference.y} />
            <text x={l.reference.labelX} y={l.reference.y - 3} fontSize={fs} className="tb-halo">{l.reference.label}</text>
          </g>
        )}
        {l.lines.map((s) => (
          <g key={s.name}>
            <path d={s.d} fill="none" stroke={s.colour} strokeWidth={2.5} strokeDasharray={s.dash} strokeLinejoin="round" />
            {s.dot && <circle cx={s.dot.x} cy={s.dot.y} r={4} fill={s.colour} stroke={STATUS.ink} strokeWidth={1} />}
          </g>
        ))}
        <NowLine x={l.nowX} y1={plot.y} y2={plot.y + plot.h} />
      </g>
    </g>
  );
}

function PatternDefs({ id, states }: { id: string; states: StateStripLayout['legend'] }) {
  return (
    <defs>
      {states.map(({ state: s }) => (
        <pattern key={s.key} id={`${id}-${s.key}`} width={8} height={8} patternUnits="userSpaceOnUse">
          <rect width={8} height={8} fill={s.colour} />
          {s.pattern === 'hatch' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={STATUS.ink} strokeWidth={1.2} opacity={0.55} />}
          {s.pattern === 'dots' && <circle cx={4} cy={4} r={1.6} fill={STATUS.ink} opacity={0.6} />}
        </pattern>
      ))}
    </defs>
  );
}

const fillOf = (id: string, key: string, pattern: StripPattern, colour: string) => (pattern === 'solid' ? colour : `url(#${id}-${key})`);

export function StateStrip({ layout: l, x, y }: { layout: StateStripLayout } & Placed) {
  const id = useChartId();
  const fs = l.fontSize;
  return (
    <g className="tb-chart" transform={`translate(${x},${y})`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <Described id={id} label={l.label} desc={l.desc} />
      <PatternDefs id={id} states={l.legend} />
      <g aria-hidden="true">
        <text x={l.heading.x} y={l.heading.y} fontSize={fs} fontWeight={700} className="tb-chart-text">{l.heading.text}</text>
        <rect className="tb-chart-band" x={l.band.x} y={l.band.y} width={l.band.w} height={l.band.h} />
        {l.spans.map((s) => (
          <g key={s.from}>
            <rect x={s.x} y={l.band.y} width={s.w} height={l.band.h} fill={fillOf(id, s.state.key, s.state.pattern, s.state.colour)} stroke={STATUS.ink} strokeWidth={0.5} />
            {s.text && <text x={s.x + 3} y={l.band.y + l.band.h / 2 + fs * 0.35} fontSize={fs} fontWeight={700} className="tb-halo">{s.text}</text>}
          </g>
        ))}
        <TimeAxis ticks={l.xTicks} y={l.band.y + l.band.h + 2} fontSize={fs} />
        <NowLine x={l.nowX} y1={l.band.y - 3} y2={l.band.y + l.band.h + 3} />
        {l.legend.map((e) => (
          <g key={e.state.key}>
            <rect x={e.x} y={e.y - fs * 0.8} width={14} height={fs * 0.9} fill={fillOf(id, e.state.key, e.state.pattern, e.state.colour)} stroke={STATUS.ink} strokeWidth={0.75} />
            <text x={e.x + 18} y={e.y} fontSize={fs} className="tb-chart-text">{e.text}</text>
          </g>
        ))}
      </g>
    </g>
  );
}

export function BarChart({ layout: l, x, y }: { layout: BarChartLayout } & Placed) {
  const id = useChartId();
  const { plot, fontSize: fs } = l;
  return (
    <g className="tb-chart" transform={`translate(${x},${y})`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <Described id={id} label={l.label} desc={l.desc} />
      <g aria-hidden="true">
        <text x={l.unit.x} y={l.unit.y} fontSize={fs} className="tb-chart-muted">{l.unit.text}</text>
        <g className="tb-chart-axis">
          {l.ticks.map((t) => (l.upright
            ? <g key={t.label}><line className="tb-chart-grid" x1={plot.x} x2={plot.x + plot.w} y1={t.pos} y2={t.pos} /><text x={plot.x - 4} y={t.pos + fs * 0.35} textAnchor="end" fontSize={fs}>{t.label}</text></g>
            : <g key={t.label}><line className="tb-chart-grid" x1={t.pos} x2={t.pos} y1={plot.y} y2={plot.y + plot.h} /><text x={t.pos} y={plot.y + plot.h + fs + 2} textAnchor="middle" fontSize={fs}>{t.label}</text></g>))}
        </g>
        {l.bars.map((b) => (
          <g key={b.bar.id} data-bar={b.bar.id}>
            <rect x={b.x} y={b.y} width={Math.max(0, b.w)} height={Math.max(0, b.h)} fill={b.bar.colour} stroke={STATUS.ink} strokeWidth={0.75} />
            {b.label.text && <text x={b.label.x} y={b.label.y} textAnchor={b.label.anchor} fontSize={fs} className="tb-chart-text">{b.label.text}</text>}
            {b.value.text && <text x={b.value.x} y={b.value.y} textAnchor={b.value.anchor} fontSize={fs} className="tb-halo">{b.value.text}</text>}
          </g>
        ))}
        {l.reference && (l.upright
          ? <g className="tb-chart-reference"><line x1={plot.x} x2={plot.x + plot.w} y1={l.reference.pos} y2={l.reference.pos} /><text x={plot.x + plot.w} y={l.reference.pos - 3} textAnchor="end" fontSize={fs} className="tb-halo">{l.reference.label}</text></g>
          : <g className="tb-chart-reference"><line x1={l.reference.pos} x2={l.reference.pos} y1={plot.y} y2={plot.y + plot.h} /><text x={l.reference.pos} y={plot.y - 3} textAnchor="middle" fontSize={fs} className="tb-halo">{l.reference.label}</text></g>)}
      </g>
    </g>
  );
}
