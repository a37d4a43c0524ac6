// axe finds no serious or critical accessibility problems on the home page, a lesson page (with its
// prediction answered) and the shortcuts dialog.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready } from './helpers.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
}

test('home page: no serious or critical axe violations', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await expect(page.getByRole('list', { name: 'Lessons' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('lesson page: no serious or critical axe violations', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/2');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  await page.getByTestId('predict').locator('label.choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  // The run plays at the step's pace; the verdict is what these checks need.
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Console' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
