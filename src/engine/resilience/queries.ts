// What conditions, predictions and charts read from the resilience system: `expect resilience.goodput(web) >= 130`.
// Per-second figures are those of the latest closed second (series.ts); totals count since the start.
import type { Query } from '../core/types.ts';
import { breakerMetrics, breakerStateAt } from './breaker.ts';
import { lastSecond } from './series.ts';
import { queueLength, type Caller, type CallerSecond, type Client, type ResilienceState, type Server } from './state.ts';

export const serverNamed = (s: ResilienceState, name: string | undefined): Server => {
  const v = s.servers[name ?? ''];
  if (!v) throw new Error(`no resilience server named '${name}'${s.serverOrder.length ? `; servers are ${s.serverOrder.join(',')}` : '; create one with resilience.server name=api'}`);
  return v;
};
export const clientNamed = (s: ResilienceState, name: string | undefined): Client => {
  const c = s.clients[name ?? ''];
  if (!c) throw new Error(`no resilience client named '${name}'${s.clientOrder.length ? `; clients are ${s.clientOrder.join(',')}` : '; create one with resilience.client name=web target=api'}`);
  return c;
};
/** The caller of a node: a client, or a server that calls a dependency. */
export const callerNamed = (s: ResilienceState, name: string | undefined): Caller => {
  const c = s.clients[name ?? '']?.caller ?? s.servers[name ?? '']?.dependency;
  if (c) return c;
  if (s.servers[name ?? '']) throw new Error(`server ${name} calls no dependency; give it one with calls= on resilience.server`);
  const callers = [...s.clientOrder, ...s.serverOrder.filter((n) => s.servers[n]!.dependency)];
  throw new Error(`no resilience caller named '${name}'${callers.length ? `; callers are ${callers.join(',')}` : ''}`);
};

/** Whether a second counts as healthy: at least 90 % of its offered calls succeeded. */
export const healthySecond = (sec: CallerSecond): boolean => sec.offered > 0 && sec.succeeded * 10 >= sec.offered * 9;

/**
 * Seconds from the end of the latest latency spike on the caller's path (its target, the target's
 * dependency, and so on) to the start of the first healthy second that began after it (and every second
 * after that one healthy too); -1 before it recovers or without a spike.
 */
export function recoverySeconds(s: ResilienceState, caller: Caller): number {
  let spikeEnd = -1;
  const seen = new Set<string>();
  for (let v = s.servers[caller.pipeline.target]; v && !seen.has(v.id); v = v.dependency ? s.servers[v.dependency.pipeline.target] : undefined) {
    seen.add(v.id);
    spikeEnd = Math.max(spikeEnd, v.spikeEndedAt);
  }
  if (spikeEnd < 0 || caller.series.length === 0) return -1;
  let first = -1;
  for (let i = caller.series.length - 1; i >= 0; i--) {
    const sec = caller.series[i]!;
    if (sec.t < spikeEnd) break;
    if (!healthySecond(sec)) break;
    first = sec.t;
  }
  return first < 0 ? -1 : Math.round((first - spikeEnd) / 100) / 10;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

type Q = Query<ResilienceState>;
const perCaller = (name: string, description: string, get: (s: ResilienceState, c: Caller) => number | string | boolean, example = `expect resilience.${name}(web) >= 0`): Q => ({
  name: `resilience.${name}`, params: ['caller'], description, example, get: (s, [c]) => get(s, callerNamed(s, c)),
});
const perSecond = (name: string, description: string, get: (sec: CallerSecond) => number, example?: string): Q =>
  perCaller(name, `${description}, in the latest whole second`, (_s, c) => { const sec = lastSecond(c.series); return sec ? get(sec) : 0; }, example);
const perServer = (name: string, description: string, get: (v: Server) => number, example = `expect resilience.${name}(api) >= 0`): Q => ({
  name: `resilience.${name}`, params: ['server'], description, example, get: (s, [v]) => get(serverNamed(s, v)),
});

export const resilienceQueries: readonly Q[] = [
  perSecond('offered', 'calls started (the offered load)', (x) => x.offered),
  perSecond('goodput', 'calls answered successfully by the target', (x) => x.succeeded, 'expect resilience.goodput(web) >= 100'),
  perSecond('failed', 'calls that ended failed without a fallback', (x) => x.failed),
  perSecond('fallbacks', 'calls answered by the fallback', (x) => x.fallbacks),
  perSecond('errorRate', 'percentage of the calls ended that failed (fallbacks count as failed here)', (x) => {
    const ended = x.succeeded + x.failed + x.fallbacks;
    return ended === 0 ? 0 : Math.round(((x.failed + x.fallbacks) * 1000) / ended) / 10;
  }),
  perSecond('p50', 'median latency of the calls that ended, in ms (-1 when none ended)', (x) => x.p50),
  perSecond('p99', '99th-percentile latency of the calls that ended, in ms (-1 when none ended)', (x) => x.p99),
  perSecond('amplification', 'attempts on the wire per call started (retry amplification; 0 with no calls)', (x) => (x.offered === 0 ? 0 : round2(x.attempts / x.offered))),
  perCaller('healthy', 'whether the latest whole second was healthy: 90 % or more of its offered calls succeeded', (_s, c) => { const sec = lastSecond(c.series); return sec ? healthySecond(sec) : false; }, 'expect resilience.healthy(web) == true'),
  perCaller('recovery', 'seconds from the end of the latest latency spike on its path until calls were healthy again and stayed so (-1: not recovered)', recoverySeconds, 'expect resilience.recovery(web) >= 0'),
  perCaller('calls', 'calls started since the beginning', (_s, c) => c.totals.calls),
  perCaller('succeeded', 'calls that succeeded since the beginning', (_s, c) => c.totals.succeeded),
  perCaller('attempts', 'attempts put on the wire since the beginning', (_s, c) => c.totals.attempts),
  perCaller('retries', 'retries made since the beginning', (_s, c) => c.totals.retries),
  perCaller('timeouts', 'attempts the time limit ended', (_s, c) => c.totals.timeouts),
  perCaller('rejected', 'attempts refused on the caller side (breaker open, bulkhead full, rate limited)', (_s, c) => c.totals.rejected),
  perCaller('inProgress', 'calls in progress now (waiting, in flight or backing off)', (_s, c) => Object.keys(c.calls).length),
  perCaller('budget', "tokens left in the retry budget (-1 without one)", (_s, c) => c.pipeline.retry?.budget?.available ?? -1),
  perCaller('budgetRefused', 'retries the budget refused', (_s, c) => c.totals.budgetRefused),
  perCaller('breaker', "the breaker's state now: CLOSED, OPEN, HALF_OPEN, DISABLED, FORCED_OPEN (none without a breaker)", (s, c) => {
    const b = c.pipeline.breaker;
    return b ? breakerStateAt(b, s.at) : 'none';
  }, 'expect resilience.breaker(web) == CLOSED'),
  perCaller('failureRate', "the breaker's failure rate in percent (-1 below its minimum number of calls or without a breaker)", (_s, c) => (c.pipeline.breaker ? round2(breakerMetrics(c.pipeline.breaker).failureRate) : -1)),
  perCaller('opened', 'how many times the breaker has opened', (_s, c) => c.pipeline.breaker?.opened ?? 0),
  perCaller('openedAt', 'when the breaker last opened, in ms (-1: never)', (_s, c) => {
    const tr = c.pipeline.breaker?.transitions ?? [];
    for (let i = tr.length - 1; i >= 0; i--) if (tr[i]!.to === 'OPEN') return tr[i]!.t;
    return -1;
  }),
  perCaller('notPermitted', 'calls the breaker refused in its current state', (_s, c) => c.pipeline.breaker?.notPermitted ?? 0),
  perCaller('bulkheadActive', 'calls holding a bulkhead slot now (0 without a bulkhead)', (_s, c) => c.pipeline.bulkhead?.active ?? 0),
  perCaller('bulkheadPeak', 'the most calls that held bulkhead slots together', (_s, c) => c.pipeline.bulkhead?.peak ?? 0),
  perServer('queue', 'requests waiting in its queue now', queueLength),
  perServer('busy', 'workers busy now', (v) => v.busyCount),
  perServer('served', 'requests answered successfully since the beginning', (v) => v.totals.served),
  perServer('shed', 'requests refused by load shedding since the beginning', (v) => v.totals.shed),
  perServer('wasted', 'requests finished after their caller had given up (wasted work)', (v) => v.totals.wasted),
  perServer('wastedShare', 'percentage of its worker time spent on requests whose caller had given up', (v) => (v.totals.busyMs === 0 ? 0 : Math.round((v.totals.wastedMs * 1000) / v.totals.busyMs) / 10)),
  perServer('load', 'requests that arrived in the latest whole second', (v) => lastSecond(v.series)?.arrived ?? 0),
  perServer('capacity', 'requests per second its workers can serve at the mean service time (no spike)', (v) => Math.floor((v.workers * 1000) / Math.max(1, v.serviceMs))),
];
