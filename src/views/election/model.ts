// The election pictures' model, pure: one row per node (bully nodes, the lock service, the storage, the
// clients), each with its words in both pictures (fullest phrasing first), and for clients the lease
// timeline: each lease it was granted (from the grant to its expiry, or now), the pauses (from the trace's
// pause/resume faults) and its writes with their tokens as the storage judged them.
import type { NodeStatus, Sim, Time } from '../../engine/core/index.ts';
import { LOCKS, STORAGE, liveHolder, selfLeaders, type ElectionState } from '../../engine/election/index.ts';

export type RowKind = 'bully' | 'locks' | 'storage' | 'client';
export interface Span { from: Time; to: Time }
export interface LeaseSpan extends Span { rev: number; expired: boolean }
export interface WriteMark { t: Time; token: number; verdict: 'accepted' | 'rejected' | 'lost' }

export interface Row {
  id: string;
  kind: RowKind;
  down: boolean;
  paused: boolean;
  /** Lines under the name, each as phrasings from the fullest to the shortest. */
  tech: string[][];
  town: string[][];
  leases: LeaseSpan[];
  pauses: Span[];
  writes: WriteMark[];
}

export interface ElectionPicture {
  now: Time;
  /** The timeline: from t0, `span` ms wide (the last 10 s; at least 4 s, so a young run is not squeezed). */
  t0: Time;
  span: number;
  rows: Row[];
  /** What the detectors found, each as phrasings from the fullest to the shortest. */
  problems: string[][];
}

export const WINDOW = 10_000;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Pause intervals per node from the trace's faults (an open one runs to now). */
export function pausesFrom(trace: readonly { kind: string; t: Time; text?: string }[], now: Time): Record<string, Span[]> {
  const out: Record<string, Span[]> = {};
  for (const e of trace) {
    if (e.kind !== 'fault' || !e.text) continue;
    const m = /^(pause|resume) (\S+)$/.exec(e.text);
    if (!m) continue;
    const list = (out[m[2]!] ??= []);
    if (m[1] === 'pause') list.push({ from: e.t, to: now });
    else if (list.length) list[list.length - 1]!.to = e.t;
  }
  return out;
}

export function electionPicture(st: ElectionState, nodes: readonly NodeStatus[], now: Time, pauses: Record<string, Span[]>): ElectionPicture {
  const status = new Map(nodes.map((n) => [n.id, n]));
  const isPaused = (id: string) => status.get(id)?.paused ?? false;
  const rows: Row[] = [];
  const leaders = selfLeaders(st);
  for (const b of st.bully) {
    const leads = b.leader === b.id;
    const paused = isPaused(b.id);
    const view = b.leader ? (leads ? 'coordinator' : `follows ${b.leader}`) : b.phase === 'idle' ? 'no coordinator' : 'electing';
    rows.push({
      id: b.id, kind: 'bully', down: b.down, paused, leases: [], pauses: pauses[b.id] ?? [], writes: [],
      tech: [[`rank ${b.rank} · ${view}${paused ? ' · PAUSED' : ''}`, `${view}${paused ? ' · PAUSED' : ''}`, view]],
      town: [[leads ? (paused ? 'asleep, still the crier' : 'the crier, shouting') : b.leader ? `listens to ${b.leader}` : 'looking for a crier', leads ? 'crier' : 'listens']],
    });
  }
  if (st.locksUp || st.grants.length) {
    const holder = liveHolder(st);
    const l = st.lease;
    const left = l && holder ? l.expiresAt - now : 0;
    rows.push({
      id: LOCKS, kind: 'locks', down: !st.locksUp, paused: isPaused(LOCKS), leases: [], pauses: [], writes: [],
      tech: [holder ? [`held by ${holder} (token ${l!.rev}) · ${secs(left)} left`, `${holder} #${l!.rev} · ${secs(left)}`] : [`free · revision ${st.revision}`, 'free'], [`revision ${st.revision} · lease ${secs(st.ttl)}`, `rev ${st.revision}`]],
      town: [holder ? [`key office: key #${l!.rev} lent to ${holder}, due in ${secs(left)}`, `key #${l!.rev} lent to ${holder}`, `key #${l!.rev}: ${holder}`] : ['the key office: all keys in', 'all keys in'], ['the key office', 'key office']],
    });
    const lost = st.log.filter((w) => w.lost).length;
    const refused = st.log.filter((w) => !w.accepted).length;
    rows.push({
      id: STORAGE, kind: 'storage', down: !st.storageOn, paused: isPaused(STORAGE), leases: [], pauses: [], writes: [],
      tech: [[`highest token ${st.highest} · fencing ${st.fencing ? 'on' : 'off'}`, `max ${st.highest} · ${st.fencing ? 'fenced' : 'no fence'}`],
        [`${st.value || 'empty'} · ${refused} rejected · ${lost} lost`, `${refused} rej · ${lost} lost`]],
      town: [[st.fencing ? `the clerk checks key numbers: highest ${st.highest}` : 'the clerk takes any key', st.fencing ? `checks: ≥ ${st.highest}` : 'takes any key'],
        [lost ? `${lost} page${lost === 1 ? '' : 's'} overwritten by a stale key` : `${refused} stale key${refused === 1 ? '' : 's'} turned away`, lost ? `${lost} lost` : `${refused} turned away`]],
    });
  }
  for (const id of st.clientOrder) {
    const c = st.clients[id]!;
    const paused = isPaused(id);
    const leases: LeaseSpan[] = st.grants.filter((g) => g.holder === id).map((g) => {
      const exp = st.expiries.find((e) => e.rev === g.rev);
      const l = st.lease && st.lease.rev === g.rev ? st.lease : null;
      return { from: g.t, to: exp ? exp.t : l ? Math.min(now, l.expiresAt) : now, rev: g.rev, expired: !!exp };
    });
    const writes: WriteMark[] = st.log.filter((w) => w.from === id).map((w) => ({ t: w.t, token: w.token, verdict: w.lost ? 'lost' : w.accepted ? 'accepted' : 'rejected' }));
    const holds = liveHolder(st) === id;
    const stale = c.token > 0 && !holds;
    const belief = c.token ? `believes it holds #${c.token}` : 'waiting for the lock';
    rows.push({
      id, kind: 'client', down: c.down, paused, leases, pauses: pauses[id] ?? [], writes,
      tech: [[`${belief}${stale ? ' (EXPIRED)' : ''}${paused ? ' · PAUSED' : ''}`, `${c.token ? `#${c.token}` : 'waits'}${stale ? ' stale' : ''}${paused ? ' · PAUSED' : ''}`]],
      town: [[paused ? (c.token ? `asleep, still holding key #${c.token}` : 'asleep') : c.token ? `holds key #${c.token}${stale ? ' (no longer valid)' : ''}` : 'waits for the key', paused ? 'asleep' : c.token ? `key #${c.token}` : 'waits']],
    });
  }
  const problems: string[][] = [];
  if (leaders.length > 1) problems.push([`two leaders: ${leaders.join(' and ')} both believe they are coordinator`, `two leaders: ${leaders.join(', ')}`]);
  if (st.twoLeaders) problems.push([`two leaders: ${st.twoLeaders}`, `split brain: ${st.twoLeaders.split(' ')[0]} wrote without the lock`, 'split brain']);
  if (st.staleAccepted) problems.push([`lost write: ${st.staleAccepted}`, 'lost write: a stale token overwrote a newer one', 'a write was lost']);
  return { now, t0: Math.max(0, now - WINDOW), span: Math.min(WINDOW, Math.max(4000, now)), rows, problems };
}

/** The picture function the stage kit caches per state. */
export const electionPictureOf = (st: ElectionState, sim: Sim): ElectionPicture =>
  electionPicture(st, sim.nodes(), sim.now, pausesFrom(sim.trace(), sim.now));
