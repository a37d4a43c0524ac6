// What the Raft pictures draw, read from the Raft state: one record per server (from the engine's view
// selectors, plus the votes a candidate holds) and one row per log, with each entry's term, whether that
// server has committed it, and whether it contradicts an entry the cluster already committed (a safety
// violation, which the broken commit rule makes possible). Pure, so the tests can check it without React.
import type { NodeId } from '../../engine/core/index.ts';
import { majorityOf, type RaftState } from '../../engine/raft/index.ts';
import { raftClusterView, raftServerViews, type RaftServerView } from '../../engine/raft/index.ts';

export interface ServerModel extends RaftServerView {
  /** Votes a candidate holds (its own included) and how many it needs. */
  votes: number;
  needed: number;
  /** The leader it last heard from. */
  leaderId: NodeId | null;
  /** In the cluster's configuration as the leader (or, with no leader, the newest log) has it: a removed
   *  server may never learn that it was removed, so its own log is not the one to ask. */
  inCluster: boolean;
}

export interface CellModel {
  index: number;
  term: number;
  command: string;
  /** At or below this server's commitIndex. */
  committed: boolean;
  config: boolean;
  /** Unique per entry in the run: equal ids mean the same entry. */
  id: number;
  /** Set when this cell breaks safety: why, in words. */
  conflict: string | null;
}

export interface RowModel {
  id: NodeId;
  cells: CellModel[];
  commitIndex: number;
  /** The current leader's nextIndex and matchIndex for this server (null on the leader's own row or with no leader). */
  next: number | null;
  match: number | null;
  /** Indices the cluster committed that this leader lacks (leader completeness broken). */
  missing: number[];
}

export interface RaftPicture {
  servers: ServerModel[];
  rows: RowModel[];
  leader: NodeId | null;
  maxTerm: number;
  /** The longest log, for the table's columns. */
  longest: number;
  members: NodeId[];
  majority: number;
  brokenCommit: boolean;
  /** The highest index the cluster has committed (first commits recorded by the audit). */
  clusterCommit: number;
}

export const entryItemId = (server: NodeId, index: number) => `raft:entry:${server}:${index}`;

/** `raft:entry:n1:4` → { server: 'n1', index: 4 }, or null for anything else. */
export function parseEntryItem(id: string): { server: NodeId; index: number } | null {
  const m = /^raft:entry:([^:]+):(\d+)$/.exec(id);
  return m ? { server: m[1]!, index: Number(m[2]) } : null;
}

export function raftPicture(st: RaftState): RaftPicture {
  const cluster = raftClusterView(st);
  const majority = majorityOf(cluster.members.length ? cluster.members : st.order);
  const servers: ServerModel[] = raftServerViews(st).map((v) => {
    const s = st.servers[v.id]!;
    return { ...v, votes: v.role === 'candidate' ? s.votes.length : 0, needed: majority, leaderId: s.leaderId, inCluster: cluster.members.includes(v.id) };
  });
  const audit = st.audit;
  const leader = cluster.leader ? st.servers[cluster.leader]! : null;
  const rows: RowModel[] = servers.map((v) => {
    const s = st.servers[v.id]!;
    const isLeader = v.role === 'leader';
    const cells = s.log.map((e, i): CellModel => {
      const index = i + 1;
      const committedId = audit.committedIds[i];
      let conflict: string | null = null;
      // Holding another entry where one was committed is normal for a lagging follower (it will be
      // repaired); it is a violation once this server has committed or applied it, or leads a later term.
      const relied = s.commitIndex >= index || s.lastApplied >= index || (isLeader && (audit.committedInTerm[i] ?? Infinity) < s.currentTerm);
      if (committedId !== undefined && committedId !== e.id && relied) {
        conflict = `${v.id} ${isLeader && s.commitIndex < index ? 'leads with' : 'committed'} ${e.command} (term ${e.term}) at index ${index}, but the cluster had committed ${audit.committedText[i]} there`;
      }
      return { index, term: e.term, command: e.command, committed: index <= s.commitIndex, config: e.config !== undefined, id: e.id, conflict };
    });
    const missing: number[] = [];
    if (isLeader) {
      for (let i = s.log.length; i < audit.committedIds.length; i++) if ((audit.committedInTerm[i] ?? Infinity) < s.currentTerm) missing.push(i + 1);
    }
    const follows = leader !== null && leader.id !== v.id;
    return {
      id: v.id, cells, commitIndex: s.commitIndex, missing,
      next: follows ? leader.nextIndex[v.id] ?? null : null,
      match: follows ? leader.matchIndex[v.id] ?? null : null,
    };
  });
  return {
    servers, rows, leader: cluster.leader, maxTerm: cluster.maxTerm, members: cluster.members, majority,
    longest: Math.max(0, ...rows.map((r) => r.cells.length)), brokenCommit: cluster.brokenCommit,
    clusterCommit: audit.committedIds.length,
  };
}

/** Role in words, for labels: "leader", "candidate", "follower", "down". */
export const roleWord = (s: Pick<ServerModel, 'role' | 'preVoting'>) => (s.role === 'follower' && s.preVoting ? 'pre-vote' : s.role);

/** The second label line: term and vote (or, for a candidate, votes held of those needed). */
export function serverLine2(s: ServerModel): string {
  return `t${s.term} · ${serverVoteWords(s)}`;
}

/** The compact label's third line: the vote, votes held, or what a leader or crashed server does. */
export function serverVoteWords(s: ServerModel): string {
  if (s.role === 'down') return 'down';
  if (!s.inCluster) return 'not a member';
  if (s.role === 'candidate') return `${s.votes}/${s.needed} votes`;
  if (s.role === 'leader') return 'leads';
  return s.votedFor ? `voted ${s.votedFor}` : 'no vote';
}

/** A server in one sentence, for screen readers and titles. */
export function describeServer(s: ServerModel, paused: boolean, timerLeftMs: number | null): string {
  const bits = [`${s.id}: ${s.role === 'down' ? 'crashed (down)' : roleWord(s)}`, `term ${s.term}`];
  if (paused) bits.push('paused');
  if (s.role === 'candidate') bits.push(`${s.votes} of ${s.needed} votes`);
  else if (s.role !== 'leader' && s.role !== 'down') bits.push(s.votedFor ? `voted for ${s.votedFor}` : 'has not voted this term');
  bits.push(`log ${s.log.length} entr${s.log.length === 1 ? 'y' : 'ies'}, commit index ${s.commitIndex}`);
  if (timerLeftMs !== null && s.role !== 'leader' && s.role !== 'down') bits.push(`election timer fires in ${timerLeftMs}ms`);
  if (!s.inCluster) bits.push('not a member of the cluster');
  return bits.join(', ');
}

export function describeCell(server: NodeId, c: CellModel): string {
  return `${server} log entry ${c.index}: term ${c.term}, ${c.config ? 'membership change ' : ''}${c.command || '(empty)'}, ${c.committed ? 'committed' : 'not committed yet'}${c.conflict ? `. SAFETY VIOLATION: ${c.conflict}` : ''}`;
}

/** A command name for a client request nobody has used yet (x1, x2, ...), so its fate can be followed. */
export function freshRequestValue(st: RaftState): string {
  const used = new Set<string>();
  for (const id of st.order) for (const e of st.servers[id]!.log) used.add(e.command);
  for (const r of st.requests) used.add(r.value);
  for (let k = 1; ; k++) if (!used.has(`x${k}`)) return `x${k}`;
}

/** Each term its colour (Okabe–Ito, cycling); cells always also carry the term's number. */
export const TERM_COLOURS: readonly string[] = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
export const termColour = (term: number) => TERM_COLOURS[(Math.max(1, term) - 1) % TERM_COLOURS.length]!;
