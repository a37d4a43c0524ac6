// The lab page's frame, shared by lessons and the sandbox: narration (optional) beside the stage, the
// playback bar under the stage, then a dock (space-time diagram, event log, console) beside the inspector.
// In presenter and focus mode a lesson's narration becomes a caption strip and the panels wait until asked.
import { useEffect, type ReactNode } from 'react';
import {
  setCaptionOpen, setDockHidden, setNarrationHidden, showDock, stageFirst, useLesson, type DockTab,
} from '../store/lesson-store.ts';
import { PlaybackBar } from '../views/panels/PlaybackBar.tsx';
import { EventLog } from '../views/panels/EventLog.tsx';
import { Console } from '../views/panels/Console.tsx';
import { Inspector } from '../views/panels/Inspector.tsx';
import { ReferencePanel } from '../views/panels/ReferencePanel.tsx';
import { StageViews, SpaceTimePanel } from './Stage.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Icon } from '../views/panels/Icon.tsx';
import { CaptionStrip, type Caption } from './CaptionStrip.tsx';

const TABS: { id: DockTab; label: string }[] = [
  { id: 'log', label: 'Event log' },
  { id: 'spacetime', label: 'Space-time' },
  { id: 'console', label: 'Console' },
  { id: 'reference', label: 'Commands' },
];

/** Where the layout stacks (styles.css says the same). */
const NARROW = '(max-width: 900px)';
let foldedOnce = false;

interface LabLayoutProps {
  narration: ReactNode | null;
  onReset: () => void;
  /** Step navigation shown on the collapsed narration rail (lesson pages). */
  rail?: { label: string; prevHref: string | null; nextHref: string | null };
  /** The step's title and short line for presenter and focus mode (lesson pages). */
  caption?: Caption;
}

export function LabLayout({ narration, onReset, rail, caption }: LabLayoutProps) {
  const dock = useLesson((s) => s.dock);
  const presenter = useLesson((s) => s.presenter);
  const focus = useLesson((s) => s.focus);
  const narrationHidden = useLesson((s) => s.narrationHidden);
  const dockHidden = useLesson((s) => s.dockHidden);
  const first = stageFirst({ presenter, focus });
  useEffect(() => { document.documentElement.dataset.presenter = presenter ? 'true' : 'false'; }, [presenter]);
  // A page opens with its text folded (the full text open on the sandbox is not the lesson's). On a phone
  // or a tablet held upright the step's text follows the stage, so the panels start folded under the
  // playback bar instead of standing between the two.
  // Folded once: a learner who opens them keeps them open from step to step (each step mounts the page anew).
  useEffect(() => {
    const narrow = !foldedOnce && typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches;
    if (narrow) foldedOnce = true;
    setCaptionOpen(false);
    if (narrow) setDockHidden(true);
  }, []);
  // Presenter and focus mode: the step's text is a strip (over the stage in focus mode), the stage takes the rest.
  const strip = first && narration && caption ? <CaptionStrip caption={caption} overlay={focus} full={narration} /> : null;
  // Without a caption (the sandbox's editor) the text folds to the rail and opens over the stage.
  const folded = first && narration !== null && !caption;
  const captionOpen = useLesson((s) => s.captionOpen);
  const mode = strip ? ' stage-first' : folded || (narration && narrationHidden) ? ' narration-hidden' : narration ? ' with-narration' : '';
  return (
    <div className={`lab${mode}${focus ? ' focus' : ''}`}>
      {strip ?? (folded ? (
        <>
          <nav className="narration-rail" aria-label="Text">
            <button type="button" className="btn" aria-expanded={captionOpen} aria-controls="caption-full" data-testid="folded-text"
              onClick={() => setCaptionOpen(!captionOpen)}>
              {captionOpen ? 'Hide text' : 'Show text'}
            </button>
          </nav>
          {captionOpen ? <div className="caption-full beside" id="caption-full">{narration}</div> : null}
        </>
      ) : narration && narrationHidden ? (
        <nav className="narration-rail" aria-label="Lesson steps">
          <button type="button" className="btn" onClick={() => setNarrationHidden(false)} aria-expanded={false}>
            Show text
          </button>
          {rail ? (
            <>
              <span className="rail-label">{rail.label}</span>
              {rail.prevHref ? <a className="btn icon-btn" href={rail.prevHref} aria-label="Previous step"><Icon name="back" /></a> : null}
              {rail.nextHref ? <a className="btn icon-btn" href={rail.nextHref} aria-label="Next step"><Icon name="next" /></a> : null}
            </>
          ) : null}
        </nav>
      ) : narration)}
      <main className={`lab-main${dockHidden ? ' dock-hidden' : ''}`} id="main" tabIndex={-1}>
        <StageViews switchElsewhere={strip !== null} />
        <ErrorBoundary name="playback bar"><PlaybackBar onReset={onReset} /></ErrorBoundary>
        <div className="dock">
          <div className="dock-tabs-area">
            <div className="tabs-row">
              <div className="tabs" role="tablist" aria-label="Panels">
                {TABS.map((t) => (
                  <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={dock === t.id} aria-controls={`panel-${t.id}`}
                    className={`tab${dock === t.id ? ' active' : ''}`} onClick={() => showDock(t.id)}>
                    {t.label}
                  </button>
                ))}
              </div>
              <button type="button" className="btn ghost small dock-toggle" aria-expanded={!dockHidden} data-testid="dock-toggle"
                onClick={() => setDockHidden(!dockHidden)}>
                {dockHidden ? 'Show panels' : 'Hide panels'}
              </button>
            </div>
            {TABS.map((t) => (
              <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={dock !== t.id} className="tab-panel">
                <ErrorBoundary name={t.label.toLowerCase()}>
                {t.id === 'log' ? <EventLog active={dock === 'log' && !dockHidden} />
                  : t.id === 'spacetime' ? (dock === 'spacetime' ? <SpaceTimePanel /> : null)
                  : t.id === 'console' ? <Console />
                  : dock === 'reference' ? <div className="reference-dock" tabIndex={0} role="region" aria-label="Command reference"><ReferencePanel /></div> : null}
                </ErrorBoundary>
              </div>
            ))}
          </div>
          <ErrorBoundary name="inspector"><Inspector /></ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
