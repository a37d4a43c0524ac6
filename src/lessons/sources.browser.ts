// Lesson files bundled by Vite (and found by Vitest) as raw text. Browser/Vite only: tsx, which runs the
// CLI, has no import.meta.glob, so the CLI reads the files with node-sources.ts instead.
import type { LessonSources } from './build-catalog.ts';

export const lessonSources: LessonSources = import.meta.glob<string>('/lessons/*/lesson.md', { query: '?raw', import: 'default', eager: true });
