// The app's one door into src/lessons: the catalog, the step runtime, share links and progress.
import { catalog as lessonCatalog, type CatalogEntry } from '../lessons/catalog.ts';

export {
  openStep, resolvePredict, encodeShare, decodeShare, loadProgress, saveProgress, browserStorage,
  recordStep, recordPrediction, recordChallenge, markLessonDone, emptyProgress, openStepSession, predictAnswer,
  hintLadder, MAX_LINK_TIME,
} from '../lessons/index.ts';
// How a step's run plays on screen: its pace, skipped quiet stretches and captions.
export { planFreeRun, planRun } from '../lessons/scene.ts';
export type {
  Lesson, LessonLoad, LessonMeta, LessonStep, Predict, Challenge, ShareState, Decoded, Progress, LessonProgress,
} from '../lessons/index.ts';
export type { CatalogEntry };
// The share envelope, for the sandbox's own links (src/app/sandbox/share.ts).
export {
  openEnvelope, newerVersion, toBase64Url, checksum, validateInputs, commandTooBig, scriptTooLong, tooLate, type ShareInput,
} from '../lessons/share.ts';

export function catalog(): readonly CatalogEntry[] {
  return lessonCatalog;
}

/** A lesson's key in URLs and share links is its folder name (its slug and id): `00-town-square`. */
export const lessonKey = (entry: CatalogEntry) => entry.slug;

/** Finds a lesson by its key, or by chapter number ("0", "00", "1"). */
export function findEntry(id: string): CatalogEntry | undefined {
  const want = id.toLowerCase();
  return lessonCatalog.find((e) => e.slug === want)
    ?? (/^\d{1,2}$/.test(want) ? lessonCatalog.find((e) => e.chapter === Number(want)) : undefined);
}
