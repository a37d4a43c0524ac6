// Long catch-ups run in slices (src/store/catch-up.ts) so a link or a console command cannot freeze the tab.
// Slicing must not change the run: each sliced call reaches the same event, time and trace hash as the one
// long call, whatever the slice size and wherever the cursor was (at the end of the run or in its past).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from '../../../src/script/runner.ts';
import { conditionHolds } from '../../../src/script/core-commands.ts';
import { language } from '../../../src/script/language.ts';
import { advanceToSliced, drain, runForSliced, runUntilSliced, seekSliced } from '../../../src/store/catch-up.ts';
import { createLabStore } from '../../../src/store/lab-store.ts';
import type { Sim } from '../../../src/engine/core/sim.ts';

const SETUP = ['raft.start servers=5', 'raft.timeout node=n1', 'run for=30ms', 'raft.request value=a', 'crash node=n3'];

function fresh(seed: number, back: number): Sim {
  const s = createSession(seed);
  for (const l of SETUP) expect(s.exec(l).error).toBeUndefined();
  s.exec('run for=400ms');
  if (back > 0) s.sim.seek(400 - back);
  return s.sim;
}
const where = (sim: Sim) => ({ now: sim.now, events: sim.eventCount, hash: sim.traceHash() });

describe('sliced catch-up reaches the same state as the one long call', () => {
  it('run for, run until, advanceTo and seek, for any slice size, from the end of the run or its past', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 200 }),
      (seed, slice, back, ms, events) => {
        const a = fresh(seed, back);
        const b = fresh(seed, back);
        a.runFor(ms);
        drain(runForSliced(b, ms, slice));
        expect(where(b)).toEqual(where(a));

        const goal = `events >= ${a.eventCount + events}`;
        const holds = (sim: Sim) => () => conditionHolds(sim, goal, language.queryNames);
        expect(drain(runUntilSliced(b, holds(b), ms, slice))).toBe(a.runUntilTrue(holds(a), ms));
        expect(where(b)).toEqual(where(a));

        a.advanceTo(a.eventCount + events, a.now + ms);
        drain(advanceToSliced(b, b.eventCount + events, b.now + ms, slice));
        expect(where(b)).toEqual(where(a));

        const t = a.now + ms;
        a.seek(t);
        drain(seekSliced(b, t, slice));
        expect(where(b)).toEqual(where(a));
      },
    ), { numRuns: 40 });
  });
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the lab store runs a long console run in slices', () => {
  it('shows progress while it runs, then gives the same output and trace as exec', async () => {
    const plain = createLabStore(3);
    plain.getState().load(3, SETUP);
    const expected = plain.getState().exec('run for=20s');

    const store = createLabStore(3);
    store.getState().load(3, SETUP);
    let result: ReturnType<typeof plain.getState>['exec'] extends (l: string) => infer R ? R | null : never = null;
    store.getState().execInSlices('run for=20s', (r) => { result = r; });
    expect(store.getState().catchUp).toMatchObject({ label: 'Running run for=20s', total: 20_000 });
    // While it runs the learner's commands and playback wait, with a sentence saying why.
    expect(store.getState().exec('crash node=n2').error).toMatch(/still catching up/);
    store.getState().play();
    expect(store.getState().playing).toBe(false);
    const seen: number[] = [];
    while (result === null) { seen.push(store.getState().catchUp?.done ?? -1); await settle(); }
    expect(seen.some((d) => d > 0 && d < 20_000)).toBe(true);
    expect(store.getState().catchUp).toBeNull();
    expect(result).toEqual(expected);
    expect(where(store.getState().session.sim)).toEqual(where(plain.getState().session.sim));
  });

  it('Cancel stops where the run got to, says so, and the lab answers again', async () => {
    const store = createLabStore(3);
    store.getState().load(3, SETUP);
    let error: string | undefined;
    store.getState().execInSlices('run for=100000s', (r) => { error = r.error; });
    await settle();
    store.getState().cancelCatchUp();
    const now = store.getState().session.sim.now;
    expect(now).toBeGreaterThan(30);
    expect(now).toBeLessThan(100_000_000);
    expect(error).toMatch(/^Cancelled: the run stopped at t=/);
    expect(store.getState().catchUp).toBeNull();
    expect(store.getState().exec('crash node=n2').error).toBeUndefined();
  });

  it('console lines typed while a long run catches up wait their turn and run in order, as typed at once would', async () => {
    const lines = ['run for=20s', 'crash node=n2', 'run for=5s', 'restart node=n2'];
    const plain = createLabStore(3);
    plain.getState().load(3, SETUP);
    for (const l of lines) plain.getState().exec(l);

    const store = createLabStore(3);
    store.getState().load(3, SETUP);
    const results: (string | undefined)[] = [];
    for (const l of lines) store.getState().execInSlices(l, (r) => { results.push(r.error); });
    expect(store.getState().catchUp).not.toBeNull();
    while (results.length < lines.length) await settle();
    expect(results).toEqual([undefined, undefined, undefined, undefined]);
    expect(where(store.getState().session.sim)).toEqual(where(plain.getState().session.sim));
  });

  it('Cancel drops the lines waiting behind the run, each saying it was not run', async () => {
    const store = createLabStore(3);
    store.getState().load(3, SETUP);
    const errors: (string | undefined)[] = [];
    for (const l of ['run for=100000s', 'crash node=n2']) store.getState().execInSlices(l, (r) => { errors.push(r.error); });
    await settle();
    store.getState().cancelCatchUp();
    expect(errors[0]).toMatch(/^Cancelled/);
    expect(errors[1]).toMatch(/^Not run: "run for=100000s" before it was cancelled/);
    expect(store.getState().session.sim.nodes().find((n) => n.id === 'n2')?.up).toBe(true);
  });

  it('a short run finishes at once, without a progress bar', () => {
    const store = createLabStore(3);
    store.getState().load(3, SETUP);
    let done = false;
    store.getState().execInSlices('run for=50ms', () => { done = true; });
    expect(done).toBe(true);
    expect(store.getState().catchUp).toBeNull();
  });
});
