// The lab page's frame, shared by lessons and the sandbox: narration (optional) beside the stage, the
// playback bar under the stage, then a dock (space-time diagram, event log, console) beside the inspector.
import { useEffect, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { lessonStore, useLesson, type DockTab } from '../store/lesson-store.ts';
import { PlaybackBar } from '../views/panels/PlaybackBar.tsx';
import { EventLog } from '../views/panels/EventLog.tsx';
import { Console } from '../views/panels/Console.tsx';
import { Inspector } from '../views/panels/Inspector.tsx';
import { ReferencePanel } from '../views/panels/ReferencePanel.tsx';
import { StageViews, SpaceTimePanel } from './Stage.tsx';

const TABS: { id: DockTab; label: string }[] = [
  { id: 'log', label: 'Event log' },
  { id: 'spacetime', label: 'Space-time' },
  { id: 'console', label: 'Console' },
  { id: 'reference', label: 'Commands' },
];

export function openConsole(): void {
  // Render the tab now so its input can take focus at once (no frame callback: the clock owns those).
  flushSync(() => lessonStore.setState({ dock: 'console' }));
  document.getElementById('console-input')?.focus();
}

export function LabLayout({ narration, onReset }: { narration: ReactNode | null; onReset: () => void }) {
  const dock = useLesson((s) => s.dock);
  const presenter = useLesson((s) => s.presenter);
  useEffect(() => { document.documentElement.dataset.presenter = presenter ? 'true' : 'false'; }, [presenter]);
  return (
    <div className={`lab${narration ? ' with-narration' : ''}`}>
      {narration}
      <main className="lab-main" id="main">
        <StageViews />
        <PlaybackBar onReset={onReset} />
        <div className="dock">
          <div className="dock-tabs-area">
            <div className="tabs" role="tablist" aria-label="Panels">
              {TABS.map((t) => (
                <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={dock === t.id} aria-controls={`panel-${t.id}`}
                  className={`tab${dock === t.id ? ' active' : ''}`} onClick={() => lessonStore.setState({ dock: t.id })}>
                  {t.label}
                </button>
              ))}
            </div>
            {TABS.map((t) => (
              <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={dock !== t.id} className="tab-panel">
                {t.id === 'log' ? <EventLog />
                  : t.id === 'spacetime' ? (dock === 'spacetime' ? <SpaceTimePanel /> : null)
                  : t.id === 'console' ? <Console />
                  : dock === 'reference' ? <div className="reference-dock" tabIndex={0} role="region" aria-label="Command reference"><ReferencePanel /></div> : null}
              </div>
            ))}
          </div>
          <Inspector />
        </div>
      </main>
    </div>
  );
}
