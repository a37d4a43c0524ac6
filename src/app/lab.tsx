// The lab: everything the lesson and sandbox pages run on top of the engine (the stores' watchers, the
// animation clock, the lab's keyboard shortcuts, the catch-up bar, the test hook). App.tsx imports this
// module dynamically, beside the page's own module (LessonPage, SandboxPage: a lesson page does not load
// the sandbox's builder), so the home page never loads it. `window.townboard` appears once a lab page has
// opened (InstallTestHook), so a test that waits for it finds the lesson or scenario in place.
import { useEffect } from 'react';
import { labStore } from '../store/lab-store.ts';
import { lessonStore } from '../store/lesson-store.ts';
import { useAnimationClock } from '../views/useAnimationClock.ts';
import { handleShortcut } from '../views/panels/shortcuts.ts';
import { CatchUpBar } from '../views/panels/CatchUpBar.tsx';
import { watchChallenges, watchScene } from './controller.ts';
import { installTestHook } from './test-hook.ts';
import { connectLabNotices } from './notices.ts';
import { go, lessonHref, parseRoute } from './routes.ts';

connectLabNotices({
  get: () => labStore.getState().notice,
  set: (text) => labStore.getState().setNotice(text),
  subscribe: (listener) => labStore.subscribe((s, prev) => { if (s.notice !== prev.notice) listener(); }),
});
const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
const applyMotion = () => labStore.getState().setReducedMotion(motion?.matches ?? false);
applyMotion();
motion?.addEventListener?.('change', applyMotion);
watchChallenges();
watchScene();

/** Rendered after a lab page in the same commit: its effect runs once the page's own have (a lesson's
 *  step is open, the sandbox's scenario loaded), and only then is the test hook installed. */
export function InstallTestHook() {
  useEffect(() => { installTestHook(); }, []);
  return null;
}

function moveStep(delta: number) {
  const { key, lesson, stepIndex } = lessonStore.getState();
  if (!key || !lesson || !parseRoute(location.hash).page.startsWith('lesson')) return;
  const to = stepIndex + delta;
  if (to >= 0 && to < lesson.steps.length) go(lessonHref(key, to + 1));
}

/** Runtimes mounted now: a lab page left for another lab page mounts the next before the pause below looks. */
let runtimes = 0;

/** Mounted while a lab page shows: the one animation clock, the lab's shortcuts, the catch-up bar. Leaving
 *  the page stops playback, so nothing runs unseen; a runtime unmounted and mounted again at once (React's
 *  StrictMode checks in development) does not, so a run that starts playing as the page opens (a link
 *  copied while a prediction's run played) keeps playing. */
export function LabRuntime() {
  useAnimationClock();
  useEffect(() => {
    runtimes++;
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e, { nextStep: () => moveStep(1), prevStep: () => moveStep(-1) })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      runtimes--;
      window.removeEventListener('keydown', onKey);
      queueMicrotask(() => { if (runtimes === 0) labStore.getState().pause(); });
    };
  }, []);
  return <CatchUpBar />;
}
