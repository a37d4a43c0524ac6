// Lesson 05 in the queue pictures: a message waiting out its backoff says so in both pictures; after the
// double charge the payment ledger marks the doubled order in both, the keyboard reaches it, and axe finds
// no serious problem on the page.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, tabTo } from './helpers.ts';

const pane = (page: Page, name: 'Town' | 'Technical') => page.locator(`section[aria-label="${name} view"]`);

async function open(page: Page, step: number) {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate((s) => window.townboard!.loadLesson('05-retries-dlq-idempotency', s), step);
  expect(r.ok, r.error).toBe(true);
  await expect(page.getByTestId('step-title')).toBeVisible();
}

const run = (page: Page, line: string) => page.evaluate((l) => window.townboard!.exec(l), line);

test('a message backing off says so, in its pigeonhole, in both pictures', async ({ page }) => {
  await open(page, 2);
  await run(page, 'run for=400ms');
  for (const name of ['Town', 'Technical'] as const) {
    await expect(pane(page, name).locator('[data-item="sqs:msg:1"]').first())
      .toHaveAttribute('aria-label', /order1 in orders: backing off before retry 2 \(a 500 ms delay/);
  }
});

test('the double charge shows in the ledger of both pictures, reached by keyboard; axe finds nothing serious', async ({ page }) => {
  await open(page, 6);
  for (const line of ['run until="sqs.charges(order1) == 1" max=5s', 'crash node=pay1', 'run for=100ms', 'restart node=pay1', 'run for=4s']) {
    expect((await run(page, line)).error).toBeUndefined();
  }
  for (const name of ['Town', 'Technical'] as const) {
    const doubled = pane(page, name).locator('.qv-ledger li.is-double');
    await expect(doubled).toHaveCount(2);
    await expect(doubled.first()).toContainText('✗ 2 charges');
  }
  const ledger = pane(page, 'Technical').getByTestId('payments-ledger');
  await tabTo(page, ledger);
  await expect(ledger).toHaveAttribute('aria-label', /3 orders charged, 2 charged twice or more/);
  const serious = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
