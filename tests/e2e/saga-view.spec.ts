// The saga pictures, driven from the keyboard only: a shop's menu makes it refuse every order, so the
// saga the school then starts is compensated (checked in the engine through window.townboard); the
// school's menu sets it on fire mid-saga, and the picture says so. Then axe checks lesson 07's 2PC step.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chooseFromMenu, ready, tabTo } from './helpers.ts';

const query = (page: Page, q: string) => page.evaluate((x) => window.townboard!.query(x), q);

test('keyboard only: make the deli refuse, watch the saga compensate, set the school on fire', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  await expect(page.getByTestId('stage')).toBeVisible();
  const r = await page.evaluate(() => window.townboard!.loadScenario('saga.define name=lunch steps=bakery,deli,fruit', 7));
  expect(r.errors).toEqual([]);
  await expect(page.getByTestId('saga-tech')).toBeVisible();

  const deli = page.locator('[data-testid=saga-tech] [data-node=deli]');
  await tabTo(page, deli);
  await chooseFromMenu(page, /^Make deli refuse every order/);
  await expect(deli).toHaveAttribute('aria-label', /deli: value 0; refuses every order/);

  await page.evaluate(() => window.townboard!.exec('saga.start def=lunch'));
  await page.evaluate(() => window.townboard!.exec('run until="saga.ended == 1" max=5s'));
  expect(await query(page, 'saga.status(lunch1)')).toBe('compensated');
  expect(await query(page, 'saga.compensated(lunch1)')).toBe('bakery');
  await expect(page.locator('[data-testid=saga-town] > svg')).toHaveAttribute('aria-label', /↩ bakery: taken back/);

  await page.evaluate(() => window.townboard!.exec('saga.start def=lunch'));
  const school = page.locator('[data-testid=saga-town] [data-node=school]');
  // From the view switch in the header, forward into the town picture.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Town/ }).focus();
  await tabTo(page, school);
  await chooseFromMenu(page, /^Crash school/);
  expect(await query(page, 'up(school)')).toBe(false);
  await expect(school).toHaveAttribute('aria-label', /school \(crashed\)/);
});

test('lesson 07: no serious or critical axe violations on the 2PC step, before and after its prediction', async ({ page }) => {
  await page.goto('/#/lesson/07-sagas/12');
  await ready(page);
  await expect(page.getByTestId('saga-town')).toBeVisible();
  const serious = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(await serious()).toEqual([]);
  await page.getByTestId('predict').locator('label.choice').nth(1).click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  expect(await serious()).toEqual([]);
});
