// One test per rule of the Raft paper's Figure 2, driving the handlers directly on hand-built state.
import { describe, expect, it } from 'vitest';
import { clusterState, entries, fakeCtx } from './fake-ctx.ts';
import { handleRequestVote, handleRequestVoteReply, onElectionTimeout } from '../../../src/engine/raft/election.ts';
import {
  advanceCommitIndex, appendAsLeader, handleAppendEntries, handleAppendEntriesReply,
} from '../../../src/engine/raft/replication.ts';
import { becomeLeader, resetElectionTimer, startElection } from '../../../src/engine/raft/roles.ts';
import { clientRequest } from '../../../src/engine/raft/client.ts';
import { raft } from '../../../src/engine/raft/system.ts';
import type { AppendEntries, RequestVote } from '../../../src/engine/raft/messages.ts';
import type { LogEntry } from '../../../src/engine/raft/state.ts';

const rv = (term: number, candidateId: string, lastLogIndex: number, lastLogTerm: number): RequestVote =>
  ({ type: 'RequestVote', term, candidateId, lastLogIndex, lastLogTerm });
const ae = (term: number, leaderId: string, prevLogIndex: number, prevLogTerm: number, es: LogEntry[], leaderCommit: number): AppendEntries =>
  ({ type: 'AppendEntries', term, leaderId, prevLogIndex, prevLogTerm, entries: es, leaderCommit, sentAt: 0 });

describe('Figure 2, RequestVote receiver', () => {
  it('§5.1 replies false to a candidate whose term is older than currentTerm', () => {
    const st = clusterState(3, { n1: { term: 3 } });
    const f = fakeCtx();
    handleRequestVote(st, st.servers.n1!, 'n2', rv(2, 'n2', 0, 0), f.ctx);
    expect(f.take().map((s) => s.msg)).toEqual([{ type: 'RequestVoteReply', term: 3, voteGranted: false }]);
    expect(st.servers.n1!.votedFor).toBeNull();
  });

  it('§5.2 grants a vote when votedFor is null and the candidate is up-to-date, and remembers it', () => {
    const st = clusterState(3, { n1: { term: 1, log: entries(1) } });
    const f = fakeCtx();
    handleRequestVote(st, st.servers.n1!, 'n2', rv(2, 'n2', 1, 1), f.ctx);
    expect(f.take()[0]!.msg).toMatchObject({ term: 2, voteGranted: true });
    expect(st.servers.n1!.votedFor).toBe('n2');
  });

  it('§5.2 grants at most one vote per term: a second candidate of the same term is refused', () => {
    const st = clusterState(3, { n1: { term: 1 } });
    const f = fakeCtx();
    handleRequestVote(st, st.servers.n1!, 'n2', rv(2, 'n2', 0, 0), f.ctx);
    handleRequestVote(st, st.servers.n1!, 'n3', rv(2, 'n3', 0, 0), f.ctx);
    handleRequestVote(st, st.servers.n1!, 'n2', rv(2, 'n2', 0, 0), f.ctx); // a retransmission is granted again
    expect(f.take().map((s) => s.msg.voteGranted)).toEqual([true, false, true]);
  });

  it('§5.4.1 a voter denies a candidate whose last log term is older', () => {
    const st = clusterState(3, { n1: { term: 3, log: entries(1, 3) } });
    const f = fakeCtx();
    handleRequestVote(st, st.servers.n1!, 'n2', rv(4, 'n2', 5, 2), f.ctx); // longer log, but older last term
    expect(f.take()[0]!.msg).toMatchObject({ term: 4, voteGranted: false });
    expect(st.servers.n1!.votedFor).toBeNull();
  });

  it('§5.4.1 with equal last terms, a voter denies a candidate whose log is shorter', () => {
    const st = clusterState(3, { n1: { term: 2, log: entries(1, 2, 2) } });
    const f = fakeCtx();
    handleRequestVote(st, st.servers.n1!, 'n2', rv(3, 'n2', 2, 2), f.ctx);
    expect(f.take()[0]!.msg).toMatchObject({ voteGranted: false });
    handleRequestVote(st, st.servers.n1!, 'n3', rv(3, 'n3', 3, 2), f.ctx);
    expect(f.take()[0]!.msg).toMatchObject({ voteGranted: true });
  });
});

describe('Figure 2, AppendEntries receiver', () => {
  it('§5.1 replies false to a leader whose term is older than currentTerm', () => {
    const st = clusterState(3, { n2: { term: 5 } });
    const f = fakeCtx();
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(4, 'n1', 0, 0, entries(4), 0), f.ctx);
    expect(f.take()[0]!.msg).toMatchObject({ type: 'AppendEntriesReply', term: 5, success: false });
    expect(st.servers.n2!.log).toEqual([]);
  });

  it('§5.3 replies false when the log has no entry at prevLogIndex with term prevLogTerm (consistency check)', () => {
    const log = entries(1, 1);
    const st = clusterState(3, { n2: { term: 2, log } });
    const f = fakeCtx();
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(2, 'n1', 3, 2, entries(2), 0), f.ctx); // too short
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(2, 'n1', 2, 2, entries(2), 0), f.ctx); // term mismatch
    expect(f.take().map((s) => s.msg.success)).toEqual([false, false]);
    expect(st.servers.n2!.log).toEqual(log);
  });

  it('§5.3 deletes a conflicting entry and all that follow it, then appends the new ones', () => {
    const [a, b, c, d] = entries(1, 1, 2, 2);
    const st = clusterState(3, { n2: { term: 2, log: [a!, b!, c!, d!] } });
    const f = fakeCtx();
    const fresh = entries(3);
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(3, 'n1', 2, 1, fresh, 0), f.ctx);
    expect(st.servers.n2!.log).toEqual([a, b, fresh[0]]);
    expect(f.take()[0]!.msg).toMatchObject({ success: true, matchIndex: 3 });
  });

  it('§5.3 appends only entries not already in the log: a stale retransmission truncates nothing', () => {
    const log = entries(1, 1, 1);
    const st = clusterState(3, { n2: { term: 1, log } });
    const f = fakeCtx();
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(1, 'n1', 0, 0, [log[0]!], 0), f.ctx);
    expect(st.servers.n2!.log).toEqual(log);
    expect(f.take()[0]!.msg).toMatchObject({ success: true, matchIndex: 1 });
  });

  it('sets commitIndex = min(leaderCommit, index of last new entry) and applies up to it', () => {
    const log = entries(1, 1, 1);
    const st = clusterState(3, { n2: { term: 1, log: [log[0]!] } });
    const f = fakeCtx();
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(1, 'n1', 1, 1, [log[1]!], 3), f.ctx);
    expect(st.servers.n2!.commitIndex).toBe(2);
    expect(st.servers.n2!.lastApplied).toBe(2);
  });
});

describe('Figure 2, rules for all servers', () => {
  it('§5.1 a server that sees a higher term in any RPC adopts it and becomes a follower', () => {
    const st = clusterState(3, { n1: { term: 2, log: entries(2) } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    becomeLeader(st, n1, f.ctx);
    f.take();
    handleAppendEntriesReply(st, n1, 'n2', { type: 'AppendEntriesReply', term: 7, success: false, prevLogIndex: 1, matchIndex: 0, sentAt: 0 }, f.ctx);
    expect(n1).toMatchObject({ role: 'follower', currentTerm: 7, votedFor: null });
    expect(f.timersOf('n1', 'election')).toHaveLength(1);
  });

  it('§5.3 when commitIndex > lastApplied the server applies entries in order and records them', () => {
    const log = entries(1, 1);
    const st = clusterState(3, { n2: { term: 1, log } });
    const f = fakeCtx();
    handleAppendEntries(st, st.servers.n2!, 'n1', ae(1, 'n1', 2, 1, [], 2), f.ctx);
    expect(st.servers.n2!.lastApplied).toBe(2);
    expect(st.audit.appliedIds).toEqual([log[0]!.id, log[1]!.id]);
  });

  it('currentTerm, votedFor and the log survive a crash; commitIndex, lastApplied and leader state do not', () => {
    const st = clusterState(3, { n1: { term: 3, log: entries(1, 3) } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    n1.votedFor = 'n1';
    becomeLeader(st, n1, f.ctx);
    n1.commitIndex = 2;
    n1.lastApplied = 2;
    raft.onCrash!(st, 'n1', f.ctx);
    expect(n1).toMatchObject({ currentTerm: 3, votedFor: 'n1', role: 'follower', commitIndex: 0, lastApplied: 0, nextIndex: {}, matchIndex: {} });
    expect(n1.log.map((e) => e.term)).toEqual([1, 3]);
  });
});

describe('Figure 2, followers and candidates', () => {
  it('§5.2 a follower whose election timer fires becomes a candidate', () => {
    const st = clusterState(3, { n1: { term: 1 } });
    const f = fakeCtx();
    resetElectionTimer(st, st.servers.n1!, f.ctx);
    const [t] = f.timersOf('n1', 'election');
    expect(t!.delay).toBeGreaterThanOrEqual(150);
    expect(t!.delay).toBeLessThanOrEqual(300);
    onElectionTimeout(st, st.servers.n1!, f.ctx);
    expect(st.servers.n1!.role).toBe('candidate');
  });

  it('§5.2 a follower that grants a vote restarts its election timer', () => {
    const st = clusterState(3, { n1: { term: 1 } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    resetElectionTimer(st, n1, f.ctx);
    const before = n1.electionTimer;
    handleRequestVote(st, n1, 'n2', rv(2, 'n2', 0, 0), f.ctx);
    expect(n1.electionTimer).not.toBe(before);
    expect(f.timersOf('n1', 'election')).toHaveLength(1);
  });

  it('§5.2 a candidate increments its term, votes for itself, resets its timer and asks every other server', () => {
    const st = clusterState(5, { n1: { term: 4, log: entries(2, 4) } });
    const f = fakeCtx();
    startElection(st, st.servers.n1!, f.ctx);
    expect(st.servers.n1!).toMatchObject({ role: 'candidate', currentTerm: 5, votedFor: 'n1', votes: ['n1'] });
    expect(f.timersOf('n1', 'election')).toHaveLength(1);
    const sent = f.take();
    expect(sent.map((s) => s.to)).toEqual(['n2', 'n3', 'n4', 'n5']);
    expect(sent[0]!.msg).toEqual({ type: 'RequestVote', term: 5, candidateId: 'n1', lastLogIndex: 2, lastLogTerm: 4 });
  });

  it('§5.2 a candidate with votes from a majority becomes leader (and not before)', () => {
    const st = clusterState(5, { n1: { term: 0 } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    startElection(st, n1, f.ctx);
    handleRequestVoteReply(st, n1, 'n2', { type: 'RequestVoteReply', term: 1, voteGranted: true }, f.ctx);
    handleRequestVoteReply(st, n1, 'n2', { type: 'RequestVoteReply', term: 1, voteGranted: true }, f.ctx); // duplicate
    handleRequestVoteReply(st, n1, 'n4', { type: 'RequestVoteReply', term: 1, voteGranted: false }, f.ctx);
    expect(n1.role).toBe('candidate');
    handleRequestVoteReply(st, n1, 'n3', { type: 'RequestVoteReply', term: 1, voteGranted: true }, f.ctx);
    expect(n1.role).toBe('leader');
    expect(st.audit.leadersByTerm[1]).toEqual(['n1']);
  });

  it('§5.2 a candidate that receives AppendEntries from a leader of its term becomes a follower', () => {
    const st = clusterState(3, { n1: { term: 1 } });
    const f = fakeCtx();
    startElection(st, st.servers.n1!, f.ctx);
    handleAppendEntries(st, st.servers.n1!, 'n2', ae(2, 'n2', 0, 0, [], 0), f.ctx);
    expect(st.servers.n1!).toMatchObject({ role: 'follower', currentTerm: 2, leaderId: 'n2' });
  });

  it('§5.2 a candidate whose election times out starts a new election in the next term', () => {
    const st = clusterState(3, { n1: { term: 1 } });
    const f = fakeCtx();
    startElection(st, st.servers.n1!, f.ctx);
    onElectionTimeout(st, st.servers.n1!, f.ctx);
    expect(st.servers.n1!).toMatchObject({ role: 'candidate', currentTerm: 3, votes: ['n1'] });
  });
});

describe('Figure 2, leaders', () => {
  it('§5.2 a new leader sends empty AppendEntries to every server at once and repeats them each heartbeat', () => {
    const st = clusterState(3, { n1: { term: 2, log: entries(1) } });
    const f = fakeCtx();
    becomeLeader(st, st.servers.n1!, f.ctx);
    const sent = f.take();
    expect(sent.map((s) => [s.to, s.msg.type, (s.msg.entries as unknown[]).length])).toEqual([['n2', 'AppendEntries', 0], ['n3', 'AppendEntries', 0]]);
    expect(f.timersOf('n1', 'heartbeat')).toEqual([{ node: 'n1', name: 'heartbeat', delay: 50 }]);
    raft.onTimer(st, 'n1', 'heartbeat', undefined, f.ctx);
    expect(f.take()).toHaveLength(2);
  });

  it('§5.3 a leader appends a client command to its own log and sends it to followers from nextIndex', () => {
    const st = clusterState(3, { n1: { term: 2 } });
    const f = fakeCtx();
    becomeLeader(st, st.servers.n1!, f.ctx);
    f.take();
    clientRequest(st, st.servers.n1!, 'x', f.ctx);
    expect(st.servers.n1!.log.map((e) => [e.term, e.command])).toEqual([[2, 'x']]);
    expect(f.take().map((s) => s.msg)).toMatchObject([{ prevLogIndex: 0, entries: [{ command: 'x' }] }, { prevLogIndex: 0, entries: [{ command: 'x' }] }]);
  });

  it('§5.1 a follower redirects a client to the leader it knows', () => {
    const st = clusterState(3, { n2: { term: 2 } });
    st.servers.n2!.leaderId = 'n1';
    const f = fakeCtx();
    clientRequest(st, st.servers.n2!, 'x', f.ctx);
    expect(st.servers.n2!.log).toEqual([]);
    expect(f.take()).toEqual([{ from: 'n2', to: 'n1', msg: { type: 'ClientRequest', value: 'x' } }]);
    expect(f.notes.join()).toContain('redirects x to n1');
  });

  it('§5.3 on success the leader updates nextIndex and matchIndex for that follower', () => {
    const st = clusterState(3, { n1: { term: 2, log: entries(2, 2) } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    becomeLeader(st, n1, f.ctx);
    handleAppendEntriesReply(st, n1, 'n2', { type: 'AppendEntriesReply', term: 2, success: true, prevLogIndex: 0, matchIndex: 2, sentAt: 0 }, f.ctx);
    expect([n1.nextIndex.n2, n1.matchIndex.n2]).toEqual([3, 2]);
  });

  it('§5.3 when AppendEntries fails the consistency check the leader decrements nextIndex and retries', () => {
    const st = clusterState(3, { n1: { term: 3, log: entries(1, 2, 3) } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    becomeLeader(st, n1, f.ctx);
    f.take();
    handleAppendEntriesReply(st, n1, 'n2', { type: 'AppendEntriesReply', term: 3, success: false, prevLogIndex: 3, matchIndex: 0, sentAt: 0 }, f.ctx);
    expect(n1.nextIndex.n2).toBe(3);
    expect(f.take()[0]!.msg).toMatchObject({ prevLogIndex: 2, prevLogTerm: 2 });
    // The same failure delivered twice (duplication) must not move nextIndex again.
    handleAppendEntriesReply(st, n1, 'n2', { type: 'AppendEntriesReply', term: 3, success: false, prevLogIndex: 3, matchIndex: 0, sentAt: 0 }, f.ctx);
    expect(n1.nextIndex.n2).toBe(3);
  });

  it('§5.3 the leader commits N once a majority has matchIndex >= N and log[N] is of its current term', () => {
    const st = clusterState(5, { n1: { term: 2, log: entries(2, 2, 2) } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    becomeLeader(st, n1, f.ctx);
    n1.matchIndex = { n2: 3, n3: 1, n4: 0, n5: 0 };
    advanceCommitIndex(st, n1, f.ctx);
    expect(n1.commitIndex).toBe(1); // n1, n2, n3 hold index 1; only n1, n2 hold 2 and 3
    n1.matchIndex.n5 = 2;
    advanceCommitIndex(st, n1, f.ctx);
    expect(n1.commitIndex).toBe(2);
  });

  it("§5.4.2 a leader never commits an earlier term's entry by counting replicas", () => {
    const st = clusterState(5, { n1: { term: 4, log: entries(1, 2) } });
    const f = fakeCtx();
    const n1 = st.servers.n1!;
    becomeLeader(st, n1, f.ctx);
    n1.matchIndex = { n2: 2, n3: 2, n4: 0, n5: 0 };
    advanceCommitIndex(st, n1, f.ctx);
    expect(n1.commitIndex).toBe(0); // index 2 is on a majority, but of term 2
    appendAsLeader(st, n1, { command: 'z' }, f.ctx);
    n1.matchIndex = { n2: 3, n3: 3, n4: 0, n5: 0 };
    advanceCommitIndex(st, n1, f.ctx);
    expect(n1.commitIndex).toBe(3); // committing the term-4 entry commits everything before it
    // The broken rule counts replicas of the term-2 entry and commits it on its own.
    const broken = clusterState(5, { n1: { term: 4, log: entries(1, 2) } });
    broken.config.brokenCommit = true;
    becomeLeader(broken, broken.servers.n1!, f.ctx);
    broken.servers.n1!.matchIndex = { n2: 2, n3: 2, n4: 0, n5: 0 };
    advanceCommitIndex(broken, broken.servers.n1!, f.ctx);
    expect(broken.servers.n1!.commitIndex).toBe(2);
  });
});
