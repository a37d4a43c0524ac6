// The resilience system's one registration and its public read surface (what pictures and charts read).
import { defineSystem } from '../define-system.ts';
import { resilienceSystem } from './system.ts';
import { resilienceCommands } from './commands.ts';

export const resilience = defineSystem({ def: resilienceSystem, commands: resilienceCommands });

export {
  RESILIENCE, type ResilienceState, type Server, type Client, type Caller, type Call, type CallPhase, type Pipeline, type Job,
  type CallerSecond, type ServerSecond, type CallerTotals, type ServerTotals, type RetryConfig, type RateLimiterState,
  type BulkheadState, type AttemptOutcome, queueLength, queuedJobs,
} from './state.ts';
export {
  BREAKER_STATES, breakerStateAt, breakerMetrics, type BreakerData, type BreakerStateName, type BreakerMetrics,
  type BreakerTransition, type CircuitBreakerConfig, type OutcomeCode, type WindowData,
} from './breaker.ts';
export type { BackoffKind, BackoffPolicy } from './backoff.ts';
export type { RetryQuota } from './retry-budget.ts';
export { percentile, allCallers } from './series.ts';
export { callerNamed, healthySecond, recoverySeconds } from './queries.ts';
export { pipelineStages, serverView, callerOf, type PipelineStage } from './selectors.ts';
