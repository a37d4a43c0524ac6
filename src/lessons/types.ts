// The shape of a lesson once parsed (the "Lessons contract" the lab page is built against).

export interface LessonMeta {
  /** The folder name, e.g. `01-events-vs-commands`; also used in URLs and share links. */
  id: string;
  chapter: number;
  /** Same as `id` (the folder name); kept separate so URLs never depend on the title. */
  slug: string;
  title: string;
  summary: string;
  outcomes: string[];
  systems: string[];
  seed: number;
  /** Suggested playback speed (simulated ms per wall ms), 0.01..100. */
  speed?: number;
}

export interface PredictChoice {
  text: string;
  /** A condition over the simulation; exactly one choice's must hold after `run`. */
  when: string;
}

export interface Predict {
  question: string;
  choices: PredictChoice[];
  /** Scenario lines run once the learner has locked in an answer. */
  run: string[];
  /** Markdown shown after the answer is revealed. */
  explain: string;
  /** Line of the ```predict fence in the .md file. */
  line: number;
}

export interface Challenge {
  /** A condition the learner must make true. */
  goal: string;
  description: string;
  /** The first hint (the gentlest): `hints[0]`. */
  hint: string;
  /** The authored hint ladder, gentlest first (`hint:` gives one rung); hintLadder() adds the last rung. */
  hints: string[];
  /** Reference solution in scenario lines; `npm run lab -- check` runs it. */
  solution: string[];
  line: number;
}

/** A short line shown on the stage when playback reaches a moment of the step's run. */
export interface SceneCaption {
  /** The moment, as simulated time on the timeline (ms); or null when `when` picks it. */
  at: number | null;
  /** A condition: the caption shows from the first moment of the run where it holds. */
  when: string | null;
  text: string;
  /** Line of the caption's entry in the .md file. */
  line: number;
}

/** How a step's run plays on screen (a ```scene``` block). */
export interface StepScene {
  /** Wall-clock ms the run should take on screen; computed from its events when absent. */
  pace: number | null;
  captions: SceneCaption[];
  line: number;
}

/** Authored rungs a challenge may have; the solution's first lines come after them. */
export const MAX_HINTS = 4;

export interface LessonStep {
  title: string;
  /** Markdown (render with markdown-it, html: false); the special fenced blocks are taken out. */
  narration: string;
  /** Scenario lines run when the step opens, after the lesson's setup. */
  lab: string[];
  predict?: Predict;
  challenge?: Challenge;
  /** Pace and captions for the step's run (the prediction's run, else playing from the step's start). */
  scene?: StepScene;
  /** Line of the step's `## ` heading. */
  line: number;
}

export interface Lesson {
  meta: LessonMeta;
  /** Markdown between the front matter and the first step (may be empty). */
  intro: string;
  /** Scenario lines from the ```lab setup``` block, run before every step's own lines. */
  setup: string[];
  steps: LessonStep[];
  file: string;
}

export type LessonLoad =
  | { ok: true; lesson: Lesson }
  | { ok: false; file: string; line: number; message: string };

/** A mistake in a lesson file: which line, and what is wrong. */
export class LessonProblem extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}
