import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../src/store/lab-store.ts';
import { createSession } from '../../../src/script/runner.ts';

describe('view and speed: page settings a scenario can ask for', () => {
  it('the lab applies them, from the console and from a loaded step', () => {
    const lab = createLabStore();
    lab.getState().exec('view mode=tech');
    expect(lab.getState().view).toBe('tech');
    lab.getState().load(1, ['service name=app', 'view mode=both', 'speed x=0.25']);
    expect(lab.getState().view).toBe('split');
    expect(lab.getState().speed).toBe(0.25);
  });

  it('they are not inputs: they change nothing in the run, so share links do not replay them', () => {
    const lab = createLabStore();
    const before = lab.getState().session.sim.traceHash();
    lab.getState().exec('view mode=town');
    lab.getState().exec('speed x=4');
    expect(lab.getState().inputs).toEqual([]);
    expect(lab.getState().session.sim.traceHash()).toBe(before);
  });

  it('a speed outside 1/100x..100x is refused with the reason', () => {
    const r = createSession(1).exec('speed x=500');
    expect(r.error).toMatch(/between 0.01 and 100, got 500/);
    expect(r.setting).toBeUndefined();
    expect(createSession(1).exec('view mode=sideways').error).toMatch(/both|town|tech/);
  });
});
