// A call through a caller's pipeline, in resilience4j's decoration order
//   Retry( CircuitBreaker( RateLimiter( TimeLimiter( Bulkhead( call ) ) ) ) )
// so each attempt asks the breaker first, then the rate limiter (it may wait for a permit), then starts
// the TimeLimiter's clock, then takes a bulkhead slot (it may wait for one), and goes on the wire. Whatever
// ends the attempt (the answer, the time limit, a refusal inside) is recorded by the breaker, and the
// retry decides, with its backoff and budget, whether another attempt follows. A failed call ends with the
// fallback's answer when there is one.
import type { SystemContext } from '../core/types.ts';
import { backoffDelay } from './backoff.ts';
import { acquireRetry, onCallSuccess } from './retry-budget.ts';
import { breakerOnResult, breakerTryAcquire } from './breaker.ts';
import { dependencyDone } from './server.ts';
import type { AttemptOutcome, BulkheadState, Call, Caller, RateLimiterState, ResilienceState } from './state.ts';

export interface CallWire { type: 'Call'; call: number; attempt: number; deadline: number }
export interface ReplyWire { type: 'Reply'; call: number; attempt: number; ok: boolean; why: string }

/** Timer data for a caller's timers: which call and which attempt (a stale one is ignored). */
export interface CallTimer { call: number; attempt: number }

/** Starts a logical call (a client's request or a server's dependency call); returns its id. */
export function startCall(s: ResilienceState, caller: Caller, ctx: SystemContext, job: number | null): number {
  const id = caller.nextCall++;
  const call: Call = {
    id, startedAt: ctx.now, attempt: 1, phase: 'in-flight', attemptStartedAt: ctx.now, permittedAt: -1, timer: null, waitTimer: null,
    holdsSlot: false, lastDelayMs: 0, lastRetryCost: undefined, job,
  };
  caller.calls[id] = call;
  caller.totals.calls++;
  caller.current.offered++;
  beginAttempt(s, caller, call, ctx);
  return id;
}

/**
 * AtomicRateLimiter's reservation: permissions refill to limitForPeriod at each new cycle; a call takes one
 * now, or reserves one of a later cycle if it can wait that long. Returns the wait in ms, or -1 refused.
 */
export function reservePermit(rl: RateLimiterState, now: number): number {
  const cycle = Math.floor(now / rl.periodMs);
  if (cycle > rl.cycle) {
    rl.permissions = Math.min(rl.permissions + (cycle - rl.cycle) * rl.limitForPeriod, rl.limitForPeriod);
    rl.cycle = cycle;
  }
  let wait = 0;
  if (rl.permissions < 1) {
    const cycles = Math.ceil((1 - rl.permissions) / rl.limitForPeriod);
    wait = (cycle + cycles) * rl.periodMs - now;
  }
  if (wait > rl.timeoutMs) { rl.refused++; return -1; }
  rl.permissions -= 1;
  return wait;
}

function beginAttempt(s: ResilienceState, caller: Caller, call: Call, ctx: SystemContext): void {
  const p = caller.pipeline;
  call.attemptStartedAt = ctx.now;
  call.permittedAt = -1;
  if (p.breaker) {
    if (!breakerTryAcquire(p.breaker, ctx.now)) { endAttempt(s, caller, call, 'rejected', 'the breaker is open', ctx); return; }
    call.permittedAt = ctx.now;
    const b = p.breaker;
    if (b.state === 'HALF_OPEN' && b.halfOpenInFlight > b.config.permittedNumberOfCallsInHalfOpenState && !s.audit.halfOpenOver) {
      s.audit.halfOpenOver = `${caller.node}'s breaker let ${b.halfOpenInFlight} calls through half-open; ${b.config.permittedNumberOfCallsInHalfOpenState} are permitted`;
    }
  }
  if (p.rateLimiter) {
    const wait = reservePermit(p.rateLimiter, ctx.now);
    if (wait < 0) { endAttempt(s, caller, call, 'rejected', 'rate limited', ctx); return; }
    if (wait > 0) {
      call.phase = 'rate-wait';
      call.timer = ctx.setTimer(caller.node, wait, 'rate', { call: call.id, attempt: call.attempt } satisfies CallTimer);
      return;
    }
  }
  limitAndSend(s, caller, call, ctx);
}

/** After the rate limiter: the TimeLimiter's clock starts, then the bulkhead. */
function limitAndSend(s: ResilienceState, caller: Caller, call: Call, ctx: SystemContext): void {
  const p = caller.pipeline;
  call.timer = p.timeoutMs !== null ? ctx.setTimer(caller.node, p.timeoutMs, 'timeout', { call: call.id, attempt: call.attempt } satisfies CallTimer) : null;
  const bh = p.bulkhead;
  if (bh) {
    if (bh.active >= bh.maxConcurrent) {
      const mayWait = bh.kind === 'semaphore' ? bh.maxWaitMs > 0 : bh.waiting.length < bh.queueCapacity;
      if (!mayWait) { bh.refused++; endAttempt(s, caller, call, 'rejected', 'the bulkhead is full', ctx); return; }
      call.phase = 'bulkhead-wait';
      bh.waiting.push(call.id);
      if (bh.kind === 'semaphore') call.waitTimer = ctx.setTimer(caller.node, bh.maxWaitMs, 'bulkhead-wait', { call: call.id, attempt: call.attempt } satisfies CallTimer);
      return;
    }
    takeSlot(s, caller, bh);
    call.holdsSlot = true;
  }
  send(caller, call, ctx);
}

function takeSlot(s: ResilienceState, caller: Caller, bh: BulkheadState): void {
  bh.active++;
  if (bh.active > bh.peak) bh.peak = bh.active;
  if (bh.active > bh.maxConcurrent && !s.audit.bulkheadOver) {
    s.audit.bulkheadOver = `${caller.node}'s bulkhead has ${bh.active} calls in progress; its limit is ${bh.maxConcurrent}`;
  }
}

function send(caller: Caller, call: Call, ctx: SystemContext): void {
  const p = caller.pipeline;
  call.phase = 'in-flight';
  caller.totals.attempts++;
  caller.current.attempts++;
  const deadline = p.timeoutMs !== null ? call.attemptStartedAt + p.timeoutMs : -1;
  ctx.send(caller.node, p.target, { type: 'Call', call: call.id, attempt: call.attempt, deadline } satisfies CallWire);
}

/** A slot came free: the first waiter takes it. */
function admitWaiter(s: ResilienceState, caller: Caller, ctx: SystemContext): void {
  const bh = caller.pipeline.bulkhead;
  while (bh && bh.active < bh.maxConcurrent && bh.waiting.length) {
    const next = caller.calls[bh.waiting.shift()!];
    if (!next || next.phase !== 'bulkhead-wait') continue;
    if (next.waitTimer !== null) { ctx.cancelTimer(next.waitTimer); next.waitTimer = null; }
    takeSlot(s, caller, bh);
    next.holdsSlot = true;
    send(caller, next, ctx);
  }
}

/** Ends the current attempt of `call`: the breaker records it, then a retry, the fallback or the end. */
export function endAttempt(s: ResilienceState, caller: Caller, call: Call, outcome: AttemptOutcome, why: string, ctx: SystemContext): void {
  const p = caller.pipeline;
  if (call.timer !== null) { ctx.cancelTimer(call.timer); call.timer = null; }
  if (call.waitTimer !== null) { ctx.cancelTimer(call.waitTimer); call.waitTimer = null; }
  const bh = p.bulkhead;
  if (bh && call.phase === 'bulkhead-wait') {
    const i = bh.waiting.indexOf(call.id);
    if (i >= 0) bh.waiting.splice(i, 1);
  }
  if (bh && call.holdsSlot) {
    call.holdsSlot = false;
    bh.active--;
    admitWaiter(s, caller, ctx);
  }
  // Every exception is recorded as a failure by default (recordExceptions empty), the bulkhead's and the
  // rate limiter's refusals included; a refusal by the breaker itself never reaches it.
  if (p.breaker && call.permittedAt >= 0) {
    breakerOnResult(p.breaker, ctx.now, { durationMs: ctx.now - call.permittedAt, outcome: outcome === 'success' ? 'success' : 'failure' });
  }
  const t = caller.totals;
  if (outcome === 'timeout') t.timeouts++;
  else if (outcome === 'error') t.errors++;
  else if (outcome === 'rejected') t.rejected++;
  if (outcome === 'success') {
    const r = p.retry;
    if (r?.budget) r.budget = onCallSuccess(r.budget, call.lastRetryCost);
    finishCall(s, caller, call, true, ctx);
    return;
  }
  const r = p.retry;
  if (!r || call.attempt >= r.maxAttempts || !r.retryOn.includes(outcome)) { finishCall(s, caller, call, false, ctx, why); return; }
  if (r.budget) {
    const d = acquireRetry(r.budget, outcome === 'timeout' ? 'timeout' : 'error');
    r.budget = d.quota;
    if (!d.granted) { t.budgetRefused++; finishCall(s, caller, call, false, ctx, `${why}; the retry budget is spent`); return; }
    call.lastRetryCost = d.cost;
  }
  const delay = backoffDelay(r.backoff, call.attempt - 1, call.lastDelayMs, ctx.rng);
  call.lastDelayMs = delay;
  call.attempt++;
  t.retries++;
  if (delay <= 0) { beginAttempt(s, caller, call, ctx); return; }
  call.phase = 'backoff';
  call.timer = ctx.setTimer(caller.node, delay, 'backoff', { call: call.id, attempt: call.attempt } satisfies CallTimer);
}

function finishCall(s: ResilienceState, caller: Caller, call: Call, ok: boolean, ctx: SystemContext, why = ''): void {
  delete caller.calls[call.id];
  caller.latencies.push(ctx.now - call.startedAt);
  const fallback = !ok && caller.pipeline.fallback;
  if (ok) { caller.totals.succeeded++; caller.current.succeeded++; }
  else if (fallback) { caller.totals.fallbacks++; caller.current.fallbacks++; }
  else { caller.totals.failed++; caller.current.failed++; }
  if (call.job !== null) dependencyDone(s, caller.node, call.job, ok || fallback, ok ? '' : why, ctx);
}

/** A caller's timer: the time limit, the end of a backoff or of a rate-limiter wait, or a bulkhead wait. */
export function onCallerTimer(s: ResilienceState, caller: Caller, name: string, data: CallTimer, ctx: SystemContext): void {
  const call = caller.calls[data.call];
  if (!call || call.attempt !== data.attempt) return;
  if (name === 'timeout') { call.timer = null; endAttempt(s, caller, call, 'timeout', `no answer within ${caller.pipeline.timeoutMs} ms`, ctx); }
  else if (name === 'backoff') { call.timer = null; beginAttempt(s, caller, call, ctx); }
  else if (name === 'rate') { call.timer = null; limitAndSend(s, caller, call, ctx); }
  else if (name === 'bulkhead-wait') {
    call.waitTimer = null;
    caller.pipeline.bulkhead!.refused++;
    endAttempt(s, caller, call, 'rejected', 'no bulkhead slot within its maximum wait', ctx);
  }
}

/** The target's answer; one for an attempt already given up on (timed out) is late and changes nothing. */
export function onReply(s: ResilienceState, caller: Caller, msg: ReplyWire, ctx: SystemContext): void {
  const call = caller.calls[msg.call];
  if (!call || call.attempt !== msg.attempt || call.phase !== 'in-flight') return;
  endAttempt(s, caller, call, msg.ok ? 'success' : 'error', msg.why, ctx);
}

/** A crash forgets the calls in progress and the pipeline's memory (breaker, limiter, budget start afresh). */
export function forgetCalls(caller: Caller): void {
  caller.calls = {};
  caller.latencies = [];
  const bh = caller.pipeline.bulkhead;
  if (bh) { bh.active = 0; bh.waiting = []; }
}
