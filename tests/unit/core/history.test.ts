// The snapshot ring stays spread over the whole run, so a seek anywhere replays only a short stretch.
import { describe, expect, it } from 'vitest';
import { createSim } from '../../../src/engine/core/sim.ts';
import type { SystemDef } from '../../../src/engine/core/types.ts';

/** Handler calls, counted outside the state: how much a seek replays. */
let handled = 0;
const relay: SystemDef<{ n: number }> = {
  name: 'relay',
  initialState: () => ({ n: 0 }),
  onMessage(s, node, from, _msg, ctx) { handled++; s.n++; ctx.send(node, from, { type: 'Hop', n: s.n }); },
  onTimer() {},
};

function longRun(events: number, snapshotEvery: number, ballast = 0) {
  const sim = createSim({ seed: 3, systems: [relay], snapshotEvery, network: { latency: 1, jitter: 9 } });
  sim.act<{ n: number; ballast?: { k: number }[] }>('relay', 'start', (s, ctx) => {
    if (ballast > 0) s.ballast = Array.from({ length: ballast }, (_, k) => ({ k }));
    for (const n of ['a', 'b', 'c', 'd']) ctx.addNode(n);
    ctx.send('a', 'b', { type: 'Hop', n: 0 });
    ctx.send('c', 'd', { type: 'Hop', n: 0 });
  });
  while (sim.eventCount < events) sim.runFor(1000);
  return sim;
}

describe('snapshot ring', () => {
  it('a seek to any moment of a long run replays at most a few times the even spacing of 256 snapshots', () => {
    const events = 60_000;
    const sim = longRun(events, 10);
    const end = sim.now;
    const spacing = sim.eventCount / 256;
    let worst = 0;
    for (let k = 1; k < 40; k++) {
      const t = Math.floor((end * k) / 40);
      sim.seek(end);
      handled = 0;
      sim.seek(t);
      worst = Math.max(worst, handled);
    }
    // Thinned evenly the gaps are at most about twice the spacing; the old halving scheme left gaps of a
    // third of the run.
    expect(worst).toBeLessThanOrEqual(3 * spacing);
  });

  it('a big state is snapshotted less often, in proportion to its size', () => {
    const worstReplay = (ballast: number) => {
      const sim = longRun(30_000, 100, ballast);
      const end = sim.now;
      let worst = 0;
      for (let k = 1; k < 30; k++) {
        sim.seek(end);
        handled = 0;
        sim.seek(end - k * 7);
        worst = Math.max(worst, handled);
      }
      return worst;
    };
    // A few objects: snapshots every 100 events. 1,000 more objects: every 8,000 or so.
    expect(worstReplay(0)).toBeLessThanOrEqual(100);
    expect(worstReplay(1000)).toBeGreaterThan(1000);
  });

  it('seeking forward inside the known future starts from the nearest snapshot, not from where it is', () => {
    const sim = longRun(40_000, 100);
    const end = sim.now;
    sim.seek(10);
    handled = 0;
    sim.seek(end - 10);
    expect(handled).toBeLessThan(40_000 / 10);
    sim.seek(end);
    expect(sim.now).toBe(end);
  });
});
