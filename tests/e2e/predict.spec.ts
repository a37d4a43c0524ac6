// A prediction is answered by the simulation from the step's opening state, whatever the learner did
// before locking it in, so everyone's answer is checked against the same run.
import { expect, test, type Page } from '@playwright/test';
import { ready, simNow, traceHash } from './helpers.ts';

async function lockFirstChoice(page: Page) {
  await page.getByTestId('predict').locator('label.choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await page.getByRole('button', { name: 'Skip to the result' }).click();
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

// Issue #12, "watch it happen": locking in plays the prediction's run at the step's pace, and the verdict
// waits for the run's end. Lesson 00 step 2's run (0 to 500 ms: hops at 10, 20, 50 and 60 ms) lasts
// about 5 s on screen.
test('locking in plays the run: the cursor passes the moments in between, and the verdict waits for the end', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/2');
  await ready(page);
  await page.getByTestId('predict').locator('label.choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await expect(page.getByTestId('predict-watching')).toBeVisible();
  // Sample the cursor and whether the verdict shows, in the page, until the verdict shows.
  // The event log shows what has happened, never the run's future (no dimmed "later" rows while it plays).
  const samples = await page.evaluate(() => new Promise<{ now: number; verdict: boolean; ahead?: number }[]>((resolve) => {
    const out: { now: number; verdict: boolean; ahead?: number }[] = [];
    const timer = setInterval(() => {
      const verdict = document.querySelector('[data-testid="predict-result"]') !== null;
      const ahead = document.querySelectorAll('.log-row.later').length;
      out.push({ now: window.townboard!.now(), verdict, ...(ahead ? { ahead } : {}) });
      if (verdict || out.length > 400) { clearInterval(timer); resolve(out); }
    }, 50);
  }));
  const between = samples.filter((s) => s.now > 0 && s.now < 500);
  expect(new Set(between.map((s) => s.now)).size).toBeGreaterThanOrEqual(3);
  expect(samples.filter((s) => s.verdict && s.now < 500)).toEqual([]);
  expect(samples.filter((s) => s.ahead)).toEqual([]);
  expect(samples[samples.length - 1]).toEqual({ now: 500, verdict: true });
  // Several seconds on screen, not the fraction of a second it took before.
  expect(samples.length * 50).toBeGreaterThan(3_000);
  await expect(page.getByTestId('predict-result')).toContainText(/prediction held|Not this time/);
});

test('skip to the result, replay the run, leave the step mid-run; a caption shows at its moment', async ({ page }) => {
  await page.goto('/#/lesson/00-town-square/3');
  await ready(page);
  await page.getByTestId('predict').locator('label.choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  await expect(page.getByTestId('predict-result')).toHaveCount(0);
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  const end = await simNow(page);
  expect(end).toBe(1000);
  const hash = await traceHash(page);
  // Replay: back to the run's start and playing again, the verdict still shown.
  await page.getByRole('button', { name: 'Replay the run' }).click();
  await expect.poll(() => simNow(page)).toBeGreaterThan(0);
  expect(await simNow(page)).toBeLessThan(end);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('predict-result')).toBeVisible();
  await page.evaluate(() => window.townboard!.skipPrediction());
  expect(await traceHash(page)).toBe(hash);
  // Leaving the step mid-run stops the run; the next step opens fresh.
  await page.evaluate(() => window.townboard!.replayPrediction());
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => window.townboard!.scene())).toMatchObject({ kind: 'free', to: null, revealed: false });
  // Lesson 00 step 1 captions its moments: at 25 ms the bakery is free again.
  await page.goto('/#/lesson/00-town-square/1');
  await ready(page);
  await page.evaluate(() => window.townboard!.seek(25));
  await expect(page.getByTestId('scene-caption')).toHaveText(/The bakery hears the notice is pinned/);
});

// A step with both a prediction and a challenge (lesson 09 step 5). The challenge is set, and its solution
// checked by `npm run lab -- check`, from the step's beginning; the prediction's run moves the town on, so
// the box says the challenge waits and offers to start it from there, and the console, the status and the
// checker then agree: the same solution from the same start gives the same run.
test('after a prediction the challenge starts from the step\'s beginning, as the checker runs it', async ({ page, context }) => {
  const solve = async (p: Page) => {
    await p.getByRole('button', { name: 'Open the console' }).click();
    await p.getByTestId('console-input').fill('hashring.hot key=k7 weight=5000 split=32');
    await p.getByTestId('console-input').press('Enter');
  };
  const fresh = await context.newPage();
  await fresh.goto('/#/lesson/09-consistent-hashing/5');
  await ready(fresh);
  await solve(fresh);
  await expect(fresh.getByTestId('challenge-status')).toContainText('Solved');

  await page.goto('/#/lesson/09-consistent-hashing/5');
  await ready(page);
  await lockFirstChoice(page);
  const status = page.getByTestId('challenge-status');
  await expect(status).toContainText('the challenge starts from the step\'s beginning');
  await solve(page);
  await expect(status).not.toContainText('Solved');
  await page.getByRole('button', { name: 'Start the challenge from the step\'s beginning' }).click();
  expect(await simNow(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Open the console' })).toBeFocused();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  await expect(status).toContainText('Not solved yet');
  await solve(page);
  await expect(status).toContainText('Solved');
  expect(await traceHash(page)).toBe(await traceHash(fresh));
  // The prediction's run can still be watched again.
  await page.getByTestId('predict-replay').click();
  await expect.poll(() => page.evaluate(() => window.townboard!.scene().kind)).toBe('run');
});
