// What the lesson page, the sandbox, share links and the test hook do to the two stores: open a lesson
// step, replay a shared moment, run a prediction, check a challenge, load a free scenario.
import { CURSOR, inputsToHere, labStore, replayJob, survivingInputs, type ViewMode } from '../store/lab-store.ts';
import { reached } from '../store/scene-playback.ts';
import {
  freshChallenge, freshPredict, lessonStore, openedScenario, openedStep, openFailed, revealVerdict, setPredict, updateChallenge,
} from '../store/lesson-store.ts';
import type { StepActions } from '../views/panels/step-actions.ts';
import { allQueries } from '../script/language.ts';
import { conditionHolds } from '../script/core-commands.ts';
import { seedOf, splitBlocks } from '../script/transcript.ts';
import type { Session } from '../script/runner.ts';
import {
  decodeShare, encodeShare, findEntry, hintLadder, lessonKey, markLessonDone, MAX_LINK_TIME, openStep, openStepSession,
  planFreeRun, planRun, predictAnswer, recordChallenge, recordPrediction, recordStep, resolvePredict, type Lesson,
  type LessonLoad, type ShareState,
} from './lessons-api.ts';
import { updateProgress } from './progress.ts';
import { go, lessonHref } from './routes.ts';
import { formatDuration } from '../engine/core/index.ts';

export const queryNames: ReadonlySet<string> = new Set(allQueries.map((q) => q.name));

/**
 * Opens a lesson at a step (0-based); with `share`, restores the shared moment instead. Idempotent. A step
 * the lesson does not have (`badStep`: what the address said, when it was not a step number) opens step 1
 * with a notice saying so.
 */
export function openLesson(id: string, stepIndex: number, share?: string, badStep?: string): void {
  const entry = findEntry(id);
  const cur = lessonStore.getState();
  if (!entry) {
    openFailed(id, null);
    return;
  }
  const key = lessonKey(entry);
  if (share === undefined && badStep === undefined && cur.key === key && cur.lesson && cur.stepIndex === stepIndex) return;
  let load;
  try {
    load = entry.load();
  } catch (e) {
    load = { ok: false as const, file: `lessons/${key}/lesson.md`, line: 1, message: (e as Error).message };
  }
  if (!load || !load.ok) {
    openFailed(key, load);
    return;
  }
  const lesson = load.lesson;
  if (badStep !== undefined || stepIndex < 0 || stepIndex >= lesson.steps.length) {
    const asked = badStep !== undefined ? `"${badStep}"` : `step ${stepIndex + 1}`;
    labStore.getState().setNotice(`This lesson has no ${asked}: its steps are numbered 1 to ${lesson.steps.length}. It opened at step 1.`);
    stepIndex = 0;
  }
  if (share !== undefined) {
    const problem = restoreShare(key, lesson, share);
    if (problem === null) return;
    labStore.getState().setNotice(`This link could not be opened: ${problem} The lesson opened at its start instead.`);
    stepIndex = 0;
  }
  startStep(key, lesson, stepIndex, load);
}

/** Where the open step's run started (after its opening lines): a prediction is answered from there. */
let openedAt = { eventCount: 0, now: 0 };

/** A fresh run of the step's opening lines; returns each line's result. */
function loadStep(lesson: Lesson, index: number, seed: number) {
  const lines = openStep(lesson, index, seed);
  const results = labStore.getState().load(seed, lines);
  const opened = labStore.getState().session.sim;
  openedAt = { eventCount: opened.eventCount, now: opened.now };
  return { lines, results };
}

/**
 * A step that picks its pictures (`view mode=tech`) picks them for itself: the next step that does not
 * gives the learner back the view they had, unless they switched it meanwhile.
 */
let pickedView: { before: ViewMode; picked: ViewMode } | null = null;

function startStep(key: string, lesson: Lesson, stepIndex: number, load: LessonLoad): void {
  const index = Math.max(0, Math.min(lesson.steps.length - 1, stepIndex));
  const viewBefore = labStore.getState().view;
  const { lines, results } = loadStep(lesson, index, lesson.meta.seed);
  if (results.some((r) => r.setting?.view)) {
    pickedView = { before: pickedView?.before ?? viewBefore, picked: labStore.getState().view };
  } else if (pickedView) {
    if (labStore.getState().view === pickedView.picked) labStore.getState().setView(pickedView.before);
    pickedView = null;
  }
  const failed = results.findIndex((r) => r.error);
  if (failed >= 0) labStore.getState().setNotice(`This step's setup failed at "${lines[failed]}": ${results[failed]!.error}`);
  // The lesson's pace, unless the step picks its own with a `speed` command.
  const stepSpeed = results.some((r) => r.setting?.speed !== undefined);
  if (lesson.meta.speed !== undefined && !stepSpeed) labStore.getState().setSpeed(lesson.meta.speed);
  if (failed < 0) startFreeScene(lesson, index, stepSpeed);
  openedStep(key, load, lesson, index);
  markVisited(key, lesson, index);
}

/**
 * Playing from the step's start: its captions, quiet stretches skipped, and (unless the step sets its own
 * speed) a pace that gives the scene a sensible time on screen when it goes quiet by itself.
 */
function startFreeScene(lesson: Lesson, index: number, stepSpeed: boolean): void {
  const opened = openStepSession(lesson, index, lesson.meta.seed);
  if (opened.errors.length) return;
  const plan = planFreeRun(opened.session.sim, lesson.steps[index]!.scene);
  labStore.getState().setScene({ kind: 'free', from: { ...openedAt }, to: null, moments: [], captions: plan.captions.placed, speed: plan.speed });
  if (plan.speed !== null && !stepSpeed) labStore.getState().setSpeed(plan.speed);
}

function markVisited(key: string, lesson: Lesson, index: number) {
  updateProgress((p) => {
    const next = recordStep(p, key, index);
    return index === lesson.steps.length - 1 ? markLessonDone(next, key) : next;
  });
}

/**
 * Replays a share link; returns null when it is on its way, else what was wrong. The replay runs in slices
 * (a progress bar with Cancel shows when it takes long), so no link can freeze the tab; the step, its view
 * and its speed show at once, and the prediction's and challenge's state once the moment is reached.
 */
function restoreShare(key: string, lesson: Lesson, code: string): string | null {
  const decoded = decodeShare(code);
  if (!decoded.ok) return ensureStop(decoded.message);
  const s = decoded.value;
  if (s.lesson !== key && s.lesson !== lesson.meta.id) return `it belongs to lesson '${s.lesson}', not this one.`;
  if (!Number.isInteger(s.step) || s.step < 0 || s.step >= lesson.steps.length) return `it points at step ${s.step + 1}, which this lesson does not have.`;
  const lab = labStore.getState();
  const load = { ok: true as const, lesson };
  const { results } = loadStep(lesson, s.step, s.seed);
  lab.setView(s.view);
  // A version 1 link has no speed: the step's or the lesson's pace, as opening the step would give.
  const stepSpeed = results.some((r) => r.setting?.speed !== undefined);
  const speed = s.speed ?? (stepSpeed ? undefined : lesson.meta.speed);
  if (speed !== undefined) lab.setSpeed(speed);
  lab.setNotice(null);
  lab.pause();
  openedStep(key, load, lesson, s.step);
  const last = s.inputs[s.inputs.length - 1];
  const target = last?.line === CURSOR ? last.now : Math.max(s.t, last?.now ?? 0);
  lab.runJob(`Opening the shared moment (t=${formatDuration(target)})`, replayJob(labStore, s.inputs, s.t, MAX_LINK_TIME), target, (r) => {
    if (lessonStore.getState().key !== key || lessonStore.getState().stepIndex !== s.step) return;
    if (r.cancelled) {
      labStore.getState().setNotice(`You stopped opening the link at t=${formatDuration(labStore.getState().session.sim.now)}: the run shows the moment it had reached, not the shared one (t=${formatDuration(target)}).`);
    } else if (r.error !== null) {
      labStore.getState().setNotice(`This link could not be opened: ${ensureStop(`one of its commands failed (${r.error})`)} The lesson opened at its start instead.`);
      startStep(key, lesson, 0, load);
      go(lessonHref(key, 1), true);
    } else {
      restoreAnswers(lesson, s);
      markVisited(key, lesson, s.step);
    }
  });
  return null;
}

/** The prediction's answer (its verdict recomputed from the step, as locking in does) and the challenge's state. */
function restoreAnswers(lesson: Lesson, s: ShareState): void {
  const step = lesson.steps[s.step]!;
  if (s.predict?.running && step.predict && s.predict.choice < step.predict.choices.length) resumePrediction(lesson, s, s.predict.choice);
  else if (s.predict && step.predict && s.predict.choice < step.predict.choices.length) {
    const answer = s.predict.locked ? predictAnswer(lesson, s.step, s.seed) : null;
    const correctIndex = answer && answer.correctIndex >= 0 ? answer.correctIndex : null;
    setPredict({ ...freshPredict(), choice: s.predict.choice, locked: s.predict.locked, correctIndex, revealed: s.predict.locked, error: answer?.error ?? null });
  }
  // A locked prediction's run is in the link's inputs (or was made again above): the challenge waits for the step's beginning.
  const afterPrediction = lessonStore.getState().challenge.afterPrediction === true || s.predict?.locked === true;
  if (s.challenge && step.challenge) updateChallenge({ ...freshChallenge(), solved: s.challenge.solved, hints: Math.min(s.challenge.hints, hintLadder(step.challenge).length), afterPrediction });
}

const ensureStop = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`);

/** The link that restores this exact moment, or null outside a lesson. */
export function shareUrl(): string | null {
  const { key, lesson, stepIndex } = lessonStore.getState();
  if (!key || !lesson) return null;
  const lab = labStore.getState();
  const { predict, challenge } = lessonStore.getState();
  const step = lesson.steps[stepIndex];
  const state: ShareState = {
    v: 2, lesson: key, step: stepIndex, seed: lab.session.seed, inputs: lab.inputs.map((x) => ({ ...x })),
    t: lab.session.sim.now, view: lab.view, speed: lab.speed,
    ...(step?.predict && predict.choice !== null
      ? { predict: { choice: predict.choice, locked: predict.locked, ...(predict.locked && predict.revealed === false ? { running: true } : {}) } } : {}),
    ...(step?.challenge ? { challenge: { solved: challenge.solved, hints: challenge.hints } } : {}),
  };
  // Best first: the full history (forks included, so even the fork entries replay) ending at the exact
  // event; the share codec takes inputs in time order only, so then what survived the forks, with the
  // cursor if it comes last in time; else those inputs and the time alone.
  const sim = lab.session.sim;
  const surviving = survivingInputs(state.inputs);
  const code = encodeShare({ ...state, inputs: inputsToHere(state.inputs, sim) })
    ?? encodeShare({ ...state, inputs: inputsToHere(surviving, sim) })
    ?? encodeShare({ ...state, inputs: surviving });
  if (code === null) return null;
  const base = `${location.origin}${location.pathname}${location.search}`;
  return `${base}#/lesson/${key}/${stepIndex + 1}?share=${code}`;
}

/** The recorded inputs when the prediction's run was made: a later one forks the run, so the verdict shows. */
let inputsAtLock = 0;

/**
 * Runs the prediction's commands and finds which choice came true, then plays that run from its start at
 * the step's pace: the verdict shows when playback reaches its end (watchScene), or on skipPrediction.
 */
export function lockPrediction(): void {
  const { lesson, stepIndex, predict, key } = lessonStore.getState();
  const p = lesson?.steps[stepIndex]?.predict;
  if (!p || !lesson || predict.choice === null || predict.locked || !key) return;
  // The answer is computed from the step's opening state (as `npm run lab -- check` does): if the learner
  // already played or changed the run, the step starts again first.
  const sim0 = labStore.getState().session.sim;
  const restarted = labStore.getState().inputs.length > 0 || sim0.eventCount !== openedAt.eventCount || sim0.now !== openedAt.now;
  const choice = predict.choice;
  let playable = false;
  try {
    const run = runPrediction(lesson, stepIndex, lesson.meta.seed, restarted);
    playable = run.playable;
    setPredict({ choice, locked: true, correctIndex: run.correctIndex, error: run.error, restarted, revealed: !playable });
    if (run.correctIndex !== null) updateProgress((pr) => recordPrediction(pr, key, stepIndex, choice, choice === run.correctIndex));
  } catch (e) {
    setPredict({ ...predict, locked: true, error: (e as Error).message, revealed: true });
  }
  if (playable) replayPrediction();
}

/**
 * Runs the step's prediction from the step's opening state (loaded again first when `reload`), its commands
 * going through the store so they are recorded (share links) and views refresh, and makes that run the
 * scene to play. Leaves the cursor at the run's end. Returns which choice came true and whether it can play.
 */
function runPrediction(lesson: Lesson, stepIndex: number, seed: number, reload: boolean) {
  if (reload) loadStep(lesson, stepIndex, seed);
  // Before the run's lines: what they do must not count towards the challenge, which starts at the step's beginning.
  updateChallenge({ afterPrediction: true });
  const session = labStore.getState().session;
  const from = { eventCount: session.sim.eventCount, now: session.sim.now, trace: session.sim.traceLength };
  const recorded: Session = {
    sim: session.sim, seed: session.seed, execParsed: session.execParsed,
    get shown() { return session.shown; },
    exec: (line: string) => labStore.getState().exec(line),
  };
  const r = resolvePredict(recorded, lesson.steps[stepIndex]!.predict!);
  const plan = planRun(session.sim, from, lesson.steps[stepIndex]!.scene);
  inputsAtLock = labStore.getState().inputs.length;
  labStore.getState().setScene({ kind: 'run', from: plan.from, to: plan.to, moments: plan.moments, captions: plan.captions.placed, speed: plan.speed });
  return { correctIndex: r.correctIndex >= 0 ? r.correctIndex : null, error: r.error ?? null, playable: !r.error && plan.speed !== null };
}

/**
 * A link copied while the prediction's run was playing: the run is made again as locking in made it (the
 * same inputs, so the same future), the cursor goes back to the shared moment and the run plays on to its
 * end, where the verdict shows, as it would have for the learner who copied it. A link whose inputs are not
 * that run's, or whose moment is not inside it, shows the run's end with the verdict.
 */
function resumePrediction(lesson: Lesson, s: ShareState, choice: number): void {
  const shared = labStore.getState().session.sim;
  const at = { eventCount: shared.eventCount, now: shared.now };
  const key = (xs: readonly { line: string; eventCount: number; now: number }[]) => JSON.stringify(survivingInputs(xs).map((x) => [x.line, x.eventCount, x.now]));
  let run;
  try {
    run = runPrediction(lesson, s.step, s.seed, true);
  } catch (e) {
    setPredict({ ...freshPredict(), choice, locked: true, error: (e as Error).message, revealed: true });
    return;
  }
  const lab = labStore.getState();
  const scene = lab.scene;
  const inside = scene?.kind === 'run' && scene.to !== null && at.eventCount >= scene.from.eventCount && at.eventCount < scene.to.eventCount;
  const resumes = run.playable && inside && key(lab.inputs) === key(s.inputs);
  setPredict({ ...freshPredict(), choice, locked: true, correctIndex: run.correctIndex, error: run.error, revealed: !resumes });
  if (!resumes) return;
  lab.jumpTo(at);
  if (s.speed !== undefined) lab.setSpeed(s.speed);
  lab.play();
}

/**
 * Plays the prediction's run again from its start, at its pace. When the run is no longer the scene (the
 * learner acted during it, or started the challenge from the step's beginning), it is made again first.
 */
export function replayPrediction(): void {
  const { lesson, stepIndex, predict } = lessonStore.getState();
  if (!predict.locked || !lesson?.steps[stepIndex]?.predict) return;
  const scene = labStore.getState().scene;
  if (scene?.kind !== 'run' || !scene.to) {
    try { runPrediction(lesson, stepIndex, lesson.meta.seed, true); } catch { return; }
  }
  labStore.getState().replayScene();
}

/** Jumps to the end of the prediction's run and shows the verdict. */
export function skipPrediction(): void {
  if (labStore.getState().skipScene()) revealVerdict();
}

/**
 * Shows the verdict once the cursor reaches the prediction run's end, however it got there (playing,
 * stepping, dragging the timeline). Acting during the run forks it: the verdict shows at once, as the
 * answer was computed from the run as it was.
 */
export function watchScene(): () => void {
  return labStore.subscribe((s, prev) => {
    if (s.version === prev.version && s.now === prev.now) return;
    const scene = s.scene;
    const { predict } = lessonStore.getState();
    if (scene?.kind !== 'run' || !scene.to || !predict.locked || predict.revealed) return;
    if (s.inputs.length > inputsAtLock) {
      labStore.getState().setScene({ ...scene, kind: 'free', to: null, moments: [], captions: [] });
      revealVerdict();
    } else if (reached(s.session.sim, scene.to)) revealVerdict();
  });
}

/** Checks the step's challenge goal against the sim now; marks it solved (and saves) once it holds. */
export function checkChallenge(): boolean {
  const { lesson, stepIndex, challenge, key } = lessonStore.getState();
  const c = lesson?.steps[stepIndex]?.challenge;
  if (!c || !key || challenge.afterPrediction) return false;
  let holds: boolean;
  try { holds = conditionHolds(labStore.getState().session.sim, c.goal, queryNames); } catch { holds = false; }
  if (holds && !challenge.solved) {
    updateChallenge({ solved: true });
    updateProgress((p) => recordChallenge(p, key, stepIndex));
  }
  return holds;
}

/** Opens the next rung of the challenge's hint ladder (a nudge, the idea, then the solution's first lines). */
export function showNextHint(): void {
  const { lesson, stepIndex, challenge } = lessonStore.getState();
  const c = lesson?.steps[stepIndex]?.challenge;
  if (!c) return;
  updateChallenge({ hints: Math.min(challenge.hints + 1, hintLadder(c).length) });
}

/**
 * Opens the step again from its beginning for the challenge (its goal is set, and checked by
 * `npm run lab -- check`, from there), keeping the prediction's answer and verdict and the hints open.
 */
export function restartChallenge(): void {
  const { lesson, stepIndex, key, load } = lessonStore.getState();
  if (!lesson || !key || !load) return;
  const { results } = loadStep(lesson, stepIndex, lesson.meta.seed);
  if (!results.some((r) => r.error)) startFreeScene(lesson, stepIndex, true);
  revealVerdict();
  updateChallenge({ afterPrediction: false });
}

/**
 * Runs the challenge's reference solution, line by line, as if typed in the console, from the step's
 * beginning (where the checker runs it): a run that has moved on is opened again first.
 */
export function runSolution(): void {
  const { lesson, stepIndex, challenge } = lessonStore.getState();
  const c = lesson?.steps[stepIndex]?.challenge;
  if (!c) return;
  const sim = labStore.getState().session.sim;
  const moved = labStore.getState().inputs.length > 0 || sim.eventCount !== openedAt.eventCount || sim.now !== openedAt.now;
  if (challenge.afterPrediction || moved) restartChallenge();
  for (const line of c.solution) labStore.getState().exec(line);
  checkChallenge();
}

/** Loads a free scenario (a .lab file's text: expected output blocks are skipped). */
export function loadScenario(text: string, seed?: number): string[] {
  const useSeed = seed ?? seedOf(text, 1);
  const lines = splitBlocks(text).flatMap((b) => b.commands);
  const results = labStore.getState().load(useSeed, lines);
  const errors = results.flatMap((r, i) => (r.error ? [`line "${lines[i]}": ${r.error}`] : []));
  openedScenario({ text, seed: useSeed, errors });
  return errors;
}

/** Reopens the current lesson step (or the sandbox scenario) from scratch. */
export function resetRun(): void {
  const { key, lesson, stepIndex, load, scenario } = lessonStore.getState();
  if (key && lesson && load) startStep(key, lesson, stepIndex, load);
  else loadScenario(scenario.text, scenario.seed);
}

export function isSandbox(): boolean {
  return lessonStore.getState().lesson === null;
}

/** Marks a challenge solved the moment its goal holds, whatever made it hold (console, solution, playback). */
export function watchChallenges(): () => void {
  return labStore.subscribe((s, prev) => {
    if (s.version === prev.version) return;
    // A new run has just replaced the old one and the lesson store may still name the previous step: its
    // goal's queries would create that step's systems in the new run (a Kafka pane on lesson 04's stage
    // after lesson 03 step 7). The new step's own changes are checked from its next version on.
    if (s.session !== prev.session) return;
    const { lesson, stepIndex, challenge } = lessonStore.getState();
    if (lesson?.steps[stepIndex]?.challenge && !challenge.solved) checkChallenge();
  });
}

/** What the lesson page hands the step's prediction and challenge boxes. */
export const stepActions: StepActions = { lockPrediction, replayPrediction, skipPrediction, checkChallenge, showNextHint, runSolution, restartChallenge };
