// The example from docs/test-hook.md, kept running: a course author's test drives a lesson through
// window.townboard and checks what the simulation did.
import { expect, test } from '@playwright/test';

test('window.townboard drives a lesson and reads its state', async ({ page }) => {
  // The hook comes with the lab, which lesson and sandbox pages load (the home page does not).
  await page.goto('/#/sandbox');
  await page.waitForFunction(() => window.townboard !== undefined);

  const opened = await page.evaluate(() => window.townboard!.loadLesson('01-events-vs-commands', 6));
  expect(opened).toEqual({ ok: true, key: '01-events-vs-commands', step: 6 });
  await expect(page.locator('.progress-line')).toContainText('Step 6 of');

  const r = await page.evaluate(() => window.townboard!.exec('fanout from=app topic=TaskCreated mode=events'));
  expect(r.error).toBeUndefined();
  await page.evaluate(() => window.townboard!.exec('run for=1s'));
  expect(await page.evaluate(() => window.townboard!.query('waited(app)'))).toBeLessThan(50);
  expect(await page.evaluate(() => window.townboard!.query('read(audit, TaskCreated) >= 1'))).toBe(true);

  // Time travel: back to 10 ms, then forward one event at a time.
  expect(await page.evaluate(() => window.townboard!.seek('10ms'))).toBe(10);
  const t = await page.evaluate(() => window.townboard!.step(3));
  expect(t).toBeGreaterThanOrEqual(10);
  expect(await page.evaluate(() => window.townboard!.back(1))).toBeLessThanOrEqual(t);

  const state = await page.evaluate(() => window.townboard!.state('town')) as { services: Record<string, unknown> };
  expect(Object.keys(state.services)).toContain('analytics');
  const trace = await page.evaluate(() => window.townboard!.trace());
  expect(trace.some((l) => l.includes('Publish'))).toBe(true);
  expect(await page.evaluate(() => window.townboard!.inputs().map((i) => i.line))).toEqual(['fanout from=app topic=TaskCreated mode=events']);
  expect(await page.evaluate(() => window.townboard!.traceHash())).toMatch(/^[0-9a-f]{8}$/);

  const bad = await page.evaluate(() => window.townboard!.loadLesson('99-nowhere'));
  expect(bad.ok).toBe(false);
});
