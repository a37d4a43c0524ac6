// The production build served from a sub-path, as a static host would serve it (a course page at
// https://example.edu/town/board/): built once into a temporary folder and served by `vite preview` under
// /town/board/. The home page renders within its budget of JavaScript, a lesson opens and plays, and no
// request fails or leaves the sub-path, and nothing is logged as an error.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PreviewServer } from 'vite';

/** The budget (#11): the home page's JavaScript, gzip, at most 150 KB. */
const HOME_BUDGET_KB = 150;
const SUB_PATH = '/town/board/';

let out = '';
let server: PreviewServer | null = null;
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const { build, preview } = await import('vite');
  out = mkdtempSync(join(tmpdir(), 'townboard-subpath-'));
  await build({ logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  const port = await freePort();
  server = await preview({ logLevel: 'error', base: SUB_PATH, build: { outDir: out }, preview: { port, strictPort: true, host: '127.0.0.1' } });
  origin = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
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
    const file = /\/assets\/([^/?#]+\.js)(?:[?#]|$)/.exec(url)?.[1];
    if (file) scripts.add(file);
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(origin + SUB_PATH);
  await expect(page.getByRole('list', { name: 'Lessons' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const gzipKb = [...scripts].reduce((sum, f) => sum + gzipSync(readFileSync(join(out, 'assets', f))).length, 0) / 1024;
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
