// The home page: the fifteen lessons with the learner's progress. Chapters not written yet show as
// "coming", never as a broken link; a lesson file with a problem says so.
import { useMemo } from 'react';
import { useLesson } from '../store/lesson-store.ts';
import { catalog, lessonKey, outlineOf } from './catalog-api.ts';
import { lessonHref } from './routes.ts';

type Status = 'ready' | 'coming' | 'broken';

export function HomePage() {
  const progress = useLesson((s) => s.progress);
  const entries = useMemo(() => catalog().map((e) => {
    // The outline, computed when the site was built: the home page loads no lesson text and no parser.
    const outline = outlineOf(e);
    const status: Status = outline === null ? 'coming' : outline.problem !== null ? 'broken' : 'ready';
    return { ...e, key: lessonKey(e), status, steps: outline?.steps ?? 0 };
  }), []);
  const done = entries.filter((e) => progress.lessons[e.key]?.done).length;
  const ready = entries.filter((e) => e.status === 'ready').length;

  return (
    <main className="home" id="main" tabIndex={-1}>
      <section className="hero">
        <h2 className="hero-title">Learn event-driven and distributed systems by running them.</h2>
        <p className="hero-text">
          A town whose buildings coordinate through a bulletin board: every notice, call, crash and lost message is
          simulated step by step, so you can pause it, rewind it, predict what happens next and check yourself.
        </p>
        <p className="hero-meta">{ready} of {entries.length || 15} lessons ready · {done} finished</p>
      </section>
      {entries.length === 0 ? <p className="muted">The lessons are not available in this build yet; the <a href="#/sandbox">sandbox</a> works.</p> : null}
      <ol className="lesson-grid" aria-label="Lessons">
        {entries.map((e) => {
          const p = progress.lessons[e.key];
          const visited = p ? p.step + 1 : 0;
          const number = String(e.chapter).padStart(2, '0');
          const state = e.status !== 'ready' ? null : p?.done ? 'done' : visited > 0 ? 'started' : 'new';
          const inner = (
            <>
              <span className="lesson-number" aria-hidden="true">{number}</span>
              <span className="lesson-text">
                <span className="lesson-title">{e.title}</span>
                <span className="lesson-summary">{e.summary}</span>
                <span className={`lesson-status status-${e.status === 'ready' ? state : e.status}`}>
                  {e.status === 'coming' ? 'Coming soon'
                    : e.status === 'broken' ? '⚠ This lesson file has a problem'
                    : state === 'done' ? '✓ Finished'
                    : state === 'started' ? `◐ Continue at step ${visited} of ${e.steps}`
                    : `${e.steps} steps`}
                </span>
                {p && (Object.keys(p.predictions).length > 0 || Object.keys(p.challenges).length > 0) ? (
                  <span className="lesson-stats">
                    {Object.values(p.predictions).filter((x) => x.correct).length} of {Object.keys(p.predictions).length} predictions right
                    · {Object.keys(p.challenges).length} challenge{Object.keys(p.challenges).length === 1 ? '' : 's'} solved
                  </span>
                ) : null}
              </span>
            </>
          );
          return (
            <li key={e.key} className={`lesson-card ${e.status}`} data-testid={`lesson-${number}`}>
              {e.status === 'coming' ? (
                <div className="lesson-link" aria-label={`Lesson ${number}: ${e.title}, coming soon`}>{inner}</div>
              ) : (
                <a className="lesson-link" href={lessonHref(e.key, state === 'started' ? visited : 1)} aria-label={`Lesson ${number}: ${e.title}`}>{inner}</a>
              )}
            </li>
          );
        })}
      </ol>
      <section className="home-extra">
        <a className="card link-card" href="#/sandbox"><strong>Sandbox</strong><span>Write your own scenario and watch it run.</span></a>
        <a className="card link-card" href="#/reference"><strong>Language reference</strong><span>Every scenario command and query, with examples.</span></a>
      </section>
    </main>
  );
}
