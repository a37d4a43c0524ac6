// Entry point: styles, saved progress and preferences, the test hook, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { labStore } from './store/lab-store.ts';
import { lessonStore } from './store/lesson-store.ts';
import { readPrefs, readProgress } from './app/progress.ts';
import { watchChallenges, watchScene } from './app/controller.ts';
import { installTestHook } from './app/test-hook.ts';
import './app/styles.css';

const saved = readProgress();
lessonStore.setState({ progress: saved.progress, letterKeys: readPrefs().letterKeys });
if (saved.notice) labStore.getState().setNotice(saved.notice);

const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
const applyMotion = () => {
  const reduce = motion?.matches ?? false;
  labStore.getState().setReducedMotion(reduce);
  document.documentElement.dataset.reducedMotion = reduce ? 'true' : 'false';
};
applyMotion();
motion?.addEventListener?.('change', applyMotion);

watchChallenges();
watchScene();
installTestHook();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
