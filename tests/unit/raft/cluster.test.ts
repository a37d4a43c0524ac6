// Whole-cluster behaviour through the scenario language: partitions, restarts, redirects, pre-vote, leases
// and membership changes.
import { describe, expect, it } from 'vitest';
import { logOf, raftState, run, session, violationNames } from './script.ts';

const leaderOf = (s: ReturnType<typeof session>) => String(s.sim.query('raft.leader'));
const others = (id: string, n = 5) => Array.from({ length: n }, (_, i) => `n${i + 1}`).filter((x) => x !== id);

function elected(seed = 3, extra = '') {
  const s = session(seed);
  run(s, `raft.start servers=5 ${extra}
    run until="raft.leader != none" max=5s
    raft.request value=a
    run until="raft.committed(a)" max=1s`);
  return s;
}

describe('Raft clusters', () => {
  it('§5.2 raft.timeout makes a follower start an election at once, and it wins with an up-to-date log', () => {
    const s = session(1);
    run(s, `raft.start servers=3 electionMin=10s electionMax=10s
      raft.timeout node=n2
      run for=30ms`);
    expect(leaderOf(s)).toBe('n2');
    expect(s.sim.query('raft.term(n1)')).toBe(1);
    expect(s.sim.query('raft.votedFor(n3)')).toBe('n2');
  });

  it('§5.3 a leader cut off in a minority cannot commit; the majority elects another; on healing the old leader steps down and its entry is replaced', () => {
    const s = elected();
    const old = leaderOf(s);
    const [buddy, ...rest] = others(old);
    run(s, `partition a=${old},${buddy} b=${rest.join(',')}
      raft.request value=lost node=${old}
      run until="raft.leaders == 2" max=5s`);
    const fresh = rest.map((id) => raftState(s).servers[id]!).find((x) => x.role === 'leader')!;
    run(s, `raft.request value=kept node=${fresh.id}
      run for=500ms`);
    expect(s.sim.query('raft.committed(lost)')).toBe(false);
    expect(s.sim.query('raft.committed(kept)')).toBe(true);
    expect(raftState(s).servers[old]!.role).toBe('leader'); // it has not heard of the new term yet
    run(s, `heal
      run for=500ms`);
    expect(raftState(s).servers[old]!).toMatchObject({ role: 'follower', currentTerm: fresh.currentTerm });
    expect(logOf(s, old)).toEqual(logOf(s, fresh.id));
    expect(logOf(s, old)).not.toContain(expect.stringContaining('lost'));
    expect(violationNames(s)).toEqual([]);
  });

  it('a restarted server has forgotten commitIndex and relearns it from the leader', () => {
    const s = elected();
    const f = others(leaderOf(s))[0]!;
    run(s, `crash node=${f}
      restart node=${f}`);
    expect(raftState(s).servers[f]!).toMatchObject({ commitIndex: 0, lastApplied: 0 });
    expect(logOf(s, f)).toEqual(['1:a']);
    run(s, 'run for=100ms');
    expect(raftState(s).servers[f]!).toMatchObject({ commitIndex: 1, lastApplied: 1 });
  });

  it('§5.1 a request sent to a follower is redirected to the leader and committed', () => {
    const s = elected();
    const f = others(leaderOf(s))[1]!;
    const out = run(s, `raft.request value=b node=${f}
      run for=100ms`);
    expect(out.join('\n')).toContain(`${f} is not the leader: redirects b to ${leaderOf(s)}`);
    expect(s.sim.query('raft.committed(b)')).toBe(true);
  });

  it('a request to a server that knows no leader is refused with a note', () => {
    const s = session(1);
    const out = run(s, `raft.start servers=3
      raft.request value=x node=n1`);
    expect(out.join('\n')).toContain('n1 knows no leader yet: x is refused');
  });

  it('without pre-vote, a server that was cut off returns with a higher term and deposes a healthy leader', () => {
    const s = elected(3);
    const old = leaderOf(s);
    const f = others(old)[0]!;
    const term = raftState(s).servers[old]!.currentTerm;
    run(s, `partition a=${f} b=${others(f).join(',')}
      run for=1s
      heal
      run for=50ms`);
    expect(raftState(s).servers[f]!.currentTerm).toBeGreaterThan(term + 2);
    expect(raftState(s).servers[old]!.currentTerm).toBeGreaterThan(term);
  });

  it('§9.6 with pre-vote, the cut-off server never raises its term and the leader keeps leading', () => {
    const s = elected(3, 'prevote=true');
    const old = leaderOf(s);
    const f = others(old)[0]!;
    const term = raftState(s).servers[old]!.currentTerm;
    run(s, `partition a=${f} b=${others(f).join(',')}
      run for=1s
      heal
      run for=300ms`);
    expect(raftState(s).servers[f]!.currentTerm).toBe(term);
    expect(leaderOf(s)).toBe(old);
    expect(raftState(s).servers[old]!.currentTerm).toBe(term);
  });

  it('§9.6 pre-vote still elects a new leader when the old one has crashed', () => {
    const s = elected(3, 'prevote=true');
    const old = leaderOf(s);
    run(s, `crash node=${old}
      run until="raft.leader != none" max=3s`);
    expect(leaderOf(s)).not.toBe(old);
  });

  it('lease: a follower that heard from its leader lately refuses to vote, and keeps its term', () => {
    const s = elected(3, 'lease=true');
    const old = leaderOf(s);
    const [f, g] = others(old);
    const term = raftState(s).servers[old]!.currentTerm;
    run(s, `partition a=${f} b=${old}
      raft.timeout node=${f}
      run for=15ms`);
    expect(raftState(s).servers[g!]!.currentTerm).toBe(term);
    expect(raftState(s).servers[g!]!.votedFor).not.toBe(f);
    expect(s.sim.query(`raft.lease(${old})`) as number).toBeGreaterThan(s.sim.now);
  });

  it('lease: a leader that cannot hear from a majority steps down within an election timeout', () => {
    const s = elected(3, 'lease=true');
    const old = leaderOf(s);
    run(s, `partition a=${old} b=${others(old).join(',')}
      run for=400ms`);
    expect(raftState(s).servers[old]!.role).toBe('follower');
  });

  it('membership: an added server catches up, and then a majority needs it', () => {
    const s = elected();
    run(s, `raft.add node=n6
      run for=300ms`);
    expect(s.sim.query('raft.members')).toBe(6);
    expect(logOf(s, 'n6')).toEqual(logOf(s, leaderOf(s)));
    // With six members a majority is four: cut the leader off from three and nothing commits.
    const lead = leaderOf(s);
    const [a, b, c] = others(lead, 6);
    run(s, `partition a=${lead} b=${a},${b},${c}
      raft.request value=stuck node=${lead}
      run for=200ms`);
    expect(s.sim.query('raft.committed(stuck)')).toBe(false);
    expect(violationNames(s)).toEqual([]);
  });

  it('membership: one change at a time, and only after the leader committed an entry of its term', () => {
    const s = session(3);
    run(s, `raft.start servers=5
      run until="raft.leader != none" max=5s`);
    expect(s.exec('raft.add node=n6').error).toMatch(/has not committed an entry in its term/);
    run(s, `raft.request value=a
      run until="raft.committed(a)" max=1s
      raft.remove node=${others(leaderOf(s))[0]}`);
    expect(s.exec('raft.add node=n6').error).toMatch(/still committing the previous membership change/);
    run(s, 'run for=100ms');
    expect(s.sim.query('raft.members')).toBe(4);
    expect(s.exec('raft.add node=n6').error).toBeUndefined();
  });

  it('membership: a leader that removes itself keeps leading until the change commits, then steps down', () => {
    const s = elected();
    const old = leaderOf(s);
    run(s, `raft.remove node=${old}
      run for=30ms`);
    expect(raftState(s).servers[old]!.role).toBe('follower');
    run(s, 'run until="raft.leader != none" max=3s');
    expect(leaderOf(s)).not.toBe(old);
    expect(s.sim.query('raft.members')).toBe(4);
    expect(violationNames(s)).toEqual([]);
  });
});

describe('Raft client requests', () => {
  it('§5.3 the leader answers a client only after applying its entry', () => {
    const s = elected();
    run(s, 'raft.request value=b');
    const req = raftState(s).requests.find((r) => r.value === 'b')!;
    expect(req).toMatchObject({ index: 2, appliedAt: null });
    run(s, 'run for=100ms');
    expect(req.appliedAt).not.toBeNull();
    expect(raftState(s).requests.find((r) => r.value === 'b')!.appliedAt).toBeGreaterThan(req.at);
  });
});

describe('Raft membership down to one server', () => {
  it('a leader that is the only member of its configuration commits a request at once', () => {
    const s = session(5);
    run(s, `raft.start servers=3
      run until="raft.leader != none" max=5s
      raft.request value=a
      run until="raft.committed(a)" max=1s`);
    const lead = leaderOf(s);
    const [x, y] = others(lead, 3);
    run(s, `raft.remove node=${x}
      run for=100ms
      raft.remove node=${y}
      run for=100ms
      run until="raft.leader != none" max=2s
      raft.request value=solo`);
    expect(s.sim.query('raft.members')).toBe(1);
    expect(s.sim.query('raft.committed(solo)')).toBe(true);
  });
});

describe('Raft and paused or one-way-cut leaders', () => {
  it('§5.1 a leader paused past the election timeout wakes up, still thinks it leads, and steps down at the first higher term', () => {
    const s = elected();
    const old = leaderOf(s);
    const term = raftState(s).servers[old]!.currentTerm;
    run(s, `pause node=${old}
      run for=800ms`);
    expect(raftState(s).servers[old]!.role).toBe('leader');
    expect(s.sim.query('raft.leaders')).toBe(2);
    run(s, `resume node=${old}
      run for=100ms`);
    expect(raftState(s).servers[old]!.role).toBe('follower');
    expect(raftState(s).servers[old]!.currentTerm).toBeGreaterThan(term);
    expect(violationNames(s)).toEqual([]);
  });

  it('a leader that can send but not receive keeps followers quiet yet commits nothing; with leases it steps down', () => {
    for (const lease of [false, true]) {
      const s = elected(3, `lease=${lease}`);
      const old = leaderOf(s);
      run(s, `partition a=${others(old).join(',')} b=${old} oneway=true
        raft.request value=deaf node=${old}
        run for=1s`);
      expect(s.sim.query('raft.committed(deaf)')).toBe(false);
      if (!lease) expect(leaderOf(s)).toBe(old);
      else expect(raftState(s).servers[old]!.role).not.toBe('leader');
    }
  });
});
