// What the Raft and Paxos pictures draw, from real runs: log rows (committed marks, the leader's
// nextIndex/matchIndex, cells that break safety), message looks, the entry highlight, the duel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { RaftState } from '../../../src/engine/raft/state.ts';
import type { PaxosState } from '../../../src/engine/paxos/state.ts';
import { entryItemId, freshRequestValue, parseEntryItem, raftPicture, serverLine2 } from '../../../src/views/raft/model.ts';
import { carriesEntry, raftMessageLook } from '../../../src/views/raft/messages.ts';
import { entryFocus } from '../../../src/views/raft/inspect.ts';
import { paxosMessageLook, paxosPicture } from '../../../src/views/paxos/model.ts';
import { decreeLines } from '../../../src/views/paxos/PaxosTechView.tsx';

function run(s: Session, script: string): void {
  for (const line of script.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('t=') && l !== '----')) {
    const r = s.exec(line);
    if (r.error) throw new Error(`${line}: ${r.error}`);
  }
}
const raft = (s: Session) => s.sim.state<RaftState>('raft');

describe('log rows', () => {
  it('mark committed entries per server and give the leader’s nextIndex and matchIndex under each follower', () => {
    const s = createSession(4);
    run(s, `raft.start servers=5
      run until="raft.leader != none" max=5s
      raft.request value=x
      run until="raft.committed(x)" max=1s
      partition a=n2 b=n1,n3,n4,n5
      raft.request value=y
      run for=100ms`);
    const pic = raftPicture(raft(s));
    expect(pic.leader).toBe('n2');
    expect(pic.longest).toBe(2);
    expect(pic.majority).toBe(3);
    const leaderRow = pic.rows.find((r) => r.id === 'n2')!;
    expect(leaderRow.cells.map((c) => [c.command, c.committed])).toEqual([['x', true], ['y', false]]);
    expect(leaderRow.next).toBeNull();
    // Cut off, the followers have only x; the leader keeps trying to send them y.
    const n3 = pic.rows.find((r) => r.id === 'n3')!;
    expect(n3.cells.map((c) => c.command)).toEqual(['x']);
    expect([n3.next, n3.match]).toEqual([2, 1]);
    expect(pic.rows.every((r) => r.cells.every((c) => c.conflict === null))).toBe(true);
  });

  it('does not call a stale follower’s uncommitted entry a violation (it will be replaced)', () => {
    const s = createSession(3);
    run(s, readFileSync('tests/scenarios/raft/minority-leader.lab', 'utf8').split('\nheal')[0]!);
    const pic = raftPicture(raft(s));
    const n5 = pic.rows.find((r) => r.id === 'n5')!;
    expect(n5.cells[1]).toMatchObject({ command: 'lost', committed: false, conflict: null });
    expect(s.sim.violations()).toHaveLength(0);
  });

  it('marks the cells that contradict a committed entry once the broken commit rule has lost it (Figure 8)', () => {
    const s = createSession(8);
    run(s, readFileSync('tests/scenarios/raft/figure8.lab', 'utf8'));
    const pic = raftPicture(raft(s));
    expect(pic.brokenCommit).toBe(true);
    const bad = pic.rows.flatMap((r) => r.cells.filter((c) => c.conflict).map((c) => `${r.id}:${c.index}:${c.command}`));
    expect(bad).toContain('n5:2:y');
    expect(bad.every((b) => b.endsWith(':2:y'))).toBe(true);
    expect(pic.rows.find((r) => r.id === 'n5')!.cells[1]!.conflict).toBe('n5 committed y (term 3) at index 2, but the cluster had committed x, term 2 there');
  });

  it('words a server’s second line by role', () => {
    const s = createSession(2);
    run(s, `raft.start servers=4
      link from=n2 to=n4 latency=2ms
      raft.timeout node=n1
      raft.timeout node=n2
      run for=40ms`);
    const pic = raftPicture(raft(s));
    expect(pic.servers.map(serverLine2)).toEqual(['t1 · 2/3 votes', 't1 · 2/3 votes', 't1 · voted n1', 't1 · voted n2']);
  });

  it('greys out a removed server by the leader’s configuration, though its own log never heard of the removal', () => {
    const s = createSession(10);
    run(s, `raft.start servers=5
      raft.timeout node=n1
      run for=30ms
      raft.request value=a
      run for=50ms
      raft.remove node=n3
      run for=100ms`);
    const pic = raftPicture(raft(s));
    const n3 = pic.servers.find((x) => x.id === 'n3')!;
    expect([n3.member, n3.inCluster]).toEqual([true, false]);
    expect(serverLine2(n3)).toBe('t1 · not a member');
    expect(pic.servers.filter((x) => x.inCluster).map((x) => x.id)).toEqual(['n1', 'n2', 'n4', 'n5']);
  });

  it('names a fresh client request that no log or earlier request uses', () => {
    const s = createSession(1);
    run(s, `raft.start servers=3
      run until="raft.leader != none" max=5s
      raft.request value=x1
      raft.request value=x3
      run for=50ms`);
    expect(freshRequestValue(raft(s))).toBe('x2');
  });
});

describe('log entry items', () => {
  it('round-trip raft:entry:<server>:<index> and refuse other ids', () => {
    expect(parseEntryItem(entryItemId('n7', 12))).toEqual({ server: 'n7', index: 12 });
    expect(parseEntryItem('kafka:partition:orders-3')).toBeNull();
    expect(parseEntryItem('raft:entry:n1:x')).toBeNull();
  });

  it('highlight their server and the AppendEntries that carried them there', () => {
    const s = createSession(4);
    run(s, `raft.start servers=5
      run until="raft.leader != none" max=5s
      raft.request value=x
      run for=100ms`);
    const f = entryFocus('raft:entry:n3:1', s.sim.trace(), raft(s));
    expect(f.nodes).toEqual(['n3']);
    expect(f.msgs.length).toBeGreaterThanOrEqual(1);
    for (const id of f.msgs) {
      const send = s.sim.trace().find((e) => e.kind === 'send' && e.msgId === id)!;
      expect(send.to).toBe('n3');
      expect(carriesEntry(send.msg, 1, 1)).toBe(true);
    }
    expect(entryFocus('raft:entry:n3:9', s.sim.trace(), raft(s)).msgs).toEqual([]);
  });
});

describe('message looks', () => {
  it('give each Raft message its own shape and a short label with its term and entries', () => {
    const looks = [
      raftMessageLook({ type: 'RequestVote', term: 3, candidateId: 'n1', lastLogIndex: 2, lastLogTerm: 1 } as never),
      raftMessageLook({ type: 'RequestVote', term: 3, candidateId: 'n1', lastLogIndex: 2, lastLogTerm: 1, preVote: true } as never),
      raftMessageLook({ type: 'RequestVoteReply', term: 3, voteGranted: false } as never),
      raftMessageLook({ type: 'AppendEntries', term: 3, leaderId: 'n1', prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 3, command: 'x', id: 4 }, { term: 3, command: 'y', id: 5 }], leaderCommit: 1, sentAt: 0 } as never),
      raftMessageLook({ type: 'AppendEntries', term: 3, leaderId: 'n1', prevLogIndex: 1, prevLogTerm: 1, entries: [], leaderCommit: 1, sentAt: 0 } as never),
      raftMessageLook({ type: 'AppendEntriesReply', term: 3, success: true, prevLogIndex: 1, matchIndex: 3, sentAt: 0 } as never),
      raftMessageLook({ type: 'ClientRequest', value: 'z' } as never),
    ];
    expect(looks.map((l) => [l.shape, l.label])).toEqual([
      ['ballot', 'RV t3'], ['ballot', 'PV t3'], ['vote', '✗ vote'], ['entries', 'AE t3 +2'], ['heartbeat', '♥ t3'], ['ack', '✓ t3'], ['request', 'req z'],
    ]);
    expect(looks[3]!.words).toContain('2 entries from index 2 (3:x, 3:y)');
    expect(looks.map((l) => l.town)).toEqual(['ballot', 'straw poll', '✗ vote', '+2 lines', '', '', 'request z']);
  });

  it('give each Paxos message its own shape', () => {
    const shapes = (['Prepare', 'Promise', 'Accept', 'Accepted', 'Nack', 'Chosen', 'Forward'] as const)
      .map((type) => paxosMessageLook({ type, n: 5, value: 'x', acceptedN: 0, acceptedValue: null, promised: 9 } as never).shape);
    expect(new Set(shapes).size).toBe(7);
  });
});

describe('Paxos picture', () => {
  it('calls two proposers pre-empting each other with nothing chosen a duel, and a distinguished proposer ends it', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5 backoff=0ms
      paxos.propose node=s1 value=x
      run for=5ms
      paxos.propose node=s5 value=y
      run for=60ms`);
    const duel = paxosPicture(s.sim.state<PaxosState>('paxos'));
    expect(duel).toMatchObject({ duel: true, chosen: [], active: ['s1', 's5'] });
    expect(duel.rounds).toBeGreaterThanOrEqual(6);
    expect(decreeLines(duel)[1]!.text).toMatch(/^DUEL: s1 vs s5/);
    run(s, `paxos.config leader=s1
      run until="paxos.chosen != none" max=1s`);
    const done = paxosPicture(s.sim.state<PaxosState>('paxos'));
    expect(done).toMatchObject({ duel: false, chosen: ['x'], leader: 's1' });
    expect(decreeLines(done)[0]!.text).toBe('★ chosen: x');
  });
});
