// Raft's RPCs (Figure 2) as plain messages, and how the trace prints them.
import type { Message, NodeId, Time } from '../core/types.ts';
import type { LogEntry } from './state.ts';

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly term: number;
  readonly candidateId: NodeId;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  /** A pre-vote asks "would you vote for me in `term`?" without anyone changing their term (§9.6). */
  readonly preVote?: boolean;
}

export interface RequestVoteReply {
  readonly type: 'RequestVoteReply';
  readonly term: number;
  readonly voteGranted: boolean;
  readonly preVote?: boolean;
}

export interface AppendEntries {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly leaderId: NodeId;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
  /** The leader's clock when sent, echoed back so a lease can start from it. */
  readonly sentAt: Time;
}

export interface AppendEntriesReply {
  readonly type: 'AppendEntriesReply';
  readonly term: number;
  readonly success: boolean;
  /** Which request this answers, so a late or duplicated reply cannot move nextIndex twice. */
  readonly prevLogIndex: number;
  /** On success: the index of the last entry now known to match the leader's log. */
  readonly matchIndex: number;
  readonly sentAt: Time;
}

/** A client's command, forwarded by a follower to the leader it knows. */
export interface ClientCommand {
  readonly type: 'ClientRequest';
  readonly value: string;
}

export type RaftMessage = RequestVote | RequestVoteReply | AppendEntries | AppendEntriesReply | ClientCommand;

const entryText = (e: LogEntry) => `${e.term}:${e.command}`;

/** Compact trace lines: `AppendEntries term=2 prev=3/1 entries=[2:x,2:y] commit=3`. */
export function formatRaftMessage(m: Message): string {
  const msg = m as unknown as RaftMessage;
  switch (msg.type) {
    case 'RequestVote':
      return `${msg.preVote ? 'PreVote' : 'RequestVote'} term=${msg.term} last=${msg.lastLogIndex}/${msg.lastLogTerm}`;
    case 'RequestVoteReply':
      return `${msg.preVote ? 'PreVoteReply' : 'RequestVoteReply'} term=${msg.term} granted=${msg.voteGranted}`;
    case 'AppendEntries':
      return `AppendEntries term=${msg.term} prev=${msg.prevLogIndex}/${msg.prevLogTerm} entries=[${msg.entries.map(entryText).join(',')}] commit=${msg.leaderCommit}`;
    case 'AppendEntriesReply':
      return `AppendEntriesReply term=${msg.term} success=${msg.success}${msg.success ? ` match=${msg.matchIndex}` : ` prev=${msg.prevLogIndex}`}`;
    case 'ClientRequest':
      return `ClientRequest value=${msg.value}`;
    default:
      return m.type;
  }
}
