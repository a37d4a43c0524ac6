// The learner's progress (steps reached, lessons done, predictions made, challenges solved), kept in
// localStorage with a version. Nothing here throws: storage that is missing, full, disabled or holding
// damaged data gives a notice for the learner, and damaged data is set aside under another key, not lost.
import { LESSON_ID } from './ids.ts';

export const PROGRESS_KEY = 'townboard.progress';
export const SET_ASIDE_KEY = 'townboard.progress.set-aside';
export const PROGRESS_VERSION = 1;
const MAX_CHARS = 200_000;

export interface LessonProgress {
  /** Furthest step opened (0-based). */
  step: number;
  done: boolean;
  /** By step index: the choice the learner locked in and whether it was right. */
  predictions: Record<string, { choice: number; correct: boolean }>;
  /** By step index: challenges solved. */
  challenges: Record<string, true>;
}

export interface Progress {
  v: 1;
  lessons: Record<string, LessonProgress>;
}

/** The part of the Web Storage API used here; localStorage fits, and so does a Map-backed fake. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const emptyProgress = (): Progress => ({ v: 1, lessons: {} });

/** localStorage when the browser lets us touch it, else null (some privacy modes throw on access). */
export function browserStorage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadProgress(storage: ProgressStorage | null | undefined): { progress: Progress; notice?: string } {
  if (!storage) return { progress: emptyProgress(), notice: 'This browser does not let the lab save progress; it will be kept only until you close the page.' };
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: 'Saved progress could not be read (the browser refused); starting fresh for this visit.' };
  }
  if (raw === null) return { progress: emptyProgress() };
  const problem = readProblem(raw);
  if (typeof problem !== 'string') return { progress: problem };
  let kept = false;
  try {
    storage.setItem(SET_ASIDE_KEY, raw);
    storage.removeItem(PROGRESS_KEY);
    kept = true;
  } catch { /* storage full or read-only: the notice says so */ }
  return {
    progress: emptyProgress(),
    notice: `Your saved progress could not be used (${problem}). ` +
      (kept ? `It was set aside under '${SET_ASIDE_KEY}' and you are starting fresh.` : 'It could not be set aside either; you are starting fresh.'),
  };
}

export function saveProgress(storage: ProgressStorage | null | undefined, progress: Progress): { ok: boolean; notice?: string } {
  if (!storage) return { ok: false, notice: 'This browser does not let the lab save progress.' };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return { ok: true };
  } catch {
    return { ok: false, notice: 'Progress could not be saved: the browser storage is full or switched off.' };
  }
}

/** The parsed progress, or a sentence saying why it cannot be used. */
function readProblem(raw: string): Progress | string {
  if (raw.length > MAX_CHARS) return `it is far too large, ${raw.length} characters`;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return 'it is damaged: not valid JSON';
  }
  if (!isObject(data)) return 'it is damaged: not a progress record';
  if (typeof data.v === 'number' && data.v > PROGRESS_VERSION) return `it was saved by a newer version of Townboard (format ${data.v})`;
  if (data.v !== PROGRESS_VERSION) return `it has an unknown format version ${JSON.stringify(data.v)}`;
  if (!isObject(data.lessons)) return 'it is damaged: the list of lessons is missing';
  for (const [id, lp] of Object.entries(data.lessons)) {
    const bad = lessonProblem(lp);
    if (!LESSON_ID.test(id)) return `it is damaged: '${id}' is not a lesson`;
    if (bad) return `it is damaged: lesson ${id} ${bad}`;
  }
  return data as unknown as Progress;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIndex = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 999;
const isStepKey = (k: string) => /^\d{1,3}$/.test(k);

function lessonProblem(lp: unknown): string | null {
  if (!isObject(lp)) return 'is not a record';
  if (!isIndex(lp.step)) return 'has no valid step';
  if (typeof lp.done !== 'boolean') return 'has no valid done flag';
  if (!isObject(lp.predictions) || !isObject(lp.challenges)) return 'has no predictions or challenges';
  for (const [k, p] of Object.entries(lp.predictions)) {
    if (!isStepKey(k) || !isObject(p) || !isIndex(p.choice) || typeof p.correct !== 'boolean') return `has a damaged prediction at '${k}'`;
  }
  for (const [k, c] of Object.entries(lp.challenges)) if (!isStepKey(k) || c !== true) return `has a damaged challenge at '${k}'`;
  return null;
}

// Pure updates for the page: each returns a new Progress.
const lessonOf = (p: Progress, id: string): LessonProgress => p.lessons[id] ?? { step: 0, done: false, predictions: {}, challenges: {} };
const withLesson = (p: Progress, id: string, f: (l: LessonProgress) => LessonProgress): Progress =>
  ({ ...p, lessons: { ...p.lessons, [id]: f(lessonOf(p, id)) } });

export const recordStep = (p: Progress, id: string, step: number) => withLesson(p, id, (l) => ({ ...l, step: Math.max(l.step, step) }));
export const recordPrediction = (p: Progress, id: string, step: number, choice: number, correct: boolean) =>
  withLesson(p, id, (l) => ({ ...l, predictions: { ...l.predictions, [String(step)]: { choice, correct } } }));
export const recordChallenge = (p: Progress, id: string, step: number) =>
  withLesson(p, id, (l) => ({ ...l, challenges: { ...l.challenges, [String(step)]: true } }));
export const markLessonDone = (p: Progress, id: string) => withLesson(p, id, (l) => ({ ...l, done: true }));
