// Progress in localStorage through src/lessons/progress.ts (versioned; damaged data is set aside with a
// notice, never a crash). The one preference the lab keeps (single-key shortcuts) is src/store/prefs.ts.
import { lessonStore, setProgress } from '../store/lesson-store.ts';
// Notices through app/notices.ts, not the lab store: the home page reads and saves progress without the lab.
import { setNotice } from './notices.ts';
import { browserStorage, loadProgress, saveProgress, type Progress } from './catalog-api.ts';

export function readProgress(): { progress: Progress; notice?: string } {
  const r = loadProgress(browserStorage());
  // "Cannot save in this browser" is not worth interrupting a lesson for; damaged data is.
  if (r.notice && !browserStorage()) return { progress: r.progress };
  return r;
}

/** Applies a pure update (recordStep, recordPrediction, ...) and saves it. */
export function updateProgress(change: (p: Progress) => Progress): void {
  const progress = change(lessonStore.getState().progress);
  setProgress(progress);
  const r = saveProgress(browserStorage(), progress);
  if (!r.ok && r.notice && browserStorage()) setNotice(r.notice);
}
