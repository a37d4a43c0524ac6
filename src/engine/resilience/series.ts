// Per-second figures: each caller and each server accumulates the current second and closes it into its
// series once simulated time passes its end. Closing happens lazily, at the next event of the system, so
// a quiet stretch closes many seconds at once (with zero counts). Queries and charts read closed seconds.
import { breakerStateAt } from './breaker.ts';
import { queueLength, SERIES_KEPT, type Caller, type CallerSecond, type ResilienceState, type Server, type ServerSecond } from './state.ts';

export const emptyCallerSecond = (t: number): CallerSecond => ({
  t, offered: 0, attempts: 0, succeeded: 0, failed: 0, fallbacks: 0, p50: -1, p99: -1, breaker: 'none',
});
export const emptyServerSecond = (t: number): ServerSecond => ({ t, arrived: 0, served: 0, shed: 0, wastedMs: 0, queue: 0, busy: 0 });

/** Nearest-rank percentile of ascending values (-1 when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return -1;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

function closeCaller(c: Caller, end: number): void {
  const sec = c.current;
  if (c.latencies.length) {
    const sorted = c.latencies.sort((a, b) => a - b);
    sec.p50 = percentile(sorted, 50);
    sec.p99 = percentile(sorted, 99);
    c.latencies = [];
  }
  const b = c.pipeline.breaker;
  sec.breaker = b ? breakerStateAt(b, end) : 'none';
  c.series.push(sec);
  if (c.series.length > SERIES_KEPT) c.series.shift();
  c.current = emptyCallerSecond(end);
}

function closeServer(sv: Server, end: number): void {
  const sec = sv.current;
  sec.queue = queueLength(sv);
  sec.busy = sv.busyCount;
  sv.series.push(sec);
  if (sv.series.length > SERIES_KEPT) sv.series.shift();
  sv.current = emptyServerSecond(end);
}

/** Every caller of the state: the clients', then the servers' dependency callers. */
export function allCallers(s: ResilienceState): Caller[] {
  const out: Caller[] = [];
  for (const id of s.clientOrder) out.push(s.clients[id]!.caller);
  for (const id of s.serverOrder) { const d = s.servers[id]!.dependency; if (d) out.push(d); }
  return out;
}

/** Closes every second that ended at or before `now`. */
export function rollSeconds(s: ResilienceState, now: number): void {
  s.at = now;
  if (now < s.secondEnd) return;
  const callers = allCallers(s);
  while (now >= s.secondEnd) {
    const end = s.secondEnd;
    for (const c of callers) closeCaller(c, end);
    for (const id of s.serverOrder) closeServer(s.servers[id]!, end);
    s.secondEnd = end + 1000;
  }
}

/** The latest closed second of a caller, or null before the first second ends. */
export const lastSecond = <T>(series: readonly T[]): T | null => series[series.length - 1] ?? null;
