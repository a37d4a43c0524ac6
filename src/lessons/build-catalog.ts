// Turns lesson sources (path -> text, however they were read) into the catalog the home page lists, or, in
// the browser, lessons parsed when the site was built into a catalog that fetches each one when opened.
// Kept free of import.meta.glob and of node:fs so the browser, Vitest and the CLI can all use it, and of
// the parser (given by the caller) so the page loads neither the parser nor its YAML library.
import { CHAPTERS } from './chapters.ts';
import { folderOf } from './ids.ts';
import type { LessonLoad } from './types.ts';

/** Lesson files by path, e.g. { '/lessons/00-town-square/lesson.md': '---\nid: ...' }. */
export type LessonSources = Readonly<Record<string, string>>;
/** The browser's lessons by path, each parsed at build time (vite.config.ts, `lesson.md?lesson`) and
 *  fetched when its lesson is first opened (one chunk per lesson). */
export type ParsedLessonLoaders = Readonly<Record<string, () => Promise<LessonLoad>>>;
export type ParseLesson = (source: string, file: string) => LessonLoad;

/** What the app knows of a lesson without loading it: its steps and systems (front matter), or why it does
 *  not load (`file:line: message`). */
export interface LessonOutline {
  steps: number;
  systems: readonly string[];
  problem: string | null;
}

export interface CatalogEntry {
  chapter: number;
  slug: string;
  title: string;
  summary: string;
  /** The lesson file's path, when one exists. */
  file: string | null;
  /**
   * The parsed lesson (parsed once; later calls return the same result). null = not written yet ("coming").
   * In a catalog of fetched lessons (the browser), only after `fetch()` has resolved; before, it throws.
   */
  load(): LessonLoad | null;
  /** Brings the parsed lesson if it is not here yet; resolves at once when it is. */
  fetch(): Promise<void>;
}

type Found = { path: string; load: () => LessonLoad; fetch: () => Promise<void> };

function catalogOf(bySlug: ReadonlyMap<string, Found>): CatalogEntry[] {
  return CHAPTERS.map((c) => {
    const found = bySlug.get(c.slug);
    return {
      ...c,
      file: found ? found.path : null,
      load: () => (found ? found.load() : null),
      fetch: () => (found ? found.fetch() : Promise.resolve()),
    };
  });
}

function bySlugOf<T>(files: Readonly<Record<string, T>>, make: (path: string, value: T) => Found): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const [path, value] of Object.entries(files)) {
    const folder = folderOf(path);
    if (folder !== undefined) out.set(folder, make(path, value));
  }
  return out;
}

/** A catalog of lesson texts at hand (the CLI, Vitest), parsed with `parse` when first loaded. */
export function buildCatalog(sources: LessonSources, parse: ParseLesson): CatalogEntry[] {
  return catalogOf(bySlugOf(sources, (path, text) => {
    let cached: LessonLoad | undefined;
    return { path, load: () => (cached ??= parse(text, displayPath(path))), fetch: () => Promise.resolve() };
  }));
}

/** A catalog of lessons parsed at build time, each fetched when first asked for (the browser). */
export function fetchedCatalog(loaders: ParsedLessonLoaders): CatalogEntry[] {
  return catalogOf(bySlugOf(loaders, (path, loader) => {
    let loaded: LessonLoad | undefined;
    let fetching: Promise<void> | undefined;
    return {
      path,
      load: () => {
        if (loaded === undefined) throw new Error(`${displayPath(path)} has not been fetched yet: await its entry's fetch() first`);
        return loaded;
      },
      // A failed fetch (the network) is not kept, so opening the lesson again tries again.
      fetch: () => (loaded !== undefined ? Promise.resolve()
        : (fetching ??= loader().then((l) => { loaded = l; }, (e: unknown) => { fetching = undefined; throw e; }))),
    };
  }));
}

/** Lesson files that do not belong to any chapter (a misnamed folder, say). */
export function strayLessons(sources: LessonSources): string[] {
  return Object.keys(sources).filter((p) => !CHAPTERS.some((c) => c.slug === folderOf(p)));
}

/** `lessons/01-x/lesson.md`, whether the path came from Vite (`/lessons/...`) or the file system. */
export const displayPath = (p: string) => p.replace(/\\/g, '/').replace(/^.*?(?=lessons\/)/, '');

export function findEntry(catalog: readonly CatalogEntry[], slug: string): CatalogEntry | undefined {
  return catalog.find((e) => e.slug === slug);
}
