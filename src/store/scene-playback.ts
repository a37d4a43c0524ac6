// Playing a step's scene: a prediction's run plays at its pace from where it started and stops at its end
// (the page reveals the verdict there); playing from a step's start skips its quiet stretches too. Either
// way a stretch where nothing happens for long is jumped over, and a badge says how much time passed; and
// on reaching a caption's moment playback holds still long enough to read it.
import type { Sim } from '../engine/core/index.ts';
import { captionHoldMs, idleJump, type Moment, type PlacedCaption } from '../lessons/scene.ts';

export interface PlayScene {
  /** A prediction's run (from its start to its end) or playing from the step's start (no end). */
  kind: 'run' | 'free';
  from: Moment;
  /** Where a prediction's run ends: playback stops there. */
  to: Moment | null;
  /** The distinct times something happens in a prediction's run (the skipped stretches lie between). */
  moments: readonly number[];
  captions: readonly PlacedCaption[];
  /** The scene's pace, as a playback speed (null: the lesson's). */
  speed: number | null;
}

/** "⏩ 12 s later": shown for this much playing time after a quiet stretch is skipped. */
export const BADGE_WALL_MS = 1_600;

export interface SkipBadge {
  /** Simulated ms jumped over. */
  ms: number;
  /** Playing time left to show it. */
  wallLeft: number;
  /** Bumped on every skip, so the badge announces each one. */
  id: number;
}

/** Whether the cursor (the sim, or a moment) has reached or passed a moment. */
export const reached = (cursor: Moment, m: Moment) => cursor.now > m.now || (cursor.now === m.now && cursor.eventCount >= m.eventCount);

/** The first moment after `now` in a sorted list, else `end`. */
function nextMoment(moments: readonly number[], now: number, end: number): number {
  let lo = 0;
  let hi = moments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (moments[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(moments[lo] ?? end, end);
}

export interface SceneTick {
  skipped: SkipBadge | null;
  /** The run's end was reached: playback stops there. */
  atEnd: boolean;
  /** Playing time left holding still on the caption just reached. */
  hold: number;
}

/** What the tick carries from frame to frame. */
export interface SceneClock {
  badge: SkipBadge | null;
  hold: number;
  /** Whether the scene's captions still describe the run (a free scene's do not once the learner acts). */
  captions: boolean;
}

/**
 * Moves the sim `simMs` on (the playback clock's share of this frame), jumping over a quiet stretch ahead
 * and stopping at a prediction run's end. `wallMs` counts the badge down.
 */
export function advanceScene(sim: Sim, scene: PlayScene, simMs: number, speed: number, wallMs: number, clock: SceneClock): SceneTick {
  const badge = clock.badge;
  let skipped = badge && badge.wallLeft > wallMs ? { ...badge, wallLeft: badge.wallLeft - wallMs } : null;
  if (clock.hold > 0) return { skipped, atEnd: false, hold: Math.max(0, clock.hold - wallMs) };
  const end = scene.kind === 'run' && scene.to && !reached(sim, scene.to) ? scene.to : null;
  // Past the run's end, or playing from the start at the frontier, what happens next is the live queue's.
  const next = end ? nextMoment(scene.moments, sim.now, end.now) : sim.now >= sim.horizon ? sim.nextEventTime() : null;
  let target = sim.now + simMs;
  const jump = next === null ? null : idleJump(sim.now, next, speed);
  if (jump !== null && jump > target) {
    skipped = { ms: jump - sim.now, wallLeft: BADGE_WALL_MS, id: (badge?.id ?? 0) + 1 };
    target = jump;
  }
  // A caption reached on the way: stop on its moment and hold still to read it.
  const limit = end ? Math.min(target, end.now) : target;
  const caption = clock.captions ? scene.captions.find((c) => !reached(sim, c) && c.now <= limit) : undefined;
  if (caption) {
    if (caption.eventCount > 0) sim.advanceTo(caption.eventCount, caption.now);
    else sim.runUntil(caption.now);
    return { skipped, atEnd: end !== null && reached(sim, end), hold: captionHoldMs(caption.text) };
  }
  if (end && target >= end.now) {
    sim.advanceTo(end.eventCount, end.now);
    return { skipped, atEnd: true, hold: 0 };
  }
  if (simMs > 0 || target > sim.now) sim.runUntil(target);
  return { skipped, atEnd: false, hold: 0 };
}
