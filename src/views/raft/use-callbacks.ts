// Hooks of the consensus pictures: one callback per key, made once and kept (memoised children then see
// the same function on every render and skip re-rendering), and how often their structure re-renders.
import { useState } from 'react';
import { useLab } from '../../store/lab-store.ts';
import { useStructureVersion } from '../shared/hooks.ts';

export function useCallbackCache<T>(make: (key: string) => T): (key: string) => T {
  const [cache] = useState(() => new Map<string, T>());
  return (key) => {
    let f = cache.get(key);
    if (f === undefined) {
      f = make(key);
      cache.set(key, f);
    }
    return f;
  };
}

/**
 * The structure version for the consensus pictures: like the other views (every 3rd frame while playing
 * fast), and every 6th at 10x and above, where thousands of messages a second are far too quick to follow
 * and re-drawing the servers and logs ten times a second already shows every change that lasts.
 */
export function useConsensusVersion(): number {
  const fast = useLab((s) => s.speed >= 10);
  return useStructureVersion(fast ? 6 : 3);
}
