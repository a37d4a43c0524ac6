// The circuit breaker against resilience4j's rules: the behaviours below are named after
// CircuitBreakerStateMachineTest (resilience4j-circuitbreaker), with the defaults of CircuitBreakerConfig
// and the thresholds compared with >= as CircuitBreakerMetrics.checkIfThresholdsExceeded does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BREAKER_DEFAULTS, createCircuitBreaker, newBreaker, type CircuitBreakerConfig } from '../../../src/engine/resilience/breaker.ts';

const small: Partial<CircuitBreakerConfig> = {
  slidingWindowSize: 5, minimumNumberOfCalls: 5, permittedNumberOfCallsInHalfOpenState: 4,
  waitDurationInOpenState: 5_000, slowCallDurationThreshold: 2_000, slowCallRateThreshold: 50,
};
const fail = { durationMs: 0, outcome: 'failure' as const };
const ok = { durationMs: 0, outcome: 'success' as const };

describe('circuit breaker configuration', () => {
  it('has the library defaults', () => {
    expect(newBreaker().config).toEqual({
      failureRateThreshold: 50, slowCallRateThreshold: 100, slowCallDurationThreshold: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10, maxWaitDurationInHalfOpenState: 0, slidingWindowType: 'COUNT_BASED',
      slidingWindowSize: 100, minimumNumberOfCalls: 100, waitDurationInOpenState: 60_000, automaticTransitionFromOpenToHalfOpenEnabled: false,
    });
    expect(BREAKER_DEFAULTS.failureRateThreshold).toBe(50);
  });

  it('refuses a threshold above 100 or a window of zero calls, saying which', () => {
    expect(() => newBreaker({ failureRateThreshold: 101 })).toThrow(/failureRateThreshold/);
    expect(() => newBreaker({ slidingWindowSize: 0 })).toThrow(/slidingWindowSize/);
  });
});

describe('CircuitBreakerStateMachineTest behaviours', () => {
  it('shouldReturnTheCorrectName of each state and starts CLOSED, permitting calls', () => {
    const cb = createCircuitBreaker(small);
    expect(cb.state(0)).toBe('CLOSED');
    expect(cb.tryAcquirePermission(0)).toBe(true);
  });

  it('shouldReturnMinusOneFailureRateWhenFewerThanMinimumCalls', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 4; i++) cb.onResult(i, fail);
    expect(cb.metrics().failureRate).toBe(-1);
    expect(cb.metrics().slowCallRate).toBe(-1);
    expect(cb.metrics().numberOfFailedCalls).toBe(4);
    expect(cb.state(10)).toBe('CLOSED');
  });

  it('shouldOpenWhenFailureRateIsAboveOrEqualToThreshold (>=, not >)', () => {
    const cb = createCircuitBreaker({ ...small, slidingWindowSize: 4, minimumNumberOfCalls: 4 });
    cb.onResult(0, ok); cb.onResult(1, ok); cb.onResult(2, fail);
    expect(cb.state(3)).toBe('CLOSED');
    cb.onResult(3, fail); // 2 of 4 = 50 % = threshold
    expect(cb.state(3)).toBe('OPEN');
    expect(cb.metrics().failureRate).toBe(50); // OPEN keeps the metrics that opened it
  });

  it('shouldOpenWhenSlowCallRateIsAboveOrEqualToThreshold; a call is slow only above slowCallDurationThreshold', () => {
    const cb = createCircuitBreaker(small);
    cb.onResult(0, { durationMs: 2_000, outcome: 'success' }); // exactly the threshold: not slow
    cb.onResult(1, { durationMs: 2_001, outcome: 'success' });
    cb.onResult(2, { durationMs: 2_001, outcome: 'success' });
    cb.onResult(3, ok);
    expect(cb.metrics().numberOfSlowCalls).toBe(2);
    cb.onResult(4, ok); // 2 of 5 slow = 40 %
    expect(cb.state(4)).toBe('CLOSED');
    cb.onResult(5, { durationMs: 5_000, outcome: 'success' }); // window slides: 3 of 5 = 60 %
    expect(cb.state(5)).toBe('OPEN');
  });

  it('shouldNotPermitCallsInOpenStateAndCountThemAsNotPermitted', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 5; i++) cb.onResult(100, fail);
    expect(cb.tryAcquirePermission(200)).toBe(false);
    expect(cb.tryAcquirePermission(5_100)).toBe(false); // wait ends at 5100: still OPEN (isAfter)
    expect(cb.metrics().numberOfNotPermittedCalls).toBe(2);
    expect(cb.state(6_000)).toBe('OPEN'); // no automatic transition: stays OPEN until a call comes
  });

  it('shouldTransitionToHalfOpenOnTheFirstCallAfterTheWaitDuration, with fresh metrics', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 5; i++) cb.onResult(100, fail);
    expect(cb.tryAcquirePermission(5_101)).toBe(true);
    expect(cb.state(5_101)).toBe('HALF_OPEN');
    expect(cb.metrics().numberOfBufferedCalls).toBe(0);
    expect(cb.metrics().numberOfNotPermittedCalls).toBe(0);
  });

  it('shouldTransitionAutomaticallyToHalfOpenWhenEnabled', () => {
    const cb = createCircuitBreaker({ ...small, automaticTransitionFromOpenToHalfOpenEnabled: true });
    for (let i = 0; i < 5; i++) cb.onResult(100, fail);
    expect(cb.state(5_099)).toBe('OPEN');
    expect(cb.state(5_100)).toBe('HALF_OPEN');
  });

  it('shouldPermitOnlyPermittedNumberOfCallsInHalfOpenState, and a released permit comes back', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 5; i++) cb.onResult(0, fail);
    const admitted = [6_000, 6_001, 6_002, 6_003, 6_004].map((t) => cb.tryAcquirePermission(t));
    expect(admitted).toEqual([true, true, true, true, false]);
    expect(cb.metrics().numberOfNotPermittedCalls).toBe(1);
    cb.releasePermission();
    expect(cb.tryAcquirePermission(6_005)).toBe(true);
  });

  it('shouldCloseAfterThePermittedCallsSucceedBelowThreshold', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 5; i++) cb.onResult(0, fail);
    for (let i = 0; i < 4; i++) expect(cb.tryAcquirePermission(6_000)).toBe(true);
    cb.onResult(6_010, ok); cb.onResult(6_010, ok); cb.onResult(6_010, fail);
    expect(cb.state(6_010)).toBe('HALF_OPEN'); // 3 of the 4 permitted calls: not decided yet
    cb.onResult(6_011, ok); // 1 of 4 failed = 25 %
    expect(cb.state(6_011)).toBe('CLOSED');
    expect(cb.metrics().numberOfBufferedCalls).toBe(0);
  });

  it('shouldReopenWhenHalfOpenCallsFailAtOrAboveThreshold', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 5; i++) cb.onResult(0, fail);
    for (let i = 0; i < 4; i++) cb.tryAcquirePermission(6_000);
    cb.onResult(6_010, ok); cb.onResult(6_010, ok); cb.onResult(6_010, fail); cb.onResult(6_010, fail);
    expect(cb.state(6_010)).toBe('OPEN');
    expect(cb.data.attempts).toBe(2);
    expect(cb.tryAcquirePermission(11_010)).toBe(false); // a new wait from the reopening
  });

  it('shouldGoBackToOpenAfterMaxWaitDurationInHalfOpenState', () => {
    const cb = createCircuitBreaker({ ...small, maxWaitDurationInHalfOpenState: 1_000 });
    for (let i = 0; i < 5; i++) cb.onResult(0, fail);
    cb.tryAcquirePermission(6_000);
    expect(cb.state(6_999)).toBe('HALF_OPEN');
    expect(cb.state(7_000)).toBe('OPEN');
  });

  it('shouldIgnoreIgnoredOutcomes and give their half-open permit back', () => {
    const cb = createCircuitBreaker(small);
    for (let i = 0; i < 5; i++) cb.onResult(0, fail);
    for (let i = 0; i < 4; i++) cb.tryAcquirePermission(6_000);
    cb.onResult(6_001, { durationMs: 0, outcome: 'ignored' });
    expect(cb.metrics().numberOfBufferedCalls).toBe(0);
    expect(cb.tryAcquirePermission(6_002)).toBe(true);
  });

  it('shouldNotRecordAnythingWhenDisabled and always permit', () => {
    const cb = createCircuitBreaker(small);
    cb.transitionTo('DISABLED', 0);
    for (let i = 0; i < 10; i++) cb.onResult(i, fail);
    expect(cb.state(10)).toBe('DISABLED');
    expect(cb.tryAcquirePermission(10)).toBe(true);
    expect(cb.metrics().numberOfBufferedCalls).toBe(0);
  });

  it('shouldRejectEveryCallWhenForcedOpen and count it', () => {
    const cb = createCircuitBreaker(small);
    cb.transitionTo('FORCED_OPEN', 0);
    expect(cb.tryAcquirePermission(999_999)).toBe(false);
    expect(cb.state(999_999)).toBe('FORCED_OPEN');
    expect(cb.metrics().numberOfNotPermittedCalls).toBe(1);
  });

  it('shouldNotAllowTransitionFromClosedToHalfOpen', () => {
    const cb = createCircuitBreaker(small);
    expect(() => cb.transitionTo('HALF_OPEN', 0)).toThrow(/CLOSED to HALF_OPEN/);
    cb.transitionTo('OPEN', 0);
    cb.transitionTo('HALF_OPEN', 1);
    expect(cb.state(1)).toBe('HALF_OPEN');
  });

  it('uses a minimum of calls no larger than a COUNT_BASED window (CircuitBreakerMetrics.forClosed)', () => {
    const cb = createCircuitBreaker({ slidingWindowSize: 4, minimumNumberOfCalls: 100 });
    for (let i = 0; i < 4; i++) cb.onResult(i, fail);
    expect(cb.state(4)).toBe('OPEN');
  });
});

describe('TIME_BASED sliding window', () => {
  it('aggregates the calls of the last slidingWindowSize seconds and forgets older ones', () => {
    const cb = createCircuitBreaker({ slidingWindowType: 'TIME_BASED', slidingWindowSize: 2, minimumNumberOfCalls: 4 });
    cb.onResult(100, fail); cb.onResult(200, fail); cb.onResult(300, fail);
    expect(cb.metrics(300).numberOfBufferedCalls).toBe(3);
    cb.onResult(2_100, ok); // second 2: second 0 has left a 2-second window
    expect(cb.metrics(2_100).numberOfBufferedCalls).toBe(1);
    cb.onResult(2_200, fail); cb.onResult(2_300, fail); cb.onResult(2_400, ok); // 2 of 4 = 50 %
    expect(cb.state(2_400)).toBe('OPEN');
  });
});

describe('half-open admission (property)', () => {
  it('never has more calls in flight in HALF_OPEN than permittedNumberOfCallsInHalfOpenState', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('acquire' as const), dt: fc.integer({ min: 0, max: 3_000 }) }),
      fc.record({ k: fc.constantFrom('success' as const, 'failure' as const, 'ignored' as const), dt: fc.integer({ min: 0, max: 3_000 }), slow: fc.boolean() }),
      fc.record({ k: fc.constant('release' as const), dt: fc.constant(0) }),
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 300 }), (permitted, ops) => {
      const cb = createCircuitBreaker({ slidingWindowSize: 6, minimumNumberOfCalls: 3, permittedNumberOfCallsInHalfOpenState: permitted, waitDurationInOpenState: 2_000, slowCallDurationThreshold: 100, failureRateThreshold: 40 });
      let now = 0;
      let held = 0; // permits the caller holds and has not answered or released
      let admitted = 0; // counted from outside: granted in this HALF_OPEN period, less the permits given back
      let period = -1;
      for (const o of ops) {
        now += o.dt;
        const before = cb.data.state === 'HALF_OPEN';
        if (o.k === 'acquire') {
          const granted = cb.tryAcquirePermission(now);
          if (granted) held++;
          if (cb.data.state === 'HALF_OPEN' && cb.data.since !== period) { period = cb.data.since; admitted = 0; }
          if (granted && cb.data.state === 'HALF_OPEN') admitted++;
        } else if (o.k === 'release') {
          if (held > 0) { cb.releasePermission(); held--; if (before) admitted--; }
        } else if (held > 0) {
          held--;
          cb.onResult(now, { durationMs: 'slow' in o && o.slow ? 500 : 10, outcome: o.k });
          if (o.k === 'ignored' && before) admitted--;
        }
        if (cb.data.state === 'HALF_OPEN' && cb.data.since === period) expect(admitted).toBeLessThanOrEqual(permitted);
        expect(cb.data.halfOpenPeak).toBeLessThanOrEqual(permitted);
      }
    }), { numRuns: 300 });
  });
});
