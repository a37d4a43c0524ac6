// The view selectors agree with the queries lessons use.
import { describe, expect, it } from 'vitest';
import { raftClusterView, raftServerViews } from '../../../src/engine/raft/view.ts';
import { paxosAgentViews, paxosSummary } from '../../../src/engine/paxos/view.ts';
import type { PaxosState } from '../../../src/engine/paxos/state.ts';
import { raftState, run, session } from './script.ts';

describe('view selectors', () => {
  it('Raft: roles, terms, timers, logs with commit marks and leader indexes match the queries', () => {
    const s = session(4);
    run(s, `raft.start servers=5
      run until="raft.leader != none" max=5s
      raft.request value=x
      run for=10ms
      crash node=n5`);
    const views = raftServerViews(raftState(s));
    const cluster = raftClusterView(raftState(s));
    expect(cluster.leader).toBe(s.sim.query('raft.leader'));
    expect(cluster.members).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    for (const v of views) {
      expect(v.role).toBe(s.sim.query(`raft.role(${v.id})`));
      expect(v.term).toBe(s.sim.query(`raft.term(${v.id})`));
      expect(v.timerDeadline ?? -1).toBe(s.sim.query(`raft.deadline(${v.id})`));
    }
    const leader = views.find((v) => v.role === 'leader')!;
    expect(leader.timerDeadline).toBeNull();
    expect(leader.log).toEqual([{ index: 1, term: 1, command: 'x', committed: false, config: false }]);
    expect(views.find((v) => v.id === 'n5')!.role).toBe('down');
    run(s, 'run for=20ms');
    expect(raftServerViews(raftState(s)).find((v) => v.role === 'leader')!.log[0]!.committed).toBe(true);
  });

  it('Paxos: promised, accepted, learned and proposer progress', () => {
    const s = session(1);
    run(s, `paxos.start servers=3
      paxos.propose node=s1 value=x
      run for=100ms`);
    const st = s.sim.state<PaxosState>('paxos');
    expect(paxosSummary(st)).toEqual({ chosen: ['x'], majority: 2, leader: null });
    expect(paxosAgentViews(st)[1]).toMatchObject({ id: 's2', promised: 3, accepted: { n: 3, value: 'x' }, learned: 'x' });
    expect(paxosAgentViews(st)[0]!.proposer).toMatchObject({ phase: 'done', n: 3, value: 'x', promises: 2, accepts: 2, rounds: 1 });
  });
});
