// The production build served from a sub-path, as a static host would serve it (a course page at
// https://example.edu/town/board/): built once into a temporary folder and served by `vite preview` under
// /town/board/. The home page renders within its budget of JavaScript, a lesson opens and plays, and no
// request fails or leaves the sub-path, and nothing is logged as an error.
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndServe, gzipSize, scriptOf, type BuiltSite } from './built-site.ts';

/** The budget (#11): the home page's JavaScript, gzip, at most 150 KB. */
const HOME_BUDGET_KB = 150;
const SUB_PATH = '/town/board/';

let site: BuiltSite | null = null;
let out = '';
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  site = await buildAndServe('subpath', SUB_PATH);
  ({ out, origin } = site);
});

test.afterAll(async () => {
  await site?.close();
});

test('the built site works under a sub-path: the home page within budget, a lesson that plays', async ({ page }) => {
  const failed: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];
  const scripts = new Set<string>();
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith(origin) && !url.startsWith(origin + SUB_PATH)) outside.push(url);
    const file = scriptOf(url);
    if (file) scripts.add(file);
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(origin + SUB_PATH);
  await expect(page.getByRole('list', { name: 'Lessons' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const gzipKb = [...scripts].reduce((sum, f) => sum + gzipSize(out, f), 0) / 1024;
  expect(gzipKb, `the home page fetched ${[...scripts].join(', ')}`).toBeLessThanOrEqual(HOME_BUDGET_KB);
  expect(readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(scripts.size);

  await page.getByRole('link', { name: /^Lesson 00:/ }).click();
  await expect(page.getByTestId('step-title')).toBeVisible();
  expect(page.url()).toBe(`${origin}${SUB_PATH}#/lesson/00-town-square/1`);
  await page.waitForFunction(() => window.townboard !== undefined);
  await page.getByTestId('play').click();
  await expect.poll(() => page.evaluate(() => window.townboard!.now())).toBeGreaterThan(0);

  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
