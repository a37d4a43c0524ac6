// The impossibility, by construction (the last-message argument: Gray 1978; Lynch, "Distributed Algorithms"
// §5.1): for any finite protocol, the schedule that catches its last messenger leaves the sender of that
// messenger with everything it expects and the receiver without it, so they disagree. And no schedule that
// catches anything gets both to attack: the only way to a joint attack is every messenger through.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { session } from './helpers.ts';

const outcome = (script: string, seed = 1) => session(script, seed).sim.query('generals.outcome');

describe('two generals: properties', () => {
  it('for every number of rounds, catching the last messenger makes them disagree; catching none, both attack', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20 }), (rounds) => {
      const last = rounds + 1;
      const split = outcome(`generals.start rounds=${rounds}\ngenerals.ambush messenger=${last}\nrun for=1s`);
      expect(split).toBe(last % 2 === 1 ? 'east-alone' : 'west-alone');
      expect(outcome(`generals.start rounds=${rounds}\nrun for=1s`)).toBe('both-attack');
    }), { numRuns: 21 });
  });

  it('any catch at all rules out a joint attack; they disagree exactly when the first catch is the last messenger', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }), fc.uniqueArray(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 4 }), (rounds, picks) => {
      const caught = picks.filter((k) => k <= rounds + 1);
      if (caught.length === 0) return;
      const o = outcome(`generals.start rounds=${rounds}\n${caught.map((k) => `generals.ambush messenger=${k}`).join('\n')}\nrun for=1s`);
      expect(o).not.toBe('both-attack');
      expect(o === 'east-alone' || o === 'west-alone').toBe(Math.min(...caught) === rounds + 1);
    }), { numRuns: 60 });
  });

  it('in a lossy valley, both attack only when every messenger crossed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 10_000 }), (rounds, seed) => {
      const s = session(`generals.start rounds=${rounds} loss=30%\nrun for=1s`, seed);
      const all = s.sim.query('generals.arrived') === rounds + 1;
      expect(s.sim.query('generals.outcome') === 'both-attack').toBe(all);
    }), { numRuns: 60 });
  });
});
