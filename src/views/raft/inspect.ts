// What the inspector says about a Raft server (role, term, vote, commit and applied indices, the log,
// the leader's nextIndex/matchIndex, the election timer) and about one log entry (where else it is, and
// whether the cluster committed it), and what a pointed-at entry highlights in views that do not know
// Raft: its server's lane and the AppendEntries messages that carried it to or from that server.
import type { Sim } from '../../engine/core/index.ts';
import type { TraceEvent } from '../../engine/core/index.ts';
import type { RaftState } from '../../engine/raft/index.ts';
import { raftServerViews } from '../../engine/raft/index.ts';
import { labStore } from '../../store/lab-store.ts';
import type { Inspection, InspectorRow } from '../registry.ts';
import { carriesEntry } from './messages.ts';
import { parseEntryItem, raftPicture, roleWord } from './model.ts';
import { timerLeft } from './timer.ts';

const raftOf = (sim: Sim): RaftState | null => (sim.activeSystems().includes('raft') ? sim.state<RaftState>('raft') : null);

const perPeer = (r: Record<string, number>) => {
  const keys = Object.keys(r).sort();
  return keys.length ? keys.map((k) => `${k}: ${r[k]}`).join(', ') : null;
};

export function inspectServer(sim: Sim, id: string): Inspection | null {
  const st = raftOf(sim);
  const v = st ? raftServerViews(st).find((s) => s.id === id) : undefined;
  if (!st || !v) return null;
  const s = st.servers[id]!;
  const left = timerLeft(v.timerDeadline, sim.now);
  const rows: InspectorRow[] = [
    ['role', v.role === 'down' ? 'down (crashed)' : roleWord(v)],
    ['currentTerm', v.term],
    ['votedFor', v.votedFor],
    ['commitIndex', v.commitIndex],
    ['lastApplied', v.lastApplied],
    ['log (✓ committed)', v.log.map((e) => `${e.index}: t${e.term} ${e.command || '(empty)'}${e.committed ? ' ✓' : ''}`)],
    ['leader it knows', s.leaderId],
    ['election timer', v.role === 'leader' || v.role === 'down' || left === null ? null : `fires at ${v.timerDeadline}ms (in ${left}ms)`],
  ];
  if (v.role === 'candidate') rows.push(['votes', s.votes]);
  if (v.role === 'leader') rows.push(['nextIndex', perPeer(v.nextIndex)], ['matchIndex', perPeer(v.matchIndex)]);
  if (v.leaseUntil !== null) rows.push(['lease until', `${v.leaseUntil}ms`]);
  if (!v.member) rows.push(['member', false]);
  return { title: `Raft server ${id}: ${v.role === 'down' ? 'down' : roleWord(v)}, term ${v.term}`, rows };
}

export function inspectEntry(sim: Sim, itemId: string): Inspection | null {
  const st = raftOf(sim);
  const at = parseEntryItem(itemId);
  if (!st || !at) return null;
  const s = st.servers[at.server];
  const e = s?.log[at.index - 1];
  if (!s || !e) return null;
  const pic = raftPicture(st);
  const cell = pic.rows.find((r) => r.id === at.server)?.cells[at.index - 1];
  const holders = st.order.filter((id) => st.servers[id]!.log[at.index - 1]?.id === e.id);
  const committedId = st.audit.committedIds[at.index - 1];
  const rows: InspectorRow[] = [
    ['index', at.index],
    ['term', e.term],
    ['command', e.command || '(empty)'],
    ['membership change', e.config ? e.config.join(',') : null],
    [`committed on ${at.server}`, at.index <= s.commitIndex],
    ['held by', holders],
    ['cluster committed at this index', committedId === undefined ? null : st.audit.committedText[at.index - 1]],
  ];
  if (cell?.conflict) rows.push(['SAFETY VIOLATION', cell.conflict]);
  return { title: `Log entry ${at.index} of ${at.server} (term ${e.term}${e.command ? `, ${e.command}` : ''})`, rows };
}

/** The server of a pointed-at entry, and the AppendEntries that carried that entry to or from it. */
export function entryFocus(id: string, trace: readonly TraceEvent[], st: RaftState | null): { nodes: string[]; msgs: number[] } {
  const at = parseEntryItem(id);
  if (!at) return { nodes: [], msgs: [] };
  const term = st?.servers[at.server]?.log[at.index - 1]?.term;
  const msgs: number[] = [];
  if (term !== undefined) {
    for (const ev of trace) {
      if (ev.kind !== 'send' || ev.msgId === undefined || (ev.to !== at.server && ev.from !== at.server)) continue;
      if (carriesEntry(ev.msg, at.index, term)) msgs.push(ev.msgId);
    }
  }
  return { nodes: [at.server], msgs };
}

/** What a pointed-at log entry highlights in the live run. */
export function raftItemFocus(id: string, trace: readonly TraceEvent[]): { nodes: string[]; msgs: number[] } {
  return entryFocus(id, trace, raftOf(labStore.getState().session.sim));
}
