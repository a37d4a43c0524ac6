// Resilience state: servers (a pool of workers behind a bounded queue) and callers that reach them through
// a policy pipeline in resilience4j's order, Retry(CircuitBreaker(RateLimiter(TimeLimiter(Bulkhead(call))))).
// A caller is a client node (open-loop requests at a rate) or a server that calls a dependency while it
// serves (the chain a -> b -> c). Each keeps a per-second series the queries and charts read.
//
// Durable (survives a crash): configuration (rates, pools, policies), counters and series (they are the
// lab's measurements, not the node's memory). Volatile (a crash drops it): a server's queue and the jobs
// in service, a caller's calls in progress, its bulkhead's holders and waiters; the breaker, the rate
// limiter and the retry budget live in the caller's memory too and start afresh on restart.
import type { NodeId, Time, TimerId } from '../core/types.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { RetryQuota } from './retry-budget.ts';
import type { BreakerData, BreakerStateName } from './breaker.ts';

export const RESILIENCE = 'resilience';

/** How one attempt or one call ended. `rejected`: refused on the caller's side (breaker open, bulkhead full, rate limited). */
export type AttemptOutcome = 'success' | 'error' | 'timeout' | 'rejected';
export const RETRYABLE: readonly AttemptOutcome[] = ['error', 'timeout', 'rejected'];

export interface RetryConfig {
  /** Attempts in all, the first included (resilience4j's maxAttempts, default 3). */
  maxAttempts: number;
  retryOn: AttemptOutcome[];
  backoff: BackoffPolicy;
  /** The AWS SDKs' retry quota shared by this caller's calls, or null for no budget. */
  budget: RetryQuota | null;
}

/** resilience4j's RateLimiter: limitForPeriod permits each limitRefreshPeriod; a call waits at most timeoutDuration. */
export interface RateLimiterState {
  limitForPeriod: number;
  periodMs: number;
  timeoutMs: number;
  /** The cycle (now / periodMs) the permissions below belong to. */
  cycle: number;
  /** Permissions left in that cycle; negative when calls have reserved permits of later cycles. */
  permissions: number;
  refused: number;
}

/**
 * A bulkhead per dependency: a semaphore (maxConcurrentCalls, callers wait up to maxWaitDuration) or a
 * pool (threads, and a bounded queue of queueCapacity in front of them).
 */
export interface BulkheadState {
  kind: 'semaphore' | 'pool';
  maxConcurrent: number;
  /** semaphore: the longest a call waits for a slot (0: refuse at once). */
  maxWaitMs: number;
  /** pool: calls that may wait for a thread. */
  queueCapacity: number;
  active: number;
  /** Call ids waiting for a slot, in arrival order. */
  waiting: number[];
  peak: number;
  refused: number;
}

/** A caller's policies around its calls to one target; a null stage is absent. */
export interface Pipeline {
  target: NodeId;
  retry: RetryConfig | null;
  breaker: BreakerData | null;
  rateLimiter: RateLimiterState | null;
  /** TimeLimiter's timeoutDuration in ms; null: wait for ever. */
  timeoutMs: number | null;
  bulkhead: BulkheadState | null;
  /** On a failed call, answer with a fallback (a default, a cached value) instead of an error. */
  fallback: boolean;
}

export type CallPhase = 'rate-wait' | 'bulkhead-wait' | 'in-flight' | 'backoff';

/** One logical call through the pipeline (a client's request, or a server's call to its dependency). Volatile. */
export interface Call {
  id: number;
  startedAt: Time;
  /** Attempts begun so far (1 on the first). */
  attempt: number;
  phase: CallPhase;
  attemptStartedAt: Time;
  /** When the breaker let this attempt through (its duration is measured from here); -1 if it has no permit. */
  permittedAt: Time;
  /** The TimeLimiter's timer, a backoff or rate-limiter wait. */
  timer: TimerId | null;
  /** The bulkhead's maxWaitDuration timer while waiting for a slot. */
  waitTimer: TimerId | null;
  holdsSlot: boolean;
  lastDelayMs: number;
  /** Cost taken from the retry budget for the latest retry (refunded if it succeeds). */
  lastRetryCost: number | undefined;
  /** For a server's dependency call: the job it serves. */
  job: number | null;
}

/** One simulated second of a caller, as the queries and charts read it. */
export interface CallerSecond {
  /** Start of the second. */
  t: Time;
  /** Calls started (the offered load). */
  offered: number;
  /** Attempts put on the wire to the target. */
  attempts: number;
  /** Calls that ended with the target's answer (the goodput). */
  succeeded: number;
  /** Calls that ended failed (error, timeout or refused) without a fallback. */
  failed: number;
  /** Calls answered by the fallback. */
  fallbacks: number;
  /** Latency of the calls that ended this second, in ms (-1 when none ended). */
  p50: number;
  p99: number;
  /** The breaker's state at the end of the second ('none' without a breaker). */
  breaker: BreakerStateName | 'none';
}

export interface CallerTotals {
  calls: number; attempts: number; succeeded: number; failed: number; fallbacks: number;
  timeouts: number; errors: number; rejected: number; retries: number;
  /** Retries the budget refused. */
  budgetRefused: number;
}

/** Whoever calls a target through a pipeline: a client, or a server with a dependency. */
export interface Caller {
  node: NodeId;
  pipeline: Pipeline;
  calls: Record<number, Call>;
  nextCall: number;
  totals: CallerTotals;
  /** Latencies (ms) of the calls that ended in the current second. */
  latencies: number[];
  current: CallerSecond;
  series: CallerSecond[];
}

export interface Client {
  id: NodeId;
  /** Open-loop arrivals: calls per second, whatever happens to earlier ones. */
  rate: number;
  /** Milliseconds between arrival ticks, and the arrivals owed in thousandths (steady spacing). */
  tickMs: number;
  owed: number;
  tickTimer: TimerId | null;
  caller: Caller;
}

/** A request at a server: queued, then in service on a worker. Volatile. */
export interface Job {
  id: number;
  from: NodeId;
  call: number;
  attempt: number;
  arrivedAt: Time;
  /** When the caller gives up on this attempt (-1: never): work finished after it is wasted. */
  deadline: Time;
  startedAt: Time;
  /** The dependency call made for it, or null. */
  depCall: number | null;
  timer: TimerId | null;
}

export interface ServerSecond {
  t: Time;
  arrived: number;
  served: number;
  shed: number;
  /** Worker milliseconds spent on requests whose caller had already given up. */
  wastedMs: number;
  /** Queue length and busy workers at the end of the second. */
  queue: number;
  busy: number;
}

export interface ServerTotals {
  arrived: number; served: number; errors: number; shed: number; timedOut: number;
  wasted: number; wastedMs: number; busyMs: number;
}

export interface Server {
  id: NodeId;
  workers: number;
  /** Queue bound: a request arriving to a full queue is shed (0: no bound). */
  queueLimit: number;
  /** Shed a request that waited longer than this in the queue (0: never). */
  maxQueueMs: number;
  /** Server-side timeout: give up on a request this long after it arrived (0: never). */
  timeoutMs: number;
  /** Service time, uniform in [serviceMs - jitterMs, serviceMs + jitterMs]. */
  serviceMs: number;
  jitterMs: number;
  /** Chance that a request fails with an error. */
  errorRate: number;
  /** A latency spike: extra service time per request until `until`. */
  spike: { extraMs: number; from: Time; until: Time } | null;
  /** The end of the latest spike (-1: none yet): recovery is measured from it. */
  spikeEndedAt: Time;
  /**
   * The queue, FIFO: the jobs waiting are queue[queueHead..]; those before queueHead have left it (the array
   * is compacted now and then, so taking the next job costs the same however long the queue). Read it with
   * queueLength and queuedJobs.
   */
  queue: Job[];
  queueHead: number;
  /** Jobs on a worker, by id. */
  busy: Record<number, Job>;
  busyCount: number;
  nextJob: number;
  /** The dependency this server calls while serving, with its own pipeline, or null. */
  dependency: Caller | null;
  totals: ServerTotals;
  current: ServerSecond;
  series: ServerSecond[];
}

export interface ResilienceState {
  servers: Record<NodeId, Server>;
  serverOrder: NodeId[];
  clients: Record<NodeId, Client>;
  clientOrder: NodeId[];
  /** End of the second being accumulated; series close lazily as time passes it. */
  secondEnd: Time;
  /** The time of the system's latest event (what queries take as now). */
  at: Time;
  /** Broken-rule reports for the live detectors (null while they hold). */
  audit: { halfOpenOver: string | null; bulkheadOver: string | null };
}

/** Requests waiting in a server's queue. */
export const queueLength = (v: Server): number => v.queue.length - v.queueHead;
/** The first `max` requests waiting, in queue order. */
export const queuedJobs = (v: Server, max: number): Job[] => v.queue.slice(v.queueHead, v.queueHead + max);

/** Per-second entries kept per node (an hour). */
export const SERIES_KEPT = 3600;

export const initialResilienceState = (): ResilienceState => ({
  servers: {}, serverOrder: [], clients: {}, clientOrder: [], secondEnd: 1000, at: 0,
  audit: { halfOpenOver: null, bulkheadOver: null },
});
