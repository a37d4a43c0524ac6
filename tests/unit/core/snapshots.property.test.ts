// Snapshots restore exactly: seeking back to t gives the very state a fresh run stopped at t has, and
// running on from there reproduces the rest of the run; dense snapshots (so the ring thins) included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSim, type Sim } from '../../../src/engine/core/sim.ts';
import { pingSystem, type PingState } from './ping-system.ts';

const NODES = ['a', 'b', 'c'];
const node = fc.constantFrom(...NODES);

type Action =
  | { k: 'crash' | 'restart' | 'pause' | 'resume'; n: string }
  | { k: 'partition'; a: string; b: string; oneWay: boolean }
  | { k: 'heal' }
  | { k: 'link'; a: string; b: string; loss: number; dup: number; reorder: number; jitter: number }
  | { k: 'drop' }
  | { k: 'skew'; n: string; by: number; drift: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.tuple(fc.constantFrom('crash', 'restart', 'pause', 'resume') as fc.Arbitrary<'crash' | 'restart' | 'pause' | 'resume'>, node).map(([k, n]) => ({ k, n })),
  fc.tuple(node, node, fc.boolean()).map(([a, b, oneWay]) => ({ k: 'partition' as const, a, b, oneWay })),
  fc.constant({ k: 'heal' as const }),
  fc.record({ a: node, b: node, loss: fc.double({ min: 0, max: 0.5, noNaN: true }), dup: fc.double({ min: 0, max: 0.5, noNaN: true }),
    reorder: fc.double({ min: 0, max: 0.5, noNaN: true }), jitter: fc.nat({ max: 40 }) }).map((r) => ({ k: 'link' as const, ...r })),
  fc.constant({ k: 'drop' as const }),
  fc.constant({ k: 'drop' as const }),
  fc.record({ n: node, by: fc.integer({ min: -300, max: 300 }), drift: fc.integer({ min: -50_000, max: 50_000 }) }).map((r) => ({ k: 'skew' as const, ...r })),
);

const scenario = fc.record({
  seed: fc.nat(),
  snapshotEvery: fc.constantFrom(1, 3, 20, 1000),
  steps: fc.array(fc.tuple(action, fc.nat({ max: 300 })), { maxLength: 12 }),
  tail: fc.nat({ max: 3000 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function apply(sim: Sim, a: Action): void {
  switch (a.k) {
    case 'crash': sim.crash(a.n); break;
    case 'restart': sim.restart(a.n); break;
    case 'pause': sim.pause(a.n); break;
    case 'resume': sim.resume(a.n); break;
    case 'partition': sim.partition([a.a], [a.b], a.oneWay); break;
    case 'heal': sim.heal(); break;
    case 'link': sim.setLink(a.a, a.b, { loss: a.loss, dup: a.dup, reorder: a.reorder, jitter: a.jitter }); break;
    case 'drop': { const f = sim.inFlight()[0]; if (f) sim.dropMessage(f.msgId); break; }
    case 'skew': sim.skew(a.n, a.by, a.drift); break;
  }
}

/** Runs the scenario, stopping at time `stop` when given (as a fresh run that only gets that far). */
function play(sc: Scenario, stop = Number.POSITIVE_INFINITY): Sim {
  const sim = createSim({ seed: sc.seed, systems: [pingSystem], snapshotEvery: sc.snapshotEvery, network: { jitter: 7 } });
  sim.act<PingState>('ping', 'start', (_s, ctx) => {
    for (const n of NODES) ctx.addNode(n);
    NODES.forEach((n, i) => ctx.setTimer(n, 50 + 10 * i, 'tick', NODES[(i + 1) % NODES.length]));
  });
  for (const [a, dt] of sc.steps) {
    if (sim.now > stop) break;
    apply(sim, a);
    if (sim.now + dt > stop) break;
    sim.runFor(dt);
  }
  if (stop === Number.POSITIVE_INFINITY) sim.runFor(sc.tail);
  else sim.runUntil(stop);
  return sim;
}

const fingerprint = (sim: Sim) => JSON.stringify({
  now: sim.now, events: sim.eventCount, hash: sim.traceHash(), ping: sim.state('ping'), nodes: sim.nodes(),
  inflight: sim.inFlight(), trace: sim.trace().map(sim.formatEvent), violations: sim.violations().length,
  counters: ['sent', 'delivered', 'dropped'].map((q) => sim.query(q)),
});

describe('snapshots restore exactly', () => {
  it('seek(t) gives the state a fresh run stopped at t has, and running on gives the same end', () => {
    fc.assert(fc.property(scenario, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (sc, fracs) => {
      const sim = play(sc);
      const end = sim.now;
      const atEnd = fingerprint(sim);
      for (const f of fracs) {
        const t = Math.floor(end * f);
        sim.seek(t);
        expect(fingerprint(sim)).toBe(fingerprint(play(sc, t)));
      }
      sim.seek(end);
      expect(fingerprint(sim)).toBe(atEnd);
    }), { numRuns: 120 });
  });

  it('a message dropped by hand is still on its way when seeking back to before the drop', () => {
    const sc: Scenario = { seed: 4, snapshotEvery: 1000, steps: [[{ k: 'heal' }, 55], [{ k: 'link', a: 'a', b: 'b', loss: 0, dup: 0, reorder: 0, jitter: 0 }, 3], [{ k: 'drop' }, 100]], tail: 0 };
    const sim = play(sc);
    expect(sim.trace().some((e) => e.text === 'dropped by hand')).toBe(true);
    sim.seek(56);
    expect(sim.inFlight().length).toBeGreaterThan(0);
    expect(sim.inFlight().every((f) => !f.doomed)).toBe(true);
    expect(fingerprint(sim)).toBe(fingerprint(play(sc, 56)));
  });

  it('stepBack lands on the state one event earlier, however often it is repeated', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 30 }), (sc, k) => {
      const sim = play(sc);
      const trail: string[] = [];
      for (let i = 0; i < k && sim.eventCount > 0; i++) {
        trail.push(fingerprint(sim));
        sim.stepBack();
      }
      for (let i = trail.length - 1; i >= 0; i--) {
        sim.step();
        // Time may have run past the last event (runFor ends at a moment, not at an event).
        if (i > 0) expect(fingerprint(sim)).toBe(trail[i]);
      }
    }), { numRuns: 60 });
  });
});
