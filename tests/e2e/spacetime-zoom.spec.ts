// The space-time diagram's time axis: the wheel zooms around the pointer, a drag pans, "Fit all" shows the
// whole run and "Follow now" keeps the cursor in view (src/views/spacetime/zoom.ts reads the gestures,
// React draws the window). The svg's aria-label says which window is shown.
import { expect, test, type Locator } from '@playwright/test';
import { ready } from './helpers.ts';

const shown = async (svg: Locator) => {
  const m = /showing (-?\d+) to (-?\d+) ms/.exec((await svg.getAttribute('aria-label')) ?? '');
  return { t0: Number(m?.[1]), t1: Number(m?.[2]) };
};

test('the space-time diagram zooms with the wheel, pans with a drag, fits the run and follows now', async ({ page }) => {
  await page.goto('/#/lesson/03-kafka/5');
  await ready(page);
  await page.getByRole('tab', { name: 'Space-time' }).click();
  const svg = page.locator('svg[aria-label^="Space-time diagram"]');
  await expect(svg).toBeVisible();
  const start = await shown(svg);
  const box = (await svg.boundingBox())!;
  const at = { x: box.x + box.width * 0.6, y: box.y + 60 };

  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => { const w = await shown(svg); return w.t1 - w.t0; }).toBeLessThan(start.t1 - start.t0);
  const zoomed = await shown(svg);
  // Zoomed around the pointer: the window shrank from both sides.
  expect(zoomed.t0).toBeGreaterThan(start.t0);
  expect(zoomed.t1).toBeLessThan(start.t1);
  await expect(page.getByRole('button', { name: 'Follow now' })).toHaveAttribute('aria-pressed', 'false');

  // Dragging leftwards moves the window later in time by as much as it was dragged; the span stays.
  await page.mouse.down();
  await page.mouse.move(at.x - box.width * 0.2, at.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await shown(svg)).t0).toBeGreaterThan(zoomed.t0);
  const panned = await shown(svg);
  expect(Math.abs((panned.t1 - panned.t0) - (zoomed.t1 - zoomed.t0))).toBeLessThanOrEqual(2);

  await page.getByRole('button', { name: 'Fit all' }).click();
  const now = await page.evaluate(() => window.townboard!.now());
  await expect.poll(async () => (await shown(svg)).t0).toBe(0);
  expect((await shown(svg)).t1).toBeGreaterThanOrEqual(now);

  await page.getByRole('button', { name: 'Follow now' }).click();
  await expect(page.getByRole('button', { name: 'Follow now' })).toHaveAttribute('aria-pressed', 'true');
  const followed = await shown(svg);
  expect(followed.t0).toBeLessThanOrEqual(now);
  expect(followed.t1).toBeGreaterThanOrEqual(now);
});
