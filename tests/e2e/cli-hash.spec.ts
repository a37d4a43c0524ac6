// The same scenario with the same seed gives the same trace in the browser as in the headless CLI.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ready } from './helpers.ts';

const FILE = 'tests/scenarios/town/fanout.lab';

function cliRun(file: string, seed: number): { traceHash: string; now: number } {
  let out: string;
  try {
    out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'run', file, '--json', '--seed', String(seed)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    // A failed expectation exits 1 but still prints the JSON.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  return JSON.parse(out) as { traceHash: string; now: number };
}

for (const seed of [7, 42]) {
  test(`seed ${seed}: the browser's trace hash equals the CLI's`, async ({ page }) => {
    const cli = cliRun(FILE, seed);
    await page.goto('/#/sandbox');
    await ready(page);
    const text = readFileSync(FILE, 'utf8');
    const browser = await page.evaluate(([t, s]) => {
      const r = window.townboard!.loadScenario(t as string, s as number);
      return { errors: r.errors, hash: window.townboard!.traceHash(), now: window.townboard!.now() };
    }, [text, seed]);
    expect(browser.hash).toBe(cli.traceHash);
    expect(browser.now).toBe(cli.now);
    await expect(page.getByRole('heading', { name: 'Your scenario' })).toBeVisible();
    // Reloading on the sandbox page does not change it either.
    expect(await page.evaluate(() => window.townboard!.traceHash())).toBe(cli.traceHash);
  });
}
