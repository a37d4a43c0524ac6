// The Raft paper's Figure 8 (§5.4.2) as scenario steps, with the checks that each step got where it should:
// shared by the step-by-step test and the incremental-checks property test. Elections happen only when a step
// says so (raft.timeout): the election timeouts are a minute long.
import { expect } from 'vitest';
import { logOf, raftState, run, session } from './script.ts';

/** Steps (a)-(c): S1 leads term 2 and gets index 2 only onto S2; S5 leads term 3 and writes its own index 2;
 *  S1 comes back, leads term 4 and copies its term-2 entry onto S3, so it is on a majority (S1, S2, S3). */
export function toFigure8c(brokenCommit: boolean) {
  const s = session(8);
  run(s, `raft.start servers=5 electionMin=60s electionMax=60s brokenCommit=${brokenCommit}
    raft.timeout node=n1
    run for=50ms
    raft.request value=a
    run for=100ms
    crash node=n1
    restart node=n1
    raft.timeout node=n1
    run for=50ms`);
  expect(raftState(s).servers.n1!).toMatchObject({ role: 'leader', currentTerm: 2 });
  // (a) S1 replicates index 2 only to S2.
  run(s, `partition a=n1 b=n3,n4,n5
    raft.request value=x node=n1
    run for=50ms`);
  expect(logOf(s, 'n2')).toEqual(['1:a', '2:x']);
  expect(logOf(s, 'n3')).toEqual(['1:a']);
  // (b) S1 crashes; S5 is elected for term 3 with votes from S3, S4 and itself, and accepts y at index 2 alone.
  run(s, `crash node=n1
    heal
    raft.timeout node=n5
    run for=50ms
    partition a=n5 b=n1,n2,n3,n4
    raft.request value=y node=n5
    run for=50ms`);
  expect(raftState(s).servers.n5!).toMatchObject({ role: 'leader', currentTerm: 3 });
  expect(logOf(s, 'n5')).toEqual(['1:a', '3:y']);
  // (c) S5 crashes; S1 restarts, is elected for term 4 (its term-3 try fails: S3 and S4 voted for S5) and
  //     copies x onto S3. S4 and S5 are cut off from it.
  run(s, `crash node=n5
    heal
    restart node=n1
    partition a=n1 b=n4,n5
    raft.timeout node=n1
    run for=50ms
    raft.timeout node=n1
    run for=100ms`);
  expect(raftState(s).servers.n1!).toMatchObject({ role: 'leader', currentTerm: 4 });
  expect(logOf(s, 'n3')).toEqual(['1:a', '2:x']);
  return s;
}

/** Step (d): S1 crashes; S5 restarts and is elected for term 5 by S2, S3 and S4 (its last term 3 beats
 *  their 2), overwrites index 2 everywhere, then commits a request of its own term. */
export function toFigure8d(s: ReturnType<typeof session>) {
  run(s, `crash node=n1
    heal
    restart node=n5
    raft.timeout node=n5
    run for=50ms
    raft.timeout node=n5
    run for=100ms
    raft.request value=w node=n5
    run for=100ms`);
  expect(raftState(s).servers.n5!).toMatchObject({ role: 'leader', currentTerm: 5 });
  for (const id of ['n2', 'n3', 'n4', 'n5']) expect(logOf(s, id)).toEqual(['1:a', '3:y', '5:w']);
}
