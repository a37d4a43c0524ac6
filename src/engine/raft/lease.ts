// Leader leases and leader stickiness (dissertation §4.2.3 and §6.4.1), on only when `lease` is switched on,
// except the pre-vote's "have I heard from a leader lately?" which pre-vote always uses (§9.6).
import type { NodeId, SystemContext } from '../core/types.ts';
import { configOf, majorityOf, type RaftServer, type RaftState } from './state.ts';

export function noteLeaderContact(s: RaftServer, ctx: SystemContext): void {
  s.lastLeaderContact = ctx.clock(s.id);
}

/** A server that heard from a leader less than a minimum election timeout ago believes that leader lives. */
export function heardFromLeaderRecently(st: RaftState, s: RaftServer, ctx: SystemContext): boolean {
  if (s.role === 'leader') return true;
  return s.lastLeaderContact !== null && ctx.clock(s.id) - s.lastLeaderContact < st.config.electionMin;
}

export function recordAck(s: RaftServer, from: NodeId, sentAt: number): void {
  s.ackedSentAt[from] = Math.max(s.ackedSentAt[from] ?? 0, sentAt);
}

/** The newest moment a majority (counting the leader) is known to have heard from this leader. */
function quorumContact(st: RaftState, s: RaftServer, now: number): number | null {
  const members = configOf(st, s);
  const times = members
    .map((m) => (m === s.id ? now : s.ackedSentAt[m]))
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => b - a);
  return times[majorityOf(members) - 1] ?? null;
}

/** On each heartbeat: extend the lease, or step down when a majority has been silent too long
 *  (etcd's CheckQuorum). Returns false when the leader should step down. */
export function refreshLease(st: RaftState, s: RaftServer, ctx: SystemContext): boolean {
  if (!st.config.lease) return true;
  const now = ctx.clock(s.id);
  const contact = quorumContact(st, s, now);
  // Nobody will vote for another leader until electionMin after they last heard from us.
  s.leaseUntil = contact === null ? null : contact + st.config.electionMin;
  const since = Math.max(contact ?? 0, s.leaderSince ?? 0);
  return now - since <= st.config.electionMax;
}
