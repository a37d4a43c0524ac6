// A circuit breaker following resilience4j's CircuitBreaker (CircuitBreakerStateMachine and
// CircuitBreakerMetrics, resilience4j 2.x; the "CircuitBreaker" page of resilience4j's documentation):
//  - states CLOSED, OPEN, HALF_OPEN, DISABLED, FORCED_OPEN; every transition is legal except
//    CLOSED -> HALF_OPEN (StateTransition); each transition starts fresh metrics, except that OPEN keeps
//    the metrics that opened it (new OpenState(attempts + 1, currentState.getMetrics()));
//  - CLOSED: every call is permitted; after each recorded outcome, once the window holds at least
//    minimumNumberOfCalls (capped at the window size when COUNT_BASED), failure rate >= failureRateThreshold
//    or slow-call rate >= slowCallRateThreshold opens the breaker;
//  - a call is slow when its duration is greater than slowCallDurationThreshold; a failure can be slow too;
//  - OPEN: calls are refused and counted as not permitted until waitDurationInOpenState has passed
//    (strictly after: clock.instant().isAfter(retryAfterWaitDuration)); the next call then moves it to
//    HALF_OPEN and takes a half-open permit; with automaticTransitionFromOpenToHalfOpenEnabled it moves at
//    the wait's end by itself;
//  - HALF_OPEN: exactly permittedNumberOfCallsInHalfOpenState permits; a released permit (an ignored
//    outcome, or a call that never ran) comes back; its window is COUNT_BASED of that size with that
//    minimum; once full, a rate over a threshold reopens it, else it closes; with
//    maxWaitDurationInHalfOpenState > 0 it reopens after that long whatever the calls did;
//  - DISABLED permits everything and records nothing; FORCED_OPEN refuses everything (counted).
// Rates are percentages (failed * 100 / calls), -1 while fewer than the minimum number of calls.
//
// The lab keeps the breaker as plain data (BreakerData) so it lives in the simulation's state, snapshots
// and replays; the functions below act on it, and `createCircuitBreaker` wraps them as the object the
// library's users know. Time is passed in (nowMs) instead of read from a clock: the engine has none.

export type BreakerStateName = 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'DISABLED' | 'FORCED_OPEN';
export const BREAKER_STATES: readonly BreakerStateName[] = ['CLOSED', 'OPEN', 'HALF_OPEN', 'DISABLED', 'FORCED_OPEN'];

export type SlidingWindowType = 'COUNT_BASED' | 'TIME_BASED';

/** resilience4j's CircuitBreakerConfig names; durations in milliseconds. */
export interface CircuitBreakerConfig {
  failureRateThreshold: number;
  slowCallRateThreshold: number;
  slowCallDurationThreshold: number;
  permittedNumberOfCallsInHalfOpenState: number;
  maxWaitDurationInHalfOpenState: number;
  slidingWindowType: SlidingWindowType;
  /** Calls (COUNT_BASED) or seconds (TIME_BASED). */
  slidingWindowSize: number;
  minimumNumberOfCalls: number;
  waitDurationInOpenState: number;
  automaticTransitionFromOpenToHalfOpenEnabled: boolean;
}

/** CircuitBreakerConfig.ofDefaults(). */
export const BREAKER_DEFAULTS: Readonly<CircuitBreakerConfig> = {
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThreshold: 60_000,
  permittedNumberOfCallsInHalfOpenState: 10,
  maxWaitDurationInHalfOpenState: 0,
  slidingWindowType: 'COUNT_BASED',
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  waitDurationInOpenState: 60_000,
  automaticTransitionFromOpenToHalfOpenEnabled: false,
};

/** An outcome in a window: bit 1 failed, bit 2 slow. */
export type OutcomeCode = 0 | 1 | 2 | 3;
const FAILED = 1;
const SLOW = 2;

/** The sliding window of outcomes: a ring of codes (COUNT_BASED) or per-second totals (TIME_BASED). */
export interface WindowData {
  type: SlidingWindowType;
  size: number;
  minimumNumberOfCalls: number;
  /** COUNT_BASED: the last `size` outcomes, oldest first (the strip a picture draws). */
  outcomes: OutcomeCode[];
  /** TIME_BASED: totals per epoch second still inside the window, oldest first. */
  seconds: { second: number; calls: number; failed: number; slow: number }[];
  calls: number;
  failed: number;
  slow: number;
}

export interface BreakerTransition { t: number; from: BreakerStateName; to: BreakerStateName }

export interface BreakerData {
  config: CircuitBreakerConfig;
  state: BreakerStateName;
  /** When the current state was entered. */
  since: number;
  /** OPEN: calls are permitted again strictly after this moment. */
  retryAfter: number;
  /** Times it has opened since it last closed (resilience4j's attempts). */
  attempts: number;
  window: WindowData;
  notPermitted: number;
  /** HALF_OPEN: permits left to hand out. */
  permitsLeft: number;
  /** HALF_OPEN: permits handed out and neither released nor answered (the invariant's figure). */
  halfOpenInFlight: number;
  /** The most that were ever in flight together in HALF_OPEN. */
  halfOpenPeak: number;
  /** The latest transitions, oldest first (at most TRANSITIONS_KEPT). */
  transitions: BreakerTransition[];
  /** Transitions to OPEN since creation. */
  opened: number;
}

export const TRANSITIONS_KEPT = 50;

export interface BreakerMetrics {
  failureRate: number;
  slowCallRate: number;
  numberOfBufferedCalls: number;
  numberOfFailedCalls: number;
  numberOfSlowCalls: number;
  numberOfSuccessfulCalls: number;
  numberOfNotPermittedCalls: number;
}

export type CallOutcome = 'success' | 'failure' | 'ignored';

/** A reason the configuration cannot be used (as CircuitBreakerConfig.Builder refuses it), or null. */
export function breakerConfigProblem(c: CircuitBreakerConfig): string | null {
  if (!(c.failureRateThreshold > 0 && c.failureRateThreshold <= 100)) return `failureRateThreshold must be more than 0 and at most 100 (got ${c.failureRateThreshold})`;
  if (!(c.slowCallRateThreshold > 0 && c.slowCallRateThreshold <= 100)) return `slowCallRateThreshold must be more than 0 and at most 100 (got ${c.slowCallRateThreshold})`;
  if (!(c.slowCallDurationThreshold >= 1)) return `slowCallDurationThreshold must be at least 1 ms (got ${c.slowCallDurationThreshold})`;
  if (!(Number.isInteger(c.permittedNumberOfCallsInHalfOpenState) && c.permittedNumberOfCallsInHalfOpenState >= 1)) return `permittedNumberOfCallsInHalfOpenState must be at least 1 (got ${c.permittedNumberOfCallsInHalfOpenState})`;
  if (!(c.maxWaitDurationInHalfOpenState >= 0)) return `maxWaitDurationInHalfOpenState must be 0 (wait for the calls) or more (got ${c.maxWaitDurationInHalfOpenState})`;
  if (!(Number.isInteger(c.slidingWindowSize) && c.slidingWindowSize >= 1)) return `slidingWindowSize must be at least 1 (got ${c.slidingWindowSize})`;
  if (!(Number.isInteger(c.minimumNumberOfCalls) && c.minimumNumberOfCalls >= 1)) return `minimumNumberOfCalls must be at least 1 (got ${c.minimumNumberOfCalls})`;
  if (!(c.waitDurationInOpenState >= 1)) return `waitDurationInOpenState must be at least 1 ms (got ${c.waitDurationInOpenState})`;
  return null;
}

function newWindow(type: SlidingWindowType, size: number, minimumNumberOfCalls: number): WindowData {
  // CircuitBreakerMetrics.forClosed: a COUNT_BASED window never waits for more calls than it holds.
  const min = type === 'COUNT_BASED' ? Math.min(minimumNumberOfCalls, size) : minimumNumberOfCalls;
  return { type, size, minimumNumberOfCalls: min, outcomes: [], seconds: [], calls: 0, failed: 0, slow: 0 };
}

const closedWindow = (c: CircuitBreakerConfig) => newWindow(c.slidingWindowType, c.slidingWindowSize, c.minimumNumberOfCalls);
// CircuitBreakerMetrics.forHalfOpen: COUNT_BASED, as many as permitted, all of them needed.
const halfOpenWindow = (c: CircuitBreakerConfig) => newWindow('COUNT_BASED', c.permittedNumberOfCallsInHalfOpenState, c.permittedNumberOfCallsInHalfOpenState);

/** TIME_BASED: drops the seconds that have left the window by `second`. */
function slideTo(w: WindowData, second: number): void {
  while (w.seconds.length && w.seconds[0]!.second <= second - w.size) {
    const old = w.seconds.shift()!;
    w.calls -= old.calls; w.failed -= old.failed; w.slow -= old.slow;
  }
}

function record(w: WindowData, nowMs: number, code: OutcomeCode): void {
  const failed = code & FAILED ? 1 : 0;
  const slow = code & SLOW ? 1 : 0;
  if (w.type === 'COUNT_BASED') {
    w.outcomes.push(code);
    w.calls++; w.failed += failed; w.slow += slow;
    if (w.outcomes.length > w.size) {
      const old = w.outcomes.shift()!;
      w.calls--; w.failed -= old & FAILED ? 1 : 0; w.slow -= old & SLOW ? 1 : 0;
    }
    return;
  }
  const second = Math.floor(nowMs / 1000);
  slideTo(w, second);
  let last = w.seconds[w.seconds.length - 1];
  if (!last || last.second !== second) { last = { second, calls: 0, failed: 0, slow: 0 }; w.seconds.push(last); }
  last.calls++; last.failed += failed; last.slow += slow;
  w.calls++; w.failed += failed; w.slow += slow;
}

const rate = (w: WindowData, n: number): number => (w.calls === 0 || w.calls < w.minimumNumberOfCalls ? -1 : (n * 100) / w.calls);

export function newBreaker(config: Partial<CircuitBreakerConfig> = {}, nowMs = 0): BreakerData {
  const c = { ...BREAKER_DEFAULTS, ...config };
  const problem = breakerConfigProblem(c);
  if (problem) throw new Error(problem);
  return {
    config: c, state: 'CLOSED', since: nowMs, retryAfter: 0, attempts: 0, window: closedWindow(c), notPermitted: 0,
    permitsLeft: 0, halfOpenInFlight: 0, halfOpenPeak: 0, transitions: [], opened: 0,
  };
}

/** Moves to `to` (CircuitBreakerStateMachine.stateTransition); throws on CLOSED -> HALF_OPEN as the library does. */
export function breakerTransition(b: BreakerData, to: BreakerStateName, nowMs: number): void {
  const from = b.state;
  if (from === 'CLOSED' && to === 'HALF_OPEN') throw new Error('illegal state transition from CLOSED to HALF_OPEN');
  const c = b.config;
  if (to === 'OPEN') {
    // The open state keeps the metrics that opened it; its wait starts now.
    b.attempts = from === 'CLOSED' ? 1 : b.attempts + 1;
    b.retryAfter = nowMs + c.waitDurationInOpenState;
    b.opened++;
  } else {
    b.window = to === 'HALF_OPEN' ? halfOpenWindow(c) : closedWindow(c);
    b.notPermitted = 0;
    if (to === 'CLOSED' || to === 'DISABLED') b.attempts = 0;
  }
  b.permitsLeft = to === 'HALF_OPEN' ? c.permittedNumberOfCallsInHalfOpenState : 0;
  b.halfOpenInFlight = 0;
  b.state = to;
  b.since = nowMs;
  b.transitions.push({ t: nowMs, from, to });
  if (b.transitions.length > TRANSITIONS_KEPT) b.transitions.shift();
}

/** Transitions that time alone makes: OPEN's automatic move to HALF_OPEN, HALF_OPEN's maximum wait. */
export function breakerAdvance(b: BreakerData, nowMs: number): void {
  const c = b.config;
  if (b.state === 'OPEN' && c.automaticTransitionFromOpenToHalfOpenEnabled && nowMs >= b.retryAfter) {
    breakerTransition(b, 'HALF_OPEN', b.retryAfter);
  }
  if (b.state === 'HALF_OPEN' && c.maxWaitDurationInHalfOpenState > 0 && nowMs >= b.since + c.maxWaitDurationInHalfOpenState) {
    breakerTransition(b, 'OPEN', b.since + c.maxWaitDurationInHalfOpenState);
  }
}

/** The state at `nowMs` without changing anything: what a picture or a query reads. */
export function breakerStateAt(b: BreakerData, nowMs: number): BreakerStateName {
  const c = b.config;
  let s = b.state;
  let since = b.since;
  if (s === 'OPEN' && c.automaticTransitionFromOpenToHalfOpenEnabled && nowMs >= b.retryAfter) { s = 'HALF_OPEN'; since = b.retryAfter; }
  if (s === 'HALF_OPEN' && c.maxWaitDurationInHalfOpenState > 0 && nowMs >= since + c.maxWaitDurationInHalfOpenState) s = 'OPEN';
  return s;
}

function takeHalfOpenPermit(b: BreakerData): boolean {
  if (b.permitsLeft > 0) {
    b.permitsLeft--;
    b.halfOpenInFlight++;
    if (b.halfOpenInFlight > b.halfOpenPeak) b.halfOpenPeak = b.halfOpenInFlight;
    return true;
  }
  b.notPermitted++;
  return false;
}

/** True when a call may go ahead; a refused call is counted as not permitted. */
export function breakerTryAcquire(b: BreakerData, nowMs: number): boolean {
  breakerAdvance(b, nowMs);
  switch (b.state) {
    case 'CLOSED':
    case 'DISABLED':
      return true;
    case 'FORCED_OPEN':
      b.notPermitted++;
      return false;
    case 'OPEN':
      if (nowMs > b.retryAfter) {
        breakerTransition(b, 'HALF_OPEN', nowMs);
        return takeHalfOpenPermit(b);
      }
      b.notPermitted++;
      return false;
    case 'HALF_OPEN':
      return takeHalfOpenPermit(b);
  }
}

/** Gives back a permit that was taken but not used (HALF_OPEN only; a no-op elsewhere). */
export function breakerRelease(b: BreakerData): void {
  if (b.state !== 'HALF_OPEN') return;
  b.permitsLeft++;
  if (b.halfOpenInFlight > 0) b.halfOpenInFlight--;
}

/** Records a call's outcome; may open, close or reopen the breaker. */
export function breakerOnResult(b: BreakerData, nowMs: number, result: { durationMs: number; outcome: CallOutcome }): void {
  breakerAdvance(b, nowMs);
  if (result.outcome === 'ignored') { breakerRelease(b); return; }
  if (b.state === 'DISABLED' || b.state === 'FORCED_OPEN') return;
  const slow = result.durationMs > b.config.slowCallDurationThreshold;
  const code = ((result.outcome === 'failure' ? FAILED : 0) | (slow ? SLOW : 0)) as OutcomeCode;
  if (b.state === 'HALF_OPEN' && b.halfOpenInFlight > 0) b.halfOpenInFlight--;
  record(b.window, nowMs, code);
  if (b.state === 'OPEN') return; // a call that started before it opened: recorded, decides nothing
  const failureRate = rate(b.window, b.window.failed);
  const slowRate = rate(b.window, b.window.slow);
  if (failureRate === -1 || slowRate === -1) return;
  const exceeded = failureRate >= b.config.failureRateThreshold || slowRate >= b.config.slowCallRateThreshold;
  if (exceeded) breakerTransition(b, 'OPEN', nowMs);
  else if (b.state === 'HALF_OPEN') breakerTransition(b, 'CLOSED', nowMs);
}

export function breakerMetrics(b: BreakerData, nowMs?: number): BreakerMetrics {
  const w = b.window;
  if (w.type === 'TIME_BASED' && nowMs !== undefined) {
    const copy = { ...w, seconds: w.seconds.map((s) => ({ ...s })) };
    slideTo(copy, Math.floor(nowMs / 1000));
    return metricsOf(copy, b.notPermitted);
  }
  return metricsOf(w, b.notPermitted);
}

const metricsOf = (w: WindowData, notPermitted: number): BreakerMetrics => ({
  failureRate: rate(w, w.failed),
  slowCallRate: rate(w, w.slow),
  numberOfBufferedCalls: w.calls,
  numberOfFailedCalls: w.failed,
  numberOfSlowCalls: w.slow,
  numberOfSuccessfulCalls: w.calls - w.failed,
  numberOfNotPermittedCalls: notPermitted,
});

/** The library-shaped object over one BreakerData (the data stays readable as `.data`). */
export interface CircuitBreaker {
  readonly data: BreakerData;
  tryAcquirePermission(nowMs: number): boolean;
  onResult(nowMs: number, result: { durationMs: number; outcome: CallOutcome }): void;
  releasePermission(): void;
  transitionTo(state: BreakerStateName, nowMs?: number): void;
  state(nowMs: number): BreakerStateName;
  metrics(nowMs?: number): BreakerMetrics;
}

export function wrapBreaker(data: BreakerData): CircuitBreaker {
  return {
    data,
    tryAcquirePermission: (nowMs) => breakerTryAcquire(data, nowMs),
    onResult: (nowMs, result) => breakerOnResult(data, nowMs, result),
    releasePermission: () => breakerRelease(data),
    transitionTo: (state, nowMs = data.since) => breakerTransition(data, state, nowMs),
    state: (nowMs) => { breakerAdvance(data, nowMs); return data.state; },
    metrics: (nowMs) => breakerMetrics(data, nowMs),
  };
}

export const createCircuitBreaker = (config: Partial<CircuitBreakerConfig> = {}, nowMs = 0): CircuitBreaker => wrapBreaker(newBreaker(config, nowMs));
