// Presenter and focus mode give the stage the room (issue #12, "A stage-first layout"); the phone layout
// has no sideways scroll and no console errors. Whether every word then reads at 18 px, on every step, is
// layout-sweep.spec.ts's check at its presenter sizes.
import { expect, test } from '@playwright/test';
import { LESSONS, ready } from './helpers.ts';

/** A step of each lesson with its main picture busy (a fresh lesson falls back to step 2). */
const STEP: Record<string, number> = {
  '00-town-square': 3, '01-events-vs-commands': 3, '02-queues-vs-streams': 4, '03-kafka': 7, '04-brokers': 5, '10-consensus': 3,
};

const overlap = (a: DOMRect | null, b: DOMRect | null) =>
  !!a && !!b && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

for (const [width, height] of [[1024, 768], [1920, 1080]] as const) {
  test(`presenter mode at ${width}x${height}: the Presenter button folds the text into a strip and the panels away, and magnifies the stage`, async ({ page }) => {
    test.setTimeout(30_000 + LESSONS.length * 6_000);
    await page.setViewportSize({ width, height });
    for (const lesson of LESSONS) {
      const step = STEP[lesson] ?? 2;
      await page.goto(`/#/lesson/${lesson}/${step}`);
      await ready(page);
      // The button the first time; the page then stays in presenter mode from step to step.
      await expect(page.locator('.stage-pane').first()).toBeVisible();
      if (lesson === LESSONS[0]) await page.getByRole('button', { name: 'Presenter' }).click();
      await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('caption-title')).toBeVisible();
      // The panels wait until asked, and their toggle never sits over a tab's label.
      await expect(page.locator('.tab-panel:not([hidden])')).toBeHidden();
      const [toggle, tabs] = await Promise.all([page.getByTestId('dock-toggle').boundingBox(), page.locator('.tab').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))]);
      for (const t of tabs) expect(overlap(toggle as DOMRect | null, t), 'the panels toggle covers a tab').toBe(false);
      const layout = await page.evaluate(() => window.townboard!.layout());
      expect(layout.presenter).toBe(true);
      expect(layout.zoom, `${lesson}: stage zoom`).toBeGreaterThanOrEqual(1.5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll').toBeLessThanOrEqual(width);
    }
  });
}

test('focus mode: F shows one picture large with the text in a strip (a prediction plays in full view, its verdict in the strip), and F again brings the page back', async ({ page }) => {
  await page.goto('/#/lesson/01-events-vs-commands/2');
  await ready(page);
  await expect(page.locator('.narration')).toBeVisible();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => window.townboard!.layout())).toMatchObject({ focus: true, pictures: ['tech'], panelsHidden: true });
  await expect(page.getByTestId('caption-strip')).toBeVisible();
  await expect(page.locator('.narration')).toBeHidden();
  expect(await page.evaluate(() => window.townboard!.layout().zoom)).toBeGreaterThanOrEqual(1.5);
  // A node's menu opens where the click was, although the picture under it is magnified.
  const node = page.locator('section[aria-label="Technical view"] [role=button][aria-label*="handled"]').first();
  const at = (await node.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2, { button: 'right' });
  const menu = (await page.getByRole('menu').boundingBox())!;
  expect(Math.abs(menu.x - (at.x + at.width / 2)) + Math.abs(menu.y - (at.y + at.height / 2))).toBeLessThan(4);
  await page.keyboard.press('Escape');
  // The strip switches the picture, and opens the full text (prediction included) over the stage.
  await page.getByTestId('caption-strip').getByRole('button', { name: 'Town' }).click();
  await expect.poll(() => page.evaluate(() => window.townboard!.layout().pictures)).toEqual(['town']);
  await page.getByTestId('caption-toggle').click();
  await expect(page.locator('.caption-full [data-testid=step-title]')).toBeVisible();
  // Locking in the prediction there puts the text aside so the run is seen whole; the strip gives the verdict.
  await page.locator('.caption-full .choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await expect(page.locator('.caption-full')).toBeHidden();
  await page.getByTestId('caption-strip').getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('caption-verdict')).toContainText(/Your prediction held|Not this time/);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => window.townboard!.layout())).toMatchObject({ focus: false, pictures: ['town', 'tech'], zoom: 1, panelsHidden: false });
  await expect(page.locator('.narration')).toBeVisible();
});

test('phone 390x844: the stage comes first, nothing scrolls sideways, no console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  // Run the step's scene: the notice goes up on the board and is read.
  await page.evaluate(() => window.townboard!.exec('run for=200ms'));
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const copy = await page.getByTestId('copy-link').boundingBox();
  expect(copy && copy.x + copy.width).toBeLessThanOrEqual(390);
  const stage = await page.getByTestId('stage').boundingBox();
  const text = await page.locator('.narration').boundingBox();
  expect(stage!.y).toBeLessThan(text!.y);
  // The panels start folded, so the step's text follows the playback bar.
  expect(await page.evaluate(() => window.townboard!.layout().panelsHidden)).toBe(true);
  // The two pictures are stacked, not squeezed side by side over each other.
  const panes = await page.locator('.stage-pane').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().toJSON() as DOMRect));
  expect(panes).toHaveLength(2);
  expect(overlap(panes[0]!, panes[1]!)).toBe(false);
  expect(problems).toEqual([]);
});
