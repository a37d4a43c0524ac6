// A lesson step can pick the pictures it needs (`view mode=tech`); leaving it gives the learner back the
// view they had, unless they chose another one meanwhile.
import { expect, test } from '@playwright/test';
import { ready } from './helpers.ts';

const pressed = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('button', { name, exact: true }).or(page.getByRole('button', { name: `✓ ${name}`, exact: true }));

test('a step that shows the technical view alone hands the learner’s view back on the next step', async ({ page }) => {
  await page.goto('/#/lesson/04-brokers/12');
  await ready(page);
  await expect(pressed(page, 'Both')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('step-title')).toContainText('One workload, three rule books');
  await expect(pressed(page, 'Technical')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Town view' })).toHaveCount(0);
  await page.getByRole('link', { name: /Back/ }).or(page.getByRole('button', { name: /Back/ })).first().click();
  await expect(pressed(page, 'Both')).toHaveAttribute('aria-pressed', 'true');
});

test('the console’s view command switches the pictures, as the buttons do', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await page.evaluate(() => window.townboard!.exec('view mode=town'));
  await expect(pressed(page, 'Town')).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate(() => window.townboard!.setView('both'));
  await expect(pressed(page, 'Both')).toHaveAttribute('aria-pressed', 'true');
});
