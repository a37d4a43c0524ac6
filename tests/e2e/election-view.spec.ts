// The election pictures from the keyboard: the storage reached with Tab in the technical picture, its menu
// turns fencing on (election.fencing), and the paused holder's late write is then refused in the engine and
// marked rejected on its timeline; axe finds no serious problem with both pictures drawn.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chooseFromMenu, ready, tabTo } from './helpers.ts';

test('keyboard only: the storage\'s menu turns fencing on and the stale holder\'s write is refused', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate(() => window.townboard!.loadScenario(
    'election.locks ttl=2s\nelection.client name=c1\nrun for=50ms\nelection.client name=c2\nrun until="election.preparing(c1)" max=5s\npause node=c1', 1));
  expect(r.errors).toEqual([]);
  const tech = page.getByTestId('election-tech');
  await expect(tech).toBeVisible();
  const storage = tech.locator('[data-node=storage]');
  await tabTo(page, storage);
  await expect(storage).toHaveAttribute('aria-label', /^storage: highest token 0 · fencing off/);
  await chooseFromMenu(page, /^Check fencing tokens/);
  for (const line of ['run for=4s', 'resume node=c1', 'run for=1s']) await page.evaluate((l) => window.townboard!.exec(l), line);
  expect(await page.evaluate(() => window.townboard!.query('election.rejected'))).toBe(1);
  expect(await page.evaluate(() => window.townboard!.query('election.lost'))).toBe(0);
  await expect(tech.getByRole('img', { name: /^c1's timeline: .*#1 rejected/ })).toHaveCount(1);
  await expect(page.getByTestId('election-town').locator('svg').first()).toHaveAttribute('aria-label', /the clerk checks key numbers: highest 2/);

  const axe = await new AxeBuilder({ page }).include('[data-testid=election-tech]').include('[data-testid=election-town]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
