// window.townboard: a small, documented API for course authors' Playwright tests (docs/test-hook.md).
// Everything it returns is plain data, so `page.evaluate(() => window.townboard.traceHash())` works.
import { labStore } from '../store/lab-store.ts';
import { choosePrediction, lessonStore, setStageMode } from '../store/lesson-store.ts';
import { parseDuration } from '../engine/core/index.ts';
import { conditionHolds } from '../script/core-commands.ts';
import type { ExecResult } from '../script/runner.ts';
import { captionAt } from '../lessons/scene.ts';
import { loadScenario, lockPrediction, openLesson, queryNames, replayPrediction, restartChallenge, shareUrl, showNextHint, skipPrediction } from './controller.ts';
import { findEntry, hintLadder } from './lessons-api.ts';
import { go, lessonHref } from './routes.ts';
import { sandboxShareUrl } from './sandbox/share-link.ts';

export interface StageLayout {
  presenter: boolean;
  focus: boolean;
  /** The pictures shown, left to right. */
  pictures: ('town' | 'tech')[];
  /** How much the stage magnifies each picture (1 outside presenter and focus mode). */
  zoom: number;
  panelsHidden: boolean;
}

export interface TownboardHook {
  /** Opens a lesson (key `00-town-square`, slug or chapter number) at a step counted from 1; resolves once
   *  its text has been fetched (the page loads each lesson when it is first opened) and it has opened. */
  loadLesson(id: string, step?: number): Promise<{ ok: boolean; key: string | null; step: number; error?: string }>;
  /** Loads a free scenario (.lab text; `----` output blocks are skipped) on the sandbox page. */
  loadScenario(text: string, seed?: number): { errors: string[] };
  exec(line: string): ExecResult;
  /** Processes n events (default 1); returns the time reached. */
  step(n?: number): number;
  /** Steps n events back (default 1); returns the time reached. */
  back(n?: number): number;
  /** Moves the time cursor to t (ms or a duration like "1.5s"); returns the time reached. */
  seek(t: number | string): number;
  /** A query (`waited(app)`) gives its value; a condition (`waited(app) < 100ms`) gives true/false. */
  query(expr: string): number | string | boolean;
  state(sys: string): unknown;
  /** The trace up to the cursor, one formatted line per entry. */
  trace(): string[];
  traceHash(): string;
  now(): number;
  /** The commands applied since the step opened, with the moment each was applied (what share links hold). */
  inputs(): { line: string; eventCount: number; now: number }[];
  play(): void;
  pause(): void;
  /** Sets the playback speed (simulated ms per real ms, kept within 1/100x..100x); returns the speed set. */
  setSpeed(x: number): number;
  /** Shows both pictures, the town only or the technical view only (as the `view` command does). */
  setView(mode: 'both' | 'town' | 'tech'): void;
  /** Picks choice `choice` (counted from 1) of the step's prediction and locks it in: its run starts playing. */
  predict(choice: number): { ok: boolean; error?: string };
  /** Skips the prediction's run to its end, so the verdict shows (as "Skip to the result"). */
  skipPrediction(): void;
  /** Plays the prediction's run again from its start (as "Replay the run"). */
  replayPrediction(): void;
  /** The scene playing: a prediction's run (`from`/`to` in ms), or playing from the step's start; the
   *  caption on the stage now; whether the verdict shows. */
  scene(): { kind: 'run' | 'free' | null; from: number | null; to: number | null; speed: number | null; caption: string | null; revealed: boolean };
  /** Switches presenter mode and/or focus mode, as the Presenter and Focus buttons and the F key do. */
  setLayout(modes: { presenter?: boolean; focus?: boolean }): void;
  /** What the stage shows now: the modes, the pictures, their magnification, whether the panels are hidden (the stage re-fits a frame after a change). */
  layout(): StageLayout;
  /** The link "Copy link" would make right now (a lesson step or the sandbox; null elsewhere). */
  shareLink(): string | null;
  /** The catch-up running in slices (a link being opened, a long console `run`), or null: label, done and
   *  total in simulated ms. */
  catchUp(): { label: string; done: number; total: number } | null;
  /** The playback speed now (simulated ms per real ms). */
  speed(): number;
  /** Stops that catch-up where it got to, as its Cancel button does. */
  cancelCatchUp(): void;
  /** Runs a command as the console does: a long `run` in slices; resolves with its result when it ends. */
  execInSlices(line: string): Promise<ExecResult>;
  /** The open step's challenge: solved, how many hints are open and the hint ladder's rungs (Markdown). */
  challenge(): { solved: boolean; hints: number; ladder: string[]; afterPrediction: boolean } | null;
  /** Opens the next rung of the hint ladder, as "Show a hint" / "Another hint" do; returns how many are open. */
  nextHint(): number;
  /** Opens the step again from its beginning for the challenge, as "Start the challenge from the step's beginning" does. */
  restartChallenge(): void;
}

const sim = () => labStore.getState().session.sim;

export function createTestHook(): TownboardHook {
  return {
    async loadLesson(id, step = 1) {
      await findEntry(id)?.fetch();
      openLesson(id, Math.max(0, Math.floor(step) - 1));
      const s = lessonStore.getState();
      if (!s.lesson || !s.key) {
        const error = s.load && !s.load.ok ? `${s.load.file}:${s.load.line}: ${s.load.message}` : `no lesson '${id}' is available`;
        return { ok: false, key: s.key, step, error };
      }
      go(lessonHref(s.key, s.stepIndex + 1));
      return { ok: true, key: s.key, step: s.stepIndex + 1 };
    },
    loadScenario(text, seed) {
      const errors = loadScenario(text, seed);
      go('#/sandbox');
      return { errors };
    },
    exec: (line) => structuredClone(labStore.getState().exec(line)),
    // The playback bar's own actions: they pause, move and publish the moment (src/store/lab-store.ts).
    step(n = 1) {
      labStore.getState().stepN(n);
      return sim().now;
    },
    back(n = 1) {
      labStore.getState().backN(n);
      return sim().now;
    },
    seek(t) {
      const ms = typeof t === 'number' ? t : parseDuration(t);
      if (ms === null || !Number.isFinite(ms)) throw new Error(`seek: cannot read the time '${String(t)}'`);
      labStore.getState().jumpTo(ms);
      return sim().now;
    },
    query(expr) {
      if (/[<>=!]=?|\band\b|\bor\b/.test(expr)) return conditionHolds(sim(), expr, queryNames);
      return sim().query(expr);
    },
    state: (sys) => structuredClone(sim().state(sys)),
    trace: () => sim().trace().map((e) => sim().formatEvent(e)),
    traceHash: () => sim().traceHash(),
    now: () => sim().now,
    inputs: () => labStore.getState().inputs.map((x) => ({ ...x })),
    play: () => labStore.getState().play(),
    pause: () => labStore.getState().pause(),
    setSpeed(x) {
      labStore.getState().setSpeed(x);
      return labStore.getState().speed;
    },
    setView(mode) {
      labStore.getState().setView(mode === 'both' ? 'split' : mode);
    },
    setLayout(modes) {
      if (modes.presenter !== undefined) setStageMode('presenter', modes.presenter);
      if (modes.focus !== undefined) setStageMode('focus', modes.focus);
    },
    layout: stageLayout,
    shareLink: () => shareUrl() ?? sandboxShareUrl(),
    catchUp: () => { const c = labStore.getState().catchUp; return c ? { ...c } : null; },
    cancelCatchUp: () => labStore.getState().cancelCatchUp(),
    speed: () => labStore.getState().speed,
    execInSlices: (line) => new Promise((resolve) => labStore.getState().execInSlices(line, (r) => resolve(structuredClone(r)))),
    challenge() {
      const { lesson, stepIndex, challenge } = lessonStore.getState();
      const c = lesson?.steps[stepIndex]?.challenge;
      return c ? { solved: challenge.solved, hints: challenge.hints, ladder: hintLadder(c), afterPrediction: challenge.afterPrediction === true } : null;
    },
    restartChallenge,
    nextHint() {
      showNextHint();
      return lessonStore.getState().challenge.hints;
    },
    predict(choice) {
      const { lesson, stepIndex, predict } = lessonStore.getState();
      const p = lesson?.steps[stepIndex]?.predict;
      if (!p) return { ok: false, error: 'this step has no prediction' };
      if (predict.locked) return { ok: false, error: 'the prediction is already locked in' };
      if (!Number.isInteger(choice) || choice < 1 || choice > p.choices.length) return { ok: false, error: `choose 1 to ${p.choices.length}` };
      choosePrediction(choice - 1);
      lockPrediction();
      return { ok: true };
    },
    skipPrediction,
    replayPrediction,
    scene() {
      const { scene } = labStore.getState();
      const at = { now: sim().now, eventCount: sim().eventCount };
      return {
        kind: scene?.kind ?? null, from: scene?.from.now ?? null, to: scene?.to?.now ?? null, speed: scene?.speed ?? null,
        caption: scene && !(scene.kind === 'free' && labStore.getState().inputs.length > 0) ? captionAt(scene.captions, at)?.text ?? null : null,
        revealed: lessonStore.getState().predict.revealed === true,
      };
    },
  };
}

/** Read from the page: the stage says what it drew (`data-zoom`, one section per picture). */
function stageLayout(): StageLayout {
  const ui = lessonStore.getState();
  const stage = document.querySelector<HTMLElement>('[data-testid=stage]');
  const pictures = [...(stage?.querySelectorAll<HTMLElement>('.stage-pane') ?? [])].map((p) => (p.getAttribute('aria-label') === 'Town view' ? 'town' : 'tech') as 'town' | 'tech');
  return { presenter: ui.presenter, focus: ui.focus, pictures, zoom: Number(stage?.dataset.zoom ?? 1), panelsHidden: ui.dockHidden };
}

declare global {
  interface Window { townboard?: TownboardHook }
}

export function installTestHook(): void {
  window.townboard = createTestHook();
}
