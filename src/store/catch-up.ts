// Long catch-ups (opening a link, a console `run for=100000s`, a seek far ahead) run in slices: a job is a
// generator that moves the sim a bounded number of events and yields, and the lab store drives it one slice
// per macrotask, so the page keeps answering clicks, shows progress and can cancel. The engine stays
// synchronous: each slice is an ordinary call that ends at an event boundary, and the slices together reach
// exactly the state the one long call would (tests/unit/store/catch-up.test.ts compares trace hashes).
import type { Sim } from '../engine/core/index.ts';

/** Events processed per slice: a few milliseconds of work for the heaviest systems (Raft with its
 *  snapshots), so the page answers a click well within 100 ms even on a loaded machine. */
export const SLICE_EVENTS = 300;

/** Slices between two updates of the progress bar. */
const PROGRESS_EVERY = 4;

/** A job: yields between slices; returns an error sentence, or null when it reached its end. */
export type Job = Generator<void, string | null, void>;

/**
 * What `sim.runUntilTrue(pred, maxMs)` does, in slices: each slice stops at the head of the same loop the
 * kernel runs (after an event), and the next one resumes towards the same deadline. Returns whether `pred` held.
 */
export function* runUntilSliced(sim: Sim, pred: () => boolean, maxMs: number, slice = SLICE_EVENTS): Generator<void, boolean, void> {
  const deadline = sim.now + maxMs;
  for (;;) {
    let n = 0;
    let cut = false;
    const before = { events: sim.eventCount, now: sim.now };
    const held = sim.runUntilTrue(() => {
      if (pred()) return true;
      if (n++ >= slice) cut = true;
      return cut;
    }, Math.max(0, deadline - sim.now));
    if (!cut) return held;
    if (pred()) return true;
    // The budget can also run out on the kernel's last look, at the deadline: then nothing moves any more.
    if (sim.eventCount === before.events && sim.now === before.now) return false;
    yield;
  }
}

/** `sim.runFor(ms)` in slices. */
export function* runForSliced(sim: Sim, ms: number, slice = SLICE_EVENTS): Generator<void, void, void> {
  yield* runUntilSliced(sim, () => false, ms, slice);
}

/** `sim.advanceTo(eventCount, now)` in slices (only forward; going back uses snapshots and is quick). */
export function* advanceToSliced(sim: Sim, eventCount: number, now: number, slice = SLICE_EVENTS): Generator<void, void, void> {
  if (sim.eventCount < eventCount && sim.now < now) yield* runUntilSliced(sim, () => sim.eventCount >= eventCount, now - sim.now, slice);
  sim.advanceTo(eventCount, now);
}

/** `sim.seek(t)` in slices: quick through the run already computed, sliced beyond its horizon. */
export function* seekSliced(sim: Sim, t: number, slice = SLICE_EVENTS): Generator<void, void, void> {
  const target = Math.max(0, Math.floor(t));
  if (target > sim.horizon) {
    if (sim.now < sim.horizon) sim.seek(sim.horizon);
    yield* runForSliced(sim, target - sim.now, slice);
  }
  sim.seek(target);
}

/** Runs a job to its end at once (the CLI, tests, and anything without an event loop). */
export function drain<T>(job: Generator<void, T, void>): T {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
  }
}

/** What the page shows while a job runs: its label and how far it got, in simulated ms. */
export interface CatchUpProgress {
  label: string;
  done: number;
  total: number;
}

export interface CatchUpHandle { cancel(): void; readonly running: boolean }

/**
 * Drives a job one slice per macrotask. The first slice runs at once, so a short job finishes without
 * ever showing progress. `progress` is called after each slice; `end` once, with the job's result or
 * `cancelled: true`.
 */
export function driveJob(job: Job, progress: () => void, end: (r: { cancelled: boolean; error: string | null }) => void): CatchUpHandle {
  let cancelled = false;
  let running = true;
  let slices = 0;
  const finish = (r: { cancelled: boolean; error: string | null }) => { running = false; end(r); };
  const slice = () => {
    if (cancelled) return;
    let r: IteratorResult<void, string | null>;
    try {
      r = job.next();
    } catch (e) {
      finish({ cancelled: false, error: (e as Error).message });
      return;
    }
    if (r.done) { finish({ cancelled: false, error: r.value }); return; }
    // The bar moves every few slices: redrawing it is work the catch-up does not need each time.
    if (++slices % PROGRESS_EVERY === 1) progress();
    later(slice);
  };
  slice();
  return {
    cancel() {
      if (!running) return;
      cancelled = true;
      finish({ cancelled: true, error: null });
    },
    get running() { return running; },
  };
}

// A macrotask without setTimeout's 4 ms clamp once calls nest: the browser paints and handles input between.
// Made on first use, so importing this file never holds a Node process open.
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];
function later(fn: () => void): void {
  if (typeof MessageChannel === 'undefined' || typeof window === 'undefined') { setTimeout(fn, 0); return; }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  waiting.push(fn);
  channel.port2.postMessage(null);
}
