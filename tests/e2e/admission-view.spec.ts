// Chapter 14's pictures from the keyboard: behind a partition in the available mode, Tab to townsperson c1,
// its menu makes it read x (admission.read); the read returns the stale value and the technical timeline
// names it as the operation the checker cannot place, as the engine says through window.townboard. First a
// keeper's menu sets its watch behind (skew). Then axe on the page with the verdict on show.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chooseFromMenu, ready, tabTo } from './helpers.ts';

test('keyboard only: a keeper\'s watch is set behind; c1 reads through its menu and the stale read is named in the timeline', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const r = await page.evaluate(() => window.townboard!.loadScenario([
    'admission.start replicas=3 clients=2 mode=available', 'network latency=10ms', 'admission.write client=c1 value=1', 'run for=200ms',
    'partition a=r1,c1 b=r2,r3,c2', 'admission.write client=c2 value=2', 'run for=100ms',
  ].join('\n'), 14));
  expect(r.errors).toEqual([]);
  const town = page.getByTestId('admission-town');
  await expect(town).toBeVisible();

  const r2 = town.locator('[data-node=r2]');
  await tabTo(page, r2);
  await chooseFromMenu(page, /^Set r2's watch 500 ms behind/);
  expect(await page.evaluate(() => window.townboard!.query('clock(r2)'))).toBe(await page.evaluate(() => window.townboard!.now() - 500));
  await expect(r2).toHaveAttribute('aria-label', /watch -500 ms/);

  const c1 = town.locator('[data-node=c1]');
  await tabTo(page, c1);
  await chooseFromMenu(page, /^c1 reads x/);
  await page.evaluate(() => window.townboard!.exec('run for=100ms'));
  expect(await page.evaluate(() => window.townboard!.query('admission.verdict'))).toBe('not-linearizable');
  await expect(page.getByTestId('admission-verdict')).toContainText('NOT');
  await expect(page.getByTestId('admission-tech').getByRole('img', { name: /c1 r 1 .*the operation the checker cannot place/ })).toHaveCount(1);

  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(violations).toEqual([]);
});
