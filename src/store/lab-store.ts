// The lab's one store (vanilla Zustand): the running session plus playback and UI state. Actions call the
// engine, then bump `version` so views re-read the sim. High-frequency playback ticks update `now` only.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createSession, type ExecResult, type Session } from '../script/runner.ts';
import type { Sim } from '../engine/core/sim.ts';
import { advanceScene, type PlayScene, type SkipBadge } from './scene-playback.ts';

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
   *  it was applied at: what a share link replays. Time-only commands (run, step, expect, show) are not
   *  inputs; an input at a past moment is preceded by an END_OF_RUN marker. */
  inputs: RecordedInput[];
  /** The step's scene being played (a prediction's run, or playing from the step's start): its pace,
   *  captions and end (src/store/scene-playback.ts). Cleared by every load. */
  scene: PlayScene | null;
  /** The quiet stretch playback just skipped, shown as "⏩ 12 s later". */
  skipped: SkipBadge | null;
}

export interface RecordedInput {
  line: string;
  eventCount: number;
  now: number;
}

/** A comment line (runs as nothing) marking how far a run had got before the learner went back and acted. */
export const END_OF_RUN = '# end of the run before going back';

const lastIndex = (events: readonly { i: number }[]) => (events.length ? events[events.length - 1]!.i : -1);
/** Whether the cursor is before the end of the run (after a seek or step back). */
export const inPast = (sim: Sim) => lastIndex(sim.trace()) < lastIndex(sim.fullTrace());

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
  for (const x of inputs) {
    moveTo(store.getState().session.sim, x.eventCount, x.now);
    const r = store.getState().exec(x.line);
    if (r.error) return r.error;
  }
  if (inputs[inputs.length - 1]?.line === CURSOR) store.setState((s) => ({ version: s.version + 1, now: s.session.sim.now }));
  else store.getState().seek(t);
  return null;
}

/** Moves the sim to exactly (eventCount, now), going back first when it is already past that moment. */
export function moveTo(sim: Sim, eventCount: number, now: number): void {
  if (sim.eventCount > eventCount || sim.now > now) {
    sim.seek(Math.max(0, now - 1));
    for (let guard = 0; sim.eventCount > eventCount && guard < 100_000; guard++) sim.stepBack();
  }
  sim.advanceTo(eventCount, now);
}

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

// Commands that only move time or look: replaying the recorded inputs plus the final time reproduces them.
const TIME_ONLY = new Set(['run', 'step', 'expect', 'show', 'view', 'speed']);

/** What the `view` and `speed` commands ask of the page, as store fields (the last one given wins). */
function settingsOf(results: readonly ExecResult[]): Partial<Pick<LabState, 'view' | 'speed'>> {
  const out: Partial<Pick<LabState, 'view' | 'speed'>> = {};
  for (const r of results) {
    if (r.setting?.view) out.view = r.setting.view === 'both' ? 'split' : r.setting.view;
    if (r.setting?.speed !== undefined) out.speed = clampSpeed(r.setting.speed);
  }
  return out;
}
const commandName = (line: string) => line.replace(/#.*$/, '').trim().split(/\s+/)[0] ?? '';

export interface LabActions {
  /** Runs one scenario command, as the console, lessons, share links and the test hook all do. */
  exec(line: string): ExecResult;
  /** A fresh session with this seed, then these commands. */
  load(seed: number, lines: readonly string[]): ExecResult[];
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  stepForward(): void;
  stepBack(): void;
  seek(t: number): void;
  /** Advance playback by `wallMs` of real time; called only by the animation clock. */
  tick(wallMs: number): void;
  setHighlight(h: Highlight | null): void;
  select(h: Highlight | null): void;
  setView(v: ViewMode): void;
  setReducedMotion(on: boolean): void;
  setNotice(text: string | null): void;
}

export type LabStore = LabState & LabActions;

export function createLabStore(seed = 1): StoreApi<LabStore> {
  return createStore<LabStore>()((set, get) => {
    // Fractions of a simulated ms carried between frames, so 1/100x still advances smoothly.
    let carry = 0;
    const changed = (extra: Partial<LabState> = {}) =>
      set((s) => ({ version: s.version + 1, now: s.session.sim.now, ...extra }));
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
      scene: null,
      skipped: null,
      exec(line) {
        const sim = get().session.sim;
        const name = commandName(line);
        const isInput = name !== '' && !TIME_ONLY.has(name);
        let marker: RecordedInput | null = null;
        if (isInput && inPast(sim)) {
          // Acting in the past forks the run, and the fork's trace entry counts what it discards. Note how far
          // the run had got, so a replay reaches the same end before going back and discards the same.
          const back = { eventCount: sim.eventCount, now: sim.now };
          for (let guard = 0; inPast(sim) && guard < 1_000_000; guard++) if (!sim.step()) break;
          marker = { line: END_OF_RUN, eventCount: sim.eventCount, now: sim.now };
          moveTo(sim, back.eventCount, back.now);
        }
        const at = { eventCount: sim.eventCount, now: sim.now };
        const r = get().session.exec(line);
        const forked = r.output.some((l) => l.includes(' fork: '));
        let inputs = get().inputs;
        if (isInput && !r.error) inputs = [...inputs, ...(marker ? [marker] : []), { line: line.trim(), ...at }];
        const settings = settingsOf([r]);
        changed(forked ? { inputs, ...settings, notice: 'You acted at a past moment: the run forked and the old future was discarded.' } : { inputs, ...settings });
        return r;
      },
      load(seedValue, lines) {
        const session = createSession(seedValue);
        const results = lines.map((l, i) => session.exec(l, i + 1));
        set((s) => ({ session, version: s.version + 1, now: session.sim.now, playing: false, highlight: null, selected: null, inputs: [], scene: null, skipped: null, ...settingsOf(results) }));
        return results;
      },
      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      togglePlay: () => set((s) => ({ playing: !s.playing })),
      setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
      stepForward() { get().session.sim.step(); changed({ playing: false }); },
      stepBack() { get().session.sim.stepBack(); changed({ playing: false }); },
      seek(t) { get().session.sim.seek(t); changed(); },
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
          const r = advanceScene(sim, scene, whole, speed, wallMs, get().skipped);
          if (sim.eventCount !== before || r.atEnd || r.skipped?.id !== get().skipped?.id) changed(r.atEnd ? { skipped: null, playing: false } : { skipped: r.skipped });
          else set({ now: sim.now, skipped: r.skipped });
          return;
        }
        if (whole === 0) return;
        sim.runFor(whole);
        if (sim.eventCount !== before) changed();
        else set({ now: sim.now });
      },
      setHighlight: (highlight) => set({ highlight }),
      select: (selected) => set({ selected }),
      setView: (view) => set({ view }),
      setReducedMotion: (reducedMotion) => set({ reducedMotion }),
      setNotice: (notice) => set({ notice }),
    };
  });
}

export const labStore = createLabStore();

export function useLab<T>(selector: (s: LabStore) => T): T {
  return useStore(labStore, selector);
}
