// Invariant violations show the moment they happen (banner, timeline, log); saved progress that is
// damaged is set aside with a notice instead of breaking the lab.
import { expect, test } from '@playwright/test';
import { ready } from './helpers.ts';

// Raft's Figure 8 with the deliberately broken commit rule (tests/unit/raft/figure8.test.ts): S5
// overwrites an entry S1 had already applied, and state machine safety fires.
const FIGURE_8_BROKEN = `raft.start servers=5 electionMin=60s electionMax=60s brokenCommit=true
raft.timeout node=n1
run for=50ms
raft.request value=a
run for=100ms
crash node=n1
restart node=n1
raft.timeout node=n1
run for=50ms
partition a=n1 b=n3,n4,n5
raft.request value=x node=n1
run for=50ms
crash node=n1
heal
raft.timeout node=n5
run for=50ms
partition a=n5 b=n1,n2,n3,n4
raft.request value=y node=n5
run for=50ms
crash node=n5
heal
restart node=n1
partition a=n1 b=n4,n5
raft.timeout node=n1
run for=50ms
raft.timeout node=n1
run for=100ms
crash node=n1
heal
restart node=n5
raft.timeout node=n5
run for=50ms
raft.timeout node=n5
run for=100ms
raft.request value=w node=n5
run for=100ms`;

test('a violation appears on the timeline, in the log and in a banner the moment it happens', async ({ page }) => {
  await page.goto('/#/sandbox');
  await ready(page);
  const loaded = await page.evaluate((text) => window.townboard!.loadScenario(text, 8), FIGURE_8_BROKEN);
  expect(loaded.errors).toEqual([]);
  const banner = page.locator('.violation-banner');
  await expect(banner).toContainText('Invariant broken');
  await expect(page.locator('.timeline-mark.mark-violation').first()).toBeAttached();
  await expect(page.getByTestId('timeline')).toHaveAttribute('aria-valuetext', /invariant violation/);
  await page.getByRole('checkbox', { name: 'violation' }).check();
  await expect(page.getByTestId('event-log').locator('.log-row.kind-violation').first()).toBeVisible();

  // Before the violation's moment there is no banner; stepping onto it brings it back at once.
  const firstAt = await page.evaluate(() => {
    const line = window.townboard!.trace().find((l) => l.includes('VIOLATION') || l.includes('violation'));
    return line ? Number(/^t=(\d+)ms/.exec(line)?.[1] ?? -1) : -1;
  });
  expect(firstAt).toBeGreaterThan(0);
  await page.evaluate((t) => window.townboard!.seek(t - 1), firstAt);
  await expect(banner).toHaveCount(0);
  for (let k = 0; k < 50 && (await banner.count()) === 0; k++) await page.getByRole('button', { name: 'Step forward one event' }).click();
  await expect(banner).toBeVisible();
  expect(await page.evaluate(() => window.townboard!.now())).toBe(firstAt);

  // Clicking the banner selects the violation in the inspector.
  await banner.click();
  await expect(page.getByTestId('inspector')).toContainText(/VIOLATION (leader-completeness|state-machine-safety)/);
});

test('damaged saved progress is set aside with a notice, and the lab still opens', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.evaluate(() => localStorage.setItem('townboard.progress', '{"v":1,"lessons":'));
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('could not be used');
  await expect(page.getByRole('list', { name: 'Lessons' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('townboard.progress.set-aside'))).toBe('{"v":1,"lessons":');
});
