// Property tests: under random fault schedules (crash, restart, pause, partitions both ways and one way,
// loss, duplication, reordering, clock skew and drift, membership changes) every Raft safety check stays silent, and once the faults stop the
// cluster elects a leader and commits a new request within a bounded time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runSchedule, scheduleArb } from './faults.ts';

const RECOVERY_BOUND = 10_000;

function check(servers: number, numRuns: number) {
  fc.assert(
    fc.property(scheduleArb(servers), (sc) => {
      const { sim, recoveredIn } = runSchedule(sc, RECOVERY_BOUND);
      const broken = sim.violations().map((v) => sim.formatEvent(v));
      expect(broken, `seed ${sc.seed}`).toEqual([]);
      expect(recoveredIn, `seed ${sc.seed}: no leader committed a request within ${RECOVERY_BOUND}ms of the faults stopping`).not.toBeNull();
    }),
    { numRuns, seed: Number(process.env.FC_SEED ?? 20261123) },
  );
}

describe('Raft under random faults', () => {
  it('3 servers: every safety invariant holds and the cluster recovers after the faults stop', () => check(3, 150), 60_000);
  it('5 servers: every safety invariant holds and the cluster recovers after the faults stop', () => check(5, 150), 60_000);
});
