// A server: a pool of workers behind a FIFO queue. A request waits for a free worker, then takes its
// service time (uniform around the mean, longer during a latency spike) on that worker, calling its
// dependency first if it has one (the worker waits for it: how a slow dependency exhausts upstream
// workers). Load shedding refuses a request when the queue is full or once it has waited too long; a
// server-side timeout gives up on one that has been at the server too long. Work finished after the
// caller gave up is counted as wasted: the worker was busy for nobody.
import type { NodeId, SystemContext } from '../core/types.ts';
import { startCall, type CallWire, type ReplyWire } from './pipeline.ts';
import { queueLength, type Job, type ResilienceState, type Server } from './state.ts';

export interface JobTimer { job: number }

function reply(server: Server, job: Job, ok: boolean, why: string, ctx: SystemContext): void {
  ctx.send(server.id, job.from, { type: 'Reply', call: job.call, attempt: job.attempt, ok, why } satisfies ReplyWire);
}

function shed(server: Server, job: Job, why: string, ctx: SystemContext): void {
  server.totals.shed++;
  server.current.shed++;
  reply(server, job, false, why, ctx);
}

export function onCall(s: ResilienceState, server: Server, from: NodeId, msg: CallWire, ctx: SystemContext): void {
  server.totals.arrived++;
  server.current.arrived++;
  const job: Job = { id: server.nextJob++, from, call: msg.call, attempt: msg.attempt, arrivedAt: ctx.now, deadline: msg.deadline, startedAt: -1, depCall: null, timer: null };
  if (server.busyCount < server.workers && queueLength(server) === 0) { startJob(s, server, job, ctx); return; }
  if (server.queueLimit > 0 && queueLength(server) >= server.queueLimit) { shed(server, job, `shed: the queue is full (${server.queueLimit})`, ctx); return; }
  server.queue.push(job);
}

/** Puts a job on a worker (the caller made sure one is free), or sheds it if it waited too long. */
function startJob(s: ResilienceState, server: Server, job: Job, ctx: SystemContext): void {
  const waited = ctx.now - job.arrivedAt;
  if (server.maxQueueMs > 0 && waited > server.maxQueueMs) { shed(server, job, `shed: waited ${waited} ms in the queue`, ctx); return; }
  if (server.timeoutMs > 0 && waited >= server.timeoutMs) {
    server.totals.timedOut++;
    reply(server, job, false, `server timeout after ${waited} ms`, ctx);
    return;
  }
  job.startedAt = ctx.now;
  server.busy[job.id] = job;
  server.busyCount++;
  if (server.dependency) job.depCall = startCall(s, server.dependency, ctx, job.id);
  else work(server, job, ctx);
}

/** The job's own work on its worker: the service time, plus the spike's while it lasts. */
function work(server: Server, job: Job, ctx: SystemContext): void {
  let ms = server.jitterMs > 0 ? ctx.rng.int(Math.max(0, server.serviceMs - server.jitterMs), server.serviceMs + server.jitterMs) : server.serviceMs;
  const spike = server.spike;
  if (spike && ctx.now >= spike.from && ctx.now < spike.until) ms += spike.extraMs;
  let timedOut = false;
  if (server.timeoutMs > 0) {
    const left = job.arrivedAt + server.timeoutMs - ctx.now;
    if (ms > left) { ms = Math.max(0, left); timedOut = true; }
  }
  job.timer = ctx.setTimer(server.id, ms, timedOut ? 'server-timeout' : 'done', { job: job.id } satisfies JobTimer);
}

/** The job leaves its worker with its answer; the next queued job takes the worker. */
function release(s: ResilienceState, server: Server, job: Job, ok: boolean, why: string, ctx: SystemContext): void {
  delete server.busy[job.id];
  server.busyCount--;
  const busyMs = ctx.now - job.startedAt;
  server.totals.busyMs += busyMs;
  if (job.deadline >= 0 && ctx.now > job.deadline) {
    server.totals.wasted++;
    server.totals.wastedMs += busyMs;
    server.current.wastedMs += busyMs;
  }
  if (ok) { server.totals.served++; server.current.served++; } else server.totals.errors++;
  reply(server, job, ok, why, ctx);
  drain(s, server, ctx);
}

/**
 * Free workers take queued jobs. A job can end at once (shed, or its dependency refused without a
 * fallback) and free its worker again inside this loop; the guard keeps that from nesting one loop per job.
 */
let draining = false;
function drain(s: ResilienceState, server: Server, ctx: SystemContext): void {
  if (draining) return;
  draining = true;
  try {
    while (server.busyCount < server.workers && queueLength(server) > 0) startJob(s, server, takeNext(server), ctx);
  } finally {
    draining = false;
  }
}

export function onServerTimer(s: ResilienceState, server: Server, name: string, data: JobTimer, ctx: SystemContext): void {
  const job = server.busy[data.job];
  if (!job) return;
  job.timer = null;
  if (name === 'server-timeout') { server.totals.timedOut++; release(s, server, job, false, 'server timeout', ctx); return; }
  const failed = server.errorRate > 0 && ctx.rng.chance(server.errorRate);
  release(s, server, job, !failed, failed ? 'error' : '', ctx);
}

/** The dependency call made for a job ended: on success (or a fallback) the job does its own work. */
export function dependencyDone(s: ResilienceState, node: NodeId, jobId: number, ok: boolean, why: string, ctx: SystemContext): void {
  const server = s.servers[node];
  const job = server?.busy[jobId];
  if (!server || !job) return;
  job.depCall = null;
  if (ok) work(server, job, ctx);
  else release(s, server, job, false, `dependency ${server.dependency!.pipeline.target} failed: ${why}`, ctx);
}

/** The first job waiting leaves the queue; the array drops the jobs that left once they are half of it. */
function takeNext(server: Server): Job {
  const job = server.queue[server.queueHead]!;
  server.queueHead++;
  if (server.queueHead >= 1024 && server.queueHead * 2 >= server.queue.length) {
    server.queue = server.queue.slice(server.queueHead);
    server.queueHead = 0;
  }
  return job;
}

/** A crash loses the queue and the jobs on the workers. */
export function crashServer(server: Server): void {
  server.queue = [];
  server.queueHead = 0;
  server.busy = {};
  server.busyCount = 0;
}
