// The outbox pictures, from the keyboard only: a service's menu saves a new order (a recorded
// outbox.save), the inspector describes the relay, and a Publish in flight is dropped with Delete; the
// engine is checked through window.townboard. Then axe checks lesson 08's outbox step after its run.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, tabTo } from './helpers.ts';

test('keyboard only: save an order from the shop\'s menu, inspect the relay, drop a publish in flight', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  await expect(page.getByTestId('stage')).toBeVisible();
  const r = await page.evaluate(() => window.townboard!.loadScenario('outbox.service name=orders design=outbox interval=100ms\noutbox.consumer name=shipping inbox=true', 3));
  expect(r.errors).toEqual([]);
  const tech = page.getByTestId('outbox-tech');
  await expect(tech).toBeVisible();

  const orders = tech.locator('[data-node=orders]');
  await tabTo(page, orders);
  await page.keyboard.press('Shift+F10');
  const save = page.getByRole('menu').getByRole('menuitem', { name: /^Save a new order at orders/ });
  await expect(save).toHaveCount(1);
  for (let k = 0; k < 12 && !(await save.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toContain('outbox.save service=orders order=o1');
  expect(await page.evaluate(() => window.townboard!.query('outbox.rows(orders)'))).toBe(1);
  await expect(tech.getByText('· e1 created o1')).toBeVisible();

  await tabTo(page, tech.locator('[data-node=orders-relay]'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('Relay orders-relay');

  // The relay's next poll hands e1 to the board: drop that Publish from the keyboard; the relay sends it again.
  await page.evaluate(() => window.townboard!.exec('run for=105ms'));
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Technical/ }).focus();
  await tabTo(page, tech.locator('.tb-flight[tabindex="0"]'));
  await page.keyboard.press('Delete');
  expect((await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).some((l) => /^drop msg=\d+$/.test(l))).toBe(true);
  await page.evaluate(() => window.townboard!.exec('run for=2s'));
  expect(await page.evaluate(() => window.townboard!.query('outbox.applied(shipping) == 1 and outbox.unpublished(orders) == 0'))).toBe(true);
});

test('lesson 08: no serious or critical axe violations on the outbox step after its run', async ({ page }) => {
  await page.goto('/#/lesson/08-cqrs-outbox/7');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  await page.getByTestId('predict').locator('label.choice').nth(1).click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  const serious = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(serious).toEqual([]);
});
