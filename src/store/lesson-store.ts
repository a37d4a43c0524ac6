// The lesson slice beside the lab store: which lesson and step are open, the learner's answer to the
// step's prediction, the challenge's state, progress, and UI preferences (presenter mode, key shortcuts).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { emptyProgress, type Progress } from '../lessons/progress.ts';
import type { Lesson, LessonLoad } from '../lessons/types.ts';
import { readPrefs, writePrefs } from './prefs.ts';

export interface PredictState {
  choice: number | null;
  locked: boolean;
  correctIndex: number | null;
  error: string | null;
  /** The step was started again before the prediction ran (the learner had already changed the run). */
  restarted?: boolean;
  /** The verdict and explanation show: the run has played to its end, or the learner skipped to it. */
  revealed?: boolean;
}

export interface ChallengeState {
  solved: boolean;
  /** How many rungs of the hint ladder are open (0: none yet). */
  hints: number;
  solutionShown: boolean;
  /** The prediction's run has moved the town on from the step's beginning. A challenge is set (and checked
   *  by `npm run lab -- check`) from the step's beginning, so it is not judged until it starts there again. */
  afterPrediction?: boolean;
}


export interface LessonUiState {
  /** The lesson page's lesson key (`00-town-square`) and what loading it gave. */
  key: string | null;
  load: LessonLoad | null;
  lesson: Lesson | null;
  stepIndex: number;
  predict: PredictState;
  challenge: ChallengeState;
  progress: Progress;
  /** Single-character shortcuts ([ ] . f ? space) can be switched off: WCAG 2.1.4. */
  letterKeys: boolean;
  /** Presenter mode: larger type for a projector; with focus mode, a stage-first layout (below). */
  presenter: boolean;
  /** Focus mode: one picture large, the step's text as a strip over it. */
  focus: boolean;
  /** In a stage-first layout, which picture shows when both do not fit (or in focus mode with "Both"). */
  focusPick: 'town' | 'tech';
  /** The stage shows one picture of the two asked for (written by the stage, read by the caption strip). */
  oneOfTwo: boolean;
  /** In a stage-first layout, the full step text opened over the stage from the caption strip. */
  captionOpen: boolean;
  /** Whether the panels were hidden before a stage-first layout hid them, to restore on leaving it. */
  dockBefore: boolean | null;
  shortcutsOpen: boolean;
  /** The last link made by "Copy link", shown so it can be copied by hand too. */
  shareLink: string | null;
  /** The free scenario on the sandbox page and the problems loading it found. */
  scenario: { text: string; seed: number; errors: string[] };
  /** Which panel the dock under the stage shows. */
  dock: DockTab;
  /** Collapsed to give the stage the room (a projector, a small screen). */
  narrationHidden: boolean;
  dockHidden: boolean;
  /** Bumped to ask the console to take focus once it is shown. */
  consoleFocus: number;
}

export type DockTab = 'spacetime' | 'log' | 'console' | 'reference';

export const freshPredict = (): PredictState => ({ choice: null, locked: false, correctIndex: null, error: null });
export const freshChallenge = (): ChallengeState => ({ solved: false, hints: 0, solutionShown: false });

export const lessonStore = createStore<LessonUiState>()(() => ({
  key: null,
  load: null,
  lesson: null,
  stepIndex: 0,
  predict: freshPredict(),
  challenge: freshChallenge(),
  progress: emptyProgress(),
  letterKeys: true,
  presenter: false,
  focus: false,
  focusPick: 'tech',
  oneOfTwo: false,
  captionOpen: false,
  dockBefore: null,
  shortcutsOpen: false,
  shareLink: null,
  scenario: { text: '', seed: 1, errors: [] },
  dock: 'log',
  narrationHidden: false,
  dockHidden: false,
  consoleFocus: 0,
}));

export function useLesson<T>(selector: (s: LessonUiState) => T): T {
  return useStore(lessonStore, selector);
}

/** Presenter or focus mode: the stage takes the room, the narration is a caption strip, the panels wait. */
export const stageFirst = (s: Pick<LessonUiState, 'presenter' | 'focus'>): boolean => s.presenter || s.focus;

/**
 * Switches presenter or focus mode. Entering a stage-first layout hides the panels (they come back on
 * request); leaving the last one restores whatever the panels were before.
 */
export function setStageMode(mode: 'presenter' | 'focus', on: boolean): void {
  lessonStore.setState((s) => {
    const next = { presenter: s.presenter, focus: s.focus, [mode]: on };
    const was = stageFirst(s);
    const will = stageFirst(next);
    if (!was && will) return { ...next, dockBefore: s.dockHidden, dockHidden: true, captionOpen: false };
    if (was && !will) return { ...next, dockHidden: s.dockBefore ?? s.dockHidden, dockBefore: null, captionOpen: false };
    return next;
  });
}

// The lesson state's actions: the controller (src/app/controller.ts), the panels, the app and the test hook
// change the lesson state through these, never by setting it directly.

/** A lesson that could not be opened (unknown, or its file has a problem): the page shows why. */
export function openFailed(key: string, load: LessonLoad | null): void {
  lessonStore.setState({ key, load, lesson: null, stepIndex: 0 });
}

/** A step opened afresh: no answer, no hint, no link yet. */
export function openedStep(key: string, load: LessonLoad, lesson: Lesson, stepIndex: number): void {
  lessonStore.setState({ key, load, lesson, stepIndex, predict: freshPredict(), challenge: freshChallenge(), shareLink: null });
}

/** The sandbox's free scenario, loaded in place of a lesson. */
export function openedScenario(scenario: LessonUiState['scenario']): void {
  lessonStore.setState({ key: null, load: null, lesson: null, stepIndex: 0, shareLink: null, scenario });
}

/** The learner's choice before locking it in (ignored once locked). */
export function choosePrediction(choice: number): void {
  const { predict } = lessonStore.getState();
  if (!predict.locked) lessonStore.setState({ predict: { ...predict, choice } });
}

/** The prediction's state: locked in with its verdict, revealed, or restored from a link. */
export function setPredict(predict: PredictState): void {
  lessonStore.setState({ predict });
}

/** Shows the verdict of a locked prediction (the run reached its end, or the learner skipped to it). */
export function revealVerdict(): void {
  const { predict } = lessonStore.getState();
  if (predict.locked && !predict.revealed) lessonStore.setState({ predict: { ...predict, revealed: true } });
}

/** The challenge's state: solved, hints open, solution shown (a patch of it). */
export function updateChallenge(patch: Partial<ChallengeState>): void {
  lessonStore.setState((s) => ({ challenge: { ...s.challenge, ...patch } }));
}

export function setProgress(progress: Progress): void {
  lessonStore.setState({ progress });
}

/** Single-key shortcuts on or off, kept in the browser. */
export function setLetterKeys(on: boolean): void {
  lessonStore.setState({ letterKeys: on });
  writePrefs({ letterKeys: on });
}

export function showShortcuts(open: boolean): void {
  lessonStore.setState({ shortcutsOpen: open });
}

export function setNarrationHidden(hidden: boolean): void {
  lessonStore.setState({ narrationHidden: hidden });
}

/** The step's full text opened over the stage from the caption strip (stage-first layouts). */
export function setCaptionOpen(open: boolean): void {
  lessonStore.setState({ captionOpen: open });
}

/** The link "Copy link" made, shown so it can be copied by hand; null closes it. */
export function setShareLink(url: string | null): void {
  lessonStore.setState({ shareLink: url });
}

/** Which picture a stage-first layout shows when both do not fit. */
export function setFocusPick(pick: LessonUiState['focusPick']): void {
  lessonStore.setState({ focusPick: pick });
}

/** Written by the stage: it shows one picture of the two asked for. */
export function setOneOfTwo(one: boolean): void {
  if (lessonStore.getState().oneOfTwo !== one) lessonStore.setState({ oneOfTwo: one });
}

/** Shows a panel of the dock under the stage (unhiding the dock). */
export function showDock(tab: DockTab): void {
  lessonStore.setState({ dock: tab, dockHidden: false });
}

/** Shows the console and asks it to take the focus. */
export function openConsole(): void {
  lessonStore.setState((s) => ({ dock: 'console', dockHidden: false, consoleFocus: s.consoleFocus + 1 }));
}

export function setDockHidden(hidden: boolean): void {
  lessonStore.setState({ dockHidden: hidden });
}

/** At start-up: the progress read from the browser and the saved shortcut preference. */
export function restoreSaved(progress: Progress): void {
  lessonStore.setState({ progress, letterKeys: readPrefs().letterKeys });
}
