// What each page costs to load: the JavaScript the home page and each lesson page fetch from the production
// build, in KB after gzip (what a static host sends), and the whole build's JavaScript for comparison.
//
// It builds the app (`vite build` into a temporary folder), serves it with `vite preview` on a free port and
// opens each page in headless Chromium, counting every script the page requested until the network has been
// quiet for half a second after the page showed (the home page's lesson list; a lesson's step title). Each
// file's gzip size is measured from the build (zlib's default level, as Vite reports). Skips with one line
// when no Chromium is found (tests/e2e/chromium-path.mjs). Called by run.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './kernel.ts';
import { buildAndServe, gzipSize, scriptOf } from '../e2e/built-site.ts';
// @ts-expect-error: a plain .mjs helper shared with the Playwright config
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path.mjs';

const kb = (bytes: number) => bytes / 1024;

export async function benchSize(): Promise<Figure[]> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) {
    console.log('\nPage sizes: skipped — no Chromium found (set CHROMIUM_PATH, or install chromium).');
    return [];
  }
  const { chromium } = await import('@playwright/test');
  const site = await buildAndServe('size');
  const assets = join(site.out, 'assets');
  const gzipOf = new Map(readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => [f, gzipSize(site.out, f)] as const));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const lessons = readdirSync('lessons').filter((d) => /^\d\d-/.test(d)).sort()
    .filter((d) => readdirSync(join('lessons', d)).includes('lesson.md'));
  const figures: Figure[] = [];
  try {
    const measure = async (hash: string, shown: string): Promise<number> => {
      const page = await browser.newPage();
      const scripts = new Set<string>();
      page.on('request', (r) => {
        const file = scriptOf(r.url());
        if (file) scripts.add(file);
      });
      await page.goto(`${site.origin}/${hash}`);
      await page.locator(shown).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.close();
      let bytes = 0;
      for (const f of scripts) bytes += gzipOf.get(f) ?? 0;
      return kb(bytes);
    };
    figures.push({ name: 'home page: JavaScript fetched (gzip)', value: await measure('', '.lesson-grid'), unit: 'KB' });
    for (const slug of lessons) {
      figures.push({ name: `lesson ${slug} page: JavaScript fetched (gzip)`, value: await measure(`#/lesson/${slug}/1`, '[data-testid="step-title"]'), unit: 'KB' });
    }
    figures.push({ name: 'sandbox page: JavaScript fetched (gzip)', value: await measure('#/sandbox', '[data-testid="stage"]'), unit: 'KB' });
    figures.push({ name: `the whole build: ${gzipOf.size} scripts (gzip)`, value: kb([...gzipOf.values()].reduce((a, b) => a + b, 0)), unit: 'KB' });
  } finally {
    await browser.close();
    await site.close();
  }
  return figures;
}
