// prefers-reduced-motion, the pause control, and keyboard shortcuts (which can be switched off).
import { expect, test } from '@playwright/test';
import { ready, simNow } from './helpers.ts';

test('reduced motion: the lab knows, drops transitions, and still shows everything', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true');
  const transition = await page.getByTestId('play').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
  // Nothing is hidden: the stage, the playback bar and the log are all there, and playing still works
  // (with a pause control right beside it).
  await expect(page.getByTestId('stage')).toBeVisible();
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await expect.poll(() => simNow(page)).toBeGreaterThan(0);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
  const log = page.getByTestId('event-log');
  await expect(log).toContainText('bakery');
});

test('without reduced motion the preference is off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'false');
});

test('keyboard shortcuts: space, arrows, [ ] and . work, ? lists them, and single keys can be switched off', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  await page.getByTestId('step-title').focus();
  const play = page.getByTestId('play');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const after2 = await page.evaluate(() => window.townboard!.trace().length);
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => window.townboard!.trace().length)).toBeLessThan(after2);

  const speed = page.locator('.speed-value');
  const before = await speed.innerText();
  await page.keyboard.press(']');
  await expect(speed).not.toHaveText(before);
  await page.keyboard.press('[');
  await expect(speed).toHaveText(before);

  await page.keyboard.press(' ');
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('.');
  await expect(play).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('step one event forward');
  await dialog.getByTestId('letter-keys').uncheck();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Single-character shortcuts are now off; arrows still work.
  await page.getByTestId('step-title').focus();
  await page.keyboard.press('.');
  await page.keyboard.press('?');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(dialog).toBeHidden();
  const n = await page.evaluate(() => window.townboard!.trace().length);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => window.townboard!.trace().length)).toBeGreaterThan(n);
  // The choice is remembered.
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByTestId('letter-keys')).not.toBeChecked();
});

test('typing in the console never triggers shortcuts', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByTestId('console-input');
  await input.click();
  await page.keyboard.type('run for=1s. [x] ?');
  await expect(input).toHaveValue('run for=1s. [x] ?');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
