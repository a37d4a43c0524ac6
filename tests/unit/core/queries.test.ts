// The core queries are one table (src/engine/core/queries.ts): what a condition reads (`expect sent >= 1`)
// must agree with what the Sim itself reports, and the language reference lists each name once.
import { describe, expect, it } from 'vitest';
import { createSim, CORE_QUERIES } from '../../../src/engine/core/sim.ts';
import { allQueries } from '../../../src/script/language.ts';
import { pingPair, pingSystem } from './ping-system.ts';

function eventfulSim() {
  const sim = createSim({ seed: 4, systems: [pingSystem], network: { loss: 0.3 } });
  pingPair(sim);
  sim.runFor(1_005);
  sim.skew('a', 250, 1000);
  sim.pause('b');
  sim.runFor(333);
  return sim;
}

describe('core queries', () => {
  it('answer what the Sim itself reports', () => {
    const sim = eventfulSim();
    const trace = sim.trace();
    const count = (kind: string) => trace.filter((e) => e.kind === kind).length;
    expect(sim.query('now')).toBe(sim.now);
    expect(sim.query('events')).toBe(sim.eventCount);
    expect(sim.query('violations')).toBe(sim.violations().length);
    expect(sim.query('inflight')).toBe(sim.inFlight().length);
    expect(sim.query('sent')).toBe(count('send'));
    expect(sim.query('delivered')).toBe(count('deliver'));
    expect(sim.query('dropped')).toBe(count('drop'));
    // 30% loss over ~20 sends: some arrive and some are lost, so the counts above are not vacuous.
    expect(sim.query('delivered')).toBeGreaterThan(0);
    expect(sim.query('dropped')).toBeGreaterThan(0);
    expect(sim.query('up(a)')).toBe(true);
    expect(sim.query('paused(b)')).toBe(true);
    expect(sim.query('paused(a)')).toBe(false);
    // Skew 250 ms plus 1000 ppm of drift over the elapsed global time.
    expect(sim.query('clock(a)')).toBe(sim.now + 250 + Math.floor(sim.now / 1000));
    expect(sim.query('clock(b)')).toBe(sim.now);
    sim.crash('a');
    expect(sim.query('up(a)')).toBe(false);
  });

  it('name an unknown node or query plainly', () => {
    const sim = eventfulSim();
    expect(() => sim.query('up(nowhere)')).toThrow("unknown node 'nowhere'");
    expect(() => sim.query('nonsense')).toThrow("unknown query 'nonsense'");
    expect(() => sim.query('up(a')).toThrow("not a query: 'up(a'");
  });

  it('are each listed once in the language reference, with their parameters', () => {
    for (const q of CORE_QUERIES) {
      const listed = allQueries.filter((d) => d.name === q.name);
      expect(listed, q.name).toHaveLength(1);
      expect(listed[0]!.params).toEqual(q.params);
    }
    expect(new Set(CORE_QUERIES.map((q) => q.name)).size).toBe(CORE_QUERIES.length);
  });
});
