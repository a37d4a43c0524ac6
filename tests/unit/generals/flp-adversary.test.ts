// The FLP adversary in Paxos (Fischer, Lynch and Paterson, "Impossibility of Distributed Consensus with One
// Faulty Process", 1985: an admissible run that never decides, every message delivered) and the way out
// by timing (Dwork, Lynch and Stockmeyer 1988; Raft's randomized election timeouts).
import { describe, expect, it } from 'vitest';
import type { PaxosState } from '../../../src/engine/paxos/index.ts';
import { session } from './helpers.ts';

const duel = (cfg: string, seed = 1) => session(`paxos.start servers=5 ${cfg}\nnetwork latency=10ms jitter=5ms\npaxos.propose node=s1 value=x\nrun for=3ms\npaxos.propose node=s5 value=y\nrun for=10s`, seed);

describe('the FLP adversary against duelling Paxos proposers', () => {
  it('without it, a random backoff of up to 100 ms ends the duel', () => {
    expect(duel('backoff=100ms').sim.query('paxos.chosen')).not.toBe('none');
  });

  it('with it, the same proposers never decide in 10 s, yet no message is lost and each held Accept is handed over', () => {
    for (const seed of [1, 2, 3]) {
      const s = duel('backoff=100ms adversary=200ms', seed);
      expect(s.sim.query('paxos.chosen')).toBe('none');
      expect(Number(s.sim.query('paxos.rounds'))).toBeGreaterThan(100);
      expect(s.sim.query('dropped')).toBe(0);
      // Every Accept the adversary took was held at most 200 ms: only the last 200 ms' are still held.
      const held = s.sim.state<PaxosState>('paxos').held ?? [];
      expect(held.length).toBeLessThanOrEqual(5 * 2);
    }
  });

  it('randomized timeouts longer than the adversary may hold a message: a value is chosen and learned', () => {
    const s = duel('backoff=1s adversary=200ms');
    const chosen = s.sim.query('paxos.chosen');
    expect(chosen).not.toBe('none');
    expect(s.sim.query('paxos.learned(s3)')).toBe(chosen);
    expect(s.sim.violations()).toEqual([]);
  });

  it('is off unless switched on: a run that never names it has no adversary state at all', () => {
    const st = duel('backoff=100ms').sim.state<PaxosState>('paxos');
    expect(st.config.adversary).toBeUndefined();
    expect(st.held).toBeUndefined();
  });
});
