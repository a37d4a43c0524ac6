// A student walks every lesson end to end: once with the mouse (saving a screenshot of every step), once
// with the keyboard only. Every prediction is locked in (skipping to the end of its run) and answered by the simulation; every
// challenge is solved by typing its reference solution into the console.
import { expect, test } from '@playwright/test';
import { LESSONS, expectStep, ready, stepCount, tabTo } from './helpers.ts';

/** A walk's time grows with its steps (lesson 10 has 13, and tabbing through a Raft step is slow on two
 *  loaded cores): 30 s to start and finish, 6 s a step. */
const walkBudget = (steps: number) => 30_000 + steps * 6_000;

/** After locking in: whether the prediction's run is playing (else its verdict already shows). */
async function playsRun(page: import('@playwright/test').Page): Promise<boolean> {
  await expect(page.getByTestId('predict-watching').or(page.getByTestId('predict-result'))).toBeVisible();
  return await page.getByTestId('predict-watching').count() > 0;
}

interface StepInfo { predict: boolean; challenge: string[] | null }

async function stepInfo(page: import('@playwright/test').Page): Promise<StepInfo> {
  const predict = await page.getByTestId('predict').count() > 0;
  const solution = page.locator('.solution pre code');
  let challenge: string[] | null = null;
  if (await page.getByTestId('challenge').count()) {
    await page.getByRole('button', { name: 'Show the solution' }).click();
    challenge = (await solution.innerText()).split('\n').filter((l) => l.trim() !== '');
    await page.getByRole('button', { name: 'Hide solution' }).click();
  }
  return { predict, challenge };
}

for (const lesson of LESSONS) {
  test(`mouse: a student walks lesson ${lesson} end to end`, async ({ page }, testInfo) => {
    await page.goto(`/#/lesson/${lesson}/1`);
    await ready(page);
    await expect(page.getByTestId('step-title')).toBeVisible();
    const count = await stepCount(page);
    expect(count).toBeGreaterThan(2);
    test.setTimeout(walkBudget(count));
    for (let k = 0; k < count; k++) {
      await expectStep(page, k, count);
      const info = await stepInfo(page);
      if (info.predict) {
        await page.getByTestId('predict').locator('label.choice').first().click();
        await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
        // The run plays at the step's pace (predict.spec.ts watches one); a walk takes the skip. A run in
        // which no time passes has nothing to play: its verdict shows at once.
        if (await playsRun(page)) await page.getByRole('button', { name: 'Skip to the result' }).click();
        await expect(page.getByTestId('predict-result')).toBeVisible();
        await expect(page.getByTestId('predict-result')).toContainText(/prediction held|Not this time/);
      }
      if (info.challenge) {
        // After a prediction's run the challenge starts again from the step's beginning, where it is set.
        if (info.predict) await page.getByTestId('challenge-restart').click();
        await expect(page.getByTestId('challenge-status')).toContainText('Not solved yet');
        await page.getByRole('button', { name: 'Open the console' }).click();
        const input = page.getByTestId('console-input');
        for (const line of info.challenge) {
          await input.fill(line);
          await input.press('Enter');
        }
        await expect(page.getByTestId('challenge-status')).toContainText('Solved');
      }
      // Let the scenario play a little so the screenshot shows the town at work.
      const play = page.getByTestId('play');
      await play.click();
      await page.waitForTimeout(300);
      if (await play.getAttribute('aria-pressed') === 'true') await play.click();
      // Kept in test-results/ (preserved for passing tests) and attached to the report.
      const shot = testInfo.outputPath(`${lesson}-step-${String(k + 1).padStart(2, '0')}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`step ${k + 1}`, { path: shot, contentType: 'image/png' });
      if (k < count - 1) await page.getByTestId('next-step').click();
    }
    await page.getByTestId('finish').click();
    await expect(page.getByTestId(`lesson-${lesson.slice(0, 2)}`)).toContainText('Finished');
    // Progress survives a reload.
    await page.reload();
    await expect(page.getByTestId(`lesson-${lesson.slice(0, 2)}`)).toContainText('Finished');
  });

  test(`keyboard only: a student walks lesson ${lesson} end to end`, async ({ page }) => {
    await page.goto('/');
    await ready(page);
    // From the home page to the lesson with Tab and Enter.
    await tabTo(page, page.getByRole('link', { name: new RegExp(`^Lesson ${lesson.slice(0, 2)}:`) }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('step-title')).toBeVisible();
    const count = await stepCount(page);
    test.setTimeout(walkBudget(count));
    for (let k = 0; k < count; k++) {
      await expectStep(page, k, count);
      const predict = page.getByTestId('predict');
      if (await predict.count()) {
        await tabTo(page, predict.getByRole('radio').first());
        await page.keyboard.press('Space');
        await tabTo(page, page.getByRole('button', { name: 'Lock in my answer and run' }));
        await page.keyboard.press('Enter');
        if (await playsRun(page)) {
          await tabTo(page, page.getByRole('button', { name: 'Skip to the result' }));
          await page.keyboard.press('Enter');
        }
        await expect(page.getByTestId('predict-result')).toBeVisible();
      }
      if (await page.getByTestId('challenge').count()) {
        if (await predict.count()) {
          await tabTo(page, page.getByTestId('challenge-restart'));
          await page.keyboard.press('Enter');
          await expect(page.getByTestId('challenge-status')).toContainText('Not solved yet');
        }
        await tabTo(page, page.getByRole('button', { name: 'Show the solution' }));
        await page.keyboard.press('Enter');
        const lines = (await page.locator('.solution pre code').innerText()).split('\n').filter((l) => l.trim());
        await tabTo(page, page.getByRole('button', { name: 'Open the console' }));
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('console-input')).toBeFocused();
        for (const line of lines) {
          await page.keyboard.type(line);
          await page.keyboard.press('Enter');
        }
        await expect(page.getByTestId('challenge-status')).toContainText('Solved');
      }
      // Space plays and pauses; the arrow keys step (focus is not in a field here).
      await page.getByTestId('step-title').focus();
      await page.keyboard.press('ArrowRight');
      if (k < count - 1) {
        await tabTo(page, page.getByTestId('next-step'));
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('step-title')).toBeFocused();
      }
    }
    await tabTo(page, page.getByTestId('finish'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`lesson-${lesson.slice(0, 2)}`)).toContainText('Finished');
  });
}
