// The one "re-render on version" hook: every picture and panel that redraws its structure when the run
// changes reads the store's `version` through it.
import { useEffect, useRef, useState } from 'react';
import { labStore } from '../../store/lab-store.ts';

/** Playback at this speed or faster counts as "very fast" for `useStructureVersion`'s `fastEvery`. */
export const VERY_FAST = 10;

/**
 * The store's `version`, for views that re-render their structure on it. While playback runs fast (0.5x and
 * up), events land nearly every frame; the structure then re-renders at most every `every` frames (flights
 * still move every frame through `useFrame`), and every `fastEvery` frames at 10x and above (the consensus
 * pictures pass 6: thousands of messages a second are far too quick to follow, and ten redraws a second
 * already show every change that lasts). Paused, stepping or seeking: at once.
 */
export function useStructureVersion(every = 3, fastEvery = every): number {
  const [version, setVersion] = useState(() => labStore.getState().version);
  const shown = useRef(version);
  useEffect(() => {
    let frames = 0;
    const flush = (v: number) => { frames = 0; shown.current = v; setVersion(v); };
    // The store may have moved on between the first render and this subscription.
    if (labStore.getState().version !== shown.current) flush(labStore.getState().version);
    return labStore.subscribe((s, prev) => {
      if (s.now !== prev.now) frames++;
      if (s.version === shown.current) return;
      const wait = s.speed >= VERY_FAST ? fastEvery : every;
      // Slow playback has few events and a store update only every few frames: no throttling there.
      if (!s.playing || s.speed < 0.5 || frames >= wait || s.session !== prev.session) flush(s.version);
    });
  }, [every, fastEvery]);
  return version;
}
