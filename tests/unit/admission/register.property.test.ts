// Property (the chapter's claim, ABD 1995): whatever the partitions, crashes and timing, the majority
// register's recorded client history is linearizable (checked by the Wing-Gong search).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from '../../../src/script/runner.ts';

const step = fc.oneof(
  fc.record({ k: fc.constant('write'), c: fc.integer({ min: 1, max: 3 }), via: fc.integer({ min: 1, max: 5 }), v: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ k: fc.constant('read'), c: fc.integer({ min: 1, max: 3 }), via: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('read'), c: fc.integer({ min: 1, max: 3 }), via: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('cut'), r: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('cut'), r: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ k: fc.constant('heal') }),
  fc.record({ k: fc.constant('run'), ms: fc.integer({ min: 1, max: 150 }) }),
);

describe('the majority register', () => {
  it('every history is linearizable, under any schedule of partitions', { timeout: 60_000 }, () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
      const s = createSession(seed);
      s.exec('admission.start replicas=5 clients=3 mode=majority timeout=300ms');
      s.exec('network latency=5ms jitter=40ms');
      for (const st of steps) {
        if (st.k === 'write') s.exec(`admission.write client=c${st.c} via=r${st.via} value=${st.v}`);
        else if (st.k === 'read') s.exec(`admission.read client=c${st.c} via=r${st.via}`);
        else if (st.k === 'cut') s.exec(`partition a=r${st.r} b=${[1, 2, 3, 4, 5].filter((i) => i !== st.r).map((i) => `r${i}`).join(',')}`);
        else if (st.k === 'heal') s.exec('heal');
        else s.exec(`run for=${st.ms}ms`);
        if (st.k !== 'run') s.exec(`run for=${st.k === 'read' || st.k === 'write' ? 30 : 5}ms`);
      }
      s.exec('run for=2s');
      expect(s.sim.query('admission.verdict')).toBe('linearizable');
      expect(s.sim.violations()).toEqual([]);
    }), { numRuns: 150 });
  });
});
