// The lab's catalog: all fifteen lessons, with the ones written so far loadable. For the page (Vite) and
// Vitest; the CLI builds its own from node-sources.ts because tsx has no import.meta.glob.
import { buildCatalog, type CatalogEntry } from './build-catalog.ts';
import { lessonSources } from './sources.browser.ts';

export const catalog: readonly CatalogEntry[] = buildCatalog(lessonSources);

export type { CatalogEntry } from './build-catalog.ts';
