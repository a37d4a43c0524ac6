// Shared helpers for the lab's Playwright specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';

/** Every written lesson (a `lessons/NN-slug/lesson.md`), so each new one is walked without editing this. */
export const LESSONS: readonly string[] = readdirSync('lessons')
  .filter((d) => /^\d\d-/.test(d) && existsSync(`lessons/${d}/lesson.md`))
  .sort();

/** Waits until the app has started: on a lab page (a lesson, the sandbox) until the test hook is installed;
 *  elsewhere (the home page, which does not load the lab and so has no hook) until the page has rendered. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (/^#\/(lesson|sandbox)\b/.test(location.hash)
    ? window.townboard !== undefined
    : document.querySelector('main#main') !== null));
}

/** How many steps a lesson has, read from its step list. */
export async function stepCount(page: Page): Promise<number> {
  await expect(page.locator('.step-list li').first()).toBeVisible();
  return page.locator('.step-list li').count();
}

/** Presses Tab until `target` has focus: proves it can be reached with the keyboard alone. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let k = 0; k < max; k++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with ${max} presses of Tab`);
}

export async function traceHash(page: Page): Promise<string> {
  return page.evaluate(() => window.townboard!.traceHash());
}

export async function simNow(page: Page): Promise<number> {
  return page.evaluate(() => window.townboard!.now());
}

export async function expectStep(page: Page, index: number, count: number): Promise<void> {
  await expect(page.locator('.progress-line')).toContainText(`Step ${index + 1} of ${count}`);
}

/** Opens the focused element's menu with Shift+F10 and activates the item whose words match. */
export async function chooseFromMenu(page: Page, item: RegExp): Promise<void> {
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const wanted = menu.getByRole('menuitem', { name: item });
  await expect(wanted).toHaveCount(1);
  for (let k = 0; k < 12 && !(await wanted.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
}
