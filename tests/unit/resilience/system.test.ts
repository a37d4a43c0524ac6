// The resilience system through the scenario language: the pipeline's order (resilience4j's
// Retry(CircuitBreaker(RateLimiter(TimeLimiter(Bulkhead(call)))))), servers' queues, shedding and wasted
// work, the cascade down a dependency chain, the rate limiter's reservation (AtomicRateLimiter) and the
// bulkhead's bound as a property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from '../../../src/script/runner.ts';
import { reservePermit } from '../../../src/engine/resilience/pipeline.ts';
import type { ResilienceState } from '../../../src/engine/resilience/state.ts';

function lab(lines: string, seed = 1) {
  const s = createSession(seed);
  for (const l of lines.trim().split('\n')) {
    const r = s.exec(l.trim());
    if (r.error) throw new Error(`${l}: ${r.error}`);
  }
  return { q: (e: string) => s.sim.query(e), s, state: () => s.sim.state<ResilienceState>('resilience'), violations: () => s.sim.violations() };
}

describe('clients and servers', () => {
  it('an open-loop client starts its rate of calls every second, answered within the service time', () => {
    const { q } = lab(`
      resilience.server name=api workers=10 service=50ms
      resilience.client name=web target=api rate=140
      run for=5s`);
    expect(q('resilience.offered(web)')).toBe(140);
    expect(q('resilience.goodput(web)')).toBe(140);
    expect(q('resilience.p99(web)')).toBe(70); // 50 ms of service plus two 10 ms hops
    expect(q('resilience.capacity(api)')).toBe(200);
  });

  it('past capacity the queue grows without bound, and latency with it', () => {
    const { q } = lab(`
      resilience.server name=api workers=2 service=50ms
      resilience.client name=web target=api rate=60
      run for=10s`);
    expect(q('resilience.queue(api)')).toBeGreaterThan(150); // 20/s more than it serves, for 10 s
    expect(q('resilience.p50(web)')).toBeGreaterThan(2000);
  });

  it('sheds load past a queue bound or a queue time, answering at once', () => {
    const bounded = lab(`
      resilience.server name=api workers=2 service=50ms queue=5
      resilience.client name=web target=api rate=60
      run for=10s`);
    expect(bounded.q('resilience.queue(api)')).toBeLessThanOrEqual(5);
    expect(bounded.q('resilience.shed(api)')).toBeGreaterThan(150);
    const byTime = lab(`
      resilience.server name=api workers=2 service=50ms maxQueueTime=100ms
      resilience.client name=web target=api rate=60
      run for=10s`);
    expect(byTime.q('resilience.p99(web)')).toBeLessThan(300);
    expect(byTime.q('resilience.shed(api)')).toBeGreaterThan(150);
  });

  it('counts the work done for callers that already gave up as wasted', () => {
    const { q } = lab(`
      resilience.server name=api workers=2 service=50ms
      resilience.client name=web target=api rate=60
      resilience.timeout node=web after=300ms
      run for=10s`);
    expect(q('resilience.wasted(api)')).toBeGreaterThan(100);
    expect(q('resilience.wastedShare(api)')).toBeGreaterThan(50);
    expect(q('resilience.goodput(web)')).toBe(0);
  });

  it('a crashed server loses its queue; the client keeps calling and its calls time out', () => {
    const t = lab(`
      resilience.server name=api workers=1 service=100ms
      resilience.client name=web target=api rate=20
      resilience.timeout node=web after=1s
      run for=3s
      crash node=api
      run for=3s`);
    expect(t.q('resilience.queue(api)')).toBe(0);
    expect(t.q('resilience.goodput(web)')).toBe(0);
    expect(t.q('resilience.timeouts(web)')).toBeGreaterThan(30);
  });
});

describe('the pipeline', () => {
  it('retries up to maxAttempts in all, so a dead server sees three attempts per call', () => {
    const { q } = lab(`
      resilience.server name=api workers=10 service=10ms errors=100%
      resilience.client name=web target=api rate=50
      resilience.retry node=web max=3 backoff=immediate
      run for=3s`);
    expect(q('resilience.amplification(web)')).toBe(3);
    expect(q('resilience.goodput(web)')).toBe(0);
  });

  it('a fallback answers the failed calls instead', () => {
    const { q } = lab(`
      resilience.server name=api workers=10 service=10ms errors=100%
      resilience.client name=web target=api rate=50
      resilience.fallback node=web
      run for=3s`);
    expect(q('resilience.fallbacks(web)')).toBe(50);
    expect(q('resilience.failed(web)')).toBe(0);
  });

  it('asks the breaker before the rate limiter: calls the open breaker refuses take no permit', () => {
    const { q, state } = lab(`
      resilience.server name=api workers=10 service=10ms
      resilience.client name=web target=api rate=100
      resilience.breaker node=web
      resilience.ratelimit node=web limit=10 period=1s
      resilience.breakerState node=web to=FORCED_OPEN
      run for=3s`);
    expect(state().clients.web!.caller.pipeline.rateLimiter!.refused).toBe(0);
    expect(q('resilience.rejected(web)')).toBeGreaterThan(250);
    expect(q('resilience.attempts(web)')).toBe(0);
  });

  it("records the inner stages' refusals as breaker failures (resilience4j records every exception by default)", () => {
    const { q } = lab(`
      resilience.server name=api workers=10 service=10ms
      resilience.client name=web target=api rate=100
      resilience.breaker node=web window=20 minCalls=20
      resilience.ratelimit node=web limit=10 period=1s
      run for=1s`);
    expect(q('resilience.breaker(web)')).toBe('OPEN');
  });

  it('a breaker fails fast once the dependency fails, and lets half-open probes through after its wait', () => {
    const t = lab(`
      resilience.server name=api workers=10 service=10ms
      resilience.client name=web target=api rate=100
      resilience.breaker node=web window=20 minCalls=10 wait=2s halfOpenCalls=5
      run for=2s
      resilience.fail server=api rate=100%
      run for=1s`);
    expect(t.q('resilience.breaker(web)')).toBe('OPEN');
    expect(t.q('resilience.openedAt(web)')).toBeLessThan(2200);
    t.s.exec('resilience.fail server=api rate=0');
    t.s.exec('run for=3s');
    expect(t.q('resilience.breaker(web)')).toBe('CLOSED');
    expect(t.violations()).toEqual([]);
  });

  it('a semaphore bulkhead refuses past its maximum; a pool queues up to its capacity', () => {
    const sem = lab(`
      resilience.server name=api workers=50 service=200ms
      resilience.client name=web target=api rate=100
      resilience.bulkhead node=web max=5
      run for=3s`);
    expect(sem.q('resilience.bulkheadPeak(web)')).toBe(5);
    expect(sem.q('resilience.rejected(web)')).toBeGreaterThan(100);
    const pool = lab(`
      resilience.server name=api workers=50 service=200ms
      resilience.client name=web target=api rate=20
      resilience.bulkhead node=web kind=pool max=5 queue=100
      run for=3s`);
    expect(pool.q('resilience.rejected(web)')).toBe(0); // 20/s fits 5 threads at 220 ms a call
  });
});

describe('a dependency chain a -> b -> c', () => {
  it('a slow c holds every worker of b, and a times out although b itself is fast', () => {
    const { q } = lab(`
      resilience.server name=c workers=50 service=20ms
      resilience.server name=b workers=10 service=5ms calls=c
      resilience.client name=a target=b rate=100
      resilience.timeout node=a after=500ms
      run for=3s
      resilience.spike server=c extra=2s for=30s
      run for=5s`);
    expect(q('resilience.busy(b)')).toBe(10);
    expect(q('resilience.goodput(a)')).toBe(0);
    expect(q('resilience.queue(b)')).toBeGreaterThan(100);
  });

  it("a bulkhead with a fallback on b's calls to c keeps b's workers free", () => {
    const { q } = lab(`
      resilience.server name=c workers=50 service=20ms
      resilience.server name=b workers=10 service=5ms calls=c
      resilience.client name=a target=b rate=100
      resilience.timeout node=a after=500ms
      resilience.bulkhead node=b max=2
      resilience.fallback node=b
      run for=3s
      resilience.spike server=c extra=2s for=30s
      run for=5s`);
    // Only the calls that got one of the two slots wait on c (and a gives up on those): about 1 in 100.
    expect(q('resilience.goodput(a)')).toBeGreaterThanOrEqual(97);
    expect(q('resilience.queue(b)')).toBe(0);
    expect(q('resilience.bulkheadActive(b)')).toBe(2); // two workers still wait on c; the rest answer with the fallback
    expect(q('resilience.fallbacks(b)')).toBeGreaterThan(90);
  });
});

describe('the rate limiter (AtomicRateLimiter reservation)', () => {
  it('hands out limitForPeriod permits per cycle and reserves later ones within its timeout', () => {
    const rl = { limitForPeriod: 2, periodMs: 1000, timeoutMs: 1000, cycle: 0, permissions: 2, refused: 0 };
    expect([reservePermit(rl, 100), reservePermit(rl, 100), reservePermit(rl, 100), reservePermit(rl, 100), reservePermit(rl, 100)])
      .toEqual([0, 0, 900, 900, -1]);
    expect(rl.refused).toBe(1);
    expect(reservePermit(rl, 2500)).toBe(0); // permissions never pile up past the limit
  });
});

describe('bulkhead bound (property)', () => {
  it('never has more calls in progress than its maximum, whatever the load, waits and timeouts', () => {
    fc.assert(fc.property(
      fc.record({
        max: fc.integer({ min: 1, max: 6 }), wait: fc.integer({ min: 0, max: 300 }), kind: fc.constantFrom('semaphore', 'pool'),
        queue: fc.integer({ min: 0, max: 10 }), rate: fc.integer({ min: 5, max: 200 }), service: fc.integer({ min: 1, max: 300 }),
        timeout: fc.integer({ min: 0, max: 400 }), seed: fc.integer({ min: 1, max: 1000 }),
      }),
      (c) => {
        const t = lab(`
          resilience.server name=api workers=4 service=${c.service}ms errors=10%
          resilience.client name=web target=api rate=${c.rate}
          resilience.bulkhead node=web kind=${c.kind} max=${c.max} maxWait=${c.wait}ms queue=${c.queue}
          resilience.timeout node=web after=${c.timeout}ms
          resilience.retry node=web max=2 backoff=immediate on=error,timeout,rejected
          run for=2s`, c.seed);
        expect(t.q('resilience.bulkheadPeak(web)')).toBeLessThanOrEqual(c.max);
        expect(t.violations()).toEqual([]);
      },
    ), { numRuns: 25 });
  });
});
