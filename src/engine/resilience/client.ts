// A client: open-loop arrivals at a steady rate (a new call every 1/rate s, whatever became of the earlier
// ones: real users do not wait for each other), each call going through the client's pipeline.
import type { SystemContext } from '../core/types.ts';
import { newBreaker } from './breaker.ts';
import { createRetryQuota } from './retry-budget.ts';
import { startCall } from './pipeline.ts';
import type { Caller, Client, ResilienceState } from './state.ts';

/** Ticks at most every 100 ms and at least every 1 ms; arrivals owed are counted in thousandths. */
export const tickFor = (rate: number): number => Math.max(1, Math.min(100, Math.floor(1000 / Math.max(rate, 1))));

export function armClient(client: Client, ctx: SystemContext): void {
  if (client.tickTimer !== null) ctx.cancelTimer(client.tickTimer);
  client.tickTimer = client.rate > 0 ? ctx.setTimer(client.id, client.tickMs, 'tick') : null;
}

export function onClientTick(s: ResilienceState, client: Client, ctx: SystemContext): void {
  client.owed += client.rate * client.tickMs;
  const n = Math.floor(client.owed / 1000);
  client.owed -= n * 1000;
  for (let i = 0; i < n; i++) startCall(s, client.caller, ctx, null);
  client.tickTimer = ctx.setTimer(client.id, client.tickMs, 'tick');
}

/** After a crash the breaker, the rate limiter and the retry budget start afresh (they were in memory). */
export function resetPipelineMemory(caller: Caller, now: number): void {
  const p = caller.pipeline;
  if (p.breaker) p.breaker = newBreaker(p.breaker.config, now);
  if (p.rateLimiter) { p.rateLimiter.cycle = Math.floor(now / p.rateLimiter.periodMs); p.rateLimiter.permissions = p.rateLimiter.limitForPeriod; }
  if (p.retry?.budget) p.retry.budget = createRetryQuota(p.retry.budget.config);
}
