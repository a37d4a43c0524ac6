// What a learner does in the discovery pictures (lesson 12): reaches an instance with the keyboard alone,
// inspects it, and shuts it down gracefully from its menu (a recorded command that takes its card off the
// directory at once); and axe finds no serious problem on the directory's and the gossip's steps.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, tabTo } from './helpers.ts';

const tech = (page: Page) => page.locator('section[aria-label="Technical view"]');

async function open(page: Page, step: number) {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate((s) => window.townboard!.loadLesson('12-service-discovery', s), step);
  expect(r.ok).toBe(true);
  await expect(page.getByTestId('step-title')).toBeVisible();
}

test('keyboard only: reach an instance, inspect it, deregister it from its menu; the directory drops it at once', async ({ page }) => {
  await open(page, 1);
  const api1 = tech(page).getByRole('button', { name: /^api1; served/ });
  await tabTo(page, api1, 200);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('Instance api1');
  await expect(page.getByTestId('inspector')).toContainText('the registry says');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for api1' });
  await menu.getByRole('menuitem', { name: 'Shut api1 down gracefully (deregister)' }).focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await page.evaluate(() => window.townboard!.exec('run for=100ms'));
  expect(await page.evaluate(() => window.townboard!.query('discovery.listed(api1)'))).toBe(false);
  await expect(tech(page).getByRole('button', { name: /^registry · TTL 3000ms; api1 – not listed/ })).toBeVisible();
  const inputs = await page.evaluate(() => window.townboard!.inputs().map((i) => i.line));
  expect(inputs).toContain('discovery.deregister node=api1');
});

for (const step of [3, 5]) {
  test(`axe finds no serious problem on lesson 12 step ${step}`, async ({ page }) => {
    await open(page, step);
    await page.evaluate(() => window.townboard!.exec('run for=3s'));
    const results = await new AxeBuilder({ page }).include('[data-testid=stage]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
