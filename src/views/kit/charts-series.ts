// A live time-series chart: several named series over simulated time, the value axis with its unit, the
// time axis in seconds, a legend that also says each series' value at "now", a dot where each line is at
// now, and the now marker. Pure (tested in tests/unit/views/charts.test.ts); Charts.tsx draws it.
import { line } from 'd3';
import { estimateWidth, fitText, type TextWidth } from '../shared/measure.ts';
import type { Size } from '../shared/geometry.ts';
import type { Rect } from './ring-layout.ts';
import { CHART_MIN_FONT, nowMarker, timeTicks, timeX, valueLabel, valueTicks, type Tick } from './charts-axis.ts';

export interface ChartSeries {
  name: string;
  /** Samples [time ms, value], in time order. */
  points: readonly (readonly [number, number])[];
  colour: string;
  /** An SVG dash pattern, so two series differ by more than colour. */
  dash?: string;
}

export interface TimeSeriesSpec {
  /** The chart's name, said to a screen reader and written above the legend when `showTitle`. */
  title: string;
  /** The values' unit: "req/s", "ms", "attempts". */
  unit: string;
  series: readonly ChartSeries[];
  /** The time range drawn (ms) and the moment the run is at. */
  from: number;
  to: number;
  now: number;
  /** The value axis reaches at least this high (a capacity line stays in view when the load is low). */
  minTop?: number;
  /** A horizontal line at a value, named ("capacity"). */
  reference?: { value: number; label: string };
  /** Values change in steps at each sample (counts per bucket), rather than linearly between samples. */
  step?: boolean;
}

export interface LegendEntry { name: string; colour: string; dash?: string; x: number; y: number; text: string }
export interface SeriesLine { name: string; colour: string; dash?: string; d: string; dot: { x: number; y: number } | null }

export interface TimeSeriesLayout {
  width: number;
  height: number;
  fontSize: number;
  plot: Rect;
  unit: { x: number; y: number; text: string };
  xTicks: (Tick & { x: number })[];
  yTicks: (Tick & { y: number })[];
  lines: SeriesLine[];
  legend: LegendEntry[];
  reference: { y: number; label: string; labelX: number } | null;
  nowX: number | null;
  /** The chart in words for a screen reader: its name, range and each series' value at now. */
  label: string;
  desc: string;
}

/** A series' value at `t`: the last sample at or before it (null before the first). */
export function valueAt(points: ChartSeries['points'], t: number): number | null {
  let v: number | null = null;
  for (const [pt, pv] of points) {
    if (pt > t) break;
    v = pv;
  }
  return v;
}

const SWATCH = 18;

/** Legend entries in rows across `width`, each "name 123 unit"; returns the entries and the rows' height. */
function legendRows(spec: TimeSeriesSpec, x0: number, width: number, fontSize: number, measure: TextWidth) {
  const rowH = Math.round(fontSize * 1.35);
  const entries: LegendEntry[] = [];
  let x = x0;
  let row = 0;
  for (const s of spec.series) {
    const v = valueAt(s.points, spec.now);
    const full = `${s.name} ${v === null ? '–' : valueLabel(v)}`;
    const room = width - SWATCH - 4;
    const text = fitText(full, room, fontSize, {}, measure);
    const w = SWATCH + 4 + measure(text, fontSize) + fontSize;
    if (x > x0 && x + w > x0 + width) {
      row++;
      x = x0;
    }
    entries.push({ name: s.name, colour: s.colour, dash: s.dash, x, y: row * rowH + fontSize, text });
    x += w;
  }
  return { entries, height: (row + 1) * rowH };
}

export function timeSeriesLayout(spec: TimeSeriesSpec, size: Size, fontSize = 12, measure: TextWidth = estimateWidth): TimeSeriesLayout {
  const width = Math.max(120, size.width);
  const height = Math.max(90, size.height);
  // A smaller font (never under 11 px) when the legend would leave the plot less than four lines of it.
  let fs = Math.max(CHART_MIN_FONT, fontSize);
  let legend = legendRows(spec, 2, width - 4, fs, measure);
  while (fs > CHART_MIN_FONT && height - legend.height - fs * 3 - 10 < fs * 4) {
    fs--;
    legend = legendRows(spec, 2, width - 4, fs, measure);
  }
  let top = 0;
  for (const s of spec.series) for (const [, v] of s.points) top = Math.max(top, v);
  top = Math.max(top, spec.minTop ?? 0, spec.reference?.value ?? 0);
  // The plot's height first without the axis, to count the value ticks; then the axis' width from its labels.
  // The unit is written above the plot, clear of the top tick's label (centred on the plot's top edge).
  const plotTop = legend.height + fs * 1.9 + 4;
  const plotBottom = height - fs - 6;
  const values = valueTicks(top, plotBottom - plotTop, fs);
  const axisW = Math.max(...values.ticks.map((t) => measure(t.label, fs)), measure(spec.unit, fs) / 2) + 6;
  const plot: Rect = { x: Math.ceil(axisW), y: plotTop, w: width - Math.ceil(axisW) - 6, h: Math.max(10, plotBottom - plotTop) };
  const y = (v: number) => plot.y + plot.h - (v / values.top) * plot.h;
  const x = (t: number) => timeX(plot, spec.from, spec.to, t);
  const draw = line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
  const lines = spec.series.map((s): SeriesLine => {
    const shown = visible(s.points, spec.from, Math.min(spec.to, spec.now), spec.step === true);
    const v = valueAt(s.points, spec.now);
    const nx = nowMarker(plot, spec.from, spec.to, spec.now);
    return { name: s.name, colour: s.colour, dash: s.dash, d: draw(shown) ?? '', dot: v === null || nx === null ? null : { x: nx, y: y(v) } };
  });
  const ref = spec.reference
    ? { y: y(spec.reference.value), label: spec.reference.label, labelX: plot.x + plot.w - measure(spec.reference.label, fs) - 2 }
    : null;
  return {
    width, height, fontSize: fs, plot,
    unit: { x: 2, y: legend.height + fs + 2, text: spec.unit },
    xTicks: timeTicks(spec.from, spec.to, plot.w, fs, measure).map((t) => ({ ...t, x: x(t.at) })),
    yTicks: values.ticks.map((t) => ({ ...t, y: y(t.at) })),
    lines, legend: legend.entries, reference: ref,
    nowX: nowMarker(plot, spec.from, spec.to, spec.now),
    label: `${spec.title} (${spec.unit}) over time`,
    desc: seriesWords(spec),
  };
}

/** The samples inside [from, to], with the value carried to each edge so the line starts and ends there. */
function visible(points: ChartSeries['points'], from: number, to: number, step: boolean): [number, number][] {
  const out: [number, number][] = [];
  const before = valueAt(points, from);
  if (before !== null) out.push([from, before]);
  for (const [t, v] of points) {
    if (t <= from || t > to) continue;
    if (step && out.length) out.push([t, out[out.length - 1]![1]]);
    out.push([t, v]);
  }
  const last = valueAt(points, to);
  if (last !== null && out.length && out[out.length - 1]![0] < to) out.push([to, last]);
  return out;
}

/** "At 12.5 s: load 700 req/s (highest 950), goodput 690 req/s (highest 700)." */
function seriesWords(spec: TimeSeriesSpec): string {
  const at = `At ${Number((spec.now / 1000).toFixed(1))} s`;
  const parts = spec.series.map((s) => {
    const v = valueAt(s.points, spec.now);
    let hi = -Infinity;
    for (const [t, pv] of s.points) if (t <= spec.now) hi = Math.max(hi, pv);
    if (v === null) return `${s.name}: no data yet`;
    return `${s.name} ${valueLabel(v)} ${spec.unit} (highest so far ${valueLabel(hi)})`;
  });
  const ref = spec.reference ? `; ${spec.reference.label} ${valueLabel(spec.reference.value)} ${spec.unit}` : '';
  return `${at}: ${parts.join(', ')}${ref}.`;
}
