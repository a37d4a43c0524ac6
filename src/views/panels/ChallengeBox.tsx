// A challenge: a goal checked against the sim (it turns solved the moment it holds), a hint ladder (a nudge,
// then the idea, then the first commands of the reference solution, one rung per click), the solution.
import { useRef } from 'react';
import { updateChallenge, useLesson } from '../../store/lesson-store.ts';
import { hintLadder } from '../../lessons/hints.ts';
import type { Challenge } from '../../lessons/types.ts';
import type { StepActions } from './step-actions.ts';
import { Markdown } from './Markdown.tsx';

export function ChallengeBox({ challenge, actions, onOpenConsole }: { challenge: Challenge; actions: StepActions; onOpenConsole: () => void }) {
  const state = useLesson((s) => s.challenge);
  const ladder = hintLadder(challenge);
  const shown = Math.min(state.hints, ladder.length);
  // Commands typed now would act on the run's end, not where the goal is set (and checked) from.
  const waiting = !state.solved && state.afterPrediction === true;
  // The restart button goes once pressed: the focus moves on to the console's button, not back to the page top.
  const consoleButton = useRef<HTMLButtonElement>(null);
  const restart = () => { actions.restartChallenge(); consoleButton.current?.focus(); };
  return (
    <section className={`card challenge${state.solved ? ' solved' : ''}`} aria-labelledby="challenge-title" data-testid="challenge">
      <h3 id="challenge-title" className="card-title"><span className="badge" aria-hidden="true">★</span> Challenge</h3>
      <Markdown text={challenge.description} />
      <p className="goal-label">Goal</p>
      <pre className="goal-code"><code>{challenge.goal.split(/\s+(?=and\b|or\b)/).join('\n')}</code></pre>
      <p className={`result ${state.solved ? 'ok' : 'pending'}`} role="status" data-testid="challenge-status">
        {state.solved ? '✓ Solved: the goal holds.'
          : waiting ? '○ Not started: the prediction\'s run has moved the town on, and the challenge starts from the step\'s beginning.'
            : '○ Not solved yet: use the console to change the scenario.'}
      </p>
      {waiting ? (
        <div className="row wrap">
          <button type="button" className="btn primary" data-testid="challenge-restart" onClick={restart}>
            {'Start the challenge from the step\'s beginning'}
          </button>
          <span className="muted small">Your prediction and its verdict stay; &ldquo;Replay the run&rdquo; shows the run again.</span>
        </div>
      ) : null}
      <div className="row wrap">
        <button ref={consoleButton} type="button" className="btn" onClick={onOpenConsole}>Open the console</button>
        <button type="button" className="btn" onClick={() => actions.checkChallenge()}>Check now</button>
        {shown < ladder.length ? (
          <button type="button" className="btn ghost" data-testid="next-hint" onClick={actions.showNextHint}>
            {shown === 0 ? 'Show a hint' : `Another hint (${shown + 1} of ${ladder.length})`}
          </button>
        ) : null}
        <button type="button" className="btn ghost" aria-expanded={state.solutionShown} onClick={() => updateChallenge({ solutionShown: !state.solutionShown })}>
          {state.solutionShown ? 'Hide solution' : 'Show the solution'}
        </button>
      </div>
      {shown > 0 ? (
        <ol className="hint-ladder" aria-label="Hints" data-testid="hints">
          {ladder.slice(0, shown).map((rung, i) => (
            <li key={i} className="hint"><span className="hint-rung">Hint {i + 1} of {ladder.length}</span><Markdown text={rung} /></li>
          ))}
        </ol>
      ) : null}
      {state.solutionShown ? (
        <div className="solution">
          <pre><code>{challenge.solution.join('\n')}</code></pre>
          <button type="button" className="btn" onClick={actions.runSolution}>Run the solution</button>
        </div>
      ) : null}
    </section>
  );
}
