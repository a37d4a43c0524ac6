// Property: whatever the faults (crash, restart, partitions both ways and one way, loss, duplication,
// reordering) and however proposers collide, at most one value is chosen and learners learn only it.
// Once the faults stop and a distinguished proposer is named, a value is chosen within a bounded time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSim, type Sim } from '../../../src/engine/core/sim.ts';
import { paxos } from '../../../src/engine/paxos/system.ts';
import { paxosCommands } from '../../../src/engine/paxos/commands.ts';

type Step =
  | { kind: 'propose'; node: number }
  | { kind: 'crash' | 'restart'; node: number }
  | { kind: 'partition'; side: number[]; oneway: boolean }
  | { kind: 'heal' }
  | { kind: 'net'; loss: number; dup: number; reorder: number };

const N = 5;
const name = (i: number) => `s${i}`;
const cmd = (n: string) => paxosCommands.find((c) => c.name === n)!;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('propose' as const), node: fc.integer({ min: 1, max: N }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('crash' as const, 'restart' as const), node: fc.integer({ min: 1, max: N }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), side: fc.subarray([1, 2, 3, 4, 5], { minLength: 1, maxLength: N - 1 }), oneway: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('net' as const), loss: fc.integer({ min: 0, max: 30 }), dup: fc.integer({ min: 0, max: 20 }), reorder: fc.integer({ min: 0, max: 30 }) }) },
);

function apply(sim: Sim, step: Step, k: number): void {
  const nodes = sim.nodes();
  switch (step.kind) {
    case 'propose': if (nodes[step.node - 1]!.up) cmd('paxos.propose').run(sim, { node: name(step.node), value: `v${k}` }, undefined); return;
    case 'crash': if (nodes[step.node - 1]!.up) sim.crash(name(step.node)); return;
    case 'restart': if (!nodes[step.node - 1]!.up) sim.restart(name(step.node)); return;
    case 'partition': {
      const a = step.side.map(name);
      sim.partition(a, nodes.map((n) => n.id).filter((x) => !a.includes(x)), step.oneway);
      return;
    }
    case 'heal': sim.heal(); return;
    case 'net': sim.setNetwork({ loss: step.loss / 100, dup: step.dup / 100, reorder: step.reorder / 100 }); return;
  }
}

describe('Paxos under random faults', () => {
  it('at most one value is chosen; after the faults stop a distinguished proposer gets one chosen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 80 }), step: stepArb }), { minLength: 5, maxLength: 40 }),
        (seed, backoff, steps) => {
          const sim = createSim({ seed, systems: [paxos], snapshotEvery: 1_000_000 });
          cmd('paxos.start').run(sim, { servers: N, backoff, timeout: 100 }, undefined);
          steps.forEach(({ gap, step }, k) => { sim.runFor(gap); apply(sim, step, k); });
          sim.heal();
          sim.setNetwork({ loss: 0, dup: 0, reorder: 0 });
          for (const n of sim.nodes()) if (!n.up) sim.restart(n.id);
          cmd('paxos.config').run(sim, { leader: 's1' }, undefined);
          cmd('paxos.propose').run(sim, { node: 's3', value: 'final' }, undefined);
          const chosen = sim.runUntilTrue(() => sim.query('paxos.chosen') !== 'none', 2_000);
          expect(sim.violations().map((v) => sim.formatEvent(v)), `seed ${seed}`).toEqual([]);
          expect(chosen, `seed ${seed}: nothing chosen 2s after the faults stopped`).toBe(true);
        },
      ),
      { numRuns: 200, seed: Number(process.env.FC_SEED ?? 20261123) },
    );
  }, 60_000);
});
