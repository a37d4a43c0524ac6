// What a person does with the resilience pictures: reach a server from the keyboard, open its menu and start
// a latency spike (a resilience.spike command), point at a client and see it lit in the other picture, inspect
// it, read the live chart's numbers as a screen reader would; and axe finds no serious problem with them drawn.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ready } from './helpers.ts';

const SCENARIO = [
  '# seed: 4',
  'resilience.server name=api workers=8 service=50ms',
  'resilience.client name=web target=api rate=100',
  'resilience.timeout node=web after=300ms',
  'resilience.retry node=web max=3 backoff=full base=100ms cap=2s',
  'resilience.breaker node=web window=20 minCalls=10 wait=3s',
  'run for=5s',
].join('\n');

async function open(page: Page) {
  await page.goto('/#/sandbox');
  await ready(page);
  expect(await page.evaluate((t) => window.townboard!.loadScenario(t), SCENARIO)).toEqual({ errors: [] });
  await page.evaluate(() => window.townboard!.setView('both'));
  await expect(page.getByTestId('resilience-tech')).toBeVisible();
  await expect(page.getByTestId('resilience-town')).toBeVisible();
}

test('keyboard to a server\'s menu starts a latency spike; a client lights up in both pictures and is inspected', async ({ page }) => {
  await open(page);
  const api = page.getByTestId('resilience-tech').locator('[data-node="api"]');
  await expect(api).toHaveAttribute('tabindex', '0');
  await api.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for api' });
  await expect(menu).toBeVisible();
  const spike = menu.getByRole('menuitem', { name: /^Latency spike at api/ });
  for (let k = 0; k < 8 && !(await spike.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const st = await page.evaluate(() => window.townboard!.state('resilience') as { servers: Record<string, { spike: unknown }> });
  expect(st.servers.api!.spike).not.toBeNull();
  await expect(api).toHaveAttribute('aria-label', /latency spike \+500 ms/);

  // Pointing at the client in the technical picture lights its house in the town.
  const house = page.getByTestId('resilience-town').locator('[data-node="web"]');
  await expect(house).not.toHaveClass(/is-focused/);
  await page.getByTestId('resilience-tech').locator('[data-node="web"]').focus();
  await expect(house).toHaveClass(/is-focused/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('Client web: 100 calls/s to api');

  // The load chart says its numbers in words: the offered load at now.
  const chart = page.getByTestId('resilience-tech').getByRole('img', { name: /^Load and goodput of web/ });
  await expect(chart).toHaveAccessibleDescription(/^At 5 s: offered 100 calls\/s/);
});

test('axe finds no serious problem with the resilience pictures drawn', async ({ page }) => {
  await open(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(serious).toEqual([]);
});
