// A prediction: choose, lock it in, then the sim runs and says which choice came true and why.
import { useEffect, useRef } from 'react';
import { lessonStore, useLesson } from '../../store/lesson-store.ts';
import { lockPrediction } from '../../app/controller.ts';
import type { Predict } from '../../app/lessons-api.ts';
import { Markdown } from './Markdown.tsx';
import { renderInline } from '../../app/markdown.ts';

export function PredictBox({ predict }: { predict: Predict }) {
  const state = useLesson((s) => s.predict);
  const { choice, locked, correctIndex, error } = state;
  const right = locked && correctIndex !== null && choice === correctIndex;
  const result = useRef<HTMLDivElement>(null);
  // Once the sim has answered, bring the answer into view (the narration scrolls; the page does not).
  useEffect(() => { if (locked) result.current?.scrollIntoView?.({ block: 'nearest' }); }, [locked]);
  return (
    <section className="card predict" aria-labelledby="predict-title" data-testid="predict">
      <h3 id="predict-title" className="card-title"><span className="badge" aria-hidden="true">?</span> Predict</h3>
      <fieldset disabled={locked}>
        <legend className="predict-question" dangerouslySetInnerHTML={{ __html: renderInline(predict.question) }} />
        {predict.choices.map((c, k) => {
          const outcome = !locked || correctIndex === null ? '' : k === correctIndex ? ' correct' : k === choice ? ' wrong' : '';
          return (
            <label key={k} className={`choice${outcome}`}>
              <input type="radio" name="predict" checked={choice === k} onChange={() => lessonStore.setState({ predict: { ...state, choice: k } })} />
              <span className="choice-text">
                <span dangerouslySetInnerHTML={{ __html: renderInline(c.text) }} />
                {outcome === ' correct' ? <span className="tag ok">✓ what happened{k === choice ? ' (your guess)' : ''}</span> : null}
                {outcome === ' wrong' ? <span className="tag bad">✗ your guess</span> : null}
              </span>
            </label>
          );
        })}
      </fieldset>
      {!locked ? (
        <button type="button" className="btn primary" disabled={choice === null} onClick={lockPrediction}>
          Lock in my answer and run
        </button>
      ) : error ? (
        <p className="result bad" role="status">The simulation could not check this prediction: {error}</p>
      ) : (
        <div ref={result} className={`result ${right ? 'ok' : 'bad'}`} role="status" data-testid="predict-result">
          <p><strong>{right ? '✓ Your prediction held.' : '✗ Not this time.'}</strong> {correctIndex === null ? 'None of the choices came true in this run.' : null}</p>
          {state.restarted ? <p className="muted small">The step started again from its beginning so the answer is checked from the same start for everyone.</p> : null}
          <Markdown text={predict.explain} />
        </div>
      )}
    </section>
  );
}
