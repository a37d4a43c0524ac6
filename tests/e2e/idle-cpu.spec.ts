// Nothing uses CPU while paused or while the tab is hidden: no animation frames are requested then.
import { expect, test } from '@playwright/test';
import { ready } from './helpers.ts';

test('no animation frames are requested while paused or while the tab is hidden', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { frames_requested: number };
    w.frames_requested = 0;
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { w.frames_requested++; return original(cb); };
  });
  await page.goto('/#/lesson/01-events-vs-commands/6');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  const frames = () => page.evaluate(() => (window as unknown as { frames_requested: number }).frames_requested);

  // Paused after opening: the count stays flat.
  await page.waitForTimeout(300);
  const idle = await frames();
  await page.waitForTimeout(700);
  expect(await frames()).toBe(idle);

  // Playing: frames are requested.
  // Slow playback so the run does not finish (and pause itself) during the test.
  await page.evaluate(() => window.townboard!.seek(0));
  await page.getByTestId('play').click();
  await expect.poll(frames).toBeGreaterThan(idle + 5);

  // Hidden while playing: the clock stops asking for frames.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(100);
  const hidden = await frames();
  await page.waitForTimeout(700);
  expect(await frames()).toBe(hidden);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');

  // Visible again: playback resumes; paused: flat again.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(frames).toBeGreaterThan(hidden);
  await page.getByTestId('play').click();
  await page.waitForTimeout(200);
  const paused = await frames();
  await page.waitForTimeout(700);
  expect(await frames()).toBe(paused);
});
