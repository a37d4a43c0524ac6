// The town board's messages in flight, from the keyboard: one tab stop per picture; Delete drops the
// message (the `drop` command, so it is a recorded input); Enter opens its menu in the technical picture.
import { expect, test } from '@playwright/test';
import { ready, tabTo } from './helpers.ts';

test('a town message in flight is reached with Tab and dropped with Delete; a technical one through its menu', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  // At 15 ms the board's "Pinned" reply to the bakery and its notice to the grocery are on the way.
  await page.evaluate(() => window.townboard!.seek(15));
  const town = page.locator('section[aria-label="Town view"] .tb-flight[tabindex="0"]');
  await expect(page.locator('section[aria-label="Town view"] .tb-flight')).toHaveCount(2);
  await expect(page.locator('section[aria-label="Town view"] .tb-flight[tabindex="0"]')).toHaveCount(1);

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Both/ }).focus();
  await tabTo(page, town);
  const first = Number(/message #(\d+)/.exec((await town.getAttribute('aria-label')) ?? '')?.[1]);
  expect(first).toBeGreaterThan(0);
  await page.keyboard.press('Delete');
  await expect(town).toHaveAttribute('aria-label', new RegExp(`message #${first},.*will be lost on arrival`));
  expect(await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toContain(`drop msg=${first}`);

  // The technical picture: its tab stop is the same (now doomed) message; the arrow key moves to the
  // other, whose menu drops it.
  const tech = page.locator('section[aria-label="Technical view"] .tb-flight[tabindex="0"]');
  await tabTo(page, tech);
  await expect(tech).toHaveAttribute('aria-label', new RegExp(`message #${first},.*will be lost on arrival`));
  await page.keyboard.press('ArrowRight');
  const second = Number(/message #(\d+)/.exec((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '')?.[1]);
  expect(second).toBeGreaterThan(0);
  expect(second).not.toBe(first);
  await page.keyboard.press('Enter');
  const drop = page.getByRole('menu').getByRole('menuitem', { name: new RegExp(`^Drop message #${second}`) });
  await expect(drop).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toContain(`drop msg=${second}`);

  await page.evaluate(() => window.townboard!.exec('run for=50ms'));
  expect(await page.evaluate(() => window.townboard!.trace().filter((l) => l.includes('dropped by hand')).length)).toBe(2);
});
