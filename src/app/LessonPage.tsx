// The lesson page: opens the lesson step in the URL (or restores a shared moment), then shows the
// narration beside the lab. A lesson file with a problem gets a page that says where and what.
import { useEffect, type ReactNode } from 'react';
import { lessonStore, openConsole, useLesson } from '../store/lesson-store.ts';
import { openLesson, resetRun, stepActions } from './controller.ts';
import { findEntry, lessonKey } from './lessons-api.ts';
import { go, lessonHref } from './routes.ts';
import { Header } from './Header.tsx';
import { LabLayout } from './LabLayout.tsx';
import { captionLine } from './CaptionStrip.tsx';
import { NarrationPanel } from '../views/panels/NarrationPanel.tsx';

export function LessonPage({ routeKey, step, share, badStep }: { routeKey: string; step: number; share?: string; badStep?: string }) {
  useEffect(() => {
    openLesson(routeKey, step - 1, share, badStep);
    // The address shows the step that opened (a link's, or step 1 for a step the lesson does not have).
    const { key, stepIndex, lesson } = lessonStoreSnapshot();
    if (key && lesson && (share !== undefined || badStep !== undefined || stepIndex + 1 !== step)) go(lessonHref(key, stepIndex + 1), true);
  }, [routeKey, step, share, badStep]);

  const key = useLesson((s) => s.key);
  const load = useLesson((s) => s.load);
  const lesson = useLesson((s) => s.lesson);
  const stepIndex = useLesson((s) => s.stepIndex);
  const entry = findEntry(routeKey);
  const stepTitle = lesson?.steps[stepIndex]?.title;
  useEffect(() => {
    document.title = lesson && stepTitle ? `${stepTitle} · ${lesson.meta.title} · Townboard` : 'Townboard lesson';
  }, [lesson, stepTitle]);
  const wanted = entry ? lessonKey(entry) : routeKey;

  if (!entry) return <Problem title="No such lesson" text={`There is no lesson called "${routeKey}".`} />;
  if (key !== wanted) return <Problem title="Opening…" text="Opening the lesson." />;
  if (load === null) return <Problem title={entry.title} text="This chapter is coming soon: it has not been written yet." />;
  if (!load.ok) {
    return (
      <Problem title={`${entry.title}: this lesson has a problem`} text="The lesson file could not be read, so this lesson cannot open. The rest of the lab works.">
        <p className="error-where" data-testid="lesson-error"><code>{load.file}</code>, line {load.line}: {load.message}</p>
      </Problem>
    );
  }
  if (!lesson) return null;
  const number = String(lesson.meta.chapter).padStart(2, '0');
  return (
    <>
      <Header title={`${number} · ${lesson.meta.title}`} lab />
      <LabLayout
        onReset={resetRun}
        rail={{
          label: `${stepIndex + 1}/${lesson.steps.length}`,
          prevHref: stepIndex > 0 ? lessonHref(wanted, stepIndex) : null,
          nextHref: stepIndex < lesson.steps.length - 1 ? lessonHref(wanted, stepIndex + 2) : null,
        }}
        caption={{
          label: `${stepIndex + 1}/${lesson.steps.length}`, title: lesson.steps[stepIndex]!.title, line: captionLine(lesson.steps[stepIndex]!),
          prevHref: stepIndex > 0 ? lessonHref(wanted, stepIndex) : null,
          nextHref: stepIndex < lesson.steps.length - 1 ? lessonHref(wanted, stepIndex + 2) : null,
        }}
        narration={<NarrationPanel lesson={lesson} lessonKey={wanted} stepIndex={stepIndex} stepHref={(k) => lessonHref(wanted, k + 1)} onOpenConsole={openConsole} actions={stepActions} />}
      />
    </>
  );
}

const lessonStoreSnapshot = () => lessonStore.getState();

function Problem({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <>
      <Header title={title} lab={false} />
      <main className="problem" id="main" tabIndex={-1}>
        <h2>{title}</h2>
        <p>{text}</p>
        {children}
        <p><a className="btn" href="#/">Back to all lessons</a></p>
      </main>
    </>
  );
}
