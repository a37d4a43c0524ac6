// Properties over random failure and crash schedules (Garcia-Molina & Salem 1987: a saga runs T1..Tn, or
// T1..Tj then Cj..C1; microservices.io: compensations must be retried until they succeed, so they must be
// idempotent; Temporal: a workflow resumes from its history after a worker crash).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Sim } from '../../../src/engine/core/sim.ts';
import { newSim, run, state, undoOrder, violations } from './helpers.ts';

const SHOPS = ['bakery', 'deli', 'fruit'] as const;
const NODES = ['school', ...SHOPS] as const;

type Fault =
  | { kind: 'start' }
  | { kind: 'fail'; shop: number; times: number }
  | { kind: 'failUndo'; shop: number; n: number }
  | { kind: 'slow'; shop: number; work: number }
  | { kind: 'crash' | 'restart'; node: number };

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'start' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fail' as const), shop: fc.integer({ min: 0, max: 2 }), times: fc.integer({ min: -1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('failUndo' as const), shop: fc.integer({ min: 0, max: 2 }), n: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('slow' as const), shop: fc.integer({ min: 0, max: 2 }), work: fc.integer({ min: 0, max: 400 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('crash' as const, 'restart' as const), node: fc.integer({ min: 0, max: 3 }) }) },
);

function apply(sim: Sim, f: Fault): void {
  const up = (n: string) => sim.nodes().find((x) => x.id === n)?.up ?? false;
  switch (f.kind) {
    case 'start': if (up('school')) run(sim, 'saga.start', { def: 'lunch', qty: 10 }); return;
    case 'fail': run(sim, 'saga.fail', { shop: SHOPS[f.shop]!, times: f.times < 0 ? 'always' : String(f.times) }); return;
    case 'failUndo': run(sim, 'saga.fail', { shop: SHOPS[f.shop]!, times: '0', undo: f.n }); return;
    case 'slow': run(sim, 'saga.shop', { name: SHOPS[f.shop]!, work: f.work }); return;
    case 'crash': if (up(NODES[f.node]!)) sim.crash(NODES[f.node]!); return;
    case 'restart': if (!up(NODES[f.node]!)) sim.restart(NODES[f.node]!); return;
  }
}

const allEnded = (sim: Sim) => () => Object.values(state(sim).sagas).every((s) => s.status === 'done' || s.status === 'compensated');

describe('sagas under random failures and crashes', () => {
  it('every saga ends all done, or with every done step compensated in reverse order, each effect once', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.constantFrom('none', 'deli'),
      fc.array(fc.record({ gap: fc.integer({ min: 0, max: 300 }), f: faultArb }), { minLength: 3, maxLength: 30 }),
      (seed, pivot, faults) => {
        const sim = newSim(seed);
        run(sim, 'saga.define', { name: 'lunch', steps: [...SHOPS], pivot, timeout: 150, retries: 2 });
        for (const { gap, f } of faults) { sim.runFor(gap); apply(sim, f); }
        // The faults stop: every node back, and (after the pivot) the retriable shop eventually succeeds.
        for (const n of sim.nodes()) if (!n.up) sim.restart(n.id);
        if (pivot === 'deli') run(sim, 'saga.fail', { shop: 'fruit', times: '0' });
        expect(sim.runUntilTrue(allEnded(sim), 120_000)).toBe(true);
        sim.runFor(2000); // late replies and actions settle
        const st = state(sim);
        expect(violations(sim)).toEqual([]);
        for (const id of st.sagaOrder) {
          const s = st.sagas[id]!;
          const effects = SHOPS.map((shop, i) => st.effects[`${shop}:${id}/${i}`] ?? { do: 0, undo: 0 });
          for (const e of effects) { expect(e.do).toBeLessThanOrEqual(1); expect(e.undo).toBeLessThanOrEqual(e.do); }
          if (s.status === 'done') expect(effects.every((e) => e.do === 1 && e.undo === 0)).toBe(true);
          else {
            expect(effects.every((e) => e.undo === e.do)).toBe(true);
            const order = undoOrder(st, id);
            expect(order).toEqual([...order].sort((a, b) => b - a));
          }
        }
      },
    ), { numRuns: 120 });
  });

  it('an orchestrator crashed and restarted at any moment finishes every saga the way an uncrashed one does', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.record({ shop: fc.integer({ min: 0, max: 2 }), times: fc.integer({ min: -1, max: 2 }) }), { maxLength: 3 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 2000 }),
      (seed, fails, count, crashAt, downFor) => {
        const outcome = (crash: boolean) => {
          const sim = newSim(seed);
          run(sim, 'saga.define', { name: 'lunch', steps: [...SHOPS], timeout: 150, retries: 2 });
          for (const f of fails) run(sim, 'saga.fail', { shop: SHOPS[f.shop]!, times: f.times < 0 ? 'always' : String(f.times) });
          run(sim, 'saga.start', { def: 'lunch', count });
          if (crash) { sim.runFor(crashAt); sim.crash('school'); sim.runFor(downFor); sim.restart('school'); }
          expect(sim.runUntilTrue(allEnded(sim), 60_000)).toBe(true);
          expect(violations(sim)).toEqual([]);
          const st = state(sim);
          return st.sagaOrder.map((id) => `${id}:${st.sagas[id]!.status}:${st.sagas[id]!.steps.join(',')}`);
        };
        expect(outcome(true)).toEqual(outcome(false));
      },
    ), { numRuns: 100 });
  });

  it('2PC never commits at one participant and aborts at another, whatever crashes; once all are back, nobody stays in doubt', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.record({
        gap: fc.integer({ min: 0, max: 60 }),
        f: fc.oneof(
          fc.record({ kind: fc.constant('tx' as const) }),
          fc.record({ kind: fc.constant('no' as const), shop: fc.integer({ min: 0, max: 2 }) }),
          fc.record({ kind: fc.constantFrom('crash' as const, 'restart' as const), node: fc.integer({ min: 0, max: 3 }) }),
        ),
      }), { minLength: 3, maxLength: 25 }),
      (seed, steps) => {
        const sim = newSim(seed);
        const nodes = ['coordinator', ...SHOPS];
        let k = 0;
        run(sim, 'saga.twopc', { id: `t${k++}`, shops: [...SHOPS] });
        for (const { gap, f } of steps) {
          sim.runFor(gap);
          const up = (n: string) => sim.nodes().find((x) => x.id === n)?.up ?? false;
          if (f.kind === 'tx' && up('coordinator')) run(sim, 'saga.twopc', { id: `t${k++}`, shops: [...SHOPS] });
          if (f.kind === 'no') run(sim, 'saga.fail', { shop: SHOPS[f.shop]!, times: '1' });
          if (f.kind === 'crash' && up(nodes[f.node]!)) sim.crash(nodes[f.node]!);
          if (f.kind === 'restart' && !up(nodes[f.node]!)) sim.restart(nodes[f.node]!);
        }
        for (const n of sim.nodes()) if (!n.up) sim.restart(n.id);
        sim.runFor(20_000);
        expect(violations(sim)).toEqual([]);
        const st = state(sim);
        for (const id of st.txOrder) {
          expect(st.txs[id]!.decision).not.toBeNull();
          for (const s of SHOPS) expect(st.shops[s]!.tx[id] ?? 'aborted').not.toBe('prepared');
        }
        for (const s of SHOPS) expect(st.shops[s]!.lock).toBeNull();
      },
    ), { numRuns: 100 });
  });
});
