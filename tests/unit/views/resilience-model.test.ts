// The resilience pictures' model, charts and layouts from real runs of the system (src/views/resilience): what a
// learner reads off them — each stage's live state, the breaker lit in the state it is in with its window, work
// for callers who gave up, people redialling spread out by jitter or bunched without it, and charts that follow
// time travel — and that boxes and words fit at the pane sizes the lab uses.
import { describe, expect, it } from 'vitest';
import type { ResilienceState } from '../../../src/engine/resilience/index.ts';
import { createSession } from '../../../src/script/runner.ts';
import { estimateWidth } from '../../../src/views/shared/measure.ts';
import { resilienceCharts } from '../../../src/views/resilience/charts.ts';
import { resilienceTechLayout, TECH_FONT } from '../../../src/views/resilience/layout-tech.ts';
import { resilienceTownLayout } from '../../../src/views/resilience/layout-town.ts';
import { chosenCaller, resiliencePicture, windowRate, type ResiliencePicture } from '../../../src/views/resilience/model.ts';
import { callerTownWords } from '../../../src/views/resilience/town-words.ts';
import { breakerLine, windowLine } from '../../../src/views/resilience/words.ts';

const SETUP = [
  'resilience.server name=db workers=2 service=20ms',
  'resilience.server name=api workers=4 service=50ms calls=db',
  'resilience.client name=web target=api rate=30',
  'resilience.timeout node=web after=200ms',
];

function run(lines: readonly string[], seed = 5) {
  const s = createSession(seed);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  const pic = () => resiliencePicture(s.sim.state<ResilienceState>('resilience'), s.sim);
  return { s, pic };
}

const stage = (p: ResiliencePicture, kind: string) => p.clients[0]!.stages.find((x) => x.kind === kind);

describe('resilience picture model', () => {
  it("lists a client's stages in resilience4j's order, outermost first, each with its live state", () => {
    const { pic } = run([...SETUP, 'resilience.retry node=web max=3 backoff=full base=100ms cap=2s budget=500',
      'resilience.breaker node=web window=20 minCalls=10', 'resilience.ratelimit node=web limit=100 period=1s',
      'resilience.bulkhead node=web max=5', 'resilience.fallback node=web', 'run for=2s']);
    const p = pic();
    // Retry(CircuitBreaker(RateLimiter(TimeLimiter(Bulkhead(call))))), then the fallback around them all.
    expect(p.clients[0]!.stages.map((x) => x.kind)).toEqual(['retry', 'breaker', 'limiter', 'timeout', 'bulkhead', 'fallback']);
    expect(stage(p, 'retry')!.value).toMatch(/^3× full · \d+ tokens$/);
    expect(stage(p, 'timeout')!.value).toBe('200 ms');
    expect(stage(p, 'breaker')!.value).toMatch(/^CLOSED · /);
    expect(p.links).toEqual([{ from: 'web', to: 'api' }, { from: 'api', to: 'db' }]);
  });

  it("says resilience4j's rate only once minimumNumberOfCalls are buffered (-1 before)", () => {
    expect(windowRate(4, 4, 5)).toBe(-1);
    expect(windowRate(10, 5, 5)).toBe(50);
    const { pic } = run([...SETUP, 'resilience.breaker node=web window=20 minCalls=10', 'run for=100ms']);
    const b = pic().clients[0]!.breaker!;
    expect(b.calls).toBeLessThan(10);
    expect(windowLine(b)).toContain('fewer than 10 calls: no rate yet');
  });

  it('lights OPEN when the dependency fails every call, with the window full of failures and the fuse blown', () => {
    const { pic } = run([...SETUP, 'resilience.breaker node=web window=10 minCalls=5 wait=5s', 'resilience.fail server=api rate=100%', 'run for=1s']);
    const c = pic().clients[0]!;
    expect(c.breaker!.state).toBe('OPEN');
    expect(c.breaker!.cells.filter((x) => x === 'failed').length).toBeGreaterThanOrEqual(5);
    expect(c.breaker!.changes.map((x) => x.state)).toEqual(['CLOSED', 'OPEN']);
    expect(stage(pic(), 'breaker')!.tone).toBe('tripped');
    expect(callerTownWords(c)[0]![0]).toBe('fuse blown');
    expect(breakerLine(c.breaker!, 'web')).toMatch(/^Breaker of web: OPEN since /);
  });

  it('marks work at the server for callers who already gave up (wasted) during a latency spike', () => {
    const { s, pic } = run([...SETUP, 'run for=1s', 'resilience.spike server=api extra=500ms for=5s', 'run for=1500ms']);
    const api = pic().servers.find((x) => x.id === 'api')!;
    expect(api.spike).not.toBeNull();
    expect(api.busyLate + api.queued.filter((j) => j.late).length).toBeGreaterThan(0);
    // After the spike the server is no longer marked slow.
    s.exec('run for=6s');
    expect(pic().servers.find((x) => x.id === 'api')!.spike).toBeNull();
  });

  it('has people redialling bunched without jitter and spread out with full jitter', () => {
    const spread = (backoff: string) => {
      const { pic } = run([...SETUP, `resilience.retry node=web max=4 backoff=${backoff} base=400ms cap=4s`, 'resilience.fail server=api rate=100%', 'run for=1200ms'], 9);
      const p = pic();
      const c = p.clients[0]!;
      expect(c.backoff).toBeGreaterThan(3);
      const town = resilienceTownLayout({ width: 700, height: 400 }, p);
      const xs = town.crowds.web!.map((pt) => pt.x);
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(spread('fixed')).toBe(0);
    expect(spread('full')).toBeGreaterThan(40);
  });

  it('follows the selected caller, else the first client', () => {
    const { pic } = run([...SETUP, 'resilience.retry node=api max=2', 'run for=500ms']);
    const p = pic();
    expect(chosenCaller(p, null)!.id).toBe('web');
    expect(chosenCaller(p, 'api')!.target).toBe('db');
    expect(chosenCaller(p, 'db')!.id).toBe('web');
  });
});

describe('resilience charts', () => {
  it('draw only up to now, so travelling back in time shortens every series', () => {
    const { s, pic } = run([...SETUP, 'resilience.breaker node=web window=10 minCalls=5', 'run for=20s']);
    const late = resilienceCharts(pic(), pic().clients[0]!);
    s.exec('seek t=8s');
    const early = resilienceCharts(pic(), pic().clients[0]!);
    const lastT = (pts: readonly (readonly [number, number])[]) => pts[pts.length - 1]![0];
    // A second's figures are plotted at its end, once it has closed.
    expect(lastT(late.load.series[0]!.points)).toBeGreaterThanOrEqual(19_000);
    expect(lastT(late.load.series[0]!.points)).toBeLessThanOrEqual(20_000);
    expect(lastT(early.load.series[0]!.points)).toBeLessThanOrEqual(8000);
    expect(early.load.now).toBe(8000);
    expect(late.load.reference).toEqual({ value: 80, label: 'api capacity' });
    expect(late.latency.reference).toEqual({ value: 200, label: 'timeout' });
    expect(late.breaker!.states.map((x) => x.key)).toEqual(['CLOSED', 'OPEN', 'HALF_OPEN']);
    // Well under capacity with no retries, each call is one attempt, and the breaker stays closed.
    expect(late.amplification.series[0]!.points.every(([, v]) => v === 1)).toBe(true);
    expect(late.breaker!.changes.map((x) => x.state)).toEqual(['CLOSED']);
  });
});

describe('resilience layouts', () => {
  const SIZES = [{ width: 425, height: 350 }, { width: 860, height: 350 }, { width: 1000, height: 620 }, { width: 600, height: 700 }];
  const { pic } = run([...SETUP, 'resilience.retry node=web max=3 backoff=full base=100ms cap=2s budget=500',
    'resilience.breaker node=web window=20 minCalls=10', 'resilience.bulkhead node=web max=5', 'resilience.retry node=api max=2', 'run for=3s']);
  const p = pic();
  const c = chosenCaller(p, null)!;
  const strip = resilienceCharts(p, c).breaker;

  it.each(SIZES)('keeps the boxes apart and inside the technical pane at %o, with the load chart always shown', (size) => {
    const l = resilienceTechLayout(size, p, c, strip);
    const boxes = [...l.callers.map((b) => b.box), ...l.servers.map((b) => b.box), ...(l.breaker ? [l.breaker] : []),
      ...Object.values(l.charts).filter((r) => r !== null)];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(size.width + 0.5);
      expect(b.y + b.h).toBeLessThanOrEqual(size.height + 0.5);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(true);
    }
    expect(l.charts.load).not.toBeNull();
    expect(l.fontSize).toBeGreaterThanOrEqual(11);
    // The servers in calling order: the one the client calls, then its dependency.
    expect(l.servers.map((b) => b.id)).toEqual(['api', 'db']);
  });

  it('draws the breaker and all three charts with the strip when the pane is large', () => {
    const l = resilienceTechLayout({ width: 1000, height: 620 }, p, c, strip);
    expect(l.breaker).not.toBeNull();
    expect(Object.values(l.charts).every((r) => r !== null)).toBe(true);
    expect(l.wide).toBe(true);
  });

  it.each(SIZES)('writes the town words to fit their column at %o', (size) => {
    const t = resilienceTownLayout(size, p);
    const cols = 3;
    for (const id of t.order) {
      const spot = t.spots[id]!;
      // A narrow column writes a shorter phrasing, never a cut one.
      for (const w of spot.words) {
        expect(estimateWidth(w.text, TECH_FONT)).toBeLessThanOrEqual(size.width / cols);
        expect(w.text).not.toContain('…');
      }
      expect(spot.at.y - spot.s * 0.6).toBeGreaterThanOrEqual(0);
      expect(spot.band.y + 30).toBeLessThanOrEqual(size.height);
    }
    expect(t.spots.web!.at.x).toBeLessThan(t.spots.api!.at.x);
    expect(t.spots.api!.at.x).toBeLessThan(t.spots.db!.at.x);
  });
});
