// Moving the cursor in time. The views and the test hook travel through the store's jumpTo, stepN and backN,
// which call these; the typed commands `seek`, `step` and `back` move the sim through the runner, and being
// time-only they are never recorded as inputs.
import type { Sim, TraceEvent } from '../engine/core/index.ts';
import { moveTo, type Moment } from '../lessons/scene.ts';

/** Where to jump: a time in ms (every event at that time included, as `seek` does), an exact moment as
 *  recorded ({ eventCount, now }: it can lie between two events at the same ms), or the end of the event
 *  that wrote one trace entry (clicking a line of the event log). */
export type JumpTarget = number | Moment | { entry: Pick<TraceEvent, 'i' | 't'> };

const lastIndex = (events: readonly { i: number }[]) => (events.length ? events[events.length - 1]!.i : -1);

/** Whether the cursor is before the end of the run (after a seek or step back). */
export const inPast = (sim: Sim) => lastIndex(sim.trace()) < lastIndex(sim.fullTrace());

/** Where the sim stands now, as a moment a jump can return to. */
export const momentOf = (sim: Sim): Moment => ({ eventCount: sim.eventCount, now: sim.now });

export function travel(sim: Sim, to: JumpTarget): void {
  if (typeof to === 'number') sim.seek(to);
  else if ('entry' in to) moveToEntry(sim, to.entry);
  else moveTo(sim, to.eventCount, to.now);
}

/** seek(t) runs every event at time t: step back to the one that wrote this entry (or on to it). */
function moveToEntry(sim: Sim, e: Pick<TraceEvent, 'i' | 't'>): void {
  sim.seek(e.t);
  for (let guard = 0; lastIndex(sim.trace()) > e.i && sim.eventCount > 0 && guard < 200; guard++) sim.stepBack();
  for (let guard = 0; lastIndex(sim.trace()) < e.i && guard < 200; guard++) if (!sim.step()) break;
}
