// A bar chart of one value per named thing (the load on each node of a hash ring, each server's queue):
// upright bars with their names under them when the names fit, else one row per bar with the name on the
// left; each bar's value written at its end where it fits; an optional reference line (capacity, the mean).
// Pure; Charts.tsx draws it.
import { estimateWidth, fitText, type TextWidth } from '../shared/measure.ts';
import type { Size } from '../shared/geometry.ts';
import type { Rect } from './ring-layout.ts';
import { CHART_MIN_FONT, valueLabel, valueTicks, type Tick } from './charts-axis.ts';

export interface Bar { id: string; label: string; value: number; colour: string }

export interface BarChartSpec {
  title: string;
  unit: string;
  bars: readonly Bar[];
  /** The value axis reaches at least this high. */
  minTop?: number;
  reference?: { value: number; label: string };
}

export interface PlacedBar {
  bar: Bar;
  /** The bar's rectangle. */
  x: number; y: number; w: number; h: number;
  /** Its name (cut to fit, '' when there is no room) and where it is written. */
  label: { x: number; y: number; text: string; anchor: 'middle' | 'end' };
  /** Its value, written at the bar's end ('' when it does not fit there). */
  value: { x: number; y: number; text: string; anchor: 'middle' | 'start' };
}

export interface BarChartLayout {
  width: number;
  height: number;
  fontSize: number;
  /** Upright bars, or one row per bar. */
  upright: boolean;
  plot: Rect;
  unit: { x: number; y: number; text: string };
  ticks: (Tick & { pos: number })[];
  bars: PlacedBar[];
  reference: { pos: number; label: string } | null;
  label: string;
  desc: string;
}

export function barChartLayout(spec: BarChartSpec, size: Size, fontSize = 12, measure: TextWidth = estimateWidth): BarChartLayout {
  const fs = Math.max(CHART_MIN_FONT, fontSize);
  const width = Math.max(120, size.width);
  const height = Math.max(80, size.height);
  const n = Math.max(1, spec.bars.length);
  let top = spec.minTop ?? 0;
  for (const b of spec.bars) top = Math.max(top, b.value);
  if (spec.reference) top = Math.max(top, spec.reference.value);
  const widest = Math.max(0, ...spec.bars.map((b) => measure(b.label, fs)));
  const valueW = Math.max(0, ...spec.bars.map((b) => measure(valueLabel(b.value), fs)));
  const base = {
    width, height, fontSize: fs, unit: { x: 2, y: fs, text: spec.unit },
    label: `${spec.title} (${spec.unit})`, desc: barWords(spec),
  };
  const uprightSlot = (width - 40) / n;
  const rowH = fs * 1.45;
  // Upright when every name fits under its bar, or when rows would not fit either.
  const upright = widest + 4 <= uprightSlot || (height - fs * 2.5) / n < rowH;
  if (upright) {
    const plotTop = fs * 2 + 2;
    const plotBottom = height - fs - 6;
    const values = valueTicks(top, plotBottom - plotTop, fs);
    const axisW = Math.ceil(Math.max(...values.ticks.map((t) => measure(t.label, fs))) + 6);
    const plot: Rect = { x: axisW, y: plotTop, w: width - axisW - 4, h: Math.max(10, plotBottom - plotTop) };
    const slot = plot.w / n;
    const y = (v: number) => plot.y + plot.h - (Math.max(0, v) / values.top) * plot.h;
    const bars = spec.bars.map((bar, i): PlacedBar => {
      const bw = Math.max(2, slot * 0.7);
      const cx = plot.x + slot * (i + 0.5);
      const by = y(bar.value);
      const vText = valueLabel(bar.value);
      return {
        bar, x: cx - bw / 2, y: by, w: bw, h: plot.y + plot.h - by,
        label: { x: cx, y: plot.y + plot.h + fs + 2, text: fitText(bar.label, slot - 2, fs, {}, measure), anchor: 'middle' },
        value: { x: cx, y: by - 3, text: measure(vText, fs) <= slot - 2 ? vText : '', anchor: 'middle' },
      };
    });
    return {
      ...base, upright, plot, bars,
      ticks: values.ticks.map((t) => ({ ...t, pos: y(t.at) })),
      reference: spec.reference ? { pos: y(spec.reference.value), label: spec.reference.label } : null,
    };
  }
  const labelW = Math.min(widest, width * 0.35) + 6;
  const plot: Rect = { x: Math.ceil(labelW), y: fs * 1.6, w: width - Math.ceil(labelW) - valueW - 8, h: height - fs * 3.2 };
  const values = valueTicks(top, plot.w, fs * 2.5);
  const x = (v: number) => plot.x + (Math.max(0, v) / values.top) * plot.w;
  const slot = plot.h / n;
  const bars = spec.bars.map((bar, i): PlacedBar => {
    const bh = Math.max(2, slot * 0.7);
    const cy = plot.y + slot * (i + 0.5);
    return {
      bar, x: plot.x, y: cy - bh / 2, w: x(bar.value) - plot.x, h: bh,
      label: { x: plot.x - 4, y: cy + fs * 0.35, text: fitText(bar.label, labelW - 6, fs, {}, measure), anchor: 'end' },
      value: { x: x(bar.value) + 3, y: cy + fs * 0.35, text: valueLabel(bar.value), anchor: 'start' },
    };
  });
  return {
    ...base, upright, plot, bars,
    ticks: values.ticks.map((t) => ({ ...t, pos: x(t.at) })),
    reference: spec.reference ? { pos: x(spec.reference.value), label: spec.reference.label } : null,
  };
}

/** "n1 120 keys, n2 80 keys, n3 100 keys; mean 100." */
function barWords(spec: BarChartSpec): string {
  if (!spec.bars.length) return 'No bars.';
  const parts = spec.bars.map((b) => `${b.label} ${valueLabel(b.value)} ${spec.unit}`);
  const ref = spec.reference ? `; ${spec.reference.label} ${valueLabel(spec.reference.value)}` : '';
  return `${parts.join(', ')}${ref}.`;
}
