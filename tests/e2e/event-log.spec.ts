// The event log filters by node and kind, and clicking an entry moves the cursor to it and shows it in
// the inspector.
import { expect, test } from '@playwright/test';
import { ready } from './helpers.ts';

test('the event log filters by node and kind, and an entry jumps to its moment', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/2');
  await ready(page);
  await page.evaluate(() => window.townboard!.exec('run for=500ms'));
  const log = page.getByTestId('event-log');
  const rows = log.locator('.log-row');
  await expect(rows.first()).toBeVisible();

  await page.getByTestId('log-node').selectOption('school');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('school');

  await page.getByRole('checkbox', { name: 'input' }).uncheck();
  await page.getByRole('checkbox', { name: 'note' }).uncheck();
  await expect(log.locator('.log-row.kind-note')).toHaveCount(0);
  await expect(log.locator('.log-row.kind-deliver').first()).toBeVisible();

  const entry = log.locator('.log-row.kind-deliver').first();
  const line = await entry.innerText();
  const t = Number(/t=(\d+)ms/.exec(line)?.[1]);
  await entry.getByRole('button').click();
  expect(await page.evaluate(() => window.townboard!.now())).toBe(t);
  await expect(page.getByTestId('inspector')).toContainText(line.replace(/^\S+\s+/, '').trim().slice(0, 20));
  // Entries after the cursor are still listed, marked as later.
  await page.getByTestId('log-node').selectOption('');
  await page.getByRole('checkbox', { name: 'note' }).check();
  await expect(log.locator('.log-row.later').first()).toBeAttached();
});

test('the log is one tab stop: arrows move between rows, Enter jumps, one Tab leaves it', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/2');
  await ready(page);
  await page.evaluate(() => window.townboard!.exec('run for=500ms'));
  const log = page.getByTestId('event-log');
  await expect(log.locator('.log-row').nth(3)).toBeVisible();
  expect(await log.locator('button[tabindex="0"]').count()).toBe(1);
  await log.locator('button[tabindex="0"]').focus();
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const last = await focusedText();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const up2 = await focusedText();
  expect(up2).not.toBe(last);
  await page.keyboard.press('Enter');
  const t = Number(/t=(\d+)ms/.exec(up2)?.[1]);
  await expect.poll(() => page.evaluate(() => window.townboard!.now())).toBe(t);
  await page.keyboard.press('Home');
  expect(await page.evaluate(() => document.activeElement === document.querySelector('[data-testid="event-log"] button'))).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="event-log"]'))).toBe(false);
});
