// Raft's safety properties (Figure 3), checked after every event against the servers' state and the audit
// record of what happened (which leaders existed, what was committed and applied).
import type { Invariant } from '../core/types.ts';
import type { RaftServer, RaftState } from './state.ts';

const leaders = (st: RaftState): RaftServer[] =>
  st.order.map((id) => st.servers[id]!).filter((s) => s.role === 'leader' && !s.down);

/** Election Safety: at most one leader can be elected in a given term (§5.2). */
function electionSafety(st: RaftState): string | null {
  for (const term in st.audit.leadersByTerm) {
    const who = [...new Set(st.audit.leadersByTerm[term])];
    if (who.length > 1) return `${who.join(' and ')} were both elected leader in term ${term}`;
  }
  return null;
}

/** Leader Append-Only: a leader never overwrites or deletes entries in its log, only appends (§5.3). */
function leaderAppendOnly(st: RaftState): string | null {
  for (const s of leaders(st)) {
    const rec = st.audit.leaderLog[s.id];
    if (!rec || rec.term !== s.currentTerm) continue;
    if (rec.ids.length > s.log.length) return `leader ${s.id} (term ${s.currentTerm}) lost entries from index ${s.log.length + 1}`;
    for (let i = 0; i < rec.ids.length; i++) {
      if (s.log[i]!.id !== rec.ids[i]) return `leader ${s.id} (term ${s.currentTerm}) overwrote its entry at index ${i + 1}`;
    }
  }
  return null;
}

/** Log Matching: if two logs contain an entry with the same index and term, the logs are identical in all
 *  entries up through that index (§5.3). Compared as a running hash of entry ids per prefix. */
function logMatching(st: RaftState): string | null {
  const seen: Map<number, { hash: number; id: number; by: string }>[] = [];
  for (const id of st.order) {
    const s = st.servers[id]!;
    let hash = 17;
    for (let i = 0; i < s.log.length; i++) {
      const e = s.log[i]!;
      hash = (Math.imul(hash, 31) + e.id) | 0;
      const atIndex = (seen[i] ??= new Map());
      const other = atIndex.get(e.term);
      if (!other) { atIndex.set(e.term, { hash, id: e.id, by: id }); continue; }
      if (other.id !== e.id || other.hash !== hash) {
        return `${other.by} and ${id} both hold an entry of term ${e.term} at index ${i + 1}, but their logs differ up to it`;
      }
    }
  }
  return null;
}

/** Leader Completeness: an entry committed in a term is present in the logs of the leaders of all later terms (§5.4). */
function leaderCompleteness(st: RaftState): string | null {
  for (const s of leaders(st)) {
    for (const key in st.audit.committed) {
      const c = st.audit.committed[key]!;
      if (c.inTerm >= s.currentTerm) continue;
      const index = Number(key);
      if (s.log[index - 1]?.id !== c.id) {
        return `leader ${s.id} of term ${s.currentTerm} lacks committed entry ${index} (${c.command}, term ${c.term})`;
      }
    }
  }
  return null;
}

/** State Machine Safety: if a server has applied an entry at an index, no other server ever applies a
 *  different entry at that index (§5.4.3). */
function stateMachineSafety(st: RaftState): string | null {
  for (const id of st.order) {
    const s = st.servers[id]!;
    for (let i = 1; i <= s.lastApplied; i++) {
      const first = st.audit.appliedAt[i];
      const mine = s.log[i - 1];
      if (first && mine && first.id !== mine.id) {
        return `${first.by} applied ${first.command} (term ${first.term}) at index ${i}, but ${id}, applied up to ${s.lastApplied}, holds ${mine.command} (term ${mine.term}) there`;
      }
    }
  }
  return null;
}

export const raftInvariants: readonly Invariant<RaftState>[] = [
  { name: 'election-safety', description: 'at most one leader is elected in a term', check: electionSafety },
  { name: 'leader-append-only', description: 'a leader never overwrites or deletes its log entries', check: leaderAppendOnly },
  { name: 'log-matching', description: 'two logs with an entry of the same index and term agree up to it', check: logMatching },
  { name: 'leader-completeness', description: 'a committed entry is in the log of every later leader', check: leaderCompleteness },
  { name: 'state-machine-safety', description: 'no two servers apply different commands at the same index', check: stateMachineSafety },
];
