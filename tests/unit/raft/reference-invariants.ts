// The five safety properties of Figure 3 stated from scratch, the dumb way: every server, every pair, every
// index, compared entry by entry, nothing remembered between calls. The engine's checks (invariants.ts) work
// the same answers out incrementally; the property tests hold the two equal, message for message.
import { EMPTY_LOG_HASH, mixId } from '../../../src/engine/raft/log.ts';
import type { LogEntry, RaftServer, RaftState } from '../../../src/engine/raft/state.ts';

/** The running hash of a log's first `len` entries, from scratch (log.ts keeps it incrementally). */
export function prefixHash(log: readonly LogEntry[], len: number): number {
  let h = EMPTY_LOG_HASH;
  for (let i = 0; i < len; i++) h = mixId(h, log[i]!.id);
  return h;
}

const servers = (st: RaftState): RaftServer[] => st.order.map((id) => st.servers[id]!);
const runningLeaders = (st: RaftState) => servers(st).filter((s) => s.role === 'leader' && !s.down);

function electionSafety(st: RaftState): string | null {
  for (const term in st.audit.leadersByTerm) {
    const who = st.audit.leadersByTerm[term]!;
    const other = who.find((x) => x !== who[0]);
    if (other !== undefined) return `${who[0]} and ${other} were both elected leader in term ${term}`;
  }
  return null;
}

function leaderAppendOnly(st: RaftState): string | null {
  for (const s of runningLeaders(st)) {
    const rec = st.audit.leaderLog[s.id];
    if (!rec || rec.term !== s.currentTerm) continue;
    if (rec.len > s.log.length) return `leader ${s.id} (term ${s.currentTerm}) lost entries from index ${s.log.length + 1}`;
    if (prefixHash(s.log, rec.len) !== rec.hash) return `leader ${s.id} (term ${s.currentTerm}) overwrote entries among its first ${rec.len}`;
  }
  return null;
}

/** For every pair and every index where both logs hold an entry of the same term, the entries up to it are
 *  the same. The message names the highest such index of the first pair that breaks it. */
function logMatching(st: RaftState): string | null {
  const all = servers(st);
  for (let x = 0; x < all.length; x++) {
    for (let y = x + 1; y < all.length; y++) {
      const a = all[x]!;
      const b = all[y]!;
      for (let m = Math.min(a.log.length, b.log.length); m >= 1; m--) {
        if (a.log[m - 1]!.term !== b.log[m - 1]!.term) continue;
        const k = a.log.slice(0, m).findIndex((e, i) => e.id !== b.log[i]!.id);
        if (k >= 0) return `${a.id} and ${b.id} both hold an entry of term ${a.log[m - 1]!.term} at index ${m}, but their logs differ at index ${k + 1}`;
        break; // identical up to the highest such index, so up to every lower one too
      }
    }
  }
  return null;
}

function leaderCompleteness(st: RaftState): string | null {
  const a = st.audit;
  for (const s of runningLeaders(st)) {
    for (let i = 0; i < a.committedIds.length; i++) {
      if (a.committedInTerm[i]! < s.currentTerm && s.log[i]?.id !== a.committedIds[i]) {
        return `leader ${s.id} of term ${s.currentTerm} lacks committed entry ${i + 1} (${a.committedText[i]})`;
      }
    }
  }
  return null;
}

function stateMachineSafety(st: RaftState): string | null {
  const a = st.audit;
  for (const s of servers(st)) {
    const n = Math.min(s.lastApplied, s.log.length, a.appliedIds.length);
    for (let i = 0; i < n; i++) {
      if (s.log[i]!.id === a.appliedIds[i]) continue;
      const mine = s.log[i]!;
      return `index ${i + 1}: ${a.appliedText[i]} was applied, but ${s.id}, applied up to ${s.lastApplied}, holds ${mine.command} (term ${mine.term}) there`;
    }
  }
  return null;
}

export const referenceChecks: Record<string, (st: RaftState) => string | null> = {
  'election-safety': electionSafety,
  'leader-append-only': leaderAppendOnly,
  'log-matching': logMatching,
  'leader-completeness': leaderCompleteness,
  'state-machine-safety': stateMachineSafety,
};
