// backoffDelay follows AWS's "Exponential Backoff And Jitter" (Marc Brooker, 2015):
//   full = random_between(0, min(cap, base * 2 ** attempt))
//   equal: temp = min(cap, base * 2 ** attempt); temp / 2 + random_between(0, temp / 2)
//   decorrelated = min(cap, random_between(base, sleep * 3))
// attempt 0 is the first retry.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, backoffPolicyProblem, type BackoffKind, type BackoffPolicy } from '../../../src/engine/resilience/backoff.ts';
import { rngOf, seedRng } from '../../../src/engine/core/prng.ts';

const rng = (seed: number) => rngOf(seedRng(seed));
const policy = (kind: BackoffKind, baseMs = 100, capMs = 10_000): BackoffPolicy => ({ kind, baseMs, capMs });
const arb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  base: fc.integer({ min: 0, max: 5_000 }),
  extra: fc.integer({ min: 0, max: 100_000 }),
  attempt: fc.integer({ min: 0, max: 80 }),
  previous: fc.integer({ min: 0, max: 200_000 }),
});

describe('backoffDelay without jitter', () => {
  it('immediate retries wait nothing; fixed waits base on every attempt', () => {
    expect([0, 1, 5].map((a) => backoffDelay(policy('immediate'), a, 0, rng(1)))).toEqual([0, 0, 0]);
    expect([0, 1, 5].map((a) => backoffDelay(policy('fixed'), a, 0, rng(1)))).toEqual([100, 100, 100]);
  });

  it('exponential doubles from base at the first retry until the cap', () => {
    const delays = [0, 1, 2, 3, 6, 7, 8, 60].map((a) => backoffDelay(policy('exponential', 100, 10_000), a, 0, rng(1)));
    expect(delays).toEqual([100, 200, 400, 800, 6_400, 10_000, 10_000, 10_000]);
  });

  it('two clients with the same exponential policy wait exactly as long: the lockstep of a retry storm', () => {
    for (let a = 0; a < 6; a++) expect(backoffDelay(policy('exponential'), a, 0, rng(1))).toBe(backoffDelay(policy('exponential'), a, 0, rng(2)));
  });
});

describe('backoffDelay with jitter (fast-check)', () => {
  it('full jitter lies in [0, min(cap, base * 2^attempt)]', () => {
    fc.assert(fc.property(arb, ({ seed, base, extra, attempt }) => {
      const p = policy('full', base, base + extra);
      const d = backoffDelay(p, attempt, 0, rng(seed));
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(Math.min(base + extra, base * 2 ** Math.min(attempt, 52)));
    }));
  });

  it('equal jitter lies in [temp/2, temp]: never less than half the exponential delay', () => {
    fc.assert(fc.property(arb, ({ seed, base, extra, attempt }) => {
      const temp = Math.min(base + extra, base * 2 ** Math.min(attempt, 52));
      const d = backoffDelay(policy('equal', base, base + extra), attempt, 0, rng(seed));
      expect(d).toBeGreaterThanOrEqual(Math.floor(temp / 2));
      expect(d).toBeLessThanOrEqual(temp);
    }));
  });

  it('decorrelated jitter lies in [base, min(cap, 3 * previous)] and ignores the attempt number', () => {
    fc.assert(fc.property(arb, ({ seed, base, extra, attempt, previous }) => {
      const cap = base + extra;
      const d = backoffDelay(policy('decorrelated', base, cap), attempt, previous, rng(seed));
      const prev = Math.min(cap, Math.max(base, previous));
      expect(d).toBeGreaterThanOrEqual(Math.min(cap, base));
      expect(d).toBeLessThanOrEqual(Math.min(cap, prev * 3));
      expect(backoffDelay(policy('decorrelated', base, cap), attempt + 7, previous, rng(seed))).toBe(d);
    }));
  });

  it('no policy ever waits longer than its cap', () => {
    const kinds: BackoffKind[] = ['immediate', 'fixed', 'exponential', 'full', 'equal', 'decorrelated'];
    fc.assert(fc.property(arb, fc.constantFrom(...kinds), ({ seed, base, extra, attempt, previous }, kind) => {
      expect(backoffDelay(policy(kind, base, base + extra), attempt, previous, rng(seed))).toBeLessThanOrEqual(base + extra);
    }));
  });
});

describe('decorrelated jitter depends on the previous delay', () => {
  it('grows with a long previous sleep and stays near base after a short one', () => {
    const p = policy('decorrelated', 100, 1_000_000);
    const afterShort = Array.from({ length: 200 }, (_, i) => backoffDelay(p, 3, 100, rng(i + 1)));
    const afterLong = Array.from({ length: 200 }, (_, i) => backoffDelay(p, 3, 50_000, rng(i + 1)));
    expect(Math.max(...afterShort)).toBeLessThanOrEqual(300);
    expect(Math.max(...afterLong)).toBeGreaterThan(100_000);
  });

  it('the first retry (previous 0) draws as if the previous sleep were base: within [base, 3 * base]', () => {
    const d = Array.from({ length: 100 }, (_, i) => backoffDelay(policy('decorrelated', 100), 0, 0, rng(i + 1)));
    expect(Math.min(...d)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...d)).toBeLessThanOrEqual(300);
  });

  it('jittered delays spread a crowd: 50 clients at their third retry wait many different times', () => {
    const d = new Set(Array.from({ length: 50 }, (_, i) => backoffDelay(policy('full'), 3, 0, rng(i + 1))));
    expect(d.size).toBeGreaterThan(40);
  });
});

describe('backoffPolicyProblem', () => {
  it('says what is wrong with a policy in the words a learner typed', () => {
    expect(backoffPolicyProblem(policy('full'))).toBeNull();
    expect(backoffPolicyProblem(policy('full', 500, 100))).toBe('backoff cap (100 ms) must be at least its base (500 ms)');
    expect(backoffPolicyProblem(policy('full', -1, 100))).toMatch(/base must be 0 or more/);
    expect(backoffPolicyProblem({ kind: 'random' as BackoffKind, baseMs: 1, capMs: 2 })).toMatch(/must be one of immediate, fixed/);
  });
});
