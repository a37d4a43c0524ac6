// The two generals from the keyboard: Tab to the enemy's valley, its menu orders the last messenger caught
// (generals.ambush), and at dawn the town's outcome and the engine agree that west attacked alone. Then axe
// checks the lesson 14 page after its first prediction has played.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, tabTo } from './helpers.ts';

test('keyboard only: the valley menu orders the last messenger caught; one general attacks alone', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate(() => window.townboard!.loadScenario('generals.start rounds=1 dawn=1s', 1));
  expect(r.errors).toEqual([]);
  const town = page.getByTestId('generals-town');
  await expect(town).toBeVisible();
  const valley = town.locator('[data-node=valley]');
  await tabTo(page, valley);
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  const wanted = menu.getByRole('menuitem', { name: /^Order the last messenger \(2\) caught/ });
  await expect(wanted).toHaveCount(1);
  for (let k = 0; k < 12 && !(await wanted.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await page.evaluate(() => window.townboard!.exec('run for=1s'));
  expect(await page.evaluate(() => window.townboard!.query('generals.outcome'))).toBe('west-alone');
  await expect(page.getByTestId('generals-outcome')).toHaveText('west attacks alone and is beaten');
});

test('axe: lesson 14 with its first prediction played has no serious or critical violations', async ({ page }) => {
  await page.goto('/#/lesson/14-honest-admission/1');
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
