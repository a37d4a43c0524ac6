// The Raft picture, driven from the keyboard only: a server's menu crashes it and times another out,
// a link's menu cuts it one way, a message in flight is dropped, a log entry is inspected; each action
// is checked in the engine through window.townboard. Then axe checks lesson 10's page.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chooseFromMenu, ready, tabTo } from './helpers.ts';

const hook = <T>(page: Page, fn: () => T) => page.evaluate(fn);

async function startCluster(page: Page): Promise<void> {
  // On the sandbox first, so loading the scenario does not race the page's own start-up.
  await page.goto('/#/sandbox');
  await ready(page);
  await expect(page.getByTestId('stage')).toBeVisible();
  const r = await page.evaluate(() => window.townboard!.loadScenario('raft.start servers=5\nraft.timeout node=n1\nrun for=30ms', 10));
  expect(r.errors).toEqual([]);
  await expect(page.getByTestId('raft-tech')).toBeVisible();
  // Only the technical picture, chosen with the keyboard.
  const technical = page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Technical/ });
  await technical.focus();
  await page.keyboard.press('Enter');
  await expect(technical).toHaveAttribute('aria-pressed', 'true');
}

test('keyboard only: crash a server, time one out, cut and heal a link, inspect an entry, drop messages', async ({ page }) => {
  await startCluster(page);
  expect(await hook(page, () => window.townboard!.query('raft.leader'))).toBe('n1');

  // A server: reach it with Tab, open its menu with the keyboard, crash it.
  const n3 = page.locator('[data-testid=raft-tech] [data-server=n3]');
  await tabTo(page, n3);
  await expect(n3).toHaveAttribute('aria-label', /n3: follower, term 1/);
  await chooseFromMenu(page, /^Crash n3/);
  expect(await hook(page, () => window.townboard!.query('raft.role(n3)'))).toBe('down');
  await expect(n3).toHaveAttribute('aria-label', /n3: crashed \(down\)/);

  // Another: time it out now; it stands for term 2 at once.
  const n4 = page.locator('[data-testid=raft-tech] [data-server=n4]');
  await tabTo(page, n4);
  await chooseFromMenu(page, /^Time out n4 now/);
  expect(await hook(page, () => window.townboard!.query('raft.role(n4)'))).toBe('candidate');
  expect(await hook(page, () => window.townboard!.query('raft.term(n4)'))).toBe(2);

  // A link: all links are one tab stop; arrow keys move to n1–n2; its menu cuts it one way.
  const firstLink = page.locator('[data-testid=raft-tech] .tb-link[tabindex="0"]');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Technical/ }).focus();
  await tabTo(page, firstLink);
  for (let k = 0; k < 12 && (await firstLink.getAttribute('data-link')) !== 'n1|n2'; k++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-testid=raft-tech] [data-link="n1|n2"]')).toBeFocused();
  await chooseFromMenu(page, /^Cut n1 → n2 only/);
  expect(await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toContain('partition a=n1 b=n2 oneway=true');
  expect(await hook(page, () => window.townboard!.trace().some((l) => /partition n1 -\/-> n2/.test(l)))).toBe(true);
  await expect(page.locator('[data-testid=raft-tech] [data-link="n1|n2"]')).toHaveAttribute('aria-label', /cut one way, n1 cannot reach n2/);
  // ... and heals it again.
  await page.locator('[data-testid=raft-tech] [data-link="n1|n2"]').focus();
  await chooseFromMenu(page, /^Heal the link n1 ↔ n2/);
  expect(await page.evaluate(() => window.townboard!.inputs().map((x) => x.line))).toContain('heal a=n1 b=n2');

  // A log entry: a client request through n1's menu, then the log grid; Enter inspects the entry.
  await tabTo(page, page.locator('[data-testid=raft-tech] [data-server=n1]'));
  await chooseFromMenu(page, /^Send a client request \(x1\) to n1/);
  expect(await hook(page, () => window.townboard!.query('raft.entry(n1, 1)'))).toBe('1:x1');
  const cell = page.locator('[data-testid=raft-tech] [data-cell="n1:1"]');
  await tabTo(page, cell);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('Log entry 1 of n1');
  await expect(page.getByTestId('inspector')).toContainText('x1');

  // A message in flight (n4's ballots, n1's heartbeats): reach the messages with Tab, drop one with
  // Delete and the next through its menu. A dropped message still flies and is lost on arrival.
  const flight = page.locator('[data-testid=raft-tech] .tb-flight[tabindex="0"]');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: /Technical/ }).focus();
  await tabTo(page, flight);
  const first = Number(/message #(\d+)/.exec((await flight.getAttribute('aria-label')) ?? '')?.[1]);
  expect(first).toBeGreaterThan(0);
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-testid=raft-tech] .tb-flight[tabindex="0"]')).toHaveAttribute('aria-label', /will be lost on arrival/);
  await page.keyboard.press('ArrowRight');
  const second = Number(/message #(\d+)/.exec((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '')?.[1]);
  expect(second).not.toBe(first);
  await page.keyboard.press('Enter');
  const drop = page.getByRole('menu').getByRole('menuitem', { name: new RegExp(`^Drop message #${second}`) });
  await expect(drop).toBeFocused();
  await page.keyboard.press('Enter');
  const lines = await page.evaluate(() => window.townboard!.inputs().map((x) => x.line));
  expect(lines).toEqual(expect.arrayContaining([`drop msg=${first}`, `drop msg=${second}`]));
  await page.evaluate(() => window.townboard!.exec('run for=20ms'));
  const dropped = await page.evaluate(() => window.townboard!.trace().filter((l) => l.includes('dropped by hand')));
  expect(dropped.length).toBe(2);
});


test('the town picture names the crier and the crashed member in words', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  await expect(page.getByTestId('stage')).toBeVisible();
  await page.evaluate(() => window.townboard!.loadScenario('raft.start servers=5\nraft.timeout node=n1\nrun for=30ms\ncrash node=n2\npause node=n3', 10));
  const town = page.getByTestId('raft-town');
  await expect(town.getByRole('button', { name: /^n1 · town crier/ })).toBeVisible();
  await expect(town.getByRole('button', { name: /^n2 · ON FIRE/ })).toBeVisible();
  await expect(town.getByRole('button', { name: /^n3 · council member, term 1 · PAUSED/ })).toBeVisible();
});

test('lesson 10: no serious or critical axe violations, before and after a prediction', async ({ page }) => {
  await page.goto('/#/lesson/10-consensus/7');
  await ready(page);
  await expect(page.getByTestId('step-title')).toBeVisible();
  const serious = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(await serious()).toEqual([]);
  await page.getByTestId('predict').locator('label.choice').first().click();
  await page.getByRole('button', { name: 'Lock in my answer and run' }).click();
  // The run plays at the step's pace; the verdict is what these checks need.
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await expect(page.getByTestId('predict-result')).toBeVisible();
  expect(await serious()).toEqual([]);
});
