// How a step's run plays on screen: its pace (a playback speed chosen so the run takes a sensible time,
// 5-30 s, whatever its simulated length), the quiet stretches skipped on the way (shown as "12 s later"),
// and where each caption of its ```scene``` block first shows. Pure: it reads a Sim and plain numbers.
import type { Sim } from '../engine/core/index.ts';
import { language } from '../script/language.ts';
import { evaluate, parseCondition } from '../script/condition.ts';
import type { SceneCaption, StepScene } from './types.ts';

/** A computed scene takes this long on screen: about 0.6 s for each moment something happens, within bounds. */
export const MIN_SCENE_WALL_MS = 5_000;
export const MAX_SCENE_WALL_MS = 30_000;
export const WALL_PER_MOMENT_MS = 600;
/** A stretch with nothing happening that would last longer than this on screen is skipped... */
export const IDLE_WALL_MS = 2_500;
/** ...up to this much before the next thing happens, so its approach is still seen. */
export const LEAD_WALL_MS = 800;
/** The playback speeds a scene may use (the speed control's range). */
const SPEED_RANGE = [0.01, 100] as const;
/** Playing from a step's start is planned over at most this many events (a step that never goes quiet keeps the lesson's speed). */
export const FREE_RUN_EVENTS = 400;
const FREE_RUN_MS = 60_000;

export interface Moment { eventCount: number; now: number }

/** A caption placed in a run: it shows once the cursor reaches (now, eventCount). */
export interface PlacedCaption extends Moment { text: string }

/** Distinct times, in order, of the trace entries from index `fromTrace` up to the cursor. */
export function runMoments(sim: Sim, fromTrace: number): number[] {
  const out: number[] = [];
  for (const e of sim.traceSince(fromTrace)) if (out[out.length - 1] !== e.t) out.push(e.t);
  return out;
}

/** Where playback jumps to from `now` when nothing happens before `next`: null when the wait is short. */
export function idleJump(now: number, next: number, speed: number): number | null {
  if ((next - now) / speed <= IDLE_WALL_MS) return null;
  return Math.max(now, Math.floor(next - speed * LEAD_WALL_MS));
}

/** Wall ms a run from `start` to `end` through `moments` takes at `speed`, quiet stretches skipped. */
export function wallTime(start: number, end: number, moments: readonly number[], speed: number): number {
  let total = 0;
  let at = start;
  const stretch = (t: number) => {
    const gap = (t - at) / speed;
    total += gap > IDLE_WALL_MS ? LEAD_WALL_MS : gap;
    at = t;
  };
  for (const t of moments) if (t > start && t < end) stretch(t);
  stretch(end);
  return total;
}

/**
 * How long a run's motion should take on screen: the author's pace, else from how many moments it has;
 * less half the pauses its captions hold for reading (`holdMs`: the scene grows a little with its
 * captions, but its motion is not rushed), though never under MIN_SCENE_WALL_MS.
 */
export function targetWall(momentCount: number, pace: number | null, holdMs = 0): number {
  const whole = pace ?? Math.min(MAX_SCENE_WALL_MS, Math.max(MIN_SCENE_WALL_MS, momentCount * WALL_PER_MOMENT_MS));
  return Math.max(Math.min(whole, MIN_SCENE_WALL_MS), whole - holdMs / 2);
}

/** Playback holds still on a caption's moment long enough to read it: about 35 ms a character, 1.5-3.5 s. */
export function captionHoldMs(text: string): number {
  return Math.min(3_500, Math.max(1_500, text.length * 35));
}

const holdsOf = (placed: readonly PlacedCaption[]) => placed.reduce((sum, c) => sum + captionHoldMs(c.text), 0);

/**
 * The playback speed at which the run takes about `wallMs` on screen (quiet stretches skipped), from a
 * log-scale sweep of the speed range: the closest, the slower one on a tie. Null when nothing happens.
 */
export function paceSpeed(start: number, end: number, moments: readonly number[], wallMs: number): number | null {
  if (end <= start) return null;
  const [lo, hi] = SPEED_RANGE;
  const steps = 400;
  let best: { speed: number; miss: number } | null = null;
  for (let k = 0; k <= steps; k++) {
    const speed = lo * (hi / lo) ** (k / steps);
    const wall = wallTime(start, end, moments, speed);
    if (wall <= 0) continue;
    const miss = Math.abs(Math.log(wall / wallMs));
    if (best === null || miss < best.miss - 1e-9) best = { speed, miss };
  }
  return best ? Number(best.speed.toPrecision(3)) : null;
}

/** A condition checker over the sim (parsed once). */
function conditionOf(text: string): (sim: Sim) => boolean {
  const cond = parseCondition(text, language.queryNames);
  return (sim) => {
    try { return evaluate(cond, (q) => sim.query(q)); } catch { return false; }
  };
}

export interface PlacedCaptions {
  placed: PlacedCaption[];
  /** Captions that never show in the run, each with why (for `npm run lab -- check`). */
  missing: { caption: SceneCaption; why: string }[];
}

/**
 * Steps the sim from where it is up to `stopAt` events (or until nothing is left), noting the first
 * moment each `when` caption holds; `at` captions show at their time when the run spans it. The sim
 * ends where the stepping stopped.
 */
export function placeCaptions(sim: Sim, captions: readonly SceneCaption[], stopAt: number): PlacedCaptions {
  const start = { eventCount: sim.eventCount, now: sim.now };
  const pending = captions.flatMap((c) => (c.when !== null ? [{ c, holds: conditionOf(c.when) }] : []));
  const found = new Map<SceneCaption, Moment>();
  const look = () => {
    for (const p of pending) if (!found.has(p.c) && p.holds(sim)) found.set(p.c, { eventCount: sim.eventCount, now: sim.now });
  };
  look();
  while (sim.eventCount < stopAt && found.size < pending.length && sim.step()) look();
  const placed: PlacedCaption[] = [];
  const missing: PlacedCaptions['missing'] = [];
  for (const c of captions) {
    if (c.at !== null) {
      if (c.at < start.now) missing.push({ caption: c, why: `its time ${c.at}ms is before the run starts (${start.now}ms)` });
      else placed.push({ eventCount: 0, now: c.at, text: c.text });
    } else {
      const m = found.get(c);
      if (m) placed.push({ ...m, text: c.text });
      else missing.push({ caption: c, why: `'${c.when}' never holds during the run` });
    }
  }
  placed.sort((a, b) => a.now - b.now || a.eventCount - b.eventCount);
  return { placed, missing };
}

/** Drops `at` captions later than the run's end, which never show, into `missing`. */
function endingAt(p: PlacedCaptions, captions: readonly SceneCaption[], end: number): PlacedCaptions {
  const late = captions.filter((c) => c.at !== null && c.at > end);
  return {
    placed: p.placed.filter((c) => !(c.eventCount === 0 && c.now > end)),
    missing: [...p.missing, ...late.map((caption) => ({ caption, why: `its time ${caption.at}ms is after the run ends (${end}ms)` }))],
  };
}

/** The caption showing at the cursor: the last one reached. */
export function captionAt(placed: readonly PlacedCaption[], cursor: Moment): PlacedCaption | null {
  let shown: PlacedCaption | null = null;
  for (const c of placed) {
    if (cursor.now > c.now || (cursor.now === c.now && cursor.eventCount >= c.eventCount)) shown = c;
  }
  return shown;
}

/** Moves the sim to exactly (eventCount, now): back through a seek and steps if that is its past, then forward. */
export function moveTo(sim: Sim, eventCount: number, now: number): void {
  if (sim.eventCount > eventCount || sim.now > now) {
    sim.seek(Math.max(0, now - 1));
    for (let guard = 0; sim.eventCount > eventCount && guard < 100_000; guard++) sim.stepBack();
  }
  sim.advanceTo(eventCount, now);
}

export interface FreeRun {
  /** The speed that paces playing from the step's start; null when the run does not go quiet (keep the lesson's). */
  speed: number | null;
  captions: PlacedCaptions;
}

/**
 * Plays a step from its start on `sim` (a throwaway session opened at the step) until nothing is left to
 * happen (at most FREE_RUN_EVENTS events, a minute of simulated time): the pace and captions of free play.
 */
export function planFreeRun(sim: Sim, scene: StepScene | undefined): FreeRun {
  const start = { eventCount: sim.eventCount, now: sim.now, trace: sim.traceLength };
  const captions = scene?.captions ?? [];
  const stopAt = start.eventCount + FREE_RUN_EVENTS;
  const placed = placeCaptions(sim, captions, stopAt);
  for (;;) {
    const next = sim.nextEventTime();
    if (next === null || sim.eventCount >= stopAt || next - start.now > FREE_RUN_MS) break;
    sim.step();
  }
  const quiet = sim.nextEventTime() === null;
  const moments = runMoments(sim, start.trace);
  const end = sim.now;
  const shown = endingAt(placed, captions, end);
  const speed = quiet || scene?.pace ? paceSpeed(start.now, end, moments, targetWall(moments.length, scene?.pace ?? null, holdsOf(shown.placed))) : null;
  return { speed, captions: shown };
}

export interface RunScene {
  from: Moment;
  to: Moment;
  /** The distinct times something happens in the run, for skipping the quiet stretches between them. */
  moments: number[];
  /** Null when no simulated time passes (there is nothing to play). */
  speed: number | null;
  captions: PlacedCaptions;
}

/**
 * The scene of a run that just happened on `sim` (a prediction's run), from `from` (with the trace
 * length there) to where the sim is now. Placing `when` captions replays the run; the sim ends where it was.
 */
export function planRun(sim: Sim, from: Moment & { trace: number }, scene: StepScene | undefined): RunScene {
  const to = { eventCount: sim.eventCount, now: sim.now };
  const moments = runMoments(sim, from.trace);
  const captions = scene?.captions ?? [];
  let placed: PlacedCaptions = { placed: [], missing: [] };
  if (captions.length) {
    moveTo(sim, from.eventCount, from.now);
    placed = placeCaptions(sim, captions, to.eventCount);
    sim.advanceTo(to.eventCount, to.now);
  }
  const shown = endingAt(placed, captions, to.now);
  const speed = paceSpeed(from.now, to.now, moments, targetWall(moments.length, scene?.pace ?? null, holdsOf(shown.placed)));
  return { from: { eventCount: from.eventCount, now: from.now }, to, moments, speed, captions: shown };
}
