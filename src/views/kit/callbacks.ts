// One callback per key, made once and kept: memoised children then see the same function on every render
// and skip re-rendering (a node's menu opener, a timer's ref).
import { useState } from 'react';

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
