// Messages in flight in the Kafka and queue pictures, from the keyboard, as in every other picture: one
// tab stop per picture, Delete drops the focused message with the `drop` command (a recorded input).
import { expect, test } from '@playwright/test';
import { ready, tabTo } from './helpers.ts';

for (const [name, url] of [['Kafka', '/#/lesson/03-kafka/1'], ['the queues', '/#/sandbox']] as const) {
  test(`${name}: a message in flight is reached with Tab and dropped with Delete`, async ({ page }) => {
    await page.goto(url);
    await ready(page);
    const flight = page.locator('[data-testid="stage"] .tb-flight[tabindex="0"]').first();
    // Step event by event from the start (the step's, or the sandbox's first scenario) until something is on the way.
    await page.evaluate(() => window.townboard!.seek(0));
    for (let k = 0; k < 200 && (await flight.count()) === 0; k++) await page.evaluate(() => window.townboard!.step(1));
    await expect(flight).toHaveCount(1);
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Both/ }).focus();
    await tabTo(page, flight);
    const id = Number(/message #(\d+)/.exec((await flight.getAttribute('aria-label')) ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);
    await page.keyboard.press('Delete');
    expect(await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toContain(`drop msg=${id}`);
  });
}
