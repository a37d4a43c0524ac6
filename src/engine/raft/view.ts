// Selectors for views: one plain record per server with everything the ring, the timer and the log row draw.
import type { NodeId, Time } from '../core/types.ts';
import { configOf, currentLeader, electionDeadline, type RaftState, type Role } from './state.ts';

export interface RaftEntryView {
  index: number;
  term: number;
  command: string;
  /** At or below this server's commitIndex. */
  committed: boolean;
  /** A membership change (`+n6`, `-n3`). */
  config: boolean;
}

export interface RaftServerView {
  id: NodeId;
  role: Role | 'down';
  term: number;
  votedFor: NodeId | null;
  /** Whether the server is in the configuration its own log holds (a removed or not-yet-added one is not). */
  member: boolean;
  /** Election timer: when it was armed and when it fires (global ms), null when none runs. */
  timerStart: Time | null;
  timerDeadline: Time | null;
  preVoting: boolean;
  log: RaftEntryView[];
  commitIndex: number;
  lastApplied: number;
  /** Leaders only: per follower. */
  nextIndex: Record<NodeId, number>;
  matchIndex: Record<NodeId, number>;
  leaseUntil: Time | null;
}

export function raftServerViews(st: RaftState): RaftServerView[] {
  return st.order.map((id) => {
    const s = st.servers[id]!;
    return {
      id, role: s.down ? 'down' : s.role, term: s.currentTerm, votedFor: s.votedFor, member: configOf(st, s).includes(id),
      timerStart: s.electionStart, timerDeadline: electionDeadline(s), preVoting: s.preVoting,
      log: s.log.map((e, i) => ({ index: i + 1, term: e.term, command: e.command, committed: i < s.commitIndex, config: e.config !== undefined })),
      commitIndex: s.commitIndex, lastApplied: s.lastApplied, nextIndex: { ...s.nextIndex }, matchIndex: { ...s.matchIndex }, leaseUntil: s.leaseUntil,
    };
  });
}

/** The cluster at a glance: who leads (or null), the highest term, the leader's configuration. */
export function raftClusterView(st: RaftState): { leader: NodeId | null; maxTerm: number; members: NodeId[]; brokenCommit: boolean } {
  const leader = currentLeader(st);
  const newest = leader ?? [...st.order].map((id) => st.servers[id]!).sort((a, b) => b.log.length - a.log.length)[0];
  return {
    leader: leader?.id ?? null,
    maxTerm: Math.max(0, ...st.order.map((id) => st.servers[id]!.currentTerm)),
    members: newest ? [...configOf(st, newest)] : [],
    brokenCommit: st.config.brokenCommit,
  };
}
