// How each Raft message looks in flight: a shape per kind (so they differ without colour), a short
// label with its term and entries, and a sentence for screen readers. Pure.
import type { Message } from '../../engine/core/index.ts';
import type { RaftMessage } from '../../engine/raft/index.ts';
import { OKABE_ITO } from '../shared/palette.ts';

export type MsgShape = 'ballot' | 'vote' | 'entries' | 'heartbeat' | 'ack' | 'request';

export interface MsgLook {
  shape: MsgShape;
  /** A few characters beside the shape: `RV t3`, `AE t3 +2`, `✓ t3`. */
  label: string;
  /** Granted / succeeded (true), refused (false), or not a reply (null). */
  ok: boolean | null;
  colour: string;
  /** The message in words. */
  words: string;
  /** The town's label: "ballot", "✓ vote", "+2 lines"; empty for bells and notes, whose picture says it. */
  town: string;
}

export function raftMessageLook(m: Message): MsgLook {
  const msg = m as unknown as RaftMessage;
  switch (msg.type) {
    case 'RequestVote': {
      const pre = msg.preVote ? 'pre-vote' : 'vote';
      return {
        shape: 'ballot', label: `${msg.preVote ? 'PV' : 'RV'} t${msg.term}`, ok: null, colour: OKABE_ITO.orange, town: msg.preVote ? 'straw poll' : 'ballot',
        words: `${msg.preVote ? 'PreVote' : 'RequestVote'}: ${msg.candidateId} asks for a ${pre} in term ${msg.term}, its log ends at index ${msg.lastLogIndex} of term ${msg.lastLogTerm}`,
      };
    }
    case 'RequestVoteReply':
      return {
        shape: 'vote', label: `${msg.voteGranted ? '✓' : '✗'} vote`, town: `${msg.voteGranted ? '✓' : '✗'} vote`, ok: msg.voteGranted, colour: msg.voteGranted ? OKABE_ITO.bluishGreen : OKABE_ITO.vermillion,
        words: `${msg.preVote ? 'PreVote' : 'RequestVote'} reply: ${msg.voteGranted ? 'vote granted' : 'vote refused'} (term ${msg.term})`,
      };
    case 'AppendEntries': {
      const n = msg.entries.length;
      const first = msg.prevLogIndex + 1;
      return {
        shape: n ? 'entries' : 'heartbeat', label: n ? `AE t${msg.term} +${n}` : `♥ t${msg.term}`, ok: null, colour: OKABE_ITO.blue,
        town: n ? `+${n} line${n === 1 ? '' : 's'}` : '',
        words: n
          ? `AppendEntries from leader ${msg.leaderId} (term ${msg.term}): ${n} entr${n === 1 ? 'y' : 'ies'} from index ${first} (${msg.entries.map((e) => `${e.term}:${e.command}`).join(', ')}) after ${msg.prevLogIndex}/${msg.prevLogTerm}, leader commit ${msg.leaderCommit}`
          : `heartbeat (AppendEntries with no entries) from leader ${msg.leaderId}, term ${msg.term}, leader commit ${msg.leaderCommit}`,
      };
    }
    case 'AppendEntriesReply':
      return {
        shape: 'ack', label: `${msg.success ? '✓' : '✗'} t${msg.term}`, town: '', ok: msg.success, colour: msg.success ? OKABE_ITO.skyBlue : OKABE_ITO.vermillion,
        words: `AppendEntries reply: ${msg.success ? `success, matches up to index ${msg.matchIndex}` : `refused (log does not match after index ${msg.prevLogIndex})`}, term ${msg.term}`,
      };
    case 'ClientRequest':
      return { shape: 'request', label: `req ${msg.value}`, town: `request ${msg.value}`, ok: null, colour: OKABE_ITO.reddishPurple, words: `a client's request ${msg.value}, forwarded to the leader` };
    default:
      return { shape: 'request', label: m.type, town: m.type, ok: null, colour: OKABE_ITO.reddishPurple, words: m.type };
  }
}

/** Whether an AppendEntries carries the entry at `index` of term `term`. */
export function carriesEntry(m: Message | undefined, index: number, term: number): boolean {
  const msg = m as unknown as RaftMessage | undefined;
  if (msg?.type !== 'AppendEntries') return false;
  const k = index - msg.prevLogIndex - 1;
  return k >= 0 && k < msg.entries.length && msg.entries[k]!.term === term;
}
