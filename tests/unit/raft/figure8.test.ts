// The Raft paper's Figure 8 (§5.4.2), driven step by step with crashes and partitions. Elections happen
// only when a test says so (raft.timeout): the election timeouts are a minute long.
import { describe, expect, it } from 'vitest';
import { raftState, run, violationNames } from './script.ts';
import { toFigure8c, toFigure8d } from './figure8-steps.ts';

describe('Figure 8: a leader cannot commit an earlier term\'s entry by counting replicas (§5.4.2)', () => {
  it('correct rule: at (c) the term-2 entry is on a majority yet stays uncommitted', () => {
    const s = toFigure8c(false);
    // S1 forgot its commitIndex in the crash, and nothing of term 4 is in its log to commit by counting.
    expect(raftState(s).servers.n1!.commitIndex).toBe(0);
    expect([raftState(s).servers.n1!.matchIndex.n2, raftState(s).servers.n1!.matchIndex.n3]).toEqual([2, 2]);
    expect(s.sim.query('raft.committed(x)')).toBe(false);
  });

  it('correct rule: at (d) S5 overwrites the uncommitted x, commits y, and every safety check stays silent', () => {
    const s = toFigure8c(false);
    toFigure8d(s);
    expect(s.sim.query('raft.committed(y)')).toBe(true);
    expect(s.sim.query('raft.committed(x)')).toBe(false);
    expect(raftState(s).servers.n5!.lastApplied).toBe(3);
    expect(violationNames(s)).toEqual([]);
  });

  it('correct rule, case (e): once S1 commits an entry of term 4 on a majority, S5 can no longer be elected', () => {
    const s = toFigure8c(false);
    run(s, `raft.request value=z node=n1
      run for=100ms`);
    expect(raftState(s).servers.n1!.commitIndex).toBe(3);
    run(s, `crash node=n1
      heal
      restart node=n5
      raft.timeout node=n5
      run for=50ms
      raft.timeout node=n5
      run for=50ms`);
    expect(raftState(s).servers.n5!.role).toBe('candidate');
    expect(violationNames(s)).toEqual([]);
  });

  it('broken rule: S1 commits and applies x at (c); S5 then overwrites it and state machine safety fires', () => {
    const s = toFigure8c(true);
    expect(raftState(s).servers.n1!.commitIndex).toBe(2);
    expect(raftState(s).audit.appliedText[1]).toBe('x (term 2) by n1');
    expect(violationNames(s)).toEqual([]);
    toFigure8d(s);
    expect(violationNames(s)).toContain('state-machine-safety');
    expect(violationNames(s)).toContain('leader-completeness');
    const smc = s.sim.violations().find((v) => v.invariant === 'state-machine-safety')!;
    expect(smc.text).toMatch(/^index 2: x \(term 2\) by n1 was applied, but n[23]/);
  });
});
