// The leader's commit rule (Figure 2, §5.4.2), worked out from the majority's matchIndex, against the rule as
// the paper words it: the highest N above commitIndex that a majority holds, with log[N] of the current term.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterState, entries, fakeCtx } from './fake-ctx.ts';
import { advanceCommitIndex } from '../../../src/engine/raft/replication.ts';
import { configOf, majorityOf, termAt, type RaftServer, type RaftState } from '../../../src/engine/raft/state.ts';

/** Figure 2 literally: try every N from the top of the log down. */
function paperCommit(st: RaftState, s: RaftServer): number {
  const members = configOf(st, s);
  for (let n = s.log.length; n > s.commitIndex; n--) {
    if (!st.config.brokenCommit && termAt(s, n) !== s.currentTerm) return s.commitIndex;
    const count = members.filter((m) => (m === s.id ? true : (s.matchIndex[m] ?? 0) >= n)).length;
    if (count >= majorityOf(members)) return n;
  }
  return s.commitIndex;
}

describe('commit rule', () => {
  it('commits exactly what the paper\'s rule commits, with the correct rule and the broken one', () => {
    fc.assert(fc.property(
      fc.integer({ min: 3, max: 9 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 9, maxLength: 9 }),
      fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.boolean(), fc.boolean(),
      (n, terms, matches, commit, term, broken, leaderIsMember, sorted) => {
        // Terms in a log never decrease in a correct run; unsorted ones check the rule holds for any log.
        const st = clusterState(n, { n1: { term, log: entries(...(sorted ? [...terms].sort((a, b) => a - b) : terms)) } });
        const s = st.servers.n1!;
        s.role = 'leader';
        s.commitIndex = Math.min(commit, s.log.length);
        st.config.brokenCommit = broken;
        if (!leaderIsMember) st.initialConfig = st.order.filter((id) => id !== 'n1');
        st.order.forEach((id, k) => { if (id !== 'n1') s.matchIndex[id] = matches[k]!; });
        const want = paperCommit(st, s);
        advanceCommitIndex(st, s, fakeCtx().ctx);
        expect(s.commitIndex).toBe(want);
      }), { numRuns: 1000 });
  });
});
