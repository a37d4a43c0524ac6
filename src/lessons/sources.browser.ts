// Lesson files as Vite (and Vitest) find them. Browser/Vite only: tsx, which runs the CLI, has no
// import.meta.glob, so the CLI reads the files with node-sources.ts instead.
import type { LessonLoaders, LessonOutline } from './build-catalog.ts';

/** Each lesson's text, fetched when its lesson is opened: a lesson page loads its own lesson only. */
export const lessonLoaders: LessonLoaders = import.meta.glob<string>('/lessons/*/lesson.md', { query: '?raw', import: 'default' });

/** Each lesson's outline (steps, or its problem), computed by the parser at build time (vite.config.ts). */
export const lessonOutlines: Readonly<Record<string, LessonOutline>> = import.meta.glob<LessonOutline>('/lessons/*/lesson.md', { query: '?outline', import: 'default', eager: true });
