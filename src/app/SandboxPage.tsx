// The sandbox: any scenario (a .lab file's text) with a seed, run in the same lab as the lessons.
import { useEffect, useState } from 'react';
import { lessonStore, useLesson } from '../store/lesson-store.ts';
import { loadScenario, resetRun } from './controller.ts';
import { Header } from './Header.tsx';
import { LabLayout } from './LabLayout.tsx';

export const EXAMPLE_SCENARIO = `# seed: 7
# One event, four readers: call each in turn, or pin one notice on the board.
service name=app work=5ms
service name=notification work=40ms
service name=analytics work=300ms
service name=audit work=30ms
service name=search work=60ms
subscribe service=notification topic=TaskCreated
subscribe service=analytics topic=TaskCreated
subscribe service=audit topic=TaskCreated
subscribe service=search topic=TaskCreated
fanout from=app topic=TaskCreated mode=events
`;

export function SandboxPage() {
  const scenario = useLesson((s) => s.scenario);
  const [text, setText] = useState(scenario.text || EXAMPLE_SCENARIO);
  const [seed, setSeed] = useState(String(scenario.text ? scenario.seed : 7));
  useEffect(() => {
    // Coming from a lesson or opened fresh: load the editor's scenario (the test hook may have loaded one already).
    const s = lessonStore.getState();
    if (s.key !== null || !s.scenario.text) loadScenario(s.scenario.text || EXAMPLE_SCENARIO, s.scenario.text ? s.scenario.seed : undefined);
  }, []);
  useEffect(() => { setText(scenario.text || EXAMPLE_SCENARIO); setSeed(String(scenario.seed)); }, [scenario]);
  const seedOk = /^\d{1,9}$/.test(seed);

  const editor = (
    <aside className="narration sandbox-editor" aria-label="Scenario">
      <div className="narration-body" tabIndex={0} role="region" aria-label="Scenario editor">
        <h2 className="step-title">Your scenario</h2>
        <p className="muted">One command per line (see the <a href="#/reference">language reference</a>). Running it starts a fresh town with this seed.</p>
        <label className="field">
          <span>Scenario</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} data-testid="scenario-text" />
        </label>
        <label className="field inline">
          <span>Seed</span>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" aria-invalid={!seedOk} size={8} />
        </label>
        {!seedOk ? <p className="result bad">The seed must be a whole number.</p> : null}
        {scenario.errors.length ? (
          <div className="result bad" role="alert">
            <strong>✗ Some lines failed:</strong>
            <ul>{scenario.errors.map((e, k) => <li key={k}>{e}</li>)}</ul>
          </div>
        ) : null}
      </div>
      <div className="narration-foot">
        <button type="button" className="btn primary" disabled={!seedOk} onClick={() => loadScenario(text, Number(seed))}>Run scenario</button>
      </div>
    </aside>
  );
  return (
    <>
      <Header title="Sandbox" lab />
      <LabLayout narration={editor} onReset={resetRun} />
    </>
  );
}
