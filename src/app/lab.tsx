// The lab: everything the lesson and sandbox pages run on top of the engine (the stores' watchers, the
// animation clock, the lab's keyboard shortcuts, the catch-up bar, the test hook). App.tsx imports this
// module dynamically, beside the page's own module (LessonPage, SandboxPage: a lesson page does not load
// the sandbox's builder), so the home page never loads it; `window.townboard` appears once it has loaded.
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
installTestHook();

function moveStep(delta: number) {
  const { key, lesson, stepIndex } = lessonStore.getState();
  if (!key || !lesson || !parseRoute(location.hash).page.startsWith('lesson')) return;
  const to = stepIndex + delta;
  if (to >= 0 && to < lesson.steps.length) go(lessonHref(key, to + 1));
}

/** Mounted while a lab page shows: the one animation clock, the lab's shortcuts, the catch-up bar. Leaving
 *  the page stops playback, so nothing runs unseen. */
export function LabRuntime() {
  useAnimationClock();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e, { nextStep: () => moveStep(1), prevStep: () => moveStep(-1) })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      labStore.getState().pause();
    };
  }, []);
  return <CatchUpBar />;
}
