// What a learner does in the queue pictures (lessons 02 and 04): hovering a message shows its receive
// count, timer and route; the keyboard reaches a queue, moves into its messages, selects one (the
// inspector says its state) and runs an action from its menu; timers run down while playing; and axe
// finds no serious problem on either lesson's pages.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, tabTo } from './helpers.ts';

const tech = (page: Page) => page.locator('section[aria-label="Technical view"]');
const town = (page: Page) => page.locator('section[aria-label="Town view"]');

async function open(page: Page, lesson: string, step: number) {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate(([l, s]) => window.townboard!.loadLesson(l as string, s as number), [lesson, step]);
  expect(r.ok).toBe(true);
  await expect(page.getByTestId('step-title')).toBeVisible();
}

const run = (page: Page, line: string) => page.evaluate((l) => window.townboard!.exec(l), line);

test('hovering an SQS message shows its receive count, its visibility timer and its route', async ({ page }) => {
  await open(page, '04-brokers', 1);
  await run(page, 'run for=3s');
  await run(page, 'sqs.receive queue=orders');
  const chip = tech(page).locator('[data-item="sqs:msg:1"]');
  await expect(chip).toHaveAttribute('aria-label', /message #1 order1 in orders: in flight with you .*received twice/);
  await chip.hover();
  const card = tech(page).getByTestId('queue-tooltip');
  await expect(card).toBeVisible();
  await expect(card).toContainText('receive count: 2');
  await expect(card).toContainText('route: orders');
  await expect(card).toContainText(/visible again: in 3 s/);
  // The other picture lights the same message up (cross-highlight), without a card of its own.
  await expect(town(page).locator('[data-item="sqs:msg:1"]')).toHaveClass(/is-focused/);
  await expect(town(page).getByTestId('queue-tooltip')).toHaveCount(0);
});

test('hovering a dead-lettered RabbitMQ message shows the way it came, and lights that path', async ({ page }) => {
  await open(page, '04-brokers', 11);
  await run(page, 'run for=3s');
  const chip = tech(page).locator('[data-item^="rabbit:msg:"]').first();
  await chip.hover();
  const card = tech(page).getByTestId('queue-tooltip');
  await expect(card).toContainText('route: (default) [offers] → offers');
  await expect(card).toContainText('then: dead-lettered (expired) → expired [fanout] → stale');
  // The lit path: the dead-letter edge from offers back to the exchange, drawn thick.
  await expect(tech(page).locator('path[stroke="#0072B2"][stroke-width="3"]')).not.toHaveCount(0);
});

test('the visibility timer runs down while playing', async ({ page }) => {
  await open(page, '04-brokers', 1);
  const bar = tech(page).locator('rect[data-until]').first();
  const before = Number(await bar.getAttribute('width'));
  await page.evaluate(() => window.townboard!.play());
  await expect.poll(async () => Number(await bar.getAttribute('width')), { timeout: 15_000 }).toBeLessThan(before - 5);
  await page.evaluate(() => window.townboard!.pause());
});

test('keyboard only: reach the queue, move into its messages, inspect one, then delete it from its menu', async ({ page }) => {
  await open(page, '04-brokers', 2);
  await expect(page.getByTestId('challenge-status')).toContainText('Not solved yet');
  const queue = town(page).locator('[data-item="sqs:queue:orders"]');
  await tabTo(page, queue, 200);
  await expect(queue).toHaveAttribute('aria-label', /standard queue orders: 2 visible, 1 in flight/);
  await page.keyboard.press('ArrowRight');
  const first = town(page).locator('[data-item="sqs:msg:1"]');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(town(page).locator('[data-item="sqs:msg:2"]')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  // A card while focused, the inspector once selected.
  await expect(town(page).getByTestId('queue-tooltip')).toContainText('receive count: 1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('Message #1 (SQS)');
  await expect(page.getByTestId('inspector')).toContainText('held by');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: /Actions for msg 1/ });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expect(menu.getByRole('menuitem').first()).toHaveText('Delete #1 (acknowledge it)');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  expect(await page.evaluate(() => window.townboard!.query('sqs.status(1)'))).toBe('acked');
  await expect(page.getByTestId('challenge-status')).toContainText('Solved');
  // The action was a recorded command, like a console line.
  const inputs = await page.evaluate(() => window.townboard!.inputs().map((i) => i.line));
  expect(inputs.some((l) => l.startsWith('sqs.delete queue=orders msg=1'))).toBe(true);
});

test('Escape closes an action menu and gives focus back; a consumer’s node menu has its own commands', async ({ page }) => {
  await open(page, '02-queues-vs-streams', 2);
  const queue = tech(page).locator('[data-item="sqs:queue:tickets"]');
  await queue.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: /Actions for queue tickets/ });
  await expect(menu.getByRole('menuitem', { name: 'Send a message to tickets' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(queue).toBeFocused();
  const baker = tech(page).getByRole('button', { name: /^consumer baker1 on tickets/ });
  await baker.focus();
  await page.keyboard.press('Shift+F10');
  const nodeMenu = page.getByRole('menu', { name: 'Actions for baker1' });
  await expect(nodeMenu.getByRole('menuitem', { name: /Stop baker1/ })).toBeVisible();
  await nodeMenu.getByRole('menuitem', { name: /Crash baker1/ }).click();
  expect(await page.evaluate(() => window.townboard!.query('up(baker1)'))).toBe(false);
  await expect(tech(page).getByRole('button', { name: /^consumer baker1 on tickets: crashed/ })).toBeVisible();
});

test('one workload under three rule books: the scoreboard measures each with the query it names', async ({ page }) => {
  await open(page, '04-brokers', 13);
  await run(page, 'run for=4s');
  const board = tech(page).getByTestId('queue-scoreboard');
  await expect(board).toBeVisible();
  await expect(board.locator('tr[data-sys="stream"]')).toContainText('✓ in order');
  await expect(board.locator('tr[data-sys="rabbit"] td').first()).toHaveAttribute('aria-label', /overtaken.*rabbit\.overtaken\(orders\)/);
  await expect(board.locator('tr[data-sys="sqs"] td').nth(1)).toHaveAttribute('aria-label', /^\d+ \(sqs\.duplicates\(orders\)\)$/);
  // Every section drew its queues; nothing crowded out silently.
  for (const item of ['stream:topic:orders', 'rabbit:queue:orders', 'rabbit:queue:orders-dead', 'sqs:queue:orders', 'sqs:queue:orders-dlq']) {
    await expect(tech(page).locator(`[data-item="${item}"]`)).toHaveCount(1);
  }
});

test('the town shows taken vs pinned: a ticket a baker received is in the baker’s hands, a notice read stays on the board', async ({ page }) => {
  await open(page, '02-queues-vs-streams', 7);
  await run(page, 'run for=100ms');
  type Sqs = { msgs: Record<string, { id: number; status: string; receiver: string | null }> };
  const sqs = (await page.evaluate(() => window.townboard!.state('sqs'))) as Sqs;
  const held = Object.values(sqs.msgs).filter((m) => m.status === 'inflight');
  expect(held.length).toBeGreaterThan(0);
  const box = async (l: ReturnType<Page['locator']>) => (await l.boundingBox())!;
  const within = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
  const rowTown = await box(town(page).locator('[data-item="sqs:queue:tickets"]'));
  const rowTech = await box(tech(page).locator('[data-item="sqs:queue:tickets"]'));
  for (const m of held) {
    const item = `sqs:msg:${m.id}`;
    // Town: out of its pigeonhole, in the hands of the baker who received it; the empty pigeonhole stays.
    const baker = await box(town(page).getByRole('button', { name: new RegExp(`^consumer ${m.receiver} on tickets`) }));
    expect(within(await box(town(page).locator(`[data-item="${item}"]`)), baker), `${item} in ${m.receiver}'s hands`).toBe(true);
    expect(within(await box(town(page).locator(`[data-ghost="${item}"]`)), rowTown)).toBe(true);
    // Technical: still in the queue (in flight, invisible) — the same state, drawn by SQS's own words.
    expect(within(await box(tech(page).locator(`[data-item="${item}"]`)), rowTech)).toBe(true);
  }
  // Same ids both sides: pointing at the one in the baker's hands lights it in the technical queue.
  await town(page).locator(`[data-item="sqs:msg:${held[0]!.id}"]`).hover();
  await expect(tech(page).locator(`[data-item="sqs:msg:${held[0]!.id}"]`)).toHaveClass(/is-focused/);
  // The stream: reading moves bookmarks, and every notice stays pinned on the board.
  await run(page, 'run for=2s');
  expect(await page.evaluate(() => window.townboard!.query('stream.processed(kitchen)'))).toBe(6);
  const board = await box(town(page).locator('[data-item="stream:topic:board"]'));
  const pinned = town(page).locator('[data-item^="stream:rec:board:"]');
  await expect(pinned).toHaveCount(6);
  for (const r of await pinned.all()) expect(within(await box(r), board)).toBe(true);
  await expect(town(page).locator('[data-item^="sqs:msg:"]')).toHaveCount(0);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
}

for (const [lesson, steps] of [['02-queues-vs-streams', [1, 5, 8]], ['04-brokers', [3, 7, 10, 12, 13]]] as const) {
  test(`lesson ${lesson}: no serious or critical axe violations in its pictures`, async ({ page }) => {
    for (const step of steps) {
      await open(page, lesson, step);
      await run(page, 'run for=1s');
      const chips = tech(page).locator('.qv-chip');
      if (await chips.count()) await chips.first().hover();
      expect(await seriousViolations(page), `step ${step}`).toEqual([]);
    }
  });
}
