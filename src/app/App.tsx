// The app shell: hash routing, the one animation clock, global shortcuts, notices and the shortcut list.
import { useEffect, useState } from 'react';
import { labStore } from '../store/lab-store.ts';
import { lessonStore } from '../store/lesson-store.ts';
import { useAnimationClock } from '../views/useAnimationClock.ts';
import { handleShortcut } from '../views/panels/shortcuts.ts';
import { ShortcutsDialog } from '../views/panels/ShortcutsDialog.tsx';
import { CatchUpBar } from '../views/panels/CatchUpBar.tsx';
import { parseRoute, go, lessonHref, type Route } from './routes.ts';
import { HomePage } from './HomePage.tsx';
import { LessonPage } from './LessonPage.tsx';
import { SandboxPage } from './SandboxPage.tsx';
import { ReferencePage } from './ReferencePage.tsx';
import { Header, NoticeBanner } from './Header.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

function moveStep(delta: number) {
  const { key, lesson, stepIndex } = lessonStore.getState();
  if (!key || !lesson || !parseRoute(location.hash).page.startsWith('lesson')) return;
  const to = stepIndex + delta;
  if (to >= 0 && to < lesson.steps.length) go(lessonHref(key, to + 1));
}

export function App() {
  useAnimationClock();
  const route = useRoute();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (parseRoute(location.hash).page === 'home') {
        if (e.key === '?' && lessonStore.getState().letterKeys && !(e.target instanceof HTMLInputElement)) lessonStore.setState({ shortcutsOpen: true });
        return;
      }
      if (handleShortcut(e, { nextStep: () => moveStep(1), prevStep: () => moveStep(-1) })) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Leaving a lab page stops playback, so nothing runs unseen.
  useEffect(() => { labStore.getState().pause(); }, [route.page]);

  useEffect(() => {
    const titles: Record<Route['page'], string> = { home: 'Townboard', lesson: 'Townboard lesson', sandbox: 'Townboard sandbox', reference: 'Townboard language reference', missing: 'Townboard: page not found' };
    if (route.page !== 'lesson') document.title = titles[route.page];
  }, [route.page]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to the main content</a>
      <ErrorBoundary key={location.hash.split('?')[0]} name="page">
      {route.page === 'home' ? <><Header title="" lab={false} /><NoticeBanner /><HomePage /></> : null}
      {route.page === 'lesson' ? <><NoticeBannerSlot /><LessonPage routeKey={route.key} step={route.step} {...(route.share !== undefined ? { share: route.share } : {})} {...(route.badStep !== undefined ? { badStep: route.badStep } : {})} /></> : null}
      {route.page === 'sandbox' ? <><NoticeBannerSlot /><SandboxPage {...(route.share !== undefined ? { share: route.share } : {})} /></> : null}
      {route.page === 'reference' ? <ReferencePage /> : null}
      {route.page === 'missing' ? (
        <>
          <Header title="Page not found" lab={false} />
          <main className="problem" id="main" tabIndex={-1}><h2>There is no page here</h2><p>The address <code>#{route.path}</code> does not match any page.</p><p><a className="btn" href="#/">Back to all lessons</a></p></main>
        </>
      ) : null}
      </ErrorBoundary>
      <ShortcutsDialog />
      <CatchUpBar />
    </div>
  );
}

function NoticeBannerSlot() {
  return <div className="notice-slot"><NoticeBanner /></div>;
}
