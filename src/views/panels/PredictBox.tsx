// A prediction: choose, lock it in, then watch the run play on the stage; when it reaches its end (or the
// learner skips to it) the box says which choice came true and why, and the run can be replayed.
import { useEffect, useRef } from 'react';
import { choosePrediction, useLesson } from '../../store/lesson-store.ts';
import { useLab } from '../../store/lab-store.ts';
import { formatDuration } from '../../engine/core/index.ts';
import { wallTime } from '../../lessons/scene.ts';
import type { Predict } from '../../lessons/types.ts';
import type { StepActions } from './step-actions.ts';
import { Markdown } from './Markdown.tsx';
import { renderInline } from './render-markdown.ts';
import '../scene/scene.css';

export function PredictBox({ predict, actions }: { predict: Predict; actions: StepActions }) {
  const state = useLesson((s) => s.predict);
  const { choice, correctIndex, error } = state;
  const locked = state.locked && state.revealed !== false;
  const watching = state.locked && state.revealed === false;
  const right = locked && correctIndex !== null && choice === correctIndex;
  const result = useRef<HTMLDivElement>(null);
  // Once the sim has answered, bring the answer into view (the narration scrolls; the page does not).
  const replay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!locked) return;
    result.current?.scrollIntoView?.({ block: 'nearest' });
    // The skip button that had the focus is gone: the focus goes on to "Replay the run".
    if (document.activeElement === document.body || document.activeElement === null) replay.current?.focus();
  }, [locked]);
  return (
    <section className="card predict" aria-labelledby="predict-title" data-testid="predict">
      <h3 id="predict-title" className="card-title"><span className="badge" aria-hidden="true">?</span> Predict</h3>
      <fieldset disabled={state.locked}>
        <legend className="predict-question" dangerouslySetInnerHTML={{ __html: renderInline(predict.question) }} />
        {predict.choices.map((c, k) => {
          const outcome = !locked || correctIndex === null ? '' : k === correctIndex ? ' correct' : k === choice ? ' wrong' : '';
          return (
            <label key={k} className={`choice${outcome}`}>
              <input type="radio" name="predict" checked={choice === k} onChange={() => choosePrediction(k)} />
              <span className="choice-text">
                <span dangerouslySetInnerHTML={{ __html: renderInline(c.text) }} />
                {outcome === ' correct' ? <span className="tag ok">✓ what happened{k === choice ? ' (your guess)' : ''}</span> : null}
                {outcome === ' wrong' ? <span className="tag bad">✗ your guess</span> : null}
              </span>
            </label>
          );
        })}
      </fieldset>
      {watching ? <Watching onSkip={actions.skipPrediction} /> : !locked ? (
        <button type="button" className="btn primary" disabled={choice === null} onClick={actions.lockPrediction}>
          Lock in my answer and run
        </button>
      ) : error ? (
        <p className="result bad" role="status">The simulation could not check this prediction: {error}</p>
      ) : (
        <div ref={result} className={`result ${right ? 'ok' : 'bad'}`} role="status" data-testid="predict-result">
          <p><strong>{right ? '✓ Your prediction held.' : '✗ Not this time.'}</strong> {correctIndex === null ? 'None of the choices came true in this run.' : null}</p>
          {state.restarted ? <p className="muted small">The step started again from its beginning so the answer is checked from the same start for everyone.</p> : null}
          <Markdown text={predict.explain} />
          {error ? null : (
            <button ref={replay} type="button" className="btn" onClick={actions.replayPrediction} data-testid="predict-replay">
              <span aria-hidden="true">↺</span> Replay the run
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** While the run plays: how far it has got, and the choice to skip to the verdict. */
function Watching({ onSkip }: { onSkip(): void }) {
  const box = useRef<HTMLDivElement>(null);
  const skip = useRef<HTMLButtonElement>(null);
  // The skip button must be in sight while the run plays (the narration scrolls; the page does not), and
  // takes the focus the lock button had, so the keyboard is not sent back to the top of the page.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
    if (document.activeElement === document.body || document.activeElement === null) skip.current?.focus();
  }, []);
  const now = useLab((s) => s.now);
  const scene = useLab((s) => s.scene);
  const playing = useLab((s) => s.playing);
  const from = scene?.from.now ?? 0;
  const to = scene?.to?.now ?? from;
  // How far, in time on screen (quiet stretches count as skipped), not in simulated time.
  const speed = scene?.speed ?? null;
  const whole = speed && scene ? wallTime(from, to, scene.moments, speed) : 0;
  const done = whole > 0 ? Math.min(1, Math.max(0, wallTime(from, Math.min(now, to), scene!.moments, speed!) / whole)) : 1;
  return (
    <div ref={box} className="predict-watching" data-testid="predict-watching">
      <p role="status">
        {playing ? 'Watch the stage: the run plays out, and the answer shows when it ends.' : 'The run is paused: press play to go on, or skip to the answer.'}
      </p>
      <div className="watch-row">
        <div className="watch-progress" role="progressbar" aria-label="The run so far" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(done * 100)}
          aria-valuetext={`${formatDuration(Math.max(0, now - from))} of ${formatDuration(to - from)}`}>
          <span style={{ width: `${done * 100}%` }} />
        </div>
        <button ref={skip} type="button" className="btn" onClick={onSkip} data-testid="predict-skip">Skip to the result</button>
      </div>
    </div>
  );
}
