// The event store pictures from the keyboard: on lesson 06's rebuild step, reach the buggy balances
// projector with Tab, open its menu with Shift+F10 and rebuild it with the fixed code; the engine (through
// window.townboard) then agrees with a replay. Then axe checks the page with a lost update on show, and the
// town's ledger is reached with Tab and inspected with Enter.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, tabTo } from './helpers.ts';

test('keyboard only: rebuild a buggy read model from its menu', async ({ page }) => {
  await page.goto('/#/lesson/06-event-sourcing/4');
  await ready(page);
  await expect(page.getByTestId('eventstore-tech')).toBeVisible();
  await page.evaluate(() => window.townboard!.exec('run for=1s'));
  expect(await page.evaluate(() => window.townboard!.query('eventstore.drift(balances)'))).toBe(1);
  const board = page.getByTestId('eventstore-tech').getByRole('button', { name: /^Projection balances \(balance per account\)/ });
  await expect(board).toHaveAttribute('aria-label', /running buggy code/);
  await tabTo(page, board);
  await page.keyboard.press('Shift+F10');
  const item = page.getByRole('menu').getByRole('menuitem', { name: /^Rebuild balances from position 0 with the fixed code/ });
  await expect(item).toHaveCount(1);
  for (let k = 0; k < 12 && !(await item.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.evaluate(() => window.townboard!.exec('run for=2s'));
  expect(await page.evaluate(() => window.townboard!.query('eventstore.drift(balances)'))).toBe(0);
  expect(await page.evaluate(() => window.townboard!.query('eventstore.rebuildRead(balances)'))).toBe(7);
  await expect(board).not.toHaveAttribute('aria-label', /buggy/);
});

test('lesson 06: no serious or critical axe violations with a lost update on show', async ({ page }) => {
  await page.goto('/#/lesson/06-event-sourcing/2');
  await ready(page);
  await page.evaluate(() => window.townboard!.exec('run for=300ms'));
  await expect(page.getByTestId('eventstore-town')).toHaveAttribute('data-testid', 'eventstore-town');
  const found = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
  // The town's ledger is one tab stop that says the lost update in words, and Enter inspects the store.
  const ledger = page.getByTestId('eventstore-town').getByRole('button', { name: /^Town hall's ledger: 4 lines\..*1 lost update/ });
  await tabTo(page, ledger);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('lost updates (expected=any)');
});
