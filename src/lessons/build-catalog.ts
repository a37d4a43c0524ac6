// Turns lesson sources (path -> text, however they were read) into the catalog the home page lists.
// Kept free of import.meta.glob and of node:fs so the browser, Vitest and the CLI can all use it.
import { CHAPTERS } from './chapters.ts';
import { folderOf } from './front-matter.ts';
import { parseLesson } from './parse.ts';
import type { LessonLoad } from './types.ts';

/** Lesson files by path, e.g. { '/lessons/00-town-square/lesson.md': '---\nid: ...' }. */
export type LessonSources = Readonly<Record<string, string>>;

export interface CatalogEntry {
  chapter: number;
  slug: string;
  title: string;
  summary: string;
  /** The lesson file's path, when one exists. */
  file: string | null;
  /** Parses the lesson (once; later calls return the same result). null = not written yet ("coming"). */
  load(): LessonLoad | null;
}

export function buildCatalog(sources: LessonSources): CatalogEntry[] {
  const bySlug = new Map<string, [string, string]>();
  for (const [path, text] of Object.entries(sources)) {
    const folder = folderOf(path);
    if (folder !== undefined) bySlug.set(folder, [path, text]);
  }
  return CHAPTERS.map((c) => {
    const found = bySlug.get(c.slug);
    let cached: LessonLoad | undefined;
    return {
      ...c,
      file: found ? found[0] : null,
      load: () => (found ? (cached ??= parseLesson(found[1], displayPath(found[0]))) : null),
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
