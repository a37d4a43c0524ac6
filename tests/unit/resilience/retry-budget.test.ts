// The AWS SDKs' retry quota in standard retry mode (AWS SDKs and Tools Reference Guide, "Retry behavior";
// aws-sdk-js-v3 middleware-retry constants: INITIAL_RETRY_TOKENS 500, RETRY_COST 5, TIMEOUT_RETRY_COST 10,
// NO_RETRY_INCREMENT 1, and its defaultRetryQuota spec: drained quota refuses, release never exceeds capacity).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acquireRetry, createRetryQuota, onCallSuccess, retryQuotaProblem } from '../../../src/engine/resilience/retry-budget.ts';

describe('retry quota (AWS standard retry mode)', () => {
  it('starts with 500 tokens; a retry costs 5, a retry after a timeout 10', () => {
    const q = createRetryQuota();
    expect(q.available).toBe(500);
    const a = acquireRetry(q, 'error');
    expect([a.granted, a.cost, a.quota.available]).toEqual([true, 5, 495]);
    const b = acquireRetry(a.quota, 'timeout');
    expect([b.granted, b.cost, b.quota.available]).toEqual([true, 10, 485]);
  });

  it('a drained quota refuses retries: 100 plain retries empty it, the 101st is refused', () => {
    let q = createRetryQuota();
    for (let i = 0; i < 100; i++) q = acquireRetry(q, 'error').quota;
    expect(q.available).toBe(0);
    const refused = acquireRetry(q, 'error');
    expect([refused.granted, refused.cost, refused.quota.available, refused.quota.refused]).toEqual([false, 0, 0, 1]);
  });

  it('refuses a timeout retry when fewer than 10 tokens remain, yet grants a plain retry with 5 to 9', () => {
    let q = createRetryQuota({ initialTokens: 7 });
    expect(acquireRetry(q, 'timeout').granted).toBe(false);
    q = acquireRetry(q, 'error').quota;
    expect(q.available).toBe(2);
  });

  it('a success refunds the cost of the retry that succeeded, or 1 token when no retry was needed', () => {
    const taken = acquireRetry(acquireRetry(createRetryQuota(), 'timeout').quota, 'timeout');
    expect(taken.quota.available).toBe(480);
    expect(onCallSuccess(taken.quota, taken.cost).available).toBe(490);
    expect(onCallSuccess(taken.quota).available).toBe(481);
  });

  it('never fills past its initial capacity', () => {
    expect(onCallSuccess(createRetryQuota()).available).toBe(500);
    fc.assert(fc.property(fc.array(fc.constantFrom('error', 'timeout', 'ok', 'okAfterRetry'), { maxLength: 300 }), (ops) => {
      let q = createRetryQuota({ initialTokens: 50 });
      let last: number | undefined;
      for (const op of ops) {
        if (op === 'ok') q = onCallSuccess(q);
        else if (op === 'okAfterRetry') q = onCallSuccess(q, last);
        else { const d = acquireRetry(q, op); q = d.quota; last = d.granted ? d.cost : undefined; }
        expect(q.available).toBeGreaterThanOrEqual(0);
        expect(q.available).toBeLessThanOrEqual(50);
      }
    }));
  });

  it('rejects a budget that is not a whole, non-negative number of tokens', () => {
    expect(retryQuotaProblem({ initialTokens: 100 })).toBeNull();
    expect(retryQuotaProblem({ retryCost: -5 })).toBe('retry budget retryCost must be a whole number of tokens, 0 or more (got -5)');
  });
});
