// The lab's one store (vanilla Zustand): the running session plus playback and UI state. Actions call the
// engine, then publish (bump `version`, in one place) so views re-read the sim. High-frequency playback
// ticks update `now` only. Moving in time is one set of actions (jumpTo, stepN, backN, play, pause) that the
// views, the console and the test hook all call.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createSession, nothingRan, resultSince, type ExecResult, type Session } from '../script/runner.ts';
import { conditionHolds } from '../script/core-commands.ts';
import type { Sim } from '../engine/core/index.ts';
import { advanceScene, reached, type PlayScene, type SkipBadge } from './scene-playback.ts';
import { captionAt, captionHoldMs, moveTo } from '../lessons/scene.ts';
import { language } from '../script/language.ts';
import { parseLine, ScriptError } from '../script/parser.ts';
import { formatDuration } from '../engine/core/index.ts';
import {
  advanceToSliced, drain, driveJob, runUntilSliced, seekSliced, type CatchUpHandle, type CatchUpProgress, type Job,
} from './catch-up.ts';
import { inPast, momentOf, travel, type JumpTarget } from './travel.ts';

export { inPast, type JumpTarget };

/** Something the learner points at; every view highlights the same thing. */
export type Highlight =
  | { kind: 'node'; id: string }
  | { kind: 'msg'; id: number }
  | { kind: 'notice'; id: number }
  | { kind: 'topic'; id: string }
  | { kind: 'trace'; id: number }
  /** Anything a system's own view draws: `sys:what:id`, e.g. `kafka:partition:orders-3`, `raft:entry:n1:4`. */
  | { kind: 'item'; id: string };

export type ViewMode = 'split' | 'town' | 'tech';

/** Simulated ms per wall-clock ms, kept on a log scale from 1/100x to 100x. */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 100;
export const clampSpeed = (x: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));

export interface LabState {
  session: Session;
  /** Bumps whenever the sim's state changes; views that draw structure re-render on it. */
  version: number;
  now: number;
  playing: boolean;
  speed: number;
  highlight: Highlight | null;
  selected: Highlight | null;
  view: ViewMode;
  reducedMotion: boolean;
  /** A short message for the learner (fork, restore problem, ...), shown until dismissed. */
  notice: string | null;
  /** Commands applied since the last load that changed the sim, in the order applied, each with the moment
   *  it was applied at: what a share link replays. Commands whose spec says `timeOnly` (run, step, back,
   *  seek, expect, show, view, speed, help) are not inputs; an input at a past moment is preceded by an
   *  END_OF_RUN marker. */
  inputs: RecordedInput[];
  /** A long catch-up running in slices (a link being opened, a long run): what the progress bar shows. */
  catchUp: CatchUpProgress | null;
  /** The step's scene being played (a prediction's run, or playing from the step's start): its pace,
   *  captions and end (src/store/scene-playback.ts). Cleared by every load. */
  scene: PlayScene | null;
  /** The quiet stretch playback just skipped, shown as "⏩ 12 s later". */
  skipped: SkipBadge | null;
  /** Playing time (ms) left holding still on the caption just reached, so it can be read. */
  hold: number;
}

export interface RecordedInput {
  line: string;
  eventCount: number;
  now: number;
}

/** A comment line (runs as nothing) marking how far a run had got before the learner went back and acted. */
export const END_OF_RUN = '# end of the run before going back';

/** A comment line (runs as nothing) closing a share link's inputs: the exact moment the link shows, down to
 *  the event (a step can stop between two events at the same millisecond, which a time alone cannot say). */
export const CURSOR = '# the moment this link shows';

/** The recorded inputs plus the cursor: everything needed to come back to exactly this moment. */
export function inputsToHere(inputs: readonly RecordedInput[], sim: Sim): RecordedInput[] {
  return [...inputs, { line: CURSOR, eventCount: sim.eventCount, now: sim.now }];
}

/** Replays recorded inputs on a store just loaded with the step's opening lines, then moves to the
 *  cursor: the last entry when it is a CURSOR line, else time `t`. Returns the first error, if any. */
export function replayInputs(store: StoreApi<LabStore>, inputs: readonly RecordedInput[], t: number): string | null {
  return drain(store.getState().replayJob(inputs, t));
}

/** replayInputs as a job the store can run in slices; `limit` stops a replay that runs past that moment. */
export function replayJob(store: StoreApi<LabStore>, inputs: readonly RecordedInput[], t: number, limit = Number.POSITIVE_INFINITY): Job {
  return store.getState().replayJob(inputs, t, limit);
}

// moveTo lives with the scene rules (src/lessons/scene.ts); re-exported for the app and the tests.
export { moveTo };

/** The inputs still in the run: each input at a past moment discarded those recorded after that moment. */
export function survivingInputs(all: readonly RecordedInput[]): RecordedInput[] {
  const kept: RecordedInput[] = [];
  for (const x of all) {
    while (kept.length && isAfter(kept[kept.length - 1]!, x)) kept.pop();
    if (x.line !== END_OF_RUN && x.line !== CURSOR) kept.push(x);
  }
  return kept;
}
const isAfter = (a: RecordedInput, b: RecordedInput) => a.eventCount > b.eventCount || (a.eventCount === b.eventCount && a.now > b.now);

/**
 * Whether a line is an input to record: a command that parses and whose spec does not say it is time-only
 * (src/engine/core/command.ts). Replaying the recorded inputs plus the final moment reproduces the rest.
 */
export function isInput(line: string): boolean {
  let cmd;
  try { cmd = parseLine(language, line); } catch (e) {
    if (e instanceof ScriptError) return false;
    throw e;
  }
  return cmd !== null && cmd.spec.timeOnly !== true;
}

/** What the `view` and `speed` commands ask of the page, as store fields (the last one given wins). */
function settingsOf(results: readonly ExecResult[]): Partial<Pick<LabState, 'view' | 'speed'>> {
  const out: Partial<Pick<LabState, 'view' | 'speed'>> = {};
  for (const r of results) {
    if (r.setting?.view) out.view = r.setting.view === 'both' ? 'split' : r.setting.view;
    if (r.setting?.speed !== undefined) out.speed = clampSpeed(r.setting.speed);
  }
  return out;
}

const FORKED = 'You acted at a past moment: the run forked and the old future was discarded.';
const BUSY = 'The lab is still catching up (see the progress bar): wait for it or cancel it, then try again.';

export interface LabActions {
  /** Runs one scenario command, as the console, lessons, share links and the test hook all do. */
  exec(line: string): ExecResult;
  /** A fresh session with this seed, then these commands. */
  load(seed: number, lines: readonly string[]): ExecResult[];
  // Moving in time: every view, the test hook and the lesson controller call these (none moves the sim itself).
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Pauses and moves the cursor: to a time, an exact moment, or the end of the event that wrote a trace entry. */
  jumpTo(to: JumpTarget): void;
  /** Pauses and processes the next n events (default 1). */
  stepN(n?: number): void;
  /** Pauses and steps n events back (default 1). */
  backN(n?: number): void;
  setSpeed(speed: number): void;
  /** Advance playback by `wallMs` of real time; called only by the animation clock. */
  tick(wallMs: number): void;
  /** The step's scene to play (a prediction's run, or playing from the step's start), or none. */
  setScene(scene: PlayScene | null): void;
  /** Plays the scene's run again from its start at its pace, holding on a caption showing there. */
  replayScene(): void;
  /** Jumps to the end of the scene's run (unless already past it); false when the scene has no end or a
   *  catch-up is running. */
  skipScene(): boolean;
  setHighlight(h: Highlight | null): void;
  select(h: Highlight | null): void;
  setView(v: ViewMode): void;
  setReducedMotion(on: boolean): void;
  setNotice(text: string | null): void;
  /** Runs a job in slices with a progress bar (only one at a time: a new one cancels the old); `end` gets
   *  its error, or `cancelled`. While it runs, commands, seeks and playback wait. */
  runJob(label: string, job: Job, total: number, end?: (r: { cancelled: boolean; error: string | null }) => void): void;
  /** Stops the running catch-up where it got to (its `end` says cancelled). */
  cancelCatchUp(): void;
  /** A console command: like exec, but a long `run` (or a seek far ahead) runs in slices; `done` gets the
   *  result. A line given while another catch-up runs waits its turn (Cancel drops it, saying so). */
  execInSlices(line: string, done: (r: ExecResult) => void): void;
  /** Replays recorded inputs (a share link's) as a job, then moves to the cursor (see replayInputs). */
  replayJob(inputs: readonly RecordedInput[], t: number, limit?: number): Job;
}

export type LabStore = LabState & LabActions;

export function createLabStore(seed = 1): StoreApi<LabStore> {
  const store: StoreApi<LabStore> = createStore<LabStore>()((set, get) => {
    // Fractions of a simulated ms carried between frames, so 1/100x still advances smoothly.
    let carry = 0;
    let job: CatchUpHandle | null = null;
    // True while a slice of the job runs: the job's own commands go through, the learner's wait.
    let inSlice = false;
    // Lines given to execInSlices while a catch-up runs, in order, and whether one of them is being started.
    const waiting: { line: string; done: (r: ExecResult) => void }[] = [];
    let draining = false;
    const busy = () => job?.running === true && !inSlice;
    function* guarded(work: Job): Job {
      for (;;) {
        inSlice = true;
        let r: IteratorResult<void, string | null>;
        try { r = work.next(); } finally { inSlice = false; }
        if (r.done) return r.value;
        yield;
      }
    }
    /** The one place `version` is bumped: the sim changed (or was replaced), so views re-read it. */
    const published = (extra: Partial<LabState> = {}) =>
      set((s) => ({ ...extra, version: s.version + 1, now: (extra.session ?? s.session).sim.now }));

    /**
     * One command as a job: `run` (the only command that can take long) moves time in slices; `seek` far
     * ahead first catches up in slices; anything else is the ordinary `exec`. Same result and same trace.
     */
    function* execJob(line: string): Generator<void, ExecResult, void> {
      let cmd;
      try { cmd = parseLine(language, line); } catch (e) { if (e instanceof ScriptError) return get().exec(line); throw e; }
      const sim = get().session.sim;
      if (cmd?.spec.name === 'seek' && (cmd.args.t as number) > sim.horizon) yield* seekSliced(sim, cmd.args.t as number);
      if (cmd?.spec.name !== 'run' || (cmd.args.for !== undefined && cmd.args.until !== undefined)) return get().exec(line);
      const session = get().session;
      const before = sim.traceLength;
      const printed: string[] = [];
      if (cmd.args.until !== undefined) {
        const cond = cmd.args.until as string;
        const max = cmd.args.max as number;
        try { conditionHolds(sim, cond, language.queryNames); } catch { return get().exec(line); }
        const held = yield* runUntilSliced(sim, () => conditionHolds(sim, cond, language.queryNames), max);
        if (!held) printed.push(`(gave up after max=${formatDuration(max)}: ${cond} still false)`);
      } else if (cmd.args.for !== undefined) {
        yield* runUntilSliced(sim, () => false, cmd.args.for as number);
      } else {
        return get().exec(line);
      }
      published();
      return resultSince(sim, session.shown, before, printed);
    }

    return {
      session: createSession(seed),
      version: 0,
      now: 0,
      playing: false,
      speed: 0.1,
      highlight: null,
      selected: null,
      view: 'split',
      reducedMotion: false,
      notice: null,
      inputs: [],
      catchUp: null,
      scene: null,
      skipped: null,
      hold: 0,
      exec(line) {
        if (busy()) return nothingRan(BUSY, 'command');
        const sim = get().session.sim;
        const acts = isInput(line);
        let marker: RecordedInput | null = null;
        if (acts && inPast(sim)) {
          // Acting in the past forks the run, and the fork's trace entry counts what it discards. Note how far
          // the run had got, so a replay reaches the same end before going back and discards the same.
          const back = momentOf(sim);
          for (let guard = 0; inPast(sim) && guard < 1_000_000; guard++) if (!sim.step()) break;
          marker = { line: END_OF_RUN, ...momentOf(sim) };
          moveTo(sim, back.eventCount, back.now);
        }
        const at = momentOf(sim);
        const r = get().session.exec(line);
        let inputs = get().inputs;
        if (acts && !r.error) inputs = [...inputs, ...(marker ? [marker] : []), { line: line.trim(), ...at }];
        published({ inputs, ...settingsOf([r]), ...(r.forked ? { notice: FORKED } : {}) });
        return r;
      },
      load(seedValue, lines) {
        get().cancelCatchUp();
        const session = createSession(seedValue);
        const results = lines.map((l, i) => session.exec(l, i + 1));
        published({ session, playing: false, highlight: null, selected: null, inputs: [], scene: null, skipped: null, hold: 0, ...settingsOf(results) });
        return results;
      },
      play: () => { if (!busy()) set({ playing: true }); },
      pause: () => set({ playing: false }),
      togglePlay: () => { if (!busy()) set((s) => ({ playing: !s.playing })); },
      setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
      // Moving in time by hand pauses, and ends any pause held for reading a caption: play must answer at once.
      jumpTo(to) { if (busy()) return; travel(get().session.sim, to); published({ playing: false, hold: 0 }); },
      stepN(n = 1) {
        if (busy()) return;
        const sim = get().session.sim;
        for (let k = 0; k < n; k++) if (!sim.step()) break;
        published({ playing: false, hold: 0 });
      },
      backN(n = 1) {
        if (busy()) return;
        const sim = get().session.sim;
        for (let k = 0; k < n; k++) sim.stepBack();
        published({ playing: false, hold: 0 });
      },
      setScene: (scene) => set({ scene, skipped: null }),
      replayScene() {
        const scene = get().scene;
        if (scene?.kind !== 'run' || !scene.to || busy()) return;
        get().jumpTo(scene.from);
        if (scene.speed !== null) get().setSpeed(scene.speed);
        // A caption showing as the run starts is held for reading too, as those reached on the way are.
        const first = captionAt(scene.captions, get().session.sim);
        set({ skipped: null, hold: first ? captionHoldMs(first.text) : 0 });
        get().play();
      },
      skipScene() {
        const scene = get().scene;
        if (scene?.kind !== 'run' || !scene.to || busy()) return false;
        const sim = get().session.sim;
        get().jumpTo(reached(sim, scene.to) ? momentOf(sim) : scene.to);
        set({ skipped: null });
        return true;
      },
      runJob(label, work, total, end) {
        get().cancelCatchUp();
        const sim = get().session.sim;
        const from = sim.now;
        const show = () => set({ catchUp: { label, done: Math.max(0, sim.now - from), total: Math.max(1, total - from) } });
        set({ playing: false });
        let handle: CatchUpHandle | null = null;
        handle = driveJob(guarded(work), () => { if (job === handle) show(); }, (r) => {
          if (job === handle) job = null;
          published({ catchUp: null });
          end?.(r);
        });
        if (handle.running) { job = handle; show(); }
      },
      cancelCatchUp() { job?.cancel(); },
      execInSlices(line, done) {
        // A line typed while an earlier one still runs waits its turn (a learner types a solution's lines one
        // after another without watching the progress bar); Cancel drops what waits, saying so.
        if (busy() || waiting.length > 0 && !draining) { waiting.push({ line, done }); return; }
        let result: ExecResult | null = null;
        const work = function* (): Job { result = yield* execJob(line); return null; };
        const total = targetOf(line, get().session.sim);
        get().runJob(`Running ${line.trim()}`, work(), total, (r) => {
          done(result ?? nothingRan(r.cancelled ? `Cancelled: the run stopped at t=${formatDuration(get().session.sim.now)}.` : r.error ?? 'stopped', 'command'));
          const next = waiting.splice(0, r.cancelled ? waiting.length : 1);
          if (r.cancelled) for (const w of next) w.done(nothingRan(`Not run: "${line.trim()}" before it was cancelled.`, 'command'));
          else if (next[0]) { draining = true; try { get().execInSlices(next[0].line, next[0].done); } finally { draining = false; } }
        });
      },
      *replayJob(inputs, t, limit = Number.POSITIVE_INFINITY) {
        const sim = get().session.sim;
        for (const x of inputs) {
          if (sim.eventCount > x.eventCount || sim.now > x.now) moveTo(sim, x.eventCount, x.now);
          else yield* advanceToSliced(sim, x.eventCount, x.now);
          const r = yield* execJob(x.line);
          if (r.error) return r.error;
          if (sim.now > limit) return `its command "${x.line}" runs the simulation to ${formatDuration(sim.now)}, past the ${formatDuration(limit)} a link may reach`;
        }
        if (inputs[inputs.length - 1]?.line !== CURSOR) yield* seekSliced(sim, t);
        published();
        return null;
      },
      tick(wallMs) {
        const { session, speed, playing } = get();
        if (!playing) return;
        const sim = session.sim;
        const before = sim.eventCount;
        carry += wallMs * speed;
        const whole = Math.floor(carry);
        carry -= whole;
        const scene = get().scene;
        if (scene) {
          const clock = { badge: get().skipped, hold: get().hold, captions: scene.kind === 'run' || get().inputs.length === 0 };
          const r = advanceScene(sim, scene, whole, speed, wallMs, clock);
          if (sim.eventCount !== before || r.atEnd || r.skipped?.id !== get().skipped?.id) published(r.atEnd ? { skipped: null, hold: 0, playing: false } : { skipped: r.skipped, hold: r.hold });
          else set({ now: sim.now, skipped: r.skipped, hold: r.hold });
          return;
        }
        if (whole === 0) return;
        sim.runFor(whole);
        if (sim.eventCount !== before) published();
        else set({ now: sim.now });
      },
      setHighlight: (highlight) => set({ highlight }),
      select: (selected) => set({ selected }),
      setView: (view) => set({ view }),
      setReducedMotion: (reducedMotion) => set({ reducedMotion }),
      setNotice: (notice) => set({ notice }),
    };
  });
  return store;
}

/** The moment a console command will end at, for the progress bar (a run's full length, a seek's target). */
function targetOf(line: string, sim: Sim): number {
  try {
    const cmd = parseLine(language, line);
    if (cmd?.spec.name === 'run') return sim.now + ((cmd.args.for ?? cmd.args.max) as number);
    if (cmd?.spec.name === 'seek') return cmd.args.t as number;
  } catch { /* the command's own error is reported when it runs */ }
  return sim.now;
}

export const labStore = createLabStore();

export function useLab<T>(selector: (s: LabStore) => T): T {
  return useStore(labStore, selector);
}
