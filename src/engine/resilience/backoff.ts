// How long a client waits before its next retry, following AWS's "Exponential Backoff And Jitter"
// (Marc Brooker, AWS Architecture Blog, 2015) and its simulator (aws-samples/aws-arch-backoff-simulator):
//   exponential   sleep = min(cap, base * 2 ** attempt)
//   full jitter   sleep = random_between(0, min(cap, base * 2 ** attempt))
//   equal jitter  temp = min(cap, base * 2 ** attempt); sleep = temp / 2 + random_between(0, temp / 2)
//   decorrelated  sleep = min(cap, random_between(base, previous_sleep * 3)), starting from previous = base
// plus 'immediate' (retry at once: what makes a retry storm) and 'fixed' (always base, capped).
//
// Attempt numbering: `attempt` counts the retries already made, so the first retry is attempt 0 and waits
// about `base`, the second attempt 1 (about 2·base), and so on. All delays are whole milliseconds drawn
// from the kernel's seeded rng (inclusive bounds), so a run replays exactly.
import type { Rng } from '../core/types.ts';

export type BackoffKind = 'immediate' | 'fixed' | 'exponential' | 'full' | 'equal' | 'decorrelated';

export const BACKOFF_KINDS: readonly BackoffKind[] = ['immediate', 'fixed', 'exponential', 'full', 'equal', 'decorrelated'];

export interface BackoffPolicy {
  kind: BackoffKind;
  /** The article's `base`, in milliseconds. */
  baseMs: number;
  /** The article's `cap`, in milliseconds: no delay is longer. */
  capMs: number;
}

/** 2 ** attempt grows past any cap long before this; clamping keeps base * 2 ** attempt finite. */
const MAX_EXPONENT = 52;

/** min(cap, base * 2 ** attempt): the exponential ceiling every jittered variant but decorrelated draws under. */
export function exponentialCeiling(policy: BackoffPolicy, attempt: number): number {
  const exp = Math.min(MAX_EXPONENT, Math.max(0, Math.floor(attempt)));
  return Math.min(policy.capMs, policy.baseMs * 2 ** exp);
}

/**
 * The delay before the retry numbered `attempt` (0 = first retry). `previousDelayMs` matters only to
 * decorrelated jitter: pass the delay used before the previous retry, or 0 (or less than base) for the
 * first retry, which then draws as if the previous sleep were base, as the article's code starts.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, previousDelayMs: number, rng: Rng): number {
  const base = Math.max(0, Math.floor(policy.baseMs));
  const cap = Math.max(0, Math.floor(policy.capMs));
  switch (policy.kind) {
    case 'immediate':
      return 0;
    case 'fixed':
      return Math.min(cap, base);
    case 'exponential':
      return Math.floor(exponentialCeiling({ ...policy, baseMs: base, capMs: cap }, attempt));
    case 'full': {
      const temp = Math.floor(exponentialCeiling({ ...policy, baseMs: base, capMs: cap }, attempt));
      return rng.int(0, temp);
    }
    case 'equal': {
      const temp = Math.floor(exponentialCeiling({ ...policy, baseMs: base, capMs: cap }, attempt));
      const half = Math.floor(temp / 2);
      return half + rng.int(0, temp - half);
    }
    case 'decorrelated': {
      // A previous sleep is never above cap in the article's loop; clamping keeps the draw's span small.
      const previous = Math.min(cap, Math.max(base, Math.floor(previousDelayMs)));
      return Math.min(cap, rng.int(base, previous * 3));
    }
  }
}

/** A reason the policy cannot be used, or null. Said in the words a learner typed. */
export function backoffPolicyProblem(policy: BackoffPolicy): string | null {
  if (!BACKOFF_KINDS.includes(policy.kind)) {
    return `backoff must be one of ${BACKOFF_KINDS.join(', ')} (got '${String(policy.kind)}')`;
  }
  if (!Number.isFinite(policy.baseMs) || policy.baseMs < 0) return `backoff base must be 0 or more milliseconds (got ${policy.baseMs})`;
  if (!Number.isFinite(policy.capMs) || policy.capMs < policy.baseMs) {
    return `backoff cap (${policy.capMs} ms) must be at least its base (${policy.baseMs} ms)`;
  }
  return null;
}
