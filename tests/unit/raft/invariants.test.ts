// Each safety check fires on a state that breaks its property, and stays silent on a healthy one.
import { describe, expect, it } from 'vitest';
import { clusterState, entries } from './fake-ctx.ts';
import { raftInvariants } from '../../../src/engine/raft/invariants.ts';
import type { RaftState } from '../../../src/engine/raft/state.ts';
import { prefixHash } from './reference-invariants.ts';

const check = (name: string, st: RaftState) => raftInvariants.find((i) => i.name === name)!.check(st);

function healthy(): RaftState {
  const log = entries(1, 1, 2);
  const st = clusterState(3, { n1: { term: 2, log }, n2: { term: 2, log: log.slice(0, 2) }, n3: { term: 2, log } });
  st.servers.n1!.role = 'leader';
  st.audit.leadersByTerm = { 1: ['n2'], 2: ['n1'] };
  st.audit.leaderLog.n1 = { term: 2, len: 3, hash: prefixHash(log, 3) };
  st.audit.committedIds = [log[0]!.id, log[1]!.id];
  st.audit.committedInTerm = [1, 1];
  st.audit.committedCommands = [log[0]!.command, log[1]!.command];
  st.audit.committedText = ['a', 'b'];
  st.audit.appliedIds = [log[0]!.id, log[1]!.id];
  st.audit.appliedText = ['a by n1', 'b by n1'];
  for (const id of ['n1', 'n2', 'n3']) { st.servers[id]!.commitIndex = 2; st.servers[id]!.lastApplied = 2; }
  return st;
}

describe('Raft safety checks', () => {
  it('all five stay silent on a healthy cluster', () => {
    const st = healthy();
    for (const inv of raftInvariants) expect(inv.check(st), inv.name).toBeNull();
  });

  it('election safety fires when two servers were leaders of one term, even if one has since stepped down', () => {
    const st = healthy();
    st.audit.leadersByTerm[2] = ['n1', 'n3'];
    expect(check('election-safety', st)).toBe('n1 and n3 were both elected leader in term 2');
  });

  it('leader append-only fires when a leader loses or rewrites an entry it had', () => {
    const st = healthy();
    st.servers.n1!.log = st.servers.n1!.log.slice(0, 2);
    st.servers.n1!.logVersion++;
    expect(check('leader-append-only', st)).toMatch(/leader n1 \(term 2\) lost entries from index 3/);
    const st2 = healthy();
    st2.servers.n1!.log[1] = entries(1)[0]!;
    st2.servers.n1!.logVersion++;
    expect(check('leader-append-only', st2)).toMatch(/overwrote/);
  });

  it('log matching fires when two logs share an index and term but differ before it', () => {
    const st = healthy();
    const [, , c] = st.servers.n1!.log;
    st.servers.n3!.log = [...entries(1, 1), c!];
    st.servers.n3!.logVersion++;
    expect(check('log-matching', st)).toMatch(/n1 and n3 both hold an entry of term 2 at index 3, but their logs differ at index 1/);
  });

  it('leader completeness fires when a leader of a later term lacks a committed entry', () => {
    const st = healthy();
    st.servers.n1!.log = [st.servers.n1!.log[0]!, ...entries(2)];
    st.servers.n1!.logVersion++;
    st.servers.n1!.lastApplied = 1;
    expect(check('leader-completeness', st)).toMatch(/leader n1 of term 2 lacks committed entry 2/);
  });

  it('state machine safety fires when a server has applied a different entry at an index', () => {
    const st = healthy();
    st.servers.n2!.log = [st.servers.n2!.log[0]!, ...entries(2)];
    st.servers.n2!.logVersion++;
    expect(check('state-machine-safety', st)).toMatch(/^index 2: b by n1 was applied, but n2, applied up to 2, holds/);
  });
});
