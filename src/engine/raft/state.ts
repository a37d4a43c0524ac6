// Raft's state as plain data: one record per server, split the way Figure 2 splits it (persistent vs
// volatile), plus an audit record the safety invariants read (what each term's leader and each applied
// index was), which no server can see.
import type { NodeId, Time, TimerId } from '../core/types.ts';
import { lastConfigIndex } from './log.ts';

export type Role = 'follower' | 'candidate' | 'leader';

export interface LogEntry {
  readonly term: number;
  /** The client's command, or a membership change written like `+n6` / `-n3`. */
  readonly command: string;
  /** Unique across the whole run: tells two entries with the same term and command apart. */
  readonly id: number;
  /** Set on membership-change entries: the new configuration (Raft dissertation §4.1). */
  readonly config?: readonly NodeId[];
}

export interface RaftServer {
  readonly id: NodeId;
  /** Crashed (not running): a view greys it out; its persistent fields are what a restart reads. */
  down: boolean;
  // ---- persistent on all servers (Figure 2): survive a crash
  currentTerm: number;
  votedFor: NodeId | null;
  /** log[0] is index 1. */
  log: LogEntry[];
  /** Bumped on every change to the log (log.ts's appendEntry and truncateLog), so checks can skip unchanged logs. */
  logVersion: number;
  // ---- volatile on all servers
  role: Role;
  commitIndex: number;
  lastApplied: number;
  /** The leader this server last heard from in its current term, for redirecting clients. */
  leaderId: NodeId | null;
  votes: NodeId[];
  /** Pre-vote round (§9.6 of the dissertation): grants collected before bumping the term. */
  preVotes: NodeId[];
  preVoting: boolean;
  electionTimer: TimerId | null;
  /** When the election timer was armed and for how long: a view draws the timer from these. */
  electionStart: Time | null;
  electionTimeout: Time | null;
  /** When this server last heard from a leader of its current term (leader stickiness, lease). */
  lastLeaderContact: Time | null;
  // ---- volatile on leaders, reinitialised after election
  nextIndex: Record<NodeId, number>;
  matchIndex: Record<NodeId, number>;
  heartbeatTimer: TimerId | null;
  loadTimer: TimerId | null;
  /** When (on its own clock) this server became leader; a lease or quorum check counts from here. */
  leaderSince: Time | null;
  /** Leader lease: time (on the leader's clock) until which no other leader can exist. */
  leaseUntil: Time | null;
  /** Per peer, the send time of the newest AppendEntries it acknowledged (leases). */
  ackedSentAt: Record<NodeId, Time>;
}

export interface RaftConfig {
  electionMin: Time;
  electionMax: Time;
  heartbeat: Time;
  /** Most entries one AppendEntries carries. */
  maxBatch: number;
  preVote: boolean;
  lease: boolean;
  /** Append an empty entry when elected (§8) so earlier-term entries commit without waiting for a request. */
  noop: boolean;
  /** A built-in client: the leader receives a request every `load` ms (0: off). */
  load: Time;
  /** Deliberately wrong: commit an earlier term's entry by counting replicas (breaks §5.4.2, Figure 8). */
  brokenCommit: boolean;
}

export interface ClientRequest {
  value: string;
  /** The server the client asked, and the leader that appended it (null when no leader was known). */
  askedAt: NodeId;
  leader: NodeId | null;
  index: number | null;
  term: number | null;
  at: Time;
  /** When the leader applied it and could answer the client (Figure 2: "respond after entry applied"). */
  appliedAt: Time | null;
}

/** Facts recorded as they happen, for the invariants (a god's-eye view no server has). Kept as parallel
 *  arrays of plain numbers and strings, indexed by log index - 1, so snapshots of long runs stay cheap. */
export interface RaftAudit {
  /** Every server that ever became leader, per term (election safety). */
  leadersByTerm: Record<string, NodeId[]>;
  /** How many times any server became leader: moves with every addition to leadersByTerm (recordLeader), so
   *  the election-safety check reads the record again only when it grew. */
  elected: number;
  /** The first entry any server applied at each index: its id, and "x (term 2) by n1" (state machine safety). */
  appliedIds: number[];
  appliedText: string[];
  /** The first entry any server counted as committed at each index: its id, command, the term of the server
   *  that committed it, and "x, term 2" (leader completeness, `raft.committed`). */
  committedIds: number[];
  committedCommands: string[];
  committedInTerm: number[];
  committedText: string[];
  /** Per leader, the length and a hash of its log the last time it acted as leader (leader append-only). */
  leaderLog: Record<NodeId, { term: number; len: number; hash: number }>;
}

/** Notes in the audit that `id` became leader in `term`. */
export function recordLeader(audit: RaftAudit, term: number, id: NodeId): void {
  (audit.leadersByTerm[term] ??= []).push(id);
  audit.elected++;
}

/** Client requests remembered for views; older ones are forgotten so long runs stay bounded. */
export const REQUESTS_KEPT = 100;

export interface RaftState {
  config: RaftConfig;
  servers: Record<NodeId, RaftServer>;
  /** Every server ever created, in creation order (removed ones stay so views can grey them out). */
  order: NodeId[];
  /** The configuration the cluster started with; a server whose log holds no config entry uses it. */
  initialConfig: NodeId[];
  requests: ClientRequest[];
  audit: RaftAudit;
  nextEntryId: number;
  /** The next value the built-in client (`load`) sends: c1, c2, ... */
  nextLoadValue: number;
}

export const DEFAULT_RAFT_CONFIG: RaftConfig = {
  electionMin: 150, electionMax: 300, heartbeat: 50, maxBatch: 16, preVote: false, lease: false, noop: false, load: 0, brokenCommit: false,
};

export const initialRaftState = (): RaftState => ({
  config: { ...DEFAULT_RAFT_CONFIG }, servers: {}, order: [], initialConfig: [], requests: [],
  audit: {
    leadersByTerm: {}, elected: 0, appliedIds: [], appliedText: [], committedIds: [], committedCommands: [], committedInTerm: [], committedText: [], leaderLog: {},
  },
  nextEntryId: 1, nextLoadValue: 1,
});

export function newServer(id: NodeId): RaftServer {
  return {
    id, down: false, currentTerm: 0, votedFor: null, log: [], logVersion: 0,
    role: 'follower', commitIndex: 0, lastApplied: 0, leaderId: null, votes: [], preVotes: [], preVoting: false,
    electionTimer: null, electionStart: null, electionTimeout: null, lastLeaderContact: null,
    nextIndex: {}, matchIndex: {}, heartbeatTimer: null, loadTimer: null, leaderSince: null, leaseUntil: null, ackedSentAt: {},
  };
}

export const lastIndex = (s: RaftServer): number => s.log.length;
export const lastTerm = (s: RaftServer): number => s.log[s.log.length - 1]?.term ?? 0;
/** Term of the entry at a 1-based index; 0 for index 0 (before the log), undefined past the end. */
export const termAt = (s: RaftServer, index: number): number | undefined =>
  index === 0 ? 0 : s.log[index - 1]?.term;

/** The configuration a server follows: the newest config entry in its log, committed or not (§4.1). */
export function configOf(st: RaftState, s: RaftServer): readonly NodeId[] {
  const i = lastConfigIndex(s);
  return i === 0 ? st.initialConfig : s.log[i - 1]!.config!;
}

/** When a server's election timer will fire (global ms), or null when none runs: for drawing the timer. */
export const electionDeadline = (s: RaftServer): Time | null =>
  s.electionStart === null || s.electionTimeout === null ? null : s.electionStart + s.electionTimeout;

export const majorityOf = (members: readonly NodeId[]): number => Math.floor(members.length / 2) + 1;

/** The one leader a client would find: the running leader with the highest term, or null. */
export function currentLeader(st: RaftState): RaftServer | null {
  let best: RaftServer | null = null;
  for (const id of st.order) {
    const s = st.servers[id]!;
    if (s.role === 'leader' && !s.down && (!best || s.currentTerm > best.currentTerm)) best = s;
  }
  return best;
}

export const serverName = (i: number): NodeId => `n${i}`;
export const MAX_SERVERS = 9;
