// The narration panel: the lesson's steps with progress, the step's text, its prediction and challenge,
// and Back / Next. Opening a step moves focus to its heading so keyboard and screen-reader users follow.
import { useEffect, useRef } from 'react';
import type { Lesson } from '../../lessons/types.ts';
import { setNarrationHidden, useLesson } from '../../store/lesson-store.ts';
import type { StepActions } from './step-actions.ts';
import { Markdown } from './Markdown.tsx';
import { PredictBox } from './PredictBox.tsx';
import { ChallengeBox } from './ChallengeBox.tsx';
import { Icon } from './Icon.tsx';

interface Props {
  lesson: Lesson;
  lessonKey: string;
  stepIndex: number;
  stepHref(index: number): string;
  onOpenConsole(): void;
  /** What the prediction and challenge boxes ask of the lesson (the app's controller). */
  actions: StepActions;
}

export function NarrationPanel({ lesson, lessonKey, stepIndex, stepHref, onOpenConsole, actions }: Props) {
  const step = lesson.steps[stepIndex];
  const progress = useLesson((s) => s.progress.lessons[lessonKey]);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const shownStep = useRef(stepIndex);
  useEffect(() => {
    if (shownStep.current === stepIndex) return;
    shownStep.current = stepIndex;
    body.current?.scrollTo?.({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [stepIndex]);
  if (!step) return null;
  const count = lesson.steps.length;
  const last = stepIndex === count - 1;
  return (
    <aside className="narration" aria-label="Lesson">
      <div className="narration-head">
        <div className="narration-top">
          <p className="eyebrow">Lesson {String(lesson.meta.chapter).padStart(2, '0')}</p>
          <button type="button" className="btn ghost small" aria-expanded={true} onClick={() => setNarrationHidden(true)}>
            Hide text
          </button>
        </div>
        <div className="progress-line">
          <span>Step {stepIndex + 1} of {count}</span>
          <div className="progress-bar" role="progressbar" aria-label="Lesson progress" aria-valuemin={0} aria-valuemax={count} aria-valuenow={stepIndex + 1}>
            <span style={{ width: `${((stepIndex + 1) / count) * 100}%` }} />
          </div>
        </div>
        <nav aria-label="Steps">
          <ol className="step-list">
            {lesson.steps.map((s, k) => {
              const seen = progress !== undefined && k <= progress.step;
              return (
                <li key={k}>
                  <a href={stepHref(k)} aria-current={k === stepIndex ? 'step' : undefined} title={s.title}
                    className={`step-dot${k === stepIndex ? ' current' : ''}${seen ? ' seen' : ''}`}>
                    <span aria-hidden="true">{seen && k !== stepIndex ? '✓' : k + 1}</span>
                    <span className="visually-hidden">Step {k + 1}: {s.title}{seen ? ' (visited)' : ''}</span>
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>
      <div className="narration-body" ref={body} tabIndex={0} role="region" aria-label="Step text">
        {stepIndex === 0 ? (
          <div className="lesson-intro">
            {lesson.intro.trim() ? <Markdown text={lesson.intro} /> : <p className="lesson-summary-text">{lesson.meta.summary}</p>}
            {lesson.meta.outcomes.length ? (
              <details className="outcomes">
                <summary>What you will be able to do</summary>
                <ul>{lesson.meta.outcomes.map((o, k) => <li key={k}>{o}</li>)}</ul>
              </details>
            ) : null}
          </div>
        ) : null}
        <h2 ref={heading} tabIndex={-1} className="step-title" data-testid="step-title">{step.title}</h2>
        <Markdown text={step.narration} />
        {step.predict ? <PredictBox key={`p${stepIndex}`} predict={step.predict} actions={actions} /> : null}
        {step.challenge ? <ChallengeBox key={`c${stepIndex}`} challenge={step.challenge} actions={actions} onOpenConsole={onOpenConsole} /> : null}
      </div>
      <div className="narration-foot">
        {stepIndex > 0 ? (
          <a className="btn" href={stepHref(stepIndex - 1)} data-testid="prev-step"><Icon name="back" /> Back</a>
        ) : <a className="btn" href="#/">All lessons</a>}
        {!last ? (
          <a className="btn primary" href={stepHref(stepIndex + 1)} data-testid="next-step">Next <Icon name="next" /></a>
        ) : <a className="btn primary" href="#/" data-testid="finish">Finish lesson</a>}
      </div>
    </aside>
  );
}
