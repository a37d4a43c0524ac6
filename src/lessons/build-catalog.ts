// Turns lesson sources (path -> text, however they were read) into the catalog the home page lists.
// Kept free of import.meta.glob and of node:fs so the browser, Vitest and the CLI can all use it, and of
// the parser (given by the caller, or fetched with the text) so the home page loads neither.
import { CHAPTERS } from './chapters.ts';
import { folderOf } from './ids.ts';
import type { LessonLoad } from './types.ts';

type Parse = (source: string, file: string) => LessonLoad;
/** The parser at hand (Node, Vitest), or fetched with the first lesson opened (the browser). */
export type LessonParser = { parse: Parse } | { fetch: () => Promise<Parse> };

/** Lesson files by path, e.g. { '/lessons/00-town-square/lesson.md': '---\nid: ...' }. */
export type LessonSources = Readonly<Record<string, string>>;
/** The browser's lesson files: each text is fetched when its lesson is first opened (one chunk per lesson). */
export type LessonLoaders = Readonly<Record<string, () => Promise<string>>>;

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
   * Parses the lesson (once; later calls return the same result). null = not written yet ("coming").
   * With loaders or a parser to fetch (the browser), only after `fetch()` has resolved; before, it throws.
   */
  load(): LessonLoad | null;
  /** Brings the lesson's text and the parser if they are not here yet; resolves at once when they are. */
  fetch(): Promise<void>;
}

export function buildCatalog(sources: LessonSources | LessonLoaders, parser: LessonParser): CatalogEntry[] {
  let parse = 'parse' in parser ? parser.parse : undefined;
  let fetchingParser: Promise<void> | undefined;
  const fetchParser = (): Promise<void> => {
    if (parse || 'parse' in parser) return Promise.resolve();
    return (fetchingParser ??= parser.fetch().then((p) => { parse = p; }, (e: unknown) => { fetchingParser = undefined; throw e; }));
  };

  const bySlug = new Map<string, [string, string | (() => Promise<string>)]>();
  for (const [path, text] of Object.entries(sources)) {
    const folder = folderOf(path);
    if (folder !== undefined) bySlug.set(folder, [path, text]);
  }
  return CHAPTERS.map((c) => {
    const found = bySlug.get(c.slug);
    let text = typeof found?.[1] === 'string' ? found[1] : undefined;
    let cached: LessonLoad | undefined;
    let fetching: Promise<void> | undefined;
    return {
      ...c,
      file: found ? found[0] : null,
      load: () => {
        if (!found) return null;
        if (text === undefined || !parse) throw new Error(`${displayPath(found[0])} has not been fetched yet: await its entry's fetch() first`);
        return (cached ??= parse(text, displayPath(found[0])));
      },
      fetch: () => {
        if (!found) return Promise.resolve();
        const loader = found[1] as () => Promise<string>;
        // A failed fetch (the network) is not kept, so opening the lesson again tries again.
        const fetchText = () => (text !== undefined ? Promise.resolve() : (fetching ??= loader().then((t) => { text = t; }, (e: unknown) => { fetching = undefined; throw e; })));
        return Promise.all([fetchText(), fetchParser()]).then(() => undefined);
      },
    };
  });
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
