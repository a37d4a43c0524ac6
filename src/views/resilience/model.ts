// The resilience system's picture model: from its state to what both pictures draw — each caller (a client,
// or a server calling its dependency) with its policy pipeline in resilience4j's order and each stage's live
// state in words, its breaker (state, sliding window of outcomes, rates against thresholds, state changes over
// time), its calls by phase; each server's queue and workers; and the per-second series the charts read.
// Pure: tested in Node (tests/unit/views/resilience-model.test.ts).
import type { Sim } from '../../engine/core/index.ts';
import { queueLength, queuedJobs, type ResilienceState } from '../../engine/resilience/index.ts';

// The shapes, derived from the one exported state type.
type Server = ResilienceState['servers'][string];
type Client = ResilienceState['clients'][string];
type Caller = Client['caller'];
type Pipeline = Caller['pipeline'];
type Breaker = NonNullable<Pipeline['breaker']>;
export type BreakerState = Breaker['state'];
export type CallerSecond = Caller['series'][number];
export type ServerSecond = Server['series'][number];

export type StageKind = 'retry' | 'breaker' | 'limiter' | 'timeout' | 'bulkhead' | 'fallback';
/** calm: letting calls through; busy: waiting, retrying or testing; tripped: refusing. */
export type Tone = 'calm' | 'busy' | 'tripped';
/** `value`: the stage's state in words; `values`: the same from longest to shortest, for narrow boxes. */
export interface StagePic { kind: StageKind; name: string; value: string; values: string[]; tone: Tone }

/** One outcome in a COUNT_BASED window, oldest first. */
export type WindowCell = 'ok' | 'failed' | 'slow' | 'slow-failed';

export interface BreakerPic {
  state: BreakerState;
  since: number;
  retryAfter: number;
  windowType: 'COUNT_BASED' | 'TIME_BASED';
  windowSize: number;
  minimumCalls: number;
  cells: WindowCell[];
  seconds: { second: number; calls: number; failed: number; slow: number }[];
  calls: number;
  failed: number;
  slow: number;
  /** Percent, or -1 while fewer than minimumNumberOfCalls are buffered (resilience4j's metrics). */
  failureRate: number;
  slowRate: number;
  failureThreshold: number;
  slowThreshold: number;
  slowMs: number;
  waitOpenMs: number;
  notPermitted: number;
  permitted: number;
  permitsLeft: number;
  halfOpenInFlight: number;
  opened: number;
  /** When each state began (the last ones kept), for the state strip. */
  changes: { at: number; state: BreakerState }[];
}

export interface CallerPic {
  id: string;
  role: 'client' | 'server';
  target: string;
  /** A client's open-loop rate (calls/s); null for a server's dependency calls. */
  rate: number | null;
  /** The TimeLimiter's duration (ms), or null without one. */
  timeoutMs: number | null;
  stages: StagePic[];
  inFlight: number;
  backoff: number;
  waiting: number;
  /** Calls now on their second attempt or later. */
  retrying: number;
  /** The wait (ms) each call waiting to retry drew before it redials, shortest first (at most CROWD_KEPT). */
  redials: number[];
  breaker: BreakerPic | null;
  totals: Caller['totals'];
  series: readonly CallerSecond[];
}

export interface QueuedPic { id: number; from: string; attempt: number; /** Its caller already gave up: serving it is wasted work. */ late: boolean }

export interface ServerPic {
  id: string;
  workers: number;
  busy: number;
  /** Of the busy workers, those serving a request whose caller already gave up. */
  busyLate: number;
  queue: number;
  queueLimit: number;
  /** The first requests in the queue (at most QUEUE_SHOWN). */
  queued: QueuedPic[];
  spike: { extraMs: number; until: number } | null;
  errorRate: number;
  serviceMs: number;
  /** Requests per second its workers can serve at the base service time. */
  capacity: number;
  shedding: string | null;
  totals: Server['totals'];
  dependency: CallerPic | null;
  series: readonly ServerSecond[];
}

export interface ResiliencePicture {
  now: number;
  clients: CallerPic[];
  servers: ServerPic[];
  /** Who calls whom (client -> server, server -> dependency). */
  links: { from: string; to: string }[];
}

export const QUEUE_SHOWN = 40;
export const CROWD_KEPT = 1000;


const CELL: readonly WindowCell[] = ['ok', 'failed', 'slow', 'slow-failed'];

/** resilience4j's rate: percent of the buffered calls, -1 while fewer than minimumNumberOfCalls. */
export function windowRate(calls: number, part: number, minimum: number): number {
  if (calls === 0 || calls < minimum) return -1;
  return (part * 100) / calls;
}

export const percentWords = (r: number) => (r < 0 ? 'not enough calls' : `${Math.round(r * 10) / 10} %`);

function breakerPic(b: Breaker): BreakerPic {
  const w = b.window;
  const c = b.config;
  const first = b.transitions[0];
  const changes: BreakerPic['changes'] = [{ at: 0, state: first ? first.from : b.state }];
  for (const t of b.transitions) changes.push({ at: t.t, state: t.to });
  return {
    state: b.state, since: b.since, retryAfter: b.retryAfter,
    windowType: w.type, windowSize: w.size, minimumCalls: w.minimumNumberOfCalls,
    cells: w.outcomes.map((o) => CELL[o] ?? 'ok'), seconds: w.seconds,
    calls: w.calls, failed: w.failed, slow: w.slow,
    failureRate: windowRate(w.calls, w.failed, w.minimumNumberOfCalls),
    slowRate: windowRate(w.calls, w.slow, w.minimumNumberOfCalls),
    failureThreshold: c.failureRateThreshold, slowThreshold: c.slowCallRateThreshold, slowMs: c.slowCallDurationThreshold,
    waitOpenMs: c.waitDurationInOpenState, permitted: c.permittedNumberOfCallsInHalfOpenState,
    notPermitted: b.notPermitted, permitsLeft: b.permitsLeft, halfOpenInFlight: b.halfOpenInFlight, opened: b.opened,
    changes,
  };
}

const seconds = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`);

export const BREAKER_WORDS: Record<BreakerState, { tech: string; town: string; tone: Tone }> = {
  CLOSED: { tech: 'CLOSED', town: 'fuse in', tone: 'calm' },
  OPEN: { tech: 'OPEN', town: 'fuse blown', tone: 'tripped' },
  HALF_OPEN: { tech: 'HALF_OPEN', town: 'fuse testing', tone: 'busy' },
  DISABLED: { tech: 'DISABLED', town: 'fuse bypassed', tone: 'calm' },
  FORCED_OPEN: { tech: 'FORCED_OPEN', town: 'fuse pulled', tone: 'tripped' },
};

const stage = (kind: StageKind, name: string, values: string[], tone: Tone): StagePic => ({ kind, name, value: values[0]!, values, tone });

/** Each stage of a pipeline, outermost first, with its live state in a few words. */
export function pipelineStages(p: Pipeline, calls: readonly Caller['calls'][number][], now: number): StagePic[] {
  const out: StagePic[] = [];
  if (p.retry) {
    const r = p.retry;
    const budget = r.budget ? ` · ${Math.floor(r.budget.available)} tokens` : '';
    const jitter = r.backoff.kind === 'immediate' ? 'at once' : r.backoff.kind;
    const retrying = calls.filter((c) => c.attempt > 1).length;
    out.push(stage('retry', 'Retry', [`${r.maxAttempts}× ${jitter}${budget}`, `${r.maxAttempts}× ${jitter}`, `${r.maxAttempts}×`], retrying ? 'busy' : 'calm'));
  }
  if (p.breaker) {
    const b = breakerPic(p.breaker);
    const words = BREAKER_WORDS[b.state];
    // Open, what matters is how long until it tests again; otherwise the failure rate it judges by.
    const rate = b.failureRate < 0 ? [] : [`${words.tech} · ${Math.round(b.failureRate)} %`];
    const values = b.state === 'OPEN' ? [`OPEN · ${seconds(Math.max(0, b.retryAfter - now))} left`, 'OPEN']
      : [`${words.tech} · ${percentWords(b.failureRate)} failed`, ...rate, words.tech, words.tech.slice(0, 4)];
    out.push(stage('breaker', 'Breaker', values, words.tone));
  }
  if (p.rateLimiter) {
    const l = p.rateLimiter;
    const left = Math.max(0, l.permissions);
    out.push(stage('limiter', 'Rate limit', [`${left}/${l.limitForPeriod} per ${seconds(l.periodMs)}`, `${left}/${l.limitForPeriod}`], left === 0 ? 'busy' : 'calm'));
  }
  if (p.timeoutMs !== null) out.push(stage('timeout', 'Timeout', [seconds(p.timeoutMs)], 'calm'));
  if (p.bulkhead) {
    const h = p.bulkhead;
    const wait = h.waiting.length ? ` · ${h.waiting.length} wait` : '';
    out.push(stage('bulkhead', h.kind === 'pool' ? 'Pool' : 'Bulkhead', [`${h.active}/${h.maxConcurrent} busy${wait}`, `${h.active}/${h.maxConcurrent} busy`, `${h.active}/${h.maxConcurrent}`], h.active >= h.maxConcurrent ? 'busy' : 'calm'));
  }
  if (p.fallback) out.push(stage('fallback', 'Fallback', ['answers a default', 'default', 'on'], 'calm'));
  return out;
}

function callerPic(c: Caller, role: CallerPic['role'], rate: number | null, now: number): CallerPic {
  const calls = Object.values(c.calls);
  const count = (ph: string) => calls.filter((x) => x.phase === ph).length;
  return {
    id: c.node, role, target: c.pipeline.target, rate, timeoutMs: c.pipeline.timeoutMs,
    stages: pipelineStages(c.pipeline, calls, now),
    inFlight: count('in-flight'), backoff: count('backoff'),
    waiting: count('rate-wait') + count('bulkhead-wait'),
    retrying: calls.filter((x) => x.attempt > 1).length,
    redials: calls.filter((x) => x.phase === 'backoff').map((x) => x.lastDelayMs).sort((a, b) => a - b).slice(0, CROWD_KEPT),
    breaker: c.pipeline.breaker ? breakerPic(c.pipeline.breaker) : null,
    totals: c.totals, series: c.series,
  };
}

function serverPic(s: Server, now: number): ServerPic {
  const late = (deadline: number) => deadline >= 0 && deadline <= now;
  const busyJobs = Object.values(s.busy);
  const shedding = [s.queueLimit ? `queue ≤ ${s.queueLimit}` : '', s.maxQueueMs ? `wait ≤ ${seconds(s.maxQueueMs)}` : ''].filter(Boolean).join(' · ');
  return {
    id: s.id, workers: s.workers, busy: s.busyCount, busyLate: busyJobs.filter((j) => late(j.deadline)).length,
    queue: queueLength(s), queueLimit: s.queueLimit,
    queued: queuedJobs(s, QUEUE_SHOWN).map((j) => ({ id: j.id, from: j.from, attempt: j.attempt, late: late(j.deadline) })),
    spike: s.spike && s.spike.from <= now && now < s.spike.until ? { extraMs: s.spike.extraMs, until: s.spike.until } : null,
    errorRate: s.errorRate, serviceMs: s.serviceMs,
    capacity: s.serviceMs > 0 ? (s.workers * 1000) / s.serviceMs : Infinity,
    shedding: shedding || null,
    totals: s.totals,
    dependency: s.dependency ? callerPic(s.dependency, 'server', null, now) : null,
    series: s.series,
  };
}

export function resiliencePicture(st: ResilienceState, sim: Pick<Sim, 'now'>): ResiliencePicture {
  const now = sim.now;
  const clients = st.clientOrder.map((id) => st.clients[id]).filter((c): c is Client => !!c).map((c) => callerPic(c.caller, 'client', c.rate, now));
  const servers = st.serverOrder.map((id) => st.servers[id]).filter((s): s is Server => !!s).map((s) => serverPic(s, now));
  const links = [
    ...clients.map((c) => ({ from: c.id, to: c.target })),
    ...servers.filter((s) => s.dependency).map((s) => ({ from: s.id, to: s.dependency!.target })),
  ];
  return { now, clients, servers, links };
}

/** Each server's column: 1 when a client calls it, one more per dependency hop. */
export function serverDepths(p: ResiliencePicture): Map<string, number> {
  const d = new Map<string, number>();
  for (const c of p.clients) if (!d.has(c.target)) d.set(c.target, 1);
  for (let pass = 0; pass < p.servers.length; pass++) {
    for (const s of p.servers) {
      const at = d.get(s.id);
      if (at !== undefined && s.dependency && (d.get(s.dependency.target) ?? 0) < at + 1) d.set(s.dependency.target, Math.min(at + 1, p.servers.length));
    }
  }
  for (const s of p.servers) if (!d.has(s.id)) d.set(s.id, 1);
  return d;
}

/** Every caller: the clients, then the servers that call a dependency. */
export const callersOf = (p: ResiliencePicture): CallerPic[] => [...p.clients, ...p.servers.flatMap((s) => (s.dependency ? [s.dependency] : []))];

/** The caller the charts and the breaker drawing follow: the selected node's, else the first client's. */
export function chosenCaller(p: ResiliencePicture, selectedNode: string | null): CallerPic | null {
  const all = callersOf(p);
  return all.find((c) => c.id === selectedNode) ?? all[0] ?? null;
}

/** A node's state in a few words, for its label and for a screen reader. */
export function describeCaller(c: CallerPic): string {
  const bits = [c.rate !== null ? `${c.rate} calls/s to ${c.target}` : `calls ${c.target}`];
  if (c.inFlight) bits.push(`${c.inFlight} waiting for an answer`);
  if (c.backoff) bits.push(`${c.backoff} waiting to retry`);
  if (c.breaker) bits.push(`breaker ${c.breaker.state}`);
  return bits.join(', ');
}

export function describeServer(s: ServerPic): string {
  const bits = [`${s.busy} of ${s.workers} workers busy`, `${s.queue} queued${s.queueLimit ? ` of ${s.queueLimit}` : ''}`];
  if (s.busyLate) bits.push(`${s.busyLate} serving a caller who gave up`);
  if (s.spike) bits.push(`latency spike +${seconds(s.spike.extraMs)}`);
  return bits.join(', ');
}
