// Client requests (§5.1: only the leader accepts them; followers redirect) and one-server-at-a-time
// membership changes (dissertation §4.1–4.2).
import { CommandError } from '../core/command.ts';
import type { NodeId, SystemContext } from '../core/types.ts';
import {
  configOf, currentLeader, MAX_SERVERS, newServer, REQUESTS_KEPT, type ClientRequest, type RaftServer, type RaftState,
} from './state.ts';
import { appendAsLeader, broadcastAppendEntries } from './replication.ts';
import { lastConfigIndex } from './log.ts';

/** A client's command arriving at `s`. Returns a sentence saying what happened to it. */
export function clientRequest(st: RaftState, s: RaftServer, value: string, ctx: SystemContext, forwarded = false): string {
  if (s.down) throw new CommandError(`${s.id} is down; a client talking to it would time out`);
  const req: ClientRequest = { value, askedAt: s.id, leader: null, index: null, term: null, at: ctx.now, appliedAt: null };
  if (!forwarded) {
    st.requests.push(req);
    if (st.requests.length > REQUESTS_KEPT) st.requests.splice(0, st.requests.length - REQUESTS_KEPT);
  }
  const pending = forwarded ? [...st.requests].reverse().find((r) => r.value === value && r.index === null) : req;
  if (s.role === 'leader') {
    const text = `appended ${value} at index ${s.log.length + 1} term=${s.currentTerm}`;
    ctx.note(s.id, text);
    if (pending) Object.assign(pending, { leader: s.id, index: s.log.length + 1, term: s.currentTerm });
    appendAsLeader(st, s, { command: value }, ctx);
    broadcastAppendEntries(st, s, ctx);
    return `${s.id} ${text}`;
  }
  if (s.leaderId !== null && s.leaderId !== s.id && !forwarded) {
    // etcd forwards proposals to the leader; a real client could equally retry there itself.
    ctx.note(s.id, `is not the leader: redirects ${value} to ${s.leaderId}`);
    ctx.send(s.id, s.leaderId, { type: 'ClientRequest', value });
    return `${s.id} is not the leader; redirected to ${s.leaderId}`;
  }
  const text = forwarded ? `is no longer the leader: ${value} is lost, the client must retry`
    : `knows no leader yet: ${value} is refused, the client must retry`;
  ctx.note(s.id, text);
  return `${s.id} ${text}`;
}

/** The leader a membership change goes through, after the checks that keep single-server changes safe. */
function leaderForChange(st: RaftState): RaftServer {
  const leader = currentLeader(st);
  if (!leader) throw new CommandError('there is no leader to change the membership; run until raft.leader != none');
  if (lastConfigIndex(leader) > leader.commitIndex) {
    throw new CommandError(`${leader.id} is still committing the previous membership change; one server at a time`);
  }
  // Ongaro's 2015 fix (raft-dev): a new leader first commits an entry of its own term before changing membership.
  const committedOwnTerm = leader.log.slice(0, leader.commitIndex).some((e) => e.term === leader.currentTerm);
  if (!committedOwnTerm) {
    throw new CommandError(`${leader.id} has not committed an entry in its term ${leader.currentTerm} yet; send a request first (raft.request value=...)`);
  }
  return leader;
}

export function addServer(st: RaftState, id: NodeId, ctx: SystemContext): string {
  if (!/^n[1-9]$/.test(id)) throw new CommandError(`servers are named n1..n${MAX_SERVERS}; got '${id}'`);
  const leader = leaderForChange(st);
  const members = configOf(st, leader);
  if (members.includes(id)) throw new CommandError(`${id} is already a member`);
  if (members.length >= MAX_SERVERS) throw new CommandError(`the cluster already has ${MAX_SERVERS} servers, the most the lab draws`);
  const existing = st.servers[id];
  if (existing?.down) throw new CommandError(`${id} is down; restart it before adding it back`);
  if (!existing) {
    ctx.addNode(id);
    st.servers[id] = newServer(id);
    st.order.push(id);
  }
  const index = leader.log.length + 1;
  ctx.note(leader.id, `appended configuration +${id} at index ${index}: ${members.length + 1} servers`);
  appendAsLeader(st, leader, { command: `+${id}`, config: [...members, id] }, ctx);
  broadcastAppendEntries(st, leader, ctx);
  return `${leader.id} adds ${id} (configuration entry at index ${index})`;
}

export function removeServer(st: RaftState, id: NodeId, ctx: SystemContext): string {
  const leader = leaderForChange(st);
  const members = configOf(st, leader);
  if (!members.includes(id)) throw new CommandError(`${id} is not a member; members are ${members.join(',')}`);
  if (members.length <= 1) throw new CommandError('cannot remove the last server');
  const index = leader.log.length + 1;
  ctx.note(leader.id, `appended configuration -${id} at index ${index}: ${members.length - 1} servers`);
  appendAsLeader(st, leader, { command: `-${id}`, config: members.filter((m) => m !== id) }, ctx);
  broadcastAppendEntries(st, leader, ctx);
  // The leader stops replicating to the removed server, which may never hear of it and start elections:
  // the disruption dissertation §4.2.3 warns of (pre-vote or leases prevent it).
  return `${leader.id} removes ${id} (configuration entry at index ${index})`;
}
