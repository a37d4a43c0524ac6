// What the technical picture's live charts show for one caller over the last minute of simulated time:
// offered load, attempts on the wire and goodput against the server's capacity; latency p50 and p99 against
// the timeout; attempts per call (retry amplification); the breaker's state over time. Pure specs for the
// kit's charts (src/views/kit/charts-*.ts), tested in tests/unit/views/resilience-model.test.ts.
import { liveWindow } from '../kit/charts-axis.ts';
import type { TimeSeriesSpec } from '../kit/charts-series.ts';
import type { StateStripSpec, StripState } from '../kit/charts-strip.ts';
import { OKABE_ITO } from '../shared/palette.ts';
import type { CallerPic, ResiliencePicture } from './model.ts';

/** The simulated time the charts span. */
export const CHART_WINDOW_MS = 60_000;

export const BREAKER_STRIP_STATES: readonly StripState[] = [
  { key: 'CLOSED', label: 'closed', colour: OKABE_ITO.bluishGreen, pattern: 'solid' },
  { key: 'OPEN', label: 'open', colour: OKABE_ITO.vermillion, pattern: 'hatch' },
  { key: 'HALF_OPEN', label: 'half-open', colour: OKABE_ITO.yellow, pattern: 'dots' },
  { key: 'FORCED_OPEN', label: 'forced open', colour: OKABE_ITO.reddishPurple, pattern: 'hatch' },
  { key: 'DISABLED', label: 'disabled', colour: '#d9d9de', pattern: 'solid' },
];

export interface ResilienceCharts {
  load: TimeSeriesSpec;
  latency: TimeSeriesSpec;
  amplification: TimeSeriesSpec;
  breaker: StateStripSpec | null;
}

// A second's figures are known at its end: plotted there.
const at = (t: number) => t + 1000;

export function resilienceCharts(p: ResiliencePicture, c: CallerPic): ResilienceCharts {
  const { from, to } = liveWindow(p.now, CHART_WINDOW_MS);
  const now = p.now;
  const inView = c.series.filter((s) => at(s.t) >= from - 1000 && at(s.t) <= now);
  const target = p.servers.find((s) => s.id === c.target);
  const base = { from, to, now, step: true };
  const who = c.role === 'client' ? c.id : `${c.id} → ${c.target}`;
  return {
    load: {
      ...base, title: `Load and goodput of ${who}`, unit: 'calls/s',
      series: [
        { name: 'offered', colour: OKABE_ITO.orange, points: inView.map((s) => [at(s.t), s.offered] as const) },
        { name: 'attempts', colour: OKABE_ITO.vermillion, dash: '2 3', points: inView.map((s) => [at(s.t), s.attempts] as const) },
        { name: 'goodput', colour: OKABE_ITO.blue, dash: '8 3', points: inView.map((s) => [at(s.t), s.succeeded] as const) },
      ],
      reference: target && Number.isFinite(target.capacity) ? { value: target.capacity, label: `${target.id} capacity` } : undefined,
    },
    latency: {
      ...base, title: `Latency of ${who}'s calls`, unit: 'ms',
      series: [
        { name: 'p50', colour: OKABE_ITO.bluishGreen, points: inView.filter((s) => s.p50 >= 0).map((s) => [at(s.t), s.p50] as const) },
        { name: 'p99', colour: OKABE_ITO.reddishPurple, dash: '6 3', points: inView.filter((s) => s.p99 >= 0).map((s) => [at(s.t), s.p99] as const) },
      ],
      reference: c.timeoutMs !== null ? { value: c.timeoutMs, label: 'timeout' } : undefined,
    },
    amplification: {
      ...base, title: `Attempts per call of ${who}`, unit: 'attempts per call', minTop: 2,
      series: [{ name: 'attempts/call', colour: OKABE_ITO.vermillion, points: inView.filter((s) => s.offered > 0).map((s) => [at(s.t), s.attempts / s.offered] as const) }],
      reference: { value: 1, label: '1: no retries' },
    },
    breaker: c.breaker ? { title: `Breaker of ${who}`, states: stripStates(c.breaker.changes), changes: c.breaker.changes, from, to, now } : null,
  };
}


/** The legend's states: the three every breaker has, and DISABLED or FORCED_OPEN once it has been in them. */
function stripStates(changes: readonly { state: string }[]): StripState[] {
  const seen = new Set(changes.map((c) => c.state));
  return BREAKER_STRIP_STATES.filter((s, i) => i < 3 || seen.has(s.key));
}
