// Same seed and inputs, same trace: Raft draws randomness only from the seeded PRNG, so a replay, a seek
// back and forward, or a step back reproduce the run exactly (what share links and rewind rely on).
import { describe, expect, it } from 'vitest';
import { run, session } from './script.ts';

const SCRIPT = `raft.start servers=5 load=30ms prevote=true
  run for=400ms
  partition a=n1,n2 b=n3,n4,n5
  run for=600ms
  crash node=n3
  heal
  network loss=10% dup=5% reorder=10%
  run for=500ms
  restart node=n3
  network loss=0 dup=0 reorder=0
  run for=500ms`;

describe('Raft determinism', () => {
  it('the same seed and script give the same trace hash; another seed gives another', () => {
    const a = session(11);
    const b = session(11);
    const c = session(12);
    for (const s of [a, b, c]) run(s, SCRIPT);
    expect(a.sim.traceHash()).toBe(b.sim.traceHash());
    expect(a.sim.traceHash()).not.toBe(c.sim.traceHash());
    expect(a.sim.violations()).toEqual([]);
  });

  it('seeking back and running forward again reproduces the same trace and state', () => {
    const s = session(11);
    run(s, SCRIPT);
    const end = s.sim.now;
    const hash = s.sim.traceHash();
    const state = JSON.stringify(s.sim.state('raft'));
    s.sim.seek(700);
    s.sim.stepBack();
    s.sim.seek(end);
    expect(s.sim.traceHash()).toBe(hash);
    expect(JSON.stringify(s.sim.state('raft'))).toBe(state);
  });
});
