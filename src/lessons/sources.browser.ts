// Lesson files as Vite (and Vitest) find them, parsed when the site is built (vite.config.ts), so the page
// needs neither the parser nor its YAML library. Browser/Vite only: tsx, which runs the CLI, has no
// import.meta.glob, so the CLI reads the files with node-sources.ts and parses them itself.
import type { LessonOutline, ParsedLessonLoaders } from './build-catalog.ts';
import type { LessonLoad } from './types.ts';

/** Each lesson, parsed, fetched when it is opened: a lesson page loads its own lesson only. */
export const lessonLoaders: ParsedLessonLoaders = import.meta.glob<LessonLoad>('/lessons/*/lesson.md', { query: '?lesson', import: 'default' });

/** Each lesson's outline (steps and systems, or its problem), for the home page and to fetch a lesson's views. */
export const lessonOutlines: Readonly<Record<string, LessonOutline>> = import.meta.glob<LessonOutline>('/lessons/*/lesson.md', { query: '?outline', import: 'default', eager: true });
