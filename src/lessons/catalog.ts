// The lab's catalog: all fifteen lessons, with the ones written so far loadable. For the page (Vite) and
// Vitest; the CLI builds its own from node-sources.ts because tsx has no import.meta.glob. A lesson is
// fetched, already parsed, when it is opened (`entry.fetch()`); the home page reads only the outlines.
import { fetchedCatalog, type CatalogEntry, type LessonOutline } from './build-catalog.ts';
import { lessonLoaders, lessonOutlines } from './sources.browser.ts';

export const catalog: readonly CatalogEntry[] = fetchedCatalog(lessonLoaders);

/** The entry's outline, computed at build time; null for a chapter not written yet. */
export const outlineOf = (entry: CatalogEntry): LessonOutline | null => (entry.file ? lessonOutlines[entry.file] ?? null : null);

export type { CatalogEntry, LessonOutline } from './build-catalog.ts';
