// Time travel: going back restores the newest snapshot before the target and replays the input log and
// the events from there (history.ts keeps both). The replay reproduces the run exactly, so the trace and
// its hash come out the same; acting in the past forks the run (inputs.ts).
import type { Time } from './types.ts';
import type { SimState } from './state.ts';
import { replaceState, type SimCore } from './sim-core.ts';
import { refreshChecks } from './contexts.ts';
import { advance, runUntil } from './event-loop.ts';

/** Moves to time `t`: back by a restore and replay, forward by running (from a later snapshot if one is nearer). */
export function seek(core: SimCore, t: Time): void {
  const target = Math.max(0, Math.floor(t));
  const history = core.history;
  // The newest snapshot at or before the target, if it is behind us or ahead of us on the way there.
  const snap = history.latestWhere((s) => s.now <= target);
  if (target < core.st.now || history.isAfter(snap, core.st)) restore(core, snap);
  runUntil(core, target);
}

/** Goes back one event. */
export function stepBack(core: SimCore): void {
  if (core.st.eventCount === 0) return;
  const target = core.st.eventCount - 1;
  restore(core, core.history.latestWhere((s) => s.eventCount <= target));
  advance(core, target, Number.POSITIVE_INFINITY);
}

/** Advances to exactly `eventCount` events and time `now`: where a recorded input was applied. */
export function advanceTo(core: SimCore, eventCount: number, now: Time): void {
  advance(core, eventCount, now);
  core.st.now = Math.max(core.st.now, now);
  core.history.noteReached(core.st);
}

function restore(core: SimCore, snap: { state: SimState }): void {
  core.current = undefined;
  replaceState(core, snap.state);
  refreshChecks(core);
}
