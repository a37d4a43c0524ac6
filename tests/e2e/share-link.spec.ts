// "Copy link" captures the exact moment (lesson, step, seed, the learner's inputs, time, view); opening
// the link in a new page restores the same trace hash and time. A broken link says what is wrong and
// opens the lesson at its start instead of a blank page.
import { expect, test } from '@playwright/test';
import { ready, simNow, traceHash } from './helpers.ts';

test('a copied link reopened in a new page gives the same trace hash and time', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/lesson/01-events-vs-commands/5');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  // The learner acts: types commands, steps, switches the view, then scrubs back a little.
  const input = page.getByTestId('console-input');
  await page.getByRole('tab', { name: 'Console' }).click();
  for (const line of ['run for=120ms', 'crash node=audit', 'run for=400ms', 'restart node=audit', 'run for=200ms']) {
    await input.fill(line);
    await input.press('Enter');
  }
  await page.getByRole('button', { name: 'Technical', exact: true }).click();
  await page.evaluate(() => window.townboard!.seek(450));
  const hash = await traceHash(page);
  const now = await simNow(page);
  expect(now).toBe(450);

  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('?share=');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  await ready(other);
  await expect(other.getByTestId('step-title')).toBeVisible();
  await expect(other.locator('.progress-line')).toContainText('Step 5 of');
  expect(await traceHash(other)).toBe(hash);
  expect(await simNow(other)).toBe(now);
  await expect(other.getByRole('button', { name: 'Technical', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('notice')).toHaveCount(0);
});

test('a link made between two events of the same millisecond reopens at exactly that event', async ({ page, context }) => {
  await page.goto('/#/lesson/00-town-square/3');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  await page.getByRole('tab', { name: 'Console' }).click();
  await page.getByTestId('console-input').fill('pause node=fruit');
  await page.getByTestId('console-input').press('Enter');
  const step = page.getByRole('button', { name: 'Step forward one event' });
  for (let k = 0; k < 3; k++) await step.click();
  const here = await page.evaluate(() => ({ hash: window.townboard!.traceHash(), now: window.townboard!.now(), n: window.townboard!.trace().length }));
  const link = await page.evaluate(() => window.townboard!.shareLink());
  expect(link).not.toBeNull();

  const other = await context.newPage();
  await other.goto(link!);
  await ready(other);
  await expect(other.getByTestId('step-title')).toBeVisible();
  expect(await other.evaluate(() => ({ hash: window.townboard!.traceHash(), now: window.townboard!.now(), n: window.townboard!.trace().length }))).toEqual(here);
});

test('a broken link shows its message and opens the lesson at its start', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/3?share=not-a-real-link');
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('This link could not be opened');
  await expect(page.locator('.progress-line')).toContainText('Step 1 of');
  await expect(page.getByTestId('step-title')).toBeVisible();
});

test('a truncated link says it was cut short', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/2');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  const link = await page.evaluate(() => window.townboard!.shareLink());
  expect(link).not.toBeNull();
  await page.goto('about:blank');
  await page.goto(link!.slice(0, -6));
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('cut short');
  await expect(page.locator('.progress-line')).toContainText('Step 1 of');
});
