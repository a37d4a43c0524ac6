// What the pictures draw, computed from the state without changing it: each caller's pipeline as a row of
// stages in resilience4j's order with the live figure of each, and a server's queue and workers.
import { breakerMetrics, breakerStateAt } from './breaker.ts';
import { queueLength, type Caller, type ResilienceState, type Server } from './state.ts';

export interface PipelineStage {
  /** retry, breaker, ratelimiter, timelimiter, bulkhead, call (the wire), fallback. */
  kind: 'retry' | 'breaker' | 'ratelimiter' | 'timelimiter' | 'bulkhead' | 'call' | 'fallback';
  /** Short words for the stage's live state, e.g. 'max 3, full jitter' or 'OPEN'. */
  label: string;
  detail: string;
}

/** The caller of a node (a client's, or a server's dependency caller), or null. */
export const callerOf = (s: ResilienceState, node: string): Caller | null => s.clients[node]?.caller ?? s.servers[node]?.dependency ?? null;

/** The configured stages of a caller, outermost first; `now` reads the breaker as time has moved it. */
export function pipelineStages(c: Caller, now: number): PipelineStage[] {
  const p = c.pipeline;
  const out: PipelineStage[] = [];
  if (p.retry) {
    const r = p.retry;
    const budget = r.budget ? `, budget ${r.budget.available}/${r.budget.config.initialTokens}` : '';
    out.push({ kind: 'retry', label: `max ${r.maxAttempts}, ${r.backoff.kind}`, detail: `retries ${c.totals.retries}${budget}` });
  }
  if (p.breaker) {
    const m = breakerMetrics(p.breaker, now);
    out.push({ kind: 'breaker', label: breakerStateAt(p.breaker, now), detail: `failure rate ${m.failureRate < 0 ? '-' : `${Math.round(m.failureRate)}%`}, refused ${m.numberOfNotPermittedCalls}` });
  }
  if (p.rateLimiter) {
    const rl = p.rateLimiter;
    out.push({ kind: 'ratelimiter', label: `${rl.limitForPeriod} per ${rl.periodMs} ms`, detail: `refused ${rl.refused}` });
  }
  if (p.timeoutMs !== null) out.push({ kind: 'timelimiter', label: `${p.timeoutMs} ms`, detail: `timeouts ${c.totals.timeouts}` });
  if (p.bulkhead) {
    const b = p.bulkhead;
    out.push({ kind: 'bulkhead', label: `${b.active}/${b.maxConcurrent}`, detail: `${b.waiting.length} waiting, refused ${b.refused}` });
  }
  out.push({ kind: 'call', label: `to ${p.target}`, detail: `${Object.keys(c.calls).length} in progress` });
  if (p.fallback) out.push({ kind: 'fallback', label: 'fallback', detail: `used ${c.totals.fallbacks}` });
  return out;
}

export interface ServerView { queue: number; busy: number; workers: number; spiking: boolean; shedding: boolean }

export const serverView = (v: Server, now: number): ServerView => ({
  queue: queueLength(v), busy: v.busyCount, workers: v.workers,
  spiking: v.spike !== null && now >= v.spike.from && now < v.spike.until,
  shedding: v.queueLimit > 0 || v.maxQueueMs > 0,
});
