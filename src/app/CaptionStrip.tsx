// The step's text in a stage-first layout (presenter or focus mode): one strip with the step's title and
// a short line, Back/Next, and a button that opens the full text (prediction and challenge included)
// over the stage. The stage keeps the room; nothing of the step is out of reach.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { LessonStep } from './lessons-api.ts';
import { setCaptionOpen, useLesson } from '../store/lesson-store.ts';
import { Icon } from '../views/panels/Icon.tsx';
import { PicturePick } from './Stage.tsx';
import { skipPrediction } from './controller.ts';

export interface Caption {
  /** "3/8" */
  label: string;
  title: string;
  line: string;
  prevHref: string | null;
  nextHref: string | null;
}

/** The short line under a step's title: its question when it asks one, else its first sentence. */
export function captionLine(step: LessonStep): string {
  if (step.predict) return step.predict.question;
  if (step.challenge) return `Challenge: ${plain(step.challenge.description) || step.challenge.goal}`;
  const text = plain(step.narration);
  const first = /^(.{20,220}?[.!?])(\s|$)/.exec(text);
  return first ? first[1]! : text.length > 220 ? `${text.slice(0, 219)}…` : text;
}

/** Markdown to one line of plain text (code, emphasis and links lose their marks). */
function plain(md: string): string {
  return md.replace(/```[\s\S]*?```/g, ' ').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_>#]/g, '')
    .replace(/\s+/g, ' ').trim();
}

export function CaptionStrip({ caption, overlay, full }: { caption: Caption; overlay: boolean; full: ReactNode }) {
  const open = useLesson((s) => s.captionOpen);
  const oneOfTwo = useLesson((s) => s.oneOfTwo);
  const focus = useLesson((s) => s.focus);
  const predict = useLesson((s) => s.predict);
  // A locked-in prediction's run plays on the stage: the full text steps aside so the whole run is seen,
  // and the strip says what is happening and, at the end, whether the prediction held.
  const watching = predict.locked && predict.revealed === false;
  const answered = predict.locked && predict.revealed !== false && !predict.error;
  const held = answered && predict.correctIndex !== null && predict.choice === predict.correctIndex;
  useEffect(() => { if (watching) setCaptionOpen(false); }, [watching]);
  const toggle = () => setCaptionOpen(!open);
  const ref = useRef<HTMLElement>(null);
  // The strip's height, so the stage (focus mode) and the full text start below it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement.style;
    const ro = new ResizeObserver(() => root.setProperty('--caption-h', `${Math.ceil(el.getBoundingClientRect().height)}px`));
    ro.observe(el);
    return () => { ro.disconnect(); root.removeProperty('--caption-h'); };
  }, []);
  return (
    <>
      <section ref={ref} className={`caption-strip${overlay ? ' overlay' : ''}`} aria-label="Step" data-testid="caption-strip">
        <span className="caption-step">{caption.label}</span>
        <div className="caption-text">
          <h2 className="caption-title" data-testid="caption-title">{caption.title}</h2>
          <p className="caption-line">{caption.line}</p>
          {watching ? (
            <p className="caption-verdict" role="status">
              Your answer is locked in: watch the run. <button type="button" className="btn small" onClick={skipPrediction}>Skip to the result</button>
            </p>
          ) : answered ? (
            <p className={`caption-verdict ${held ? 'ok' : 'bad'}`} role="status" data-testid="caption-verdict">
              {held ? '✓ Your prediction held.' : '✗ Not this time.'} The full text says why.
            </p>
          ) : null}
        </div>
        <div className="caption-tools">
          {oneOfTwo ? <PicturePick focus={focus} compact /> : null}
          <button type="button" className="btn small" aria-expanded={open} aria-controls="caption-full" onClick={toggle} data-testid="caption-toggle">
            {open ? 'Close text' : 'Full text'}
          </button>
          {caption.prevHref ? <a className="btn small icon-btn" href={caption.prevHref} aria-label="Previous step"><Icon name="back" /></a> : null}
          {caption.nextHref ? <a className="btn small icon-btn" href={caption.nextHref} aria-label="Next step"><Icon name="next" /></a> : null}
        </div>
      </section>
      {open ? <div className="caption-full" id="caption-full">{full}</div> : null}
    </>
  );
}
