// A prediction is answered by the simulation from the step's opening state, whatever the learner did
// before locking it in, so everyone's answer is checked against the same run.
import { expect, test, type Page } from '@playwright/test';
import { ready, traceHash } from './helpers.ts';

async function lockFirstChoice(page: Page) {
  await page.getByTestId('predict').locator('label.choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
}

test('locking a prediction after playing restarts the step and gives the same run as locking at once', async ({ page, context }) => {
  await page.goto('/#/lesson/00-town-square/3');
  await ready(page);
  await lockFirstChoice(page);
  await expect(page.getByTestId('predict-result')).not.toContainText('started again');
  const direct = { hash: await traceHash(page), result: await page.getByTestId('predict-result').innerText() };

  const other = await context.newPage();
  await other.goto('/#/lesson/00-town-square/3');
  await ready(other);
  await other.getByRole('tab', { name: 'Console' }).click();
  await other.getByTestId('console-input').fill('crash node=deli');
  await other.getByTestId('console-input').press('Enter');
  await other.evaluate(() => window.townboard!.exec('run for=200ms'));
  await lockFirstChoice(other);
  await expect(other.getByTestId('predict-result')).toContainText('started again');
  expect(await traceHash(other)).toBe(direct.hash);
  expect((await other.getByTestId('predict-result').innerText()).split('\n')[0]).toBe(direct.result.split('\n')[0]);
});
