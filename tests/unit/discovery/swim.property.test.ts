// SWIM's two promises, over random group sizes, crash sets and seeds: completeness ("every crashed member
// is eventually detected by every non-faulty member", SWIM §3) once messages flow, and accuracy with nothing
// lost or paused (no running member is ever declared dead).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEAD, ALIVE } from '../../../src/engine/discovery/state.ts';
import { disc, session, run, violations } from './helpers.ts';

const SEED = Number(process.env.FC_SEED ?? 20261207);

const groupArb = fc.record({
  n: fc.integer({ min: 3, max: 24 }),
  crashes: fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 3 }),
  at: fc.integer({ min: 0, max: 3000 }),
  loss: fc.constantFrom(0, 0.05, 0.2),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('SWIM properties', () => {
  it('every crashed member is eventually declared dead by every running member once messages flow', () => {
    fc.assert(fc.property(groupArb, ({ n, crashes, at, loss, seed }) => {
      const victims = [...new Set(crashes.map((c) => ((c - 1) % n) + 1))].slice(0, n - 2);
      const s = session(`discovery.swim members=${n}\nnetwork loss=${loss}\nrun for=${at}ms`, seed);
      for (const v of victims) run(s, `crash node=m${v}`);
      // Lossy for a while, then the network heals and messages flow.
      run(s, 'run for=5s\nnetwork loss=0\nrun for=40s');
      const st = disc(s);
      for (const m of st.members) {
        if (m.down) continue;
        for (const v of victims) expect(m.view[v - 1], `m${m.index + 1}'s view of crashed m${v}`).toBe(DEAD);
      }
    }), { seed: SEED, numRuns: 20 });
  }, 60_000);

  it('with nothing lost or paused no running member is declared dead, and all agree on who is alive', () => {
    fc.assert(fc.property(groupArb, ({ n, crashes, at, seed }) => {
      const victims = [...new Set(crashes.map((c) => ((c - 1) % n) + 1))].slice(0, n - 2);
      const s = session(`discovery.swim members=${n}\nrun for=${at}ms`, seed);
      for (const v of victims) run(s, `crash node=m${v}`);
      run(s, 'run for=30s');
      const st = disc(s);
      expect(st.falsePositives).toBe(0);
      expect(violations(s)).toEqual([]);
      for (const m of st.members) {
        if (m.down) continue;
        for (const o of st.members) if (!o.down) expect(m.view[o.index]).toBe(ALIVE);
      }
    }), { seed: SEED, numRuns: 20 });
  }, 60_000);
});
