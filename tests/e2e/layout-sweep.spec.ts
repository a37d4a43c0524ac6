// Every step of every lesson, at every size in SWEEP_SIZES (all four with LAYOUT_SIZES=all): the stage's words are whole, inside their
// picture, not under the size's minimum and not over one another — when the step opens, and again once
// its prediction has run or its challenge's reference solution has been typed (the busiest pictures).
// One test per lesson and size walks the steps through the test hook without reloading the page.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseLesson } from '../../src/lessons/parse.ts';
import { LESSONS, ready } from './helpers.ts';
import { SWEEP_SIZES, layoutProblems } from './layout-check.ts';

/**
 * Pictures known not to meet the rules yet, by size and lesson, each with what is wrong: skipped (so the
 * suite stays green and fast) until the pictures are fixed, then taken off this list. Run one anyway with
 * `LAYOUT_ALL=1 npx playwright test tests/e2e/layout-sweep.spec.ts -g "<lesson>"` to list its problems.
 */
const KNOWN: Record<string, string> = {};

function lessonSteps(key: string) {
  const file = `lessons/${key}/lesson.md`;
  const load = parseLesson(readFileSync(file, 'utf8'), file);
  if (!load.ok) throw new Error(`${file}:${load.line}: ${load.message}`);
  return load.lesson.steps;
}

for (const size of SWEEP_SIZES) {
  for (const lesson of LESSONS) {
    test(`layout at ${size.name}: every step of lesson ${lesson} reads whole, unhidden and at least ${size.minPx} px`, async ({ page }) => {
      const known = KNOWN[`${size.name} ${lesson}`];
      test.fixme(known !== undefined && !process.env.LAYOUT_ALL, known);
      const steps = lessonSteps(lesson);
      test.setTimeout(20_000 + steps.length * 4_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`/#/lesson/${lesson}/1`);
      await ready(page);
      if (size.presenter) await page.evaluate(() => window.townboard!.setLayout({ presenter: true }));
      const problems: string[] = [];
      const look = async (where: string) => {
        for (const p of await layoutProblems(page, size)) problems.push(`${where}: ${p}`);
      };
      for (const [k, step] of steps.entries()) {
        const opened = await page.evaluate(([key, n]) => window.townboard!.loadLesson(key, n), [lesson, k + 1] as const);
        expect(opened.ok, opened.error).toBe(true);
        await look(`step ${k + 1} opened`);
        const more = step.predict?.run ?? step.challenge?.solution ?? [];
        if (more.length === 0) continue;
        for (const line of more) {
          const r = await page.evaluate((l) => window.townboard!.exec(l), line);
          expect(r.error, `step ${k + 1}: ${line}`).toBeUndefined();
        }
        await look(`step ${k + 1} ${step.predict ? 'after its prediction ran' : 'solved'}`);
      }
      expect(problems).toEqual([]);
    });
  }
}
