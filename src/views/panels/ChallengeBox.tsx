// A challenge: a goal checked against the sim (it turns solved the moment it holds), a hint, a solution.
import { lessonStore, useLesson } from '../../store/lesson-store.ts';
import { checkChallenge, runSolution } from '../../app/controller.ts';
import type { Challenge } from '../../app/lessons-api.ts';
import { Markdown } from './Markdown.tsx';

export function ChallengeBox({ challenge, onOpenConsole }: { challenge: Challenge; onOpenConsole: () => void }) {
  const state = useLesson((s) => s.challenge);
  const set = (patch: Partial<typeof state>) => lessonStore.setState({ challenge: { ...state, ...patch } });
  return (
    <section className={`card challenge${state.solved ? ' solved' : ''}`} aria-labelledby="challenge-title" data-testid="challenge">
      <h3 id="challenge-title" className="card-title"><span className="badge" aria-hidden="true">★</span> Challenge</h3>
      <Markdown text={challenge.description} />
      <p className="goal-label">Goal</p>
      <pre className="goal-code"><code>{challenge.goal.split(/\s+(?=and\b|or\b)/).join('\n')}</code></pre>
      <p className={`result ${state.solved ? 'ok' : 'pending'}`} role="status" data-testid="challenge-status">
        {state.solved ? '✓ Solved: the goal holds.' : '○ Not solved yet: use the console to change the scenario.'}
      </p>
      <div className="row wrap">
        <button type="button" className="btn" onClick={onOpenConsole}>Open the console</button>
        <button type="button" className="btn" onClick={() => checkChallenge()}>Check now</button>
        <button type="button" className="btn ghost" aria-expanded={state.hintShown} onClick={() => set({ hintShown: !state.hintShown })}>
          {state.hintShown ? 'Hide hint' : 'Show a hint'}
        </button>
        <button type="button" className="btn ghost" aria-expanded={state.solutionShown} onClick={() => set({ solutionShown: !state.solutionShown })}>
          {state.solutionShown ? 'Hide solution' : 'Show the solution'}
        </button>
      </div>
      {state.hintShown ? <div className="hint"><Markdown text={challenge.hint} /></div> : null}
      {state.solutionShown ? (
        <div className="solution">
          <pre><code>{challenge.solution.join('\n')}</code></pre>
          <button type="button" className="btn" onClick={runSolution}>Run the solution</button>
        </div>
      ) : null}
    </section>
  );
}
