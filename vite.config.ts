import { defineConfig } from 'vitest/config';
import { runnerImport, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { LessonLoad } from './src/lessons/types.ts';
import type { LessonOutline } from './src/lessons/build-catalog.ts';

/**
 * `lesson.md?outline` is a lesson's outline: its number of steps and its systems (whose views a lesson page
 * fetches beside its text), or the problem that stops it loading. The real parser (src/lessons, run here in
 * Node) computes it at build time, so the home page shows exactly what parsing in the browser would without
 * shipping the parser, the engine or the lesson texts. In `vite` (dev) an edited lesson.md reloads its
 * outline like any module; a change to the parser itself is seen after restarting the server.
 */
function lessonOutlines(): Plugin {
  type Parse = (source: string, file: string) => LessonLoad;
  let root = process.cwd();
  let parser: Promise<Parse> | null = null;
  // A parser that failed to load (a half-saved source file in dev) is tried again on the next outline.
  const parse = () => (parser ??= runnerImport<{ parseLesson: Parse }>('/src/lessons/parse.ts', { root, logLevel: 'error' })
    .then((r) => r.module.parseLesson, (e: unknown) => { parser = null; throw e; }));
  return {
    name: 'townboard-lesson-outlines',
    configResolved(config) { root = config.root; },
    async load(id) {
      const [file, query] = id.split('?', 2);
      if (query !== 'outline' || !file!.endsWith('/lesson.md')) return null;
      this.addWatchFile(file!);
      const shown = file!.replace(/^.*?(?=lessons\/)/, '');
      let outline: LessonOutline;
      try {
        const r = (await parse())(readFileSync(file!, 'utf8'), shown);
        outline = r.ok ? { steps: r.lesson.steps.length, systems: r.lesson.meta.systems, problem: null }
          : { steps: 0, systems: [], problem: `${r.file}:${r.line}: ${r.message}` };
      } catch (e) {
        outline = { steps: 0, systems: [], problem: `${shown}: ${(e as Error).message}` };
      }
      return `export default ${JSON.stringify(outline)};`;
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built site works from any static host and any sub-path (routes are hashes).
  base: './',
  plugins: [react(), lessonOutlines()],
  // Lessons live outside src/ and are loaded with import.meta.glob as raw text.
  server: { fs: { allow: ['.'] } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
