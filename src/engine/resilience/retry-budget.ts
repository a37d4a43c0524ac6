// A retry budget: the AWS SDKs' retry quota in standard retry mode, a token bucket shared by a client's calls.
// Rules (AWS SDKs and Tools Reference Guide, "Retry behavior", standard mode; the constants and behaviour
// of aws-sdk-js-v3 middleware-retry: INITIAL_RETRY_TOKENS = 500, RETRY_COST = 5, TIMEOUT_RETRY_COST = 10,
// NO_RETRY_INCREMENT = 1, getDefaultRetryQuota and StandardRetryStrategy):
//  - the bucket starts full, at `initialTokens`, which is also its capacity;
//  - a retry may happen only if the bucket holds its cost: 5 tokens, or 10 after a timeout; the cost is
//    taken when the retry is granted; with too few tokens the call fails without retrying;
//  - a call that succeeds puts back the cost of the retry that succeeded, or 1 token if it needed no retry,
//    never filling the bucket past its capacity.
// Pure data in, new data out, so it lives in simulation state and snapshots and replays with it.

export interface RetryQuotaConfig {
  initialTokens: number;
  retryCost: number;
  timeoutRetryCost: number;
  noRetryIncrement: number;
}

export const AWS_STANDARD_RETRY_QUOTA: Readonly<RetryQuotaConfig> = {
  initialTokens: 500,
  retryCost: 5,
  timeoutRetryCost: 10,
  noRetryIncrement: 1,
};

export interface RetryQuota {
  config: RetryQuotaConfig;
  /** Tokens in the bucket now. */
  available: number;
  /** Retries granted and refused so far: the figures a lesson asks about. */
  granted: number;
  refused: number;
}

/** Why a retry is wanted: any retryable error costs `retryCost`; a timeout costs `timeoutRetryCost`. */
export type RetryCause = 'error' | 'timeout';

export function createRetryQuota(config: Partial<RetryQuotaConfig> = {}): RetryQuota {
  const full = { ...AWS_STANDARD_RETRY_QUOTA, ...config };
  return { config: full, available: full.initialTokens, granted: 0, refused: 0 };
}

export function retryCost(quota: RetryQuota, cause: RetryCause): number {
  return cause === 'timeout' ? quota.config.timeoutRetryCost : quota.config.retryCost;
}

export interface RetryDecision {
  quota: RetryQuota;
  granted: boolean;
  /** Tokens taken (0 when refused): hand it back to `onCallSuccess` if the retry succeeds. */
  cost: number;
}

/** Ask the bucket for one retry after a failure of the given cause. */
export function acquireRetry(quota: RetryQuota, cause: RetryCause): RetryDecision {
  const cost = retryCost(quota, cause);
  if (quota.available < cost) return { quota: { ...quota, refused: quota.refused + 1 }, granted: false, cost: 0 };
  return { quota: { ...quota, available: quota.available - cost, granted: quota.granted + 1 }, granted: true, cost };
}

/**
 * A call finished successfully. `lastRetryCost` is the cost taken for the retry that succeeded, or
 * undefined when the first attempt succeeded (then `noRetryIncrement` goes back instead).
 */
export function onCallSuccess(quota: RetryQuota, lastRetryCost?: number): RetryQuota {
  const refund = lastRetryCost === undefined ? quota.config.noRetryIncrement : lastRetryCost;
  return { ...quota, available: Math.min(quota.config.initialTokens, quota.available + refund) };
}

/** A reason the configuration cannot be used, or null. */
export function retryQuotaProblem(config: Partial<RetryQuotaConfig>): string | null {
  for (const key of ['initialTokens', 'retryCost', 'timeoutRetryCost', 'noRetryIncrement'] as const) {
    const v = config[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) return `retry budget ${key} must be a whole number of tokens, 0 or more (got ${v})`;
  }
  return null;
}
