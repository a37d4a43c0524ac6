// A state strip: a categorical value over simulated time (a circuit breaker's CLOSED / OPEN / HALF_OPEN),
// one band of spans under a line that names the state at "now", a legend of the states, the time axis and
// the now marker. Each state has a colour and a fill pattern and its name is written in any span wide enough,
// so colour never carries the meaning alone. Pure; Charts.tsx draws it.
import { estimateWidth, fitText, type TextWidth } from '../shared/measure.ts';
import type { Size } from '../shared/geometry.ts';
import type { Rect } from './ring-layout.ts';
import { CHART_MIN_FONT, nowMarker, secondsLabel, timeTicks, timeX, type Tick } from './charts-axis.ts';

export type StripPattern = 'solid' | 'hatch' | 'dots';
export interface StripState { key: string; label: string; colour: string; pattern: StripPattern }

export interface StateStripSpec {
  title: string;
  states: readonly StripState[];
  /** When each state began, in time order; a state lasts until the next change (the last until now). */
  changes: readonly { at: number; state: string }[];
  from: number;
  to: number;
  now: number;
}

export interface StripSpan { state: StripState; x: number; w: number; from: number; to: number; text: string }

export interface StateStripLayout {
  width: number;
  height: number;
  fontSize: number;
  heading: { x: number; y: number; text: string };
  band: Rect;
  spans: StripSpan[];
  legend: { state: StripState; x: number; y: number; text: string }[];
  xTicks: (Tick & { x: number })[];
  nowX: number | null;
  label: string;
  desc: string;
}

/** The state at `t`: the last change at or before it (null before the first). */
export function stateAt(changes: StateStripSpec['changes'], t: number): string | null {
  let s: string | null = null;
  for (const c of changes) {
    if (c.at > t) break;
    s = c.state;
  }
  return s;
}

const SWATCH = 14;

export function stateStripLayout(spec: StateStripSpec, size: Size, fontSize = 12, measure: TextWidth = estimateWidth): StateStripLayout {
  const fs = Math.max(CHART_MIN_FONT, fontSize);
  const width = Math.max(120, size.width);
  const byKey = new Map(spec.states.map((s) => [s.key, s]));
  const current = stateAt(spec.changes, spec.now);
  const headingText = fitText(`${spec.title}: ${current === null ? '–' : byKey.get(current)?.label ?? current}`, width - 4, fs, { bold: true }, measure);
  const bandH = Math.round(fs * 1.7);
  const band: Rect = { x: 2, y: fs + 6, w: width - 8, h: bandH };
  const x = (t: number) => timeX(band, spec.from, spec.to, t);
  const spans: StripSpan[] = [];
  const end = Math.min(spec.to, spec.now);
  spec.changes.forEach((c, i) => {
    const next = spec.changes[i + 1]?.at ?? Infinity;
    const a = Math.max(c.at, spec.from);
    const b = Math.min(next, end);
    const state = byKey.get(c.state);
    if (!state || b <= a) return;
    const w = x(b) - x(a);
    const text = measure(state.label, fs) + 6 <= w ? state.label : '';
    spans.push({ state, x: x(a), w, from: a, to: b, text });
  });
  const ticksY = band.y + band.h + fs + 3;
  const legendY = ticksY + Math.round(fs * 1.5);
  const legend: StateStripLayout['legend'] = [];
  let lx = 2;
  let ly = legendY;
  for (const s of spec.states) {
    const w = SWATCH + 4 + measure(s.label, fs) + fs;
    if (lx > 2 && lx + w > width) {
      lx = 2;
      ly += Math.round(fs * 1.35);
    }
    legend.push({ state: s, x: lx, y: ly, text: s.label });
    lx += w;
  }
  return {
    width, height: ly + 4, fontSize: fs,
    heading: { x: 2, y: fs, text: headingText },
    band, spans, legend,
    xTicks: timeTicks(spec.from, spec.to, band.w, fs, measure).map((t) => ({ ...t, x: x(t.at) })),
    nowX: nowMarker(band, spec.from, spec.to, spec.now),
    label: `${spec.title} over time`,
    desc: stripWords(spec, byKey),
  };
}

/** The height a strip needs at this width (its legend may take two rows). */
export function stateStripHeight(spec: StateStripSpec, width: number, fontSize = 12, measure: TextWidth = estimateWidth): number {
  return stateStripLayout(spec, { width, height: 0 }, fontSize, measure).height;
}

/** "Now OPEN. CLOSED from 0 s, OPEN from 12.5 s." (the last eight changes up to now). */
function stripWords(spec: StateStripSpec, byKey: Map<string, StripState>): string {
  const span = Math.max(1, spec.to - spec.from);
  const past = spec.changes.filter((c) => c.at <= spec.now);
  const name = (k: string) => byKey.get(k)?.label ?? k;
  if (!past.length) return 'No state yet.';
  const shown = past.slice(-8).map((c) => `${name(c.state)} from ${secondsLabel(c.at, span)}`);
  const earlier = past.length > 8 ? `${past.length - 8} earlier changes; ` : '';
  return `Now ${name(past[past.length - 1]!.state)}. ${earlier}${shown.join(', ')}.`;
}
