// The one idea (DESIGN.md): everything is a pure function of (seed, scenario, inputs, time).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from '../../../src/script/runner.ts';

const SERVICES = ['s0', 's1', 's2', 's3'];
const svc = fc.constantFrom(...SERVICES);
const topic = fc.constantFrom('A', 'B');

const action = fc.oneof(
  fc.tuple(svc, topic).map(([s, t]) => `publish from=${s} topic=${t}`),
  fc.tuple(svc, topic, fc.constantFrom('calls', 'events')).map(([s, t, m]) => `fanout from=${s} topic=${t} mode=${m}`),
  fc.tuple(svc, svc).map(([a, b]) => `call from=${a} to=${b}`),
  svc.map((s) => `crash node=${s}`),
  svc.map((s) => `restart node=${s}`),
  svc.map((s) => `pause node=${s}`),
  svc.map((s) => `resume node=${s}`),
  fc.tuple(svc, svc, fc.boolean()).map(([a, b, o]) => `partition a=${a} b=${b},board oneway=${o}`),
  fc.constant('heal'),
  fc.tuple(svc, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
    .map(([s, loss, dup, reorder]) => `link from=${s} to=board loss=${loss}% dup=${dup}% reorder=${reorder}% jitter=15ms`),
  fc.tuple(svc, fc.integer({ min: -500, max: 500 }), fc.integer({ min: -50_000, max: 50_000 })).map(([s, by, d]) => `skew node=${s} by=${by}ms drift=${d}`),
);

const scenario = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  works: fc.array(fc.integer({ min: 5, max: 200 }), { minLength: 4, maxLength: 4 }),
  subs: fc.array(fc.tuple(svc, topic), { minLength: 1, maxLength: 6 }),
  steps: fc.array(fc.tuple(action, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 25 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function linesOf(sc: Scenario): string[] {
  const lines = SERVICES.map((s, i) => `service name=${s} work=${sc.works[i]}ms jitter=20ms`);
  lines.push('network latency=5ms jitter=10ms');
  for (const [s, t] of sc.subs) lines.push(`subscribe service=${s} topic=${t}`);
  for (const [a, dt] of sc.steps) lines.push(a, `run for=${dt}ms`);
  lines.push('run for=2s');
  return lines;
}

function play(sc: Scenario) {
  const session = createSession(sc.seed);
  for (const l of linesOf(sc)) session.exec(l);
  return session;
}

const fingerprint = (s: ReturnType<typeof createSession>) => JSON.stringify({
  now: s.sim.now, events: s.sim.eventCount, hash: s.sim.traceHash(), nodes: s.sim.nodes(),
  town: s.sim.state('town'), inflight: s.sim.inFlight(),
});

describe('determinism', () => {
  it('the same seed and scenario give the same trace hash and trace, every time', () => {
    fc.assert(fc.property(scenario, (sc) => {
      const a = play(sc);
      const b = play(sc);
      expect(b.sim.traceHash()).toBe(a.sim.traceHash());
      expect(b.sim.trace().map(b.sim.formatEvent)).toEqual(a.sim.trace().map(a.sim.formatEvent));
    }), { numRuns: 60 });
  });

  it('a different seed changes the run when randomness is involved', () => {
    const sc: Scenario = { seed: 1, works: [10, 20, 30, 40], subs: [['s1', 'A'], ['s2', 'A']], steps: [['publish from=s0 topic=A', 100]] };
    expect(play(sc).sim.traceHash()).not.toBe(play({ ...sc, seed: 2 }).sim.traceHash());
  });

  it('seek(t) then running forward gives the same trace as running straight through', () => {
    fc.assert(fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (sc, frac) => {
      const straight = play(sc);
      const end = straight.sim.now;
      const expected = fingerprint(straight);
      const lines = straight.sim.trace().map(straight.sim.formatEvent);
      const t = Math.floor(end * frac);
      straight.sim.seek(t);
      expect(straight.sim.now).toBe(t);
      expect(straight.sim.trace().every((e) => e.t <= t)).toBe(true);
      straight.sim.seek(end);
      expect(fingerprint(straight)).toBe(expected);
      expect(straight.sim.trace().map(straight.sim.formatEvent)).toEqual(lines);
    }), { numRuns: 60 });
  });

  it('stepBack then step returns to the same state', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 8 }), (sc, k) => {
      const s = play(sc);
      s.sim.seek(Math.floor(s.sim.now / 2));
      let taken = 0;
      for (let i = 0; i < k; i++) if (s.sim.step()) taken++;
      const here = fingerprint(s);
      for (let i = 0; i < taken; i++) s.sim.stepBack();
      for (let i = 0; i < taken; i++) s.sim.step();
      expect(fingerprint(s)).toBe(here);
    }), { numRuns: 60 });
  });

  it('acting at a past moment forks: the old future is discarded and the trace says so', () => {
    const s = createSession(5);
    for (const l of ['service name=a work=10ms', 'service name=b work=50ms', 'subscribe service=b topic=T', 'publish from=a topic=T', 'run for=1s']) s.exec(l);
    const horizon = s.sim.trace().length;
    s.sim.seek(20);
    const r = s.exec('crash node=b');
    expect(r.output.join('\n')).toMatch(/fork: acted at a past moment; the old future \(\d+ trace entries\) was discarded/);
    expect(s.sim.fullTrace().length).toBeLessThan(horizon + 3);
    s.exec('run for=1s');
    expect(s.sim.query('read(b)')).toBe(0);
  });

  it('a seek far back in a long run replays only a short stretch from a snapshot', () => {
    const s = createSession(9);
    for (const l of ['service name=a work=1ms', 'service name=b work=1ms', 'subscribe service=b topic=T']) s.exec(l);
    for (let i = 0; i < 500; i++) { s.exec('publish from=a topic=T'); s.exec('run for=20ms'); }
    const events = s.sim.eventCount;
    expect(events).toBeGreaterThan(1500);
    const before = s.sim.traceHash();
    s.sim.seek(2000);
    const after = s.sim.eventCount;
    s.sim.seek(s.sim.horizon);
    expect(s.sim.traceHash()).toBe(before);
    expect(after).toBeLessThan(events);
    // About 0.7 s of CPU (1,000 commands through the runner): room for a machine busy with other suites.
  }, 20_000);
});
