// sim.traceSince(i): the entries from index i up to the cursor, the very objects trace() holds, through
// runs, seeks back and forward, step backs, forks and a ring too small to hold the run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSim } from '../../../src/engine/core/sim.ts';
import { pingSystem, type PingState } from './ping-system.ts';

const NODES = ['a', 'b', 'c'];

type Move = { k: 'run'; ms: number } | { k: 'seek'; frac: number } | { k: 'back' } | { k: 'crash' | 'restart'; n: string };
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.nat({ max: 400 }).map((ms) => ({ k: 'run' as const, ms })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((frac) => ({ k: 'seek' as const, frac })),
  fc.constant({ k: 'back' as const }),
  fc.tuple(fc.constantFrom('crash' as const, 'restart' as const), fc.constantFrom(...NODES)).map(([k, n]) => ({ k, n })),
);

describe('traceSince', () => {
  it('is trace() from index i on, the same objects, wherever the cursor is', () => {
    fc.assert(fc.property(fc.nat(), fc.constantFrom(15, 60, 100_000), fc.array(move, { maxLength: 15 }), fc.array(fc.nat({ max: 400 }), { minLength: 3, maxLength: 3 }),
      (seed, traceLimit, moves, probes) => {
        const sim = createSim({ seed, systems: [pingSystem], traceLimit, network: { jitter: 5 } });
        sim.act<PingState>('ping', 'start', (_s, ctx) => {
          for (const n of NODES) ctx.addNode(n);
          NODES.forEach((n, i) => ctx.setTimer(n, 20 + 10 * i, 'tick', NODES[(i + 1) % NODES.length]));
        });
        for (const m of moves) {
          if (m.k === 'run') sim.runFor(m.ms);
          else if (m.k === 'seek') sim.seek(Math.floor(sim.horizon * m.frac));
          else if (m.k === 'back') sim.stepBack();
          else if (m.k === 'crash') { if (sim.nodes().find((x) => x.id === m.n)!.up) sim.crash(m.n); }
          else if (!sim.nodes().find((x) => x.id === m.n)!.up) sim.restart(m.n);
          const all = sim.trace();
          expect(sim.traceLength).toBe(all.length ? all[all.length - 1]!.i + 1 : sim.traceLength);
          for (const back of [0, 1, ...probes]) {
            const i = Math.max(0, sim.traceLength - back);
            const since = sim.traceSince(i);
            const want = all.filter((e) => e.i >= i);
            expect(since.length).toBe(want.length);
            since.forEach((e, k) => expect(e).toBe(want[k]));
          }
        }
      }), { numRuns: 150 });
  });
});
