// The ONE owner of requestAnimationFrame and the only code that reads the wall clock (DESIGN.md). While
// playing and visible it feeds wall time to labStore.tick; paused or hidden, no frame is requested at all,
// so the lab uses no CPU. Playback stops by itself when nothing is left to happen.
import { useEffect } from 'react';
import { labStore } from '../store/lab-store.ts';

/** Longest frame gap fed to the sim: after a stall the run resumes instead of leaping ahead. */
const MAX_FRAME_MS = 100;

export function startAnimationClock(store = labStore): () => void {
  let frame: number | null = null;
  let last: number | null = null;

  const loop = (ts: number) => {
    frame = null;
    const dt = last === null ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, ts - last));
    last = ts;
    store.getState().tick(dt);
    const { session, playing } = store.getState();
    const sim = session.sim;
    if (playing && sim.nextEventTime() === null && sim.now >= sim.horizon) store.getState().pause();
    schedule();
  };

  function schedule() {
    const running = store.getState().playing && document.visibilityState === 'visible';
    if (running && frame === null) frame = requestAnimationFrame(loop);
    if (!running) {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      last = null;
    }
  }

  const unsubscribe = store.subscribe((s, prev) => { if (s.playing !== prev.playing) schedule(); });
  document.addEventListener('visibilitychange', schedule);
  schedule();
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', schedule);
    if (frame !== null) cancelAnimationFrame(frame);
  };
}

/** Mount once at the app root. */
export function useAnimationClock(): void {
  useEffect(() => startAnimationClock(), []);
}
