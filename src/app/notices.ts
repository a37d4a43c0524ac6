// The notice banner's text, readable before the lab's code has loaded: the home page shows a problem with
// saved progress without loading the lab. Once a lab page has loaded the lab (`connectLabNotices`), the lab
// store's `notice` holds the text and this module forwards to it, so every page shows the same one.
import { useSyncExternalStore } from 'react';

export interface NoticeSource {
  get(): string | null;
  set(text: string | null): void;
  subscribe(listener: () => void): () => void;
}

let early: string | null = null;
let lab: NoticeSource | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export const currentNotice = (): string | null => (lab ? lab.get() : early);

export function setNotice(text: string | null): void {
  if (lab) lab.set(text);
  else { early = text; changed(); }
}

/** Called once by the lab: a notice shown before it loaded moves to the lab store. */
export function connectLabNotices(source: NoticeSource): void {
  if (lab) return;
  lab = source;
  if (early !== null && source.get() === null) source.set(early);
  early = null;
  source.subscribe(changed);
  changed();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

export function useNotice(): string | null {
  return useSyncExternalStore(subscribe, currentNotice);
}
