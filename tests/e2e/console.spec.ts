// The console: commands run against the live scenario, bad ones are rejected with a specific error and
// change nothing, and ↑ recalls earlier commands.
import { expect, test } from '@playwright/test';
import { ready, traceHash } from './helpers.ts';

test('the console rejects a bad command with its error and keeps history', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByTestId('console-input');
  const out = page.getByTestId('console-output');
  const before = await traceHash(page);

  await input.fill('crsh node=bakery');
  await input.press('Enter');
  await expect(out.locator('.console-error').last()).toContainText(/unknown command 'crsh'/i);

  await input.fill('publish from=nowhere topic=FlourNeeded');
  await input.press('Enter');
  await expect(out.locator('.console-error').last()).toContainText("there is no service 'nowhere'");
  expect(await traceHash(page)).toBe(before);

  await input.fill('run for=100ms');
  await input.press('Enter');
  await expect(out.locator('.console-entry').last()).not.toHaveClass(/has-error/);
  await expect(page.getByTestId('clock')).toContainText('100 ms');

  await input.press('ArrowUp');
  await expect(input).toHaveValue('run for=100ms');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('publish from=nowhere topic=FlourNeeded');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('run for=100ms');

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(out.locator('.console-entry')).toHaveCount(0);
});
