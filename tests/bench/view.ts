// The Raft view in a browser: frames per second, frame-time p95, main-thread CPU per frame (Chrome
// DevTools Protocol `Performance.getMetrics` TaskDuration divided by frames) and JS heap growth, in
// headless Chromium with software rendering at 1280x800, at playback's fastest speed (100x).
//
// It builds the app (`vite build` into a temporary folder), serves it with `vite preview` on a free port,
// and measures, each over a 6 s window after a 4 s warm-up (20 s for the first 9-server run, so the
// engine's bounded trace and snapshot rings are full and its heap growth is the steady state):
//   - the sandbox running `raft.start servers=5`, then 9, with the dock of panels hidden (the stage: the
//     council and the technical picture, the playback bar and timeline, and the engine running 100x);
//   - the same 9 servers with the event log showing (the default page);
//   - a baseline page in the same browser: as many SVG elements as the Raft page draws, every one moved
//     by requestAnimationFrame each frame. Each figure is also printed as a ratio to the baseline's.
// Heap growth is the JS heap after a forced GC at the end of the window minus at its start.
// Skips with one line when no Chromium is found (tests/e2e/chromium-path.mjs). Called by run.ts.
import type { Figure } from './kernel.ts';
import { buildAndServe } from '../e2e/built-site.ts';
// @ts-expect-error: a plain .mjs helper shared with the Playwright config
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path.mjs';

const WARMUP_MS = 4000;
const WINDOW_MS = 6000;
/** The 9-server run warms up longer: by then the engine's bounded trace and snapshot rings are full at
 *  100x, so its heap growth says whether anything else keeps growing. */
const SETTLE_MS = 20_000;

interface Sample { fps: number; p95: number; cpuPerFrame: number; heapGrowthMB: number; elements: number; heapEndMB?: number; secondsRun?: number }

/** The baseline: `n` circles, every one moved each animation frame along its own orbit. */
const baselinePage = (n: number) => `<!doctype html><html><body style="margin:0">
<svg id="s" width="1280" height="800"></svg>
<script>
  const svg = document.getElementById('s');
  const els = [];
  for (let i = 0; i < ${n}; i++) {
    const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    c.setAttribute('r', '6'); c.setAttribute('fill', i % 2 ? '#0072B2' : '#E69F00');
    svg.appendChild(c); els.push(c);
  }
  const tick = (t) => {
    for (let i = 0; i < els.length; i++) {
      const a = t / 900 + i * 0.37;
      els[i].setAttribute('transform', 'translate(' + (640 + Math.cos(a) * (80 + i % 300)).toFixed(1) + ',' + (400 + Math.sin(a * 1.3) * (60 + i % 250)).toFixed(1) + ')');
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
</script></body></html>`;

export async function benchView(): Promise<Figure[]> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) {
    console.log('\nView: skipped — no Chromium found (set CHROMIUM_PATH, or install chromium).');
    return [];
  }
  const { chromium } = await import('@playwright/test');
  const site = await buildAndServe('view-bench');
  const base = site.origin;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });

    const measure = async (open: (page: import('@playwright/test').Page) => Promise<void>, warmup = WARMUP_MS): Promise<Sample> => {
      const page = await context.newPage();
      // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
      await page.addInitScript('window.__frames = []; (function loop(t) { if (t) window.__frames.push(t); requestAnimationFrame(loop); })();');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await cdp.send('HeapProfiler.enable');
      const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const heap = async () => { await cdp.send('HeapProfiler.collectGarbage'); return (await metrics()).JSHeapUsedSize! / 2 ** 20; };
      await open(page);
      await page.waitForTimeout(warmup);
      const heap0 = await heap();
      const t0 = await page.evaluate(() => performance.now());
      const m0 = await metrics();
      await page.waitForTimeout(WINDOW_MS);
      const m1 = await metrics();
      const t1 = await page.evaluate(() => performance.now());
      const heap1 = await heap();
      const frames = (await page.evaluate('window.__frames') as number[]).filter((t) => t >= t0 && t <= t1);
      const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
      const elements = await page.evaluate(() => document.querySelectorAll('svg *').length);
      await page.close();
      return {
        fps: gaps.length / ((t1 - t0) / 1000),
        p95: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? 0,
        cpuPerFrame: gaps.length ? ((m1.TaskDuration! - m0.TaskDuration!) * 1000) / gaps.length : 0,
        heapGrowthMB: heap1 - heap0,
        elements,
        ...(warmup > WARMUP_MS ? { heapEndMB: heap1, secondsRun: Math.round((warmup + WINDOW_MS) / 1000) } : {}),
      };
    };

    const raft = (servers: number, dock: boolean, warmup?: number) => measure(async (page) => {
      await page.goto(`${base}/#/sandbox`);
      await page.waitForFunction(() => window.townboard !== undefined);
      await page.waitForTimeout(1500); // the sandbox loads its own first scenario; ours replaces it
      const r = await page.evaluate((n) => window.townboard!.loadScenario(`raft.start servers=${n}`), servers);
      if (r.errors.length) throw new Error(`view bench: ${r.errors.join('; ')}`);
      await page.waitForSelector('[data-testid=raft-tech]');
      if (!dock) await page.locator('.dock-toggle').click();
      await page.evaluate(() => { window.townboard!.setSpeed(100); window.townboard!.play(); });
    }, warmup);
    const baseline = (n: number) => measure(async (page) => {
      await page.waitForTimeout(0);
      // Served under the same origin, so it runs with the same init script and timing as the app.
      await page.route(`${base}/__baseline.html`, (route) => route.fulfill({ contentType: 'text/html', body: baselinePage(n) }));
      await page.goto(`${base}/__baseline.html`);
    });

    const five = await raft(5, false);
    const nine = await raft(9, false, SETTLE_MS);
    const nineLog = await raft(9, true);
    const base5 = await baseline(five.elements);
    const base9 = await baseline(nine.elements);

    const figures: Figure[] = [];
    const add = (label: string, s: Sample, b: Sample) => {
      figures.push(
        { name: `${label}: frames per second`, value: s.fps, unit: 'fps' },
        { name: '  / baseline', value: s.fps / b.fps, unit: 'ratio' },
        { name: `${label}: frame time p95`, value: s.p95, unit: 'ms' },
        { name: '  / baseline', value: s.p95 / b.p95, unit: 'ratio' },
        { name: `${label}: main-thread CPU per frame`, value: s.cpuPerFrame, unit: 'ms' },
        { name: '  / baseline', value: s.cpuPerFrame / b.cpuPerFrame, unit: 'ratio' },
        { name: `${label}: JS heap growth over ${WINDOW_MS / 1000}s`, value: s.heapGrowthMB * 1024, unit: 'KB' },
      );
      if (s.heapEndMB !== undefined) figures.push({ name: `${label}: JS heap after ${s.secondsRun}s`, value: s.heapEndMB * 1024, unit: 'KB' });
    };
    add('Raft 5 servers 100x', five, base5);
    add('Raft 9 servers 100x', nine, base9);
    add('Raft 9 servers 100x, event log shown', nineLog, base9);
    figures.push(
      { name: `Baseline: ${base5.elements} SVG elements moved each frame, fps`, value: base5.fps, unit: 'fps' },
      { name: `Baseline: ${base5.elements} SVG elements, CPU per frame`, value: base5.cpuPerFrame, unit: 'ms' },
      { name: `Baseline: ${base9.elements} SVG elements moved each frame, fps`, value: base9.fps, unit: 'fps' },
      { name: `Baseline: ${base9.elements} SVG elements, CPU per frame`, value: base9.cpuPerFrame, unit: 'ms' },
    );
    return figures;
  } finally {
    await browser.close();
    await site.close();
  }
}
