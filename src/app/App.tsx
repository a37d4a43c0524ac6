// The app shell: hash routing, the pages loaded as they are visited, the shortcut list and notices. The home
// page needs only this shell; the lesson and sandbox pages load the lab (lab.tsx: the engine, the stage and
// the test hook) and a lesson page its own lesson's text, so each page fetches only what it uses.
import { lazy, Suspense, use, useEffect, useState, type ReactNode } from 'react';
import { lessonStore, showShortcuts } from '../store/lesson-store.ts';
import { ShortcutsDialog } from '../views/panels/ShortcutsDialog.tsx';
import { findEntry, outlineOf } from './catalog-api.ts';
import { loadSystemViews } from '../views/load.ts';
import { parseRoute, type Route } from './routes.ts';
import { HomePage } from './HomePage.tsx';
import { SiteHeader, NoticeBanner } from './SiteHeader.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

const loadLab = () => import('./lab.tsx');
// A lab page's module comes with the lab (its watchers and test hook are in place before the page renders).
const loadLessonPage = () => Promise.all([loadLab(), import('./LessonPage.tsx')]).then(([, m]) => m);
const loadSandboxPage = () => Promise.all([loadLab(), import('./SandboxPage.tsx')]).then(([, m]) => m);
const LessonPage = lazy(() => loadLessonPage().then((m) => ({ default: m.LessonPage })));
const SandboxPage = lazy(() => loadSandboxPage().then((m) => ({ default: m.SandboxPage })));
const LabRuntime = lazy(() => loadLab().then((m) => ({ default: m.LabRuntime })));
const InstallTestHook = lazy(() => loadLab().then((m) => ({ default: m.InstallTestHook })));
const ReferencePage = lazy(() => import('./ReferencePage.tsx').then((m) => ({ default: m.ReferencePage })));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Shown while a page's code (and a lesson's text) loads: the page's frame, so nothing jumps. */
function Loading({ title }: { title: string }) {
  return <><SiteHeader title={title} /><main className="problem" id="main" tabIndex={-1}><p className="muted">Loading…</p></main></>;
}

const preparing = new Map<string, Promise<string | null>>();

/** Everything a lesson page needs before it shows, fetched at once: its lesson (parsed at build time), its
 *  systems' views (so its first picture is the lesson's own) and the page's code. Resolves to null, or to
 *  what failed (kept: the page says to reload). */
function prepareLesson(key: string): Promise<string | null> {
  let p = preparing.get(key);
  if (!p) {
    const entry = findEntry(key);
    const systems = entry ? outlineOf(entry)?.systems ?? [] : [];
    p = Promise.all([entry?.fetch(), loadSystemViews(systems), loadLessonPage()]).then(() => null,
      (e: unknown) => `The lesson could not be loaded (${(e as Error).message}). Check the connection and reload the page.`);
    preparing.set(key, p);
  }
  return p;
}

/** A lesson page suspends (the loading frame shows) until its lesson is prepared. */
function LessonRoute({ route }: { route: Extract<Route, { page: 'lesson' }> }) {
  const failed = use(prepareLesson(route.key));
  if (failed) return <><SiteHeader title="Lesson" /><main className="problem" id="main" tabIndex={-1}><h2>This lesson did not load</h2><p>{failed}</p></main></>;
  return (
    <LessonPage routeKey={route.key} step={route.step} {...(route.share !== undefined ? { share: route.share } : {})}
      {...(route.badStep !== undefined ? { badStep: route.badStep } : {})} />
  );
}

export function App() {
  const route = useRoute();
  const lab = route.page === 'lesson' || route.page === 'sandbox';
  // Start fetching the page's code at once, not when the page first renders.
  if (route.page === 'lesson') void prepareLesson(route.key);
  if (route.page === 'sandbox') void loadSandboxPage();

  useEffect(() => {
    // On pages without the lab only `?` (the shortcut list) means something; lab pages add the rest (lab.tsx).
    const onKey = (e: KeyboardEvent) => {
      const page = parseRoute(location.hash).page;
      if (page === 'lesson' || page === 'sandbox' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?' && lessonStore.getState().letterKeys && !(e.target instanceof HTMLInputElement)) showShortcuts(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const titles: Record<Route['page'], string> = { home: 'Townboard', lesson: 'Townboard lesson', sandbox: 'Townboard sandbox', reference: 'Townboard language reference', missing: 'Townboard: page not found' };
    if (route.page !== 'lesson') document.title = titles[route.page];
  }, [route.page]);

  let page: ReactNode;
  if (route.page === 'home') page = <><SiteHeader title="" /><NoticeBanner /><HomePage /></>;
  else if (route.page === 'lesson') page = <><NoticeBannerSlot /><LessonRoute route={route} /></>;
  else if (route.page === 'sandbox') page = <><NoticeBannerSlot /><SandboxPage {...(route.share !== undefined ? { share: route.share } : {})} /></>;
  else if (route.page === 'reference') page = <ReferencePage />;
  else {
    page = (
      <>
        <SiteHeader title="Page not found" />
        <main className="problem" id="main" tabIndex={-1}><h2>There is no page here</h2><p>The address <code>#{route.path}</code> does not match any page.</p><p><a className="btn" href="#/">Back to all lessons</a></p></main>
      </>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to the main content</a>
      <ErrorBoundary key={location.hash.split('?')[0]} name="page">
        <Suspense fallback={<Loading title={route.page === 'reference' ? 'Scenario language reference' : ''} />}>
          {page}
          {lab ? <InstallTestHook /> : null}
        </Suspense>
      </ErrorBoundary>
      <ShortcutsDialog />
      {/* Keyed by page: leaving a lab page stops playback (its cleanup), so nothing runs unseen. */}
      {lab ? <Suspense fallback={null}><LabRuntime key={route.page} /></Suspense> : null}
    </div>
  );
}

function NoticeBannerSlot() {
  return <div className="notice-slot"><NoticeBanner /></div>;
}
