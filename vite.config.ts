import { defineConfig } from 'vitest/config';
import { runnerImport, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { LessonLoad } from './src/lessons/types.ts';
import type { LessonOutline } from './src/lessons/build-catalog.ts';

/**
 * Lessons parsed when the site is built, by the real parser (src/lessons, run here in Node), so the page
 * ships neither the parser nor its YAML library and shows exactly what parsing in the browser would:
 *  - `lesson.md?lesson`: the parsed lesson (a LessonLoad: the lesson, or the problem with file and line);
 *  - `lesson.md?outline`: its number of steps and its systems (whose views a lesson page fetches beside it),
 *    or the problem: all the home page needs.
 * In `vite` (dev) an edited lesson.md reloads like any module; a change under src/ that the parser reads
 * (the parser, the scenario language, a system added to the engine) makes the next lesson request parse
 * again with the new code, so a lesson naming a new system opens without restarting the server.
 */
function parsedLessons(): Plugin {
  type Parse = (source: string, file: string) => LessonLoad;
  let root = process.cwd();
  let parser: Promise<Parse> | null = null;
  // A parser that failed to load (a half-saved source file in dev) is tried again on the next lesson.
  const parserNow = () => (parser ??= runnerImport<{ parseLesson: Parse }>('/src/lessons/parse.ts', { root, logLevel: 'error' })
    .then((r) => r.module.parseLesson, (e: unknown) => { parser = null; throw e; }));
  const parse = async (file: string): Promise<LessonLoad> => {
    const shown = file.replace(/^.*?(?=lessons\/)/, '');
    try {
      return (await parserNow())(readFileSync(file, 'utf8'), shown);
    } catch (e) {
      return { ok: false, file: shown, line: 1, message: (e as Error).message };
    }
  };
  const outlineOf = (r: LessonLoad): LessonOutline => (r.ok
    ? { steps: r.lesson.steps.length, systems: r.lesson.meta.systems, problem: null }
    : { steps: 0, systems: [], problem: `${r.file}:${r.line}: ${r.message}` });
  return {
    name: 'townboard-parsed-lessons',
    configResolved(config) { root = config.root; },
    configureServer(server) {
      server.watcher.on('all', (_event, path) => {
        if (!/[\\/]src[\\/](engine|lessons|script)[\\/]/.test(path)) return;
        parser = null;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (/\/lesson\.md\?(lesson|outline)$/.test(mod.id ?? '')) server.moduleGraph.invalidateModule(mod);
        }
      });
    },
    async load(id) {
      const [file, query] = id.split('?', 2);
      if ((query !== 'lesson' && query !== 'outline') || !file!.endsWith('/lesson.md')) return null;
      this.addWatchFile(file!);
      const r = await parse(file!);
      return `export default ${JSON.stringify(query === 'lesson' ? r : outlineOf(r))};`;
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built site works from any static host and any sub-path (routes are hashes).
  base: './',
  plugins: [react(), parsedLessons()],
  // Lessons live outside src/ and are loaded with import.meta.glob (parsed by the plugin above).
  server: { fs: { allow: ['.'] } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
