// The light half of the app's door into src/lessons: the catalog, each lesson's outline (steps, or its
// problem) and progress in storage. Nothing here loads the parser, the step runtime or the engine, so the
// home page, which imports only this, stays small; lessons-api.ts re-exports it beside the rest.
import { catalog as lessonCatalog, type CatalogEntry } from '../lessons/catalog.ts';

export { outlineOf, type LessonOutline } from '../lessons/catalog.ts';
export {
  loadProgress, saveProgress, browserStorage, emptyProgress, recordStep, recordPrediction, recordChallenge, markLessonDone,
  type Progress, type LessonProgress,
} from '../lessons/progress.ts';
export type { CatalogEntry };

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
