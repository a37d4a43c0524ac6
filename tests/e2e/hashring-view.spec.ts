// The hash ring's pictures from the keyboard: a house reached with Tab, its menu adds a node (hashring.join),
// the town's caption and the technical matrix say what moved, another house's menu takes it off the ring;
// each checked in the engine through window.townboard. Then axe checks lesson 09's page after its first
// prediction has played.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chooseFromMenu, ready, tabTo } from './helpers.ts';

test('keyboard only: a house menu adds a node and takes one off; the pictures say what moved', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate(() => window.townboard!.loadScenario('hashring.start nodes=4 keys=10000 vnodes=16', 9));
  expect(r.errors).toEqual([]);
  const town = page.getByTestId('hashring-town');
  await expect(town).toBeVisible();
  await expect(page.getByTestId('hashring-keys').first()).toBeVisible();

  const h2 = town.locator('[data-node=h2]');
  await tabTo(page, h2);
  await expect(h2).toHaveAttribute('aria-label', /^h2 in r1: \d+ keys/);
  await chooseFromMenu(page, /^Add a node to the ring/);
  expect(await page.evaluate(() => window.townboard!.query('hashring.nodes'))).toBe(5);
  const moved = await page.evaluate(() => window.townboard!.query('hashring.moved(ring)'));
  expect(await page.evaluate(() => window.townboard!.query('hashring.movedTo(h5, ring)'))).toBe(moved);
  await expect(page.getByTestId('hashring-moved')).toContainText(`${moved}`);
  await expect(page.getByTestId('hashring-matrix')).toHaveAttribute('aria-label', /Moved keys, from \(rows\) to \(columns\), ring/);

  const h3 = town.locator('[data-node=h3]');
  await tabTo(page, h3);
  await chooseFromMenu(page, /^Take h3 off the ring/);
  expect(await page.evaluate(() => window.townboard!.query('hashring.nodes'))).toBe(4);
  expect(await page.evaluate(() => window.townboard!.query('hashring.movedTo(h3, ring)'))).toBe(0);
  await expect(town.locator('[data-node=h3]')).toHaveCount(0);
});

test('axe: lesson 09 with its first prediction played has no serious or critical violations', async ({ page }) => {
  await page.goto('/#/lesson/09-consistent-hashing/1');
  await ready(page);
  await page.getByTestId('predict').locator('label.choice').nth(2).click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(violations).toEqual([]);
});
