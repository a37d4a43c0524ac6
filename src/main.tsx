// Entry point: styles, saved progress and preferences, then the app shell. The lab (engine, stage, test
// hook) loads with the first lesson or sandbox page (App.tsx), never on the home page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { restoreSaved } from './store/lesson-store.ts';
import { readProgress } from './app/progress.ts';
import { setNotice } from './app/notices.ts';
import './app/styles.css';

const saved = readProgress();
restoreSaved(saved.progress);
if (saved.notice) setNotice(saved.notice);

// The page's styles follow the setting at once; the lab store learns it when the lab loads (lab.tsx).
const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
const applyMotion = () => { document.documentElement.dataset.reducedMotion = motion?.matches ? 'true' : 'false'; };
applyMotion();
motion?.addEventListener?.('change', applyMotion);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
