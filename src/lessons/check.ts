// `npm run lab -- check` for lessons: every step's lab lines run, every prediction has exactly one right
// answer, every challenge's reference solution reaches its goal from the step's start (which must not
// already meet it). Lessons are tests: a lesson the engine no longer agrees with fails here.
import { buildCatalog, displayPath, strayLessons, type LessonSources } from './build-catalog.ts';
import { parseLesson, describeLoadError } from './parse.ts';
import { checkGoal, openStepSession, resolvePredict, runLines } from './runtime.ts';
import { simplificationsProblem } from './markdown-lint.ts';
import { planFreeRun, planRun } from './scene.ts';
import type { Lesson } from './types.ts';

export interface CheckLine {
  ok: boolean;
  /** `00-town-square` or `00-town-square step 2 "Whoever cares reads"`. */
  label: string;
  /** What was checked, when all went well: "lab, predict: choice 2, challenge". */
  detail: string;
  problems: string[];
}

export function checkStep(lesson: Lesson, index: number): CheckLine {
  const step = lesson.steps[index]!;
  const at = (line: number) => `${lesson.file}:${line}`;
  const problems: string[] = [];
  const done: string[] = [];

  const opened = openStepSession(lesson, index);
  problems.push(...opened.errors.map((e) => `${at(step.line)}: opening the step: ${e}`));
  if (step.lab.length) done.push(`lab ${step.lab.length} line${step.lab.length === 1 ? '' : 's'}`);

  if (step.predict && !opened.errors.length) {
    const r = resolvePredict(openStepSession(lesson, index).session, step.predict);
    if (r.error) problems.push(`${at(step.predict.line)}: predict: ${r.error}`);
    else done.push(`predict: choice ${r.correctIndex + 1} holds (${Object.entries(r.values).map(([k, v]) => `${k}=${String(v)}`).join(', ')})`);
  }

  if (step.challenge && !opened.errors.length) {
    const ch = step.challenge;
    const { session } = openStepSession(lesson, index);
    const before = checkGoal(session, ch);
    if (before.error) problems.push(`${at(ch.line)}: challenge: ${before.error}`);
    else if (before.met) problems.push(`${at(ch.line)}: challenge: the goal '${ch.goal}' already holds when the step opens (${before.actual}), so there is nothing to do`);
    else {
      const failed = runLines(session, ch.solution);
      const after = checkGoal(session, ch);
      if (failed.length) problems.push(`${at(ch.line)}: challenge: the reference solution failed: ${failed.join('; ')}`);
      else if (!after.met) problems.push(`${at(ch.line)}: challenge: the reference solution does not reach the goal '${ch.goal}' (${after.actual})`);
      else done.push('challenge solved by its solution');
    }
  }
  if (step.scene && !opened.errors.length) {
    problems.push(...checkScene(lesson, index).map((p) => `${at(p.line)}: scene: ${p.message}`));
    if (!problems.length) done.push(`scene${step.scene.captions.length ? ` with ${step.scene.captions.length} caption${step.scene.captions.length === 1 ? '' : 's'}` : ''}`);
  }
  return { ok: problems.length === 0, label: `${lesson.meta.id} step ${index + 1} "${step.title}"`, detail: done.join(', ') || 'narration only', problems };
}

/** A scene's captions must each show during the step's run (the prediction's, else playing from the start). */
function checkScene(lesson: Lesson, index: number): { line: number; message: string }[] {
  const step = lesson.steps[index]!;
  const scene = step.scene!;
  const { session } = openStepSession(lesson, index);
  const sim = session.sim;
  let plan;
  if (step.predict) {
    const from = { eventCount: sim.eventCount, now: sim.now, trace: sim.traceLength };
    if (runLines(session, step.predict.run).length) return [];
    plan = { ...planRun(sim, from, scene), what: "the prediction's run" };
  } else {
    plan = { ...planFreeRun(sim, scene), what: 'playing from the step\'s start' };
  }
  const out = plan.captions.missing.map(({ caption, why }) => ({
    line: caption.line, message: `caption ${scene.captions.indexOf(caption) + 1} ('${caption.text}') never shows: ${why}`,
  }));
  if (scene.pace !== null && plan.speed === null) out.push({ line: scene.line, message: `'pace' is set but no simulated time passes in ${plan.what}, so there is nothing to pace` });
  return out;
}

/** One line for the lesson (the curriculum's rules), then one per step. */
export function checkLesson(lesson: Lesson): CheckLine[] {
  const problems: string[] = [];
  if (!lesson.steps.some((s) => s.predict)) problems.push(`${lesson.file}: the lesson has no predict question (CURRICULUM.md asks for at least one)`);
  if (!lesson.steps.some((s) => s.challenge)) problems.push(`${lesson.file}: the lesson has no challenge (CURRICULUM.md asks for at least one)`);
  const last = lesson.steps[lesson.steps.length - 1]!;
  const simplifies = simplificationsProblem(last.narration);
  if (simplifies) problems.push(`${lesson.file}:${last.line}: ${simplifies}`);
  const head: CheckLine = {
    ok: problems.length === 0, label: lesson.meta.id, problems,
    detail: `${lesson.steps.length} steps, seed ${lesson.meta.seed}`,
  };
  return [head, ...lesson.steps.map((_, i) => checkStep(lesson, i))];
}

/** Checks every lesson source: parse errors, stray folders, then each lesson's steps. */
export function checkLessonSources(sources: LessonSources): CheckLine[] {
  const out: CheckLine[] = [];
  for (const path of strayLessons(sources)) {
    out.push({ ok: false, label: displayPath(path), detail: '', problems: [`${displayPath(path)}: this folder is not one of the fifteen chapters in src/lessons/chapters.ts`] });
  }
  for (const entry of buildCatalog(sources, parseLesson)) {
    if (!entry.file) continue;
    const r = entry.load() ?? parseLesson('', entry.file);
    if (!r.ok) out.push({ ok: false, label: entry.slug, detail: '', problems: [describeLoadError(r)] });
    else out.push(...checkLesson(r.lesson));
  }
  return out;
}

export const formatCheckLine = (l: CheckLine): string =>
  [`${l.ok ? 'ok  ' : 'FAIL'} ${l.label}${l.ok && l.detail ? ` — ${l.detail}` : ''}`, ...l.problems.map((p) => `     ${p}`)].join('\n');
