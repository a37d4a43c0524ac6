// Progress in localStorage through src/lessons/progress.ts (versioned; damaged data is set aside with a
// notice, never a crash), plus the one preference the lab keeps: whether single-key shortcuts are on.
import { lessonStore } from '../store/lesson-store.ts';
import { labStore } from '../store/lab-store.ts';
import { browserStorage, loadProgress, saveProgress, type Progress } from './lessons-api.ts';

export function readProgress(): { progress: Progress; notice?: string } {
  const r = loadProgress(browserStorage());
  // "Cannot save in this browser" is not worth interrupting a lesson for; damaged data is.
  if (r.notice && !browserStorage()) return { progress: r.progress };
  return r;
}

/** Applies a pure update (recordStep, recordPrediction, ...) and saves it. */
export function updateProgress(change: (p: Progress) => Progress): void {
  const progress = change(lessonStore.getState().progress);
  lessonStore.setState({ progress });
  const r = saveProgress(browserStorage(), progress);
  if (!r.ok && r.notice && browserStorage()) labStore.getState().setNotice(r.notice);
}

const PREFS = 'townboard.prefs';
export function readPrefs(): { letterKeys: boolean } {
  try {
    const p: unknown = JSON.parse(browserStorage()?.getItem(PREFS) ?? '{}');
    return { letterKeys: !(typeof p === 'object' && p !== null && (p as { letterKeys?: unknown }).letterKeys === false) };
  } catch { return { letterKeys: true }; }
}
export function writePrefs(prefs: { letterKeys: boolean }): void {
  try { browserStorage()?.setItem(PREFS, JSON.stringify(prefs)); } catch { /* not kept */ }
}
