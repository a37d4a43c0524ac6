import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog, outlineOf } from '../../../src/lessons/catalog.ts';
import { buildCatalog, displayPath } from '../../../src/lessons/build-catalog.ts';
import { readLessonSources } from '../../../src/lessons/node-sources.ts';
import { CHAPTERS } from '../../../src/lessons/chapters.ts';
import { parseLesson } from '../../../src/lessons/parse.ts';
import { lessonLoaders } from '../../../src/lessons/sources.browser.ts';

describe('the catalog', () => {
  it('lists all fifteen lessons, 00 to 14, in order, each with a title and summary', () => {
    expect(catalog).toHaveLength(15);
    expect(catalog.map((e) => e.chapter)).toEqual([...Array(15).keys()]);
    for (const e of catalog) {
      expect(e.slug).toMatch(new RegExp(`^${String(e.chapter).padStart(2, '0')}-[a-z0-9-]+$`));
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.summary.length).toBeGreaterThan(20);
    }
  });

  it('loads the lessons written so far (each text fetched when asked) and shows the rest as coming (null), not broken', async () => {
    for (const slug of ['00-town-square', '01-events-vs-commands']) {
      const entry = catalog.find((e) => e.slug === slug)!;
      expect(() => entry.load()).toThrow(/has not been fetched yet/);
      await entry.fetch();
      const r = entry.load();
      expect(r && (r.ok ? r.lesson.meta.id : `${r.file}:${r.line}: ${r.message}`)).toBe(slug);
    }
    // A chapter whose folder is not written yet (none, once all fifteen are) is coming, not broken.
    for (const coming of catalog.filter((e) => !existsSync(`lessons/${e.slug}/lesson.md`))) {
      expect(coming.file).toBeNull();
      expect(coming.load()).toBeNull();
      await coming.fetch();
      expect(outlineOf(coming)).toBeNull();
    }
  });

  it("gives the home page each lesson's outline as parsing the lesson gives it (vite.config.ts computes it at build time)", async () => {
    const written = catalog.filter((e) => e.file !== null);
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const e of written) {
      await e.fetch();
      const r = e.load()!;
      expect(outlineOf(e)).toEqual(r.ok ? { steps: r.lesson.steps.length, systems: r.lesson.meta.systems, problem: null }
        : { steps: 0, systems: [], problem: `${r.file}:${r.line}: ${r.message}` });
    }
  });

  it('gives the page, parsed when the site is built, the lessons the CLI parses from the same files', async () => {
    const viaVite = Object.fromEntries(await Promise.all(Object.entries(lessonLoaders).map(async ([p, load]) => [displayPath(p), await load()])));
    const viaFs = Object.fromEntries(Object.entries(readLessonSources('lessons')).map(([p, t]) => [displayPath(p), parseLesson(t, displayPath(p))]));
    expect(Object.keys(viaVite).length).toBeGreaterThanOrEqual(2);
    expect(viaVite).toEqual(viaFs);
  });

  it('turns a broken lesson into a load error naming file and line, leaving the others working', () => {
    const broken = buildCatalog({ '/lessons/02-queues-vs-streams/lesson.md': '---\nid: 02-queues-vs-streams\n---\n' }, parseLesson);
    const r = broken.find((e) => e.chapter === 2)!.load();
    expect(r).toMatchObject({ ok: false, file: 'lessons/02-queues-vs-streams/lesson.md', line: 1, message: expect.stringMatching(/missing 'chapter'/) });
    expect(broken.find((e) => e.chapter === 3)!.load()).toBeNull();
    expect(CHAPTERS.map((c) => c.slug)).toContain('02-queues-vs-streams');
  });
});
