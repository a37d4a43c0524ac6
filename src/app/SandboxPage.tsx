// The sandbox: build a topology with the form (or write any scenario by hand), run it with a seed in the
// same lab as the lessons, and share the moment by link (src/app/sandbox/share-link.ts).
import { useEffect, useRef, useState } from 'react';
import { lessonStore, useLesson } from '../store/lesson-store.ts';
import { labStore } from '../store/lab-store.ts';
import { loadScenario, resetRun } from './controller.ts';
import { Header } from './Header.tsx';
import { LabLayout } from './LabLayout.tsx';
import { go } from './routes.ts';
import { Builder } from './sandbox/Builder.tsx';
import { builderStore, DEFAULT_SEED, setTopology, switchKind, useBuilder } from './sandbox/builder-store.ts';
import { restoreSandboxLink } from './sandbox/share-link.ts';
import { validateTopology } from './sandbox/validate.ts';
import type { SandboxKind, Topology } from './sandbox/model.ts';
import './sandbox/builder.css';

export function SandboxPage({ share }: { share?: string }) {
  const scenario = useLesson((s) => s.scenario);
  const topology = useBuilder((s) => s.topology);
  const generated = useBuilder((s) => s.generated);
  const [text, setText] = useState(scenario.text || generated);
  const [seed, setSeed] = useState(String(scenario.text ? scenario.seed : DEFAULT_SEED));
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    if (share !== undefined) {
      restoreSandboxLink(share);
      go('#/sandbox', true);
      return;
    }
    // Coming from a lesson or opened fresh: load the editor's scenario (the test hook may have loaded one already).
    const s = lessonStore.getState();
    if (s.key !== null || !s.scenario.text) loadScenario(s.scenario.text || builderStore.getState().generated, s.scenario.text ? s.scenario.seed : DEFAULT_SEED);
  }, [share]);
  useEffect(() => { setText(scenario.text); setSeed(String(scenario.seed)); }, [scenario]);

  const problems = validateTopology(topology);
  const seedOk = /^\d{1,9}$/.test(seed);
  // The builder rewrites the text only while the text is still what it last wrote: hand edits stay.
  const follow = (next: string, before: string) => { if (textRef.current === before || textRef.current.trim() === '') setText(next); };
  const onTopology = (t: Topology) => { const before = builderStore.getState().generated; follow(setTopology(t), before); };
  const onKind = (k: SandboxKind) => { const before = builderStore.getState().generated; follow(switchKind(k), before); };
  const run = (scenarioText = text) => {
    loadScenario(scenarioText, Number(seedOk ? seed : DEFAULT_SEED));
    if (!/^\s*run\b/m.test(scenarioText)) labStore.getState().play();
  };
  const onPreset = (t: Topology) => {
    setTopology(t);
    const next = builderStore.getState().generated;
    setText(next);
    run(next);
  };
  const stale = text !== scenario.text;

  const status = problems.length
    ? <p className="sb-status bad" role="status"><span aria-hidden="true">✗ </span>The builder has {problems.length === 1 ? 'a problem' : `${problems.length} problems`} (marked above), so the text below keeps the builder&apos;s last good version.</p>
    : text === generated
      ? <p className="sb-status ok" role="status"><span aria-hidden="true">✓ </span>The text below is what the builder wrote; change either one.</p>
      : (
        <div className="sb-status warn" role="status" data-testid="text-edited">
          <span><span aria-hidden="true">✎ </span>The text no longer matches the builder (it was edited by hand or loaded from elsewhere). Running uses the text.</span>
          <button type="button" className="btn small" onClick={() => setText(generated)}>Replace the text with the builder&apos;s version</button>
        </div>
      );

  const editor = (
    <aside className="narration sandbox-editor" aria-label="Scenario">
      <div className="narration-body" tabIndex={0} role="region" aria-label="Scenario editor">
        <h2 className="step-title">Your scenario</h2>
        <p className="muted">Build a topology below, or write commands by hand (see the <a href="#/reference">language reference</a>). Running starts a fresh run with the seed.</p>
        <Builder topology={topology} problems={problems} onChange={onTopology} onKind={onKind} onPreset={onPreset} />
        {status}
        <label className="field">
          <span>Scenario text</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={14} spellCheck={false} data-testid="scenario-text" />
        </label>
        <label className="field inline">
          <span>Seed</span>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" aria-invalid={!seedOk} size={8}
            aria-describedby={seedOk ? undefined : 'sb-seed-err'} />
        </label>
        {!seedOk ? <p className="result bad" id="sb-seed-err">The seed must be a whole number.</p> : null}
        {scenario.errors.length ? (
          <div className="result bad" role="alert">
            <strong>✗ Some lines failed:</strong>
            <ul>{scenario.errors.map((e, k) => <li key={k}>{e}</li>)}</ul>
          </div>
        ) : null}
      </div>
      <div className="narration-foot">
        <button type="button" id="sb-run" className="btn primary" disabled={!seedOk} onClick={() => run()}>Run scenario</button>
        <span className="sb-foot-note" role="status">{stale ? 'The text changed since it last ran.' : 'Running this text.'}</span>
      </div>
    </aside>
  );
  return (
    <div className="sandbox-page">
      <Header title="Sandbox" lab />
      <LabLayout narration={editor} onReset={resetRun} />
    </div>
  );
}
