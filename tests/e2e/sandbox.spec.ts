// The sandbox builder, as a person uses it: build a queue with two consumers (one flaky) and a dead-letter
// queue, with the mouse and then with the keyboard alone; run it; see messages land in the DLQ; copy the
// link and reopen it in a new page at the same trace hash and time. A broken link says what is wrong and
// opens an empty sandbox. axe finds no serious or critical problem.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready, simNow, traceHash } from './helpers.ts';

const field = (page: Page, path: string) => page.locator(`#sb-${path.replace(/\./g, '-')}`);
const q = (page: Page, expr: string) => page.evaluate((e) => window.townboard!.query(e), expr);

/** Presses Tab (or Shift+Tab, when the target comes earlier in the page) until `selector` has focus:
 *  proves it is reachable with the keyboard alone. */
async function tabTo(page: Page, selector: string): Promise<void> {
  const back = await page.evaluate((s) => {
    const target = document.querySelector(s);
    const here = document.activeElement;
    return !!target && !!here && here !== document.body && (target.compareDocumentPosition(here) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }, selector);
  for (let k = 0; k < 250; k++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${selector} with the keyboard`);
}

async function openLinkAndCompare(page: Page, link: string) {
  const here = { hash: await traceHash(page), now: await simNow(page) };
  const other = await page.context().newPage();
  await other.goto(link);
  await ready(other);
  await expect(other.getByRole('heading', { name: 'Your scenario' })).toBeVisible();
  await expect.poll(() => traceHash(other)).toBe(here.hash);
  expect(await simNow(other)).toBe(here.now);
  await expect(other.getByTestId('notice')).toHaveCount(0);
  // The builder's form came along: the text still matches it.
  await expect(field(other, 'queues.1.name')).toHaveValue('orders');
  await expect(field(other, 'queues.1.dlq')).toHaveValue('orders-dlq');
  await expect(other.locator('.sb-status.ok')).toBeVisible();
  expect(other.url()).not.toContain('share=');
  return other;
}

test('build with the mouse, run, see the DLQ fill, share the link and reopen it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/sandbox');
  await ready(page);
  await page.getByRole('button', { name: 'Clear the topology' }).click();
  await expect(page.getByText('Add at least one queue.')).toBeVisible();

  await page.getByRole('button', { name: '+ Add queue' }).click();
  await field(page, 'queues.0.name').fill('orders-dlq');
  await page.getByRole('button', { name: '+ Add queue' }).click();
  await field(page, 'queues.1.name').fill('orders');
  await field(page, 'queues.1.visibilityMs').fill('500');
  await field(page, 'queues.1.dlq').selectOption('orders-dlq');
  await field(page, 'queues.1.maxReceives').fill('1');

  await page.getByRole('button', { name: '+ Add consumer' }).click();
  await page.getByRole('button', { name: '+ Add consumer' }).click();
  await expect(field(page, 'consumers.1.source')).toHaveValue('orders');
  await field(page, 'consumers.1.name').fill('flaky');
  await field(page, 'consumers.1.failPct').fill('150');
  await expect(page.getByText('Consumer flaky: the failure rate must be a whole number of percent from 0 to 100.')).toBeVisible();
  await expect(field(page, 'consumers.1.failPct')).toHaveAttribute('aria-invalid', 'true');
  await field(page, 'consumers.1.failPct').fill('60');

  await page.getByRole('button', { name: '+ Add producer' }).click();
  await expect(field(page, 'producers.0.target')).toHaveValue('orders');
  await field(page, 'producers.0.everyMs').fill('100');
  await field(page, 'producers.0.count').fill('20');
  await field(page, 'runForMs').fill('8000');

  const text = page.getByTestId('scenario-text');
  await expect(text).toHaveValue(/sqs\.queue name=orders visibility=500ms dlq=orders-dlq maxReceives=1/);
  await expect(text).toHaveValue(/sqs\.consumer name=flaky queue=orders work=150ms fail=60%/);
  await expect(page.locator('.sb-status.ok')).toBeVisible();
  await page.getByRole('button', { name: 'Run scenario' }).click();

  await expect.poll(() => simNow(page)).toBe(8000);
  expect(await q(page, 'sqs.visible(orders-dlq) > 0')).toBe(true);
  expect(await q(page, 'sqs.deadLettered(orders) == sqs.visible(orders-dlq)')).toBe(true);
  expect(await q(page, 'violations == 0')).toBe(true);

  // The learner acts after loading: a crash, a little more time (both go into the link).
  await page.getByRole('tab', { name: 'Console' }).click();
  for (const line of ['crash node=c1', 'run for=1500ms']) {
    await page.getByTestId('console-input').fill(line);
    await page.getByTestId('console-input').press('Enter');
  }
  await page.getByRole('button', { name: 'Technical', exact: true }).click();
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#/sandbox?share=');
  expect(await page.evaluate(() => window.townboard!.shareLink())).toBe(link);

  const other = await openLinkAndCompare(page, link);
  expect(await simNow(other)).toBe(9500);
  await expect(other.getByRole('button', { name: 'Technical', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await other.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toEqual(['crash node=c1']);
});

test('the same build with the keyboard alone', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const type = async (text: string) => { await page.keyboard.press('Control+A'); await page.keyboard.type(text); };

  await tabTo(page, '#sb-clear');
  await page.keyboard.press('Enter');
  await tabTo(page, '#sb-add-queues');
  await page.keyboard.press('Enter'); // focus moves to the new queue's name
  await type('orders-dlq');
  await tabTo(page, '#sb-add-queues');
  await page.keyboard.press('Enter');
  await type('orders');
  await page.keyboard.press('Tab'); // FIFO
  await page.keyboard.press('Tab'); // visibility
  await type('500');
  await page.keyboard.press('Tab'); // DLQ
  await page.keyboard.type('orders-dlq');
  await expect(field(page, 'queues.1.dlq')).toHaveValue('orders-dlq');
  await page.keyboard.press('Tab'); // max receives, shown once a DLQ is chosen
  await type('1');

  for (let k = 0; k < 2; k++) {
    await tabTo(page, '#sb-add-consumers');
    await page.keyboard.press('Enter');
  }
  await type('flaky'); // the second consumer's name has focus
  await tabTo(page, '#sb-consumers-1-failPct');
  await type('60');
  await tabTo(page, '#sb-add-producers');
  await page.keyboard.press('Space');
  await tabTo(page, '#sb-producers-0-everyMs');
  await type('100');
  await page.keyboard.press('Tab');
  await type('20');
  await tabTo(page, '#sb-runForMs');
  await type('8000');
  await expect(page.locator('.sb-status.ok')).toBeVisible();
  await tabTo(page, '#sb-run');
  await page.keyboard.press('Enter');

  await expect.poll(() => simNow(page)).toBe(8000);
  expect(await q(page, 'sqs.visible(orders-dlq) > 0')).toBe(true);
  const link = await page.evaluate(() => window.townboard!.shareLink());
  expect(link).not.toBeNull();
  await openLinkAndCompare(page, link!);
});

test('editing the text by hand is kept and said; the builder can take it back', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const text = page.getByTestId('scenario-text');
  await text.fill(`${await text.inputValue()}\nrun for=1s\n`);
  await expect(page.getByTestId('text-edited')).toContainText('no longer matches the builder');
  await field(page, 'consumers.0.workMs').fill('250');
  await expect(text).toHaveValue(/run for=1s/); // the hand edit stays
  await page.getByRole('button', { name: "Replace the text with the builder's version" }).click();
  await expect(text).toHaveValue(/sqs\.consumer name=w1 queue=orders work=250ms/);
  await expect(text).not.toHaveValue(/run for=1s/);
});

/** A well-formed link with any contents (base64url JSON plus its FNV-1a checksum, as the lab writes them). */
function forge(data: unknown): string {
  const body = Buffer.from(JSON.stringify(data)).toString('base64url');
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) { h ^= body.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return `${body}.${h.toString(16).padStart(8, '0')}`;
}

test('a broken sandbox link says why and opens an empty sandbox', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const link = (await page.evaluate(() => window.townboard!.shareLink()))!;
  const code = link.split('share=')[1]!;
  const cases: [string, RegExp][] = [
    [code.slice(0, code.length - 30), /cut short|changed or damaged/],
    [`${code.slice(0, 12)}${code[12] === 'A' ? 'B' : 'A'}${code.slice(13)}`, /changed or damaged/],
    [forge({ v: 9, sandbox: '', seed: 1, inputs: [], t: 0, view: 'split' }), /newer version of Townboard \(link format 9/],
    [forge({ v: 1, sandbox: 'sqs.queue name=a', seed: 1, inputs: [], t: 0, view: 'wide' }), /the view must be one of/],
  ];
  for (const [bad, why] of cases) {
    await page.goto(`/#/sandbox?share=${bad}`);
    await ready(page);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('This sandbox link could not be opened');
    await expect(notice).toContainText(why);
    await expect(notice).toContainText('An empty sandbox opened instead.');
    await expect(page.getByRole('heading', { name: 'Your scenario' })).toBeVisible();
    await expect(page.getByTestId('scenario-text')).toHaveValue('');
    expect(await simNow(page)).toBe(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
});

test('sandbox page: no serious or critical axe violations', async ({ page }) => {
  const serious = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  };
  await page.goto('/#/sandbox');
  await ready(page);
  await expect(page.getByRole('heading', { name: 'Build a topology' })).toBeVisible();
  expect(await serious()).toEqual([]);
  // With problems shown next to their fields, and with another system's form.
  await field(page, 'consumers.0.name').fill('w 1');
  await expect(field(page, 'consumers.0.name')).toHaveAttribute('aria-invalid', 'true');
  expect(await serious()).toEqual([]);
  await page.getByLabel('Start from').selectOption('topic-dlx');
  await page.getByRole('button', { name: 'Load and run' }).click();
  await expect(field(page, 'bindings.0.key')).toHaveValue('order.*');
  expect(await serious()).toEqual([]);
});
