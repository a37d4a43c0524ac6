// Scenario commands of the resilience system (lessons 05 and 13): servers, clients, the stages of a
// caller's pipeline (each with resilience4j's name and default), and the faults a lesson plays.
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { NodeId, SystemContext } from '../core/types.ts';
import { BACKOFF_KINDS, backoffPolicyProblem, type BackoffKind } from './backoff.ts';
import { createRetryQuota, retryQuotaProblem } from './retry-budget.ts';
import { breakerConfigProblem, breakerTransition, newBreaker, BREAKER_DEFAULTS, type BreakerStateName, type CircuitBreakerConfig } from './breaker.ts';
import { armClient, tickFor } from './client.ts';
import { emptyCallerSecond, emptyServerSecond, rollSeconds } from './series.ts';
import { callerNamed, clientNamed, serverNamed } from './queries.ts';
import { RESILIENCE, type AttemptOutcome, type Caller, type ResilienceState } from './state.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${Array.isArray(a[k]) ? (a[k] as string[]).join(',') : String(a[k])}`).join('');
const wrap = <T>(f: () => T): T => { try { return f(); } catch (e) { throw new CommandError((e as Error).message); } };

function act(sim: Sim, label: string, fn: (s: ResilienceState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<ResilienceState>(RESILIENCE, label, (s, ctx) => { rollSeconds(s, ctx.now); out = fn(s, ctx) ?? []; });
  return out;
}
function ownNode(sim: Sim, s: ResilienceState, ctx: SystemContext, node: NodeId): void {
  if (s.servers[node] || s.clients[node]) throw new CommandError(`'${node}' already exists; pick another name`);
  const other = sim.nodes().find((n) => n.id === node && n.sys !== RESILIENCE);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}

function newCaller(node: NodeId, target: NodeId, secondStart: number): Caller {
  return {
    node, pipeline: { target, retry: null, breaker: null, rateLimiter: null, timeoutMs: null, bulkhead: null, fallback: false },
    calls: {}, nextCall: 1,
    totals: { calls: 0, attempts: 0, succeeded: 0, failed: 0, fallbacks: 0, timeouts: 0, errors: 0, rejected: 0, retries: 0, budgetRefused: 0 },
    latencies: [], current: emptyCallerSecond(secondStart), series: [],
  };
}

const pos = (a: ArgValues, k: string, what: string, min = 1): number | undefined => {
  const v = opt<number>(a, k);
  if (v !== undefined && !(v >= min)) throw new CommandError(`${k} must be at least ${min} (${what}); got ${v}`);
  return v;
};

const SERVER = 'resilience.server name=api workers=10 service=50ms';
const CLIENT = `${SERVER}\nresilience.client name=web target=api rate=100`;

function checkTarget(s: ResilienceState, target: string, from: string): void {
  if (!s.servers[target]) throw new CommandError(`no resilience server named '${target}'${s.serverOrder.length ? `; servers are ${s.serverOrder.join(',')}` : '; create it first with resilience.server'}`);
  if (target === from) throw new CommandError(`${from} cannot call itself`);
}

export const resilienceCommands: CommandSpec[] = [
  {
    name: 'resilience.server', sys: RESILIENCE, summary: 'Start a server: a pool of workers behind a queue, each request taking a service time (and a call to its dependency, if it has one).',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the server node' },
      { name: 'workers', type: 'int', default: '10', doc: 'requests served at once' },
      { name: 'service', type: 'duration', default: '50ms', doc: 'mean service time of a request on a worker' },
      { name: 'jitter', type: 'duration', default: '0ms', doc: 'service times spread uniformly over service ± jitter' },
      { name: 'queue', type: 'int', default: '0', doc: 'load shedding: refuse a request that finds this many waiting (0: no bound)' },
      { name: 'maxQueueTime', type: 'duration', default: '0ms', doc: 'load shedding: refuse a request that waited longer than this (0: never)' },
      { name: 'timeout', type: 'duration', default: '0ms', doc: 'server-side timeout: give up on a request this long after it arrived (0: never)' },
      { name: 'errors', type: 'prob', default: '0', doc: 'chance that a request fails with an error' },
      { name: 'calls', type: 'string', doc: 'a server it calls for every request, through a pipeline of its own (the chain a -> b -> c)' },
    ],
    example: 'resilience.server name=api workers=10 service=50ms jitter=20ms',
    run: (sim, a) => act(sim, `resilience.server${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      const calls = opt<string>(a, 'calls');
      if (calls !== undefined) checkTarget(s, calls, name);
      const workers = pos(a, 'workers', 'a worker at least') ?? 10;
      const serviceMs = opt<number>(a, 'service') ?? 50;
      const jitterMs = opt<number>(a, 'jitter') ?? 0;
      if (jitterMs > serviceMs) throw new CommandError(`jitter (${jitterMs} ms) must not exceed service (${serviceMs} ms): a service time cannot be negative`);
      ownNode(sim, s, ctx, name);
      s.servers[name] = {
        id: name, workers, queueLimit: opt<number>(a, 'queue') ?? 0, maxQueueMs: opt<number>(a, 'maxQueueTime') ?? 0, timeoutMs: opt<number>(a, 'timeout') ?? 0,
        serviceMs, jitterMs, errorRate: opt<number>(a, 'errors') ?? 0, spike: null, spikeEndedAt: -1,
        queue: [], queueHead: 0, busy: {}, busyCount: 0, nextJob: 1, dependency: calls !== undefined ? newCaller(name, calls, s.secondEnd - 1000) : null,
        totals: { arrived: 0, served: 0, errors: 0, shed: 0, timedOut: 0, wasted: 0, wastedMs: 0, busyMs: 0 },
        current: emptyServerSecond(s.secondEnd - 1000), series: [],
      };
      s.serverOrder.push(name);
    }),
  },
  {
    name: 'resilience.client', sys: RESILIENCE, summary: 'Start a client that calls a server at a steady rate (open loop: new calls keep coming whatever happened to earlier ones).',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the client node' },
      { name: 'target', type: 'string', required: true, doc: 'the server it calls' },
      { name: 'rate', type: 'int', default: '100', doc: 'calls started per second (0: none yet)' },
    ],
    example: 'resilience.client name=web target=api rate=140', setup: SERVER,
    run: (sim, a) => act(sim, `resilience.client${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      const target = argString(a, 'target');
      checkTarget(s, target, name);
      const rate = pos(a, 'rate', 'calls per second', 0) ?? 100;
      if (rate > 20_000) throw new CommandError('rate must be at most 20000 calls per second');
      ownNode(sim, s, ctx, name);
      const client = s.clients[name] = { id: name, rate, tickMs: tickFor(rate), owed: 0, tickTimer: null, caller: newCaller(name, target, s.secondEnd - 1000) };
      s.clientOrder.push(name);
      armClient(client, ctx);
    }),
  },
  {
    name: 'resilience.load', sys: RESILIENCE, summary: "Change a client's rate of new calls.",
    args: [{ name: 'client', type: 'string', required: true, doc: 'the client' }, { name: 'rate', type: 'int', required: true, doc: 'calls per second (0 stops new calls)' }],
    example: 'resilience.load client=web rate=180', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.load${words(a)}`, (s, ctx) => {
      const c = wrap(() => clientNamed(s, argString(a, 'client')));
      const rate = argNumber(a, 'rate');
      if (rate < 0 || rate > 20_000) throw new CommandError('rate must be 0 to 20000 calls per second');
      c.rate = rate; c.tickMs = tickFor(rate); c.owed = 0;
      armClient(c, ctx);
    }),
  },
  {
    name: 'resilience.timeout', sys: RESILIENCE, summary: "Give a caller's attempts a time limit (resilience4j's TimeLimiter): an attempt with no answer by then fails as a timeout.",
    args: [{ name: 'node', type: 'string', required: true, doc: 'the client, or a server that calls a dependency' }, { name: 'after', type: 'duration', default: '1s', doc: "timeoutDuration (resilience4j's default 1 s; 0 removes the limit)" }],
    example: 'resilience.timeout node=web after=500ms', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.timeout${words(a)}`, (s) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      const ms = opt<number>(a, 'after') ?? 1000;
      c.pipeline.timeoutMs = ms > 0 ? ms : null;
    }),
  },
  {
    name: 'resilience.retry', sys: RESILIENCE, summary: "Retry a caller's failed attempts, waiting a backoff between them, optionally within a retry budget (the AWS SDKs' retry quota).",
    args: [
      { name: 'node', type: 'string', required: true, doc: 'the client, or a server that calls a dependency' },
      { name: 'max', type: 'int', default: '3', doc: "maxAttempts, the first included (resilience4j's default 3; 1 turns retries off)" },
      { name: 'backoff', type: 'enum', values: BACKOFF_KINDS, default: 'fixed', doc: 'immediate, fixed (base), exponential, or with full, equal or decorrelated jitter (AWS\'s "Exponential Backoff And Jitter")' },
      { name: 'base', type: 'duration', default: '500ms', doc: "the first wait (resilience4j's waitDuration, 500 ms)" },
      { name: 'cap', type: 'duration', default: '20s', doc: 'no wait is longer' },
      { name: 'on', type: 'strings', default: 'error,timeout', doc: 'which failed attempts to retry: error, timeout, rejected (refused by the caller\'s own breaker, bulkhead or limiter)' },
      { name: 'budget', type: 'int', default: '0', doc: 'retry budget in tokens (the AWS SDKs start with 500; 0: no budget)' },
      { name: 'cost', type: 'int', default: '5', doc: 'tokens a retry takes (AWS: 5); a success puts back what its retry took, or 1' },
      { name: 'timeoutCost', type: 'int', default: '10', doc: 'tokens a retry after a timeout takes (AWS: 10)' },
    ],
    example: 'resilience.retry node=web max=3 backoff=full base=100ms cap=2s budget=500', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.retry${words(a)}`, (s) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      const max = pos(a, 'max', 'the first attempt counts') ?? 3;
      const backoff = { kind: (opt<string>(a, 'backoff') ?? 'fixed') as BackoffKind, baseMs: opt<number>(a, 'base') ?? 500, capMs: opt<number>(a, 'cap') ?? 20_000 };
      const problem = backoffPolicyProblem(backoff);
      if (problem) throw new CommandError(problem);
      const on = [...(opt<string[]>(a, 'on') ?? ['error', 'timeout'])];
      for (const w of on) if (!['error', 'timeout', 'rejected'].includes(w)) throw new CommandError(`on= takes error, timeout and rejected; got '${w}'`);
      const tokens = opt<number>(a, 'budget') ?? 0;
      const quota = { initialTokens: tokens, retryCost: opt<number>(a, 'cost') ?? 5, timeoutRetryCost: opt<number>(a, 'timeoutCost') ?? 10 };
      const qp = retryQuotaProblem(quota);
      if (qp) throw new CommandError(qp);
      c.pipeline.retry = max <= 1 ? null : { maxAttempts: max, retryOn: on as AttemptOutcome[], backoff, budget: tokens > 0 ? createRetryQuota(quota) : null };
    }),
  },
  {
    name: 'resilience.breaker', sys: RESILIENCE, summary: "Put a circuit breaker on a caller (resilience4j's CircuitBreaker; its config names and defaults).",
    args: [
      { name: 'node', type: 'string', required: true, doc: 'the client, or a server that calls a dependency' },
      { name: 'failureRate', type: 'number', default: '50', doc: 'failureRateThreshold in percent: open when the failure rate is at or above it' },
      { name: 'slowRate', type: 'number', default: '100', doc: 'slowCallRateThreshold in percent' },
      { name: 'slowAfter', type: 'duration', default: '60s', doc: 'slowCallDurationThreshold: a call longer than this is slow' },
      { name: 'window', type: 'int', default: '100', doc: 'slidingWindowSize: calls (count) or seconds (time)' },
      { name: 'windowType', type: 'enum', values: ['count', 'time'], default: 'count', doc: 'COUNT_BASED or TIME_BASED sliding window' },
      { name: 'minCalls', type: 'int', default: '100', doc: 'minimumNumberOfCalls before a rate is computed' },
      { name: 'wait', type: 'duration', default: '60s', doc: 'waitDurationInOpenState' },
      { name: 'halfOpenCalls', type: 'int', default: '10', doc: 'permittedNumberOfCallsInHalfOpenState' },
      { name: 'maxHalfOpenWait', type: 'duration', default: '0ms', doc: 'maxWaitDurationInHalfOpenState (0: wait for the permitted calls)' },
      { name: 'autoHalfOpen', type: 'bool', default: 'false', doc: 'automaticTransitionFromOpenToHalfOpenEnabled' },
    ],
    example: 'resilience.breaker node=web failureRate=50 window=20 minCalls=10 wait=5s halfOpenCalls=5', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.breaker${words(a)}`, (s, ctx) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      const d = BREAKER_DEFAULTS;
      const config: CircuitBreakerConfig = {
        failureRateThreshold: opt<number>(a, 'failureRate') ?? d.failureRateThreshold,
        slowCallRateThreshold: opt<number>(a, 'slowRate') ?? d.slowCallRateThreshold,
        slowCallDurationThreshold: opt<number>(a, 'slowAfter') ?? d.slowCallDurationThreshold,
        permittedNumberOfCallsInHalfOpenState: opt<number>(a, 'halfOpenCalls') ?? d.permittedNumberOfCallsInHalfOpenState,
        maxWaitDurationInHalfOpenState: opt<number>(a, 'maxHalfOpenWait') ?? d.maxWaitDurationInHalfOpenState,
        slidingWindowType: opt<string>(a, 'windowType') === 'time' ? 'TIME_BASED' : 'COUNT_BASED',
        slidingWindowSize: opt<number>(a, 'window') ?? d.slidingWindowSize,
        minimumNumberOfCalls: opt<number>(a, 'minCalls') ?? d.minimumNumberOfCalls,
        waitDurationInOpenState: opt<number>(a, 'wait') ?? d.waitDurationInOpenState,
        automaticTransitionFromOpenToHalfOpenEnabled: opt<boolean>(a, 'autoHalfOpen') ?? d.automaticTransitionFromOpenToHalfOpenEnabled,
      };
      const problem = breakerConfigProblem(config);
      if (problem) throw new CommandError(problem);
      c.pipeline.breaker = newBreaker(config, ctx.now);
    }),
  },
  {
    name: 'resilience.breakerState', sys: RESILIENCE, summary: "Move a caller's breaker to a state by hand (resilience4j's transitionTo...State): disable it, force it open, close it.",
    args: [
      { name: 'node', type: 'string', required: true, doc: 'the caller with the breaker' },
      { name: 'to', type: 'enum', values: ['CLOSED', 'OPEN', 'HALF_OPEN', 'DISABLED', 'FORCED_OPEN'], required: true, doc: 'the state (CLOSED to HALF_OPEN is not a legal transition)' },
    ],
    example: 'resilience.breakerState node=web to=FORCED_OPEN', setup: `${CLIENT}\nresilience.breaker node=web`,
    run: (sim, a) => act(sim, `resilience.breakerState${words(a)}`, (s, ctx) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      if (!c.pipeline.breaker) throw new CommandError(`${c.node} has no breaker; add one with resilience.breaker node=${c.node}`);
      wrap(() => breakerTransition(c.pipeline.breaker!, argString(a, 'to') as BreakerStateName, ctx.now));
    }),
  },
  {
    name: 'resilience.ratelimit', sys: RESILIENCE, summary: "Limit a caller's own rate of attempts (resilience4j's RateLimiter): limit permits per period, waiting at most a timeout for one.",
    args: [
      { name: 'node', type: 'string', required: true, doc: 'the client, or a server that calls a dependency' },
      { name: 'limit', type: 'int', default: '50', doc: 'limitForPeriod (resilience4j: 50)' },
      { name: 'period', type: 'duration', default: '1s', doc: 'limitRefreshPeriod (resilience4j: 500 ns; the lab counts in ms)' },
      { name: 'wait', type: 'duration', default: '0ms', doc: 'timeoutDuration: the longest an attempt waits for a permit (resilience4j: 5 s)' },
    ],
    example: 'resilience.ratelimit node=web limit=100 period=1s', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.ratelimit${words(a)}`, (s, ctx) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      const limit = pos(a, 'limit', 'a permit per period') ?? 50;
      const periodMs = pos(a, 'period', 'a millisecond') ?? 1000;
      c.pipeline.rateLimiter = { limitForPeriod: limit, periodMs, timeoutMs: opt<number>(a, 'wait') ?? 0, cycle: Math.floor(ctx.now / periodMs), permissions: limit, refused: 0 };
    }),
  },
  {
    name: 'resilience.bulkhead', sys: RESILIENCE, summary: "Bound a caller's calls in progress to its dependency: a semaphore (max concurrent, max wait) or a pool of threads with a bounded queue.",
    args: [
      { name: 'node', type: 'string', required: true, doc: 'the client, or a server that calls a dependency' },
      { name: 'kind', type: 'enum', values: ['semaphore', 'pool'], default: 'semaphore', doc: "semaphore (resilience4j's Bulkhead) or pool (ThreadPoolBulkhead)" },
      { name: 'max', type: 'int', default: '25', doc: 'maxConcurrentCalls, or the pool\'s threads (resilience4j: 25)' },
      { name: 'maxWait', type: 'duration', default: '0ms', doc: 'semaphore: maxWaitDuration, the longest a call waits for a slot (0: refuse at once)' },
      { name: 'queue', type: 'int', default: '100', doc: 'pool: queueCapacity, calls that may wait for a thread (resilience4j: 100)' },
    ],
    example: 'resilience.bulkhead node=web max=5', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.bulkhead${words(a)}`, (s) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      if (Object.keys(c.calls).length) throw new CommandError(`${c.node} has calls in progress; add its bulkhead before they start (or set its load to 0 and wait)`);
      c.pipeline.bulkhead = {
        kind: (opt<string>(a, 'kind') ?? 'semaphore') as 'semaphore' | 'pool', maxConcurrent: pos(a, 'max', 'one call at least') ?? 25,
        maxWaitMs: opt<number>(a, 'maxWait') ?? 0, queueCapacity: opt<number>(a, 'queue') ?? 100, active: 0, waiting: [], peak: 0, refused: 0,
      };
    }),
  },
  {
    name: 'resilience.fallback', sys: RESILIENCE, summary: "Answer a caller's failed calls with a fallback (a default or cached value) instead of an error.",
    args: [{ name: 'node', type: 'string', required: true, doc: 'the client, or a server that calls a dependency' }, { name: 'on', type: 'bool', default: 'true', doc: 'on or off' }],
    example: 'resilience.fallback node=web', setup: CLIENT,
    run: (sim, a) => act(sim, `resilience.fallback${words(a)}`, (s) => {
      const c = wrap(() => callerNamed(s, argString(a, 'node')));
      c.pipeline.fallback = opt<boolean>(a, 'on') ?? true;
    }),
  },
  {
    name: 'resilience.shed', sys: RESILIENCE, summary: 'Turn load shedding on at a server: refuse requests past a queue bound, or once they waited too long.',
    args: [
      { name: 'server', type: 'string', required: true, doc: 'the server' },
      { name: 'queue', type: 'int', doc: 'refuse a request that finds this many waiting (0: no bound)' },
      { name: 'maxQueueTime', type: 'duration', doc: 'refuse a request that waited longer than this (0: never)' },
    ],
    example: 'resilience.shed server=api maxQueueTime=200ms', setup: SERVER,
    run: (sim, a) => act(sim, `resilience.shed${words(a)}`, (s) => {
      const v = wrap(() => serverNamed(s, argString(a, 'server')));
      if (opt(a, 'queue') === undefined && opt(a, 'maxQueueTime') === undefined) throw new CommandError('say queue= or maxQueueTime= (or both)');
      v.queueLimit = opt<number>(a, 'queue') ?? v.queueLimit;
      v.maxQueueMs = opt<number>(a, 'maxQueueTime') ?? v.maxQueueMs;
    }),
  },
  {
    name: 'resilience.spike', sys: RESILIENCE, summary: 'A latency spike at a server: every request it serves takes this much longer for a while (a slow disk, a GC pause, a slow neighbour).',
    args: [
      { name: 'server', type: 'string', required: true, doc: 'the server' },
      { name: 'extra', type: 'duration', required: true, doc: 'added to each service time' },
      { name: 'for', type: 'duration', required: true, doc: 'how long the spike lasts' },
    ],
    example: 'resilience.spike server=api extra=450ms for=10s', setup: SERVER,
    run: (sim, a) => act(sim, `resilience.spike${words(a)}`, (s, ctx) => {
      const v = wrap(() => serverNamed(s, argString(a, 'server')));
      const extraMs = argNumber(a, 'extra');
      const forMs = argNumber(a, 'for');
      if (extraMs < 1 || forMs < 1) throw new CommandError('extra= and for= must be at least 1ms');
      v.spike = { extraMs, from: ctx.now, until: ctx.now + forMs };
      v.spikeEndedAt = ctx.now + forMs;
      ctx.note(v.id, `latency spike: +${extraMs} ms per request for ${forMs} ms`);
    }),
  },
  {
    name: 'resilience.fail', sys: RESILIENCE, summary: 'Make a server fail a share of its requests with an error (0 heals it).',
    args: [{ name: 'server', type: 'string', required: true, doc: 'the server' }, { name: 'rate', type: 'prob', required: true, doc: 'the chance a request fails, 0 to 1 or a percentage' }],
    example: 'resilience.fail server=api rate=100%', setup: SERVER,
    run: (sim, a) => act(sim, `resilience.fail${words(a)}`, (s) => {
      const v = wrap(() => serverNamed(s, argString(a, 'server')));
      v.errorRate = argNumber(a, 'rate');
    }),
  },
];
