// What the event store pictures draw, read from its state: the log's last rows (position, stream,
// version, the event as today's code reads it), each stream's version and folded state, each clerk's
// current step, each projector's checkpoint, lag and table, and the live detectors. Pure.
import type { Message, Sim } from '../../engine/core/index.ts';
import type { EsWire, EventStoreState, StoredEvent } from '../../engine/eventstore/index.ts';
import { aggregateNumber, describeAggregate, describeEvent, domainOf, driftOf, fold, KIND_WORDS, lagEvents, lagMs, STORE_NODE, upcast } from '../../engine/eventstore/index.ts';

export interface LogRow { pos: number; stream: string; version: number; type: string; words: string; /** The event without field names: 'Deposited 40'. */ brief: string; v1: boolean; t: number }
export interface StreamRow { name: string; version: number; state: string; value: number; snapshot: number | null }
export interface ClerkRow { id: string; down: boolean; doing: string; short: string[]; result: string; resultShort: string[]; queued: number; /** Reading again after a conflict (the store refused its append). */ retrying: boolean }
export interface ProjectorRow {
  id: string; down: boolean; kind: string; checkpoint: number; lag: number; lagMs: number; bug: boolean; rebuilding: boolean;
  drift: number; rows: [string, number][]; waiting: number;
}
export interface EventStorePicture {
  total: number;
  /** The newest rows of the log, oldest first (at most LOG_ROWS). */
  log: LogRow[];
  streams: StreamRow[];
  clerks: ClerkRow[];
  projectors: ProjectorRow[];
  storeDown: boolean;
  snapshotEvery: number;
  upcast: boolean;
  conflicts: number;
  lostUpdates: number;
  staleReads: number;
}

export const LOG_ROWS = 40;

const rowOf = (e: StoredEvent, upcasting: boolean): LogRow => {
  const read = upcasting ? upcast(e) : e;
  const d = read.data;
  const brief = [read.type, d.amount ?? d.qty ?? (d.dozens !== undefined ? `${String(d.dozens)} doz` : undefined), d.item].filter((x) => x !== undefined).join(' ');
  return { pos: e.pos, stream: e.stream, version: e.version, type: e.type, words: describeEvent(read).replace(/\(v1\)/, ''), brief, v1: e.schema === 1, t: e.t };
};

/** A clerk's last result in fewer words: '✓ Withdrawn v2', 'refused', '✗ gave up'. */
export function shortResult(result: string): string[] {
  const ok = /^(\w+) appended to \S+ at version (\d+)/.exec(result);
  if (ok) return [`✓ ${ok[1]!} v${ok[2]!}`, `✓ v${ok[2]!}`];
  if (/refused/.test(result)) return [`refused: ${result.replace(/^.*refused: /, '').replace(/:.*$/, '')}`, 'refused'];
  if (/failed/.test(result)) return ['✗ gave up: wrong version', '✗ gave up'];
  return result ? ['done'] : [];
}

export function eventStorePicture(st: EventStoreState, sim: Sim): EventStorePicture {
  const down = new Set(sim.nodes().filter((n) => !n.up).map((n) => n.id));
  const streams = st.streamOrder.map((name) => {
    const versions = st.streams[name]!;
    const domain = domainOf(name);
    const agg = domain ? fold(domain, versions.map((p) => st.log[p]!), st.upcast, undefined) : null;
    return { name, version: versions.length - 1, state: agg ? describeAggregate(agg) : '', value: agg ? aggregateNumber(agg) : 0, snapshot: st.snapshots[name]?.version ?? null };
  });
  const clerks = st.clerkOrder.map((id) => {
    const c = st.clerks[id]!;
    const job = c.jobs[0];
    const doing = !job ? 'idle'
      : `${job.phase === 'queued' ? 'queued' : job.phase} ${job.verb}${job.amount ? ` ${job.amount}` : ''} ${job.stream}${job.phase === 'thinking' || job.phase === 'appending' ? ` (read v${job.readVersion})` : ''}`;
    const short = !job ? [] : [`${job.phase} ${job.verb}${job.amount ? ` ${job.amount}` : ''}`, `${job.phase} ${job.verb}`, job.phase];
    return { id, down: down.has(id), doing, short, result: c.lastResult, resultShort: shortResult(c.lastResult), queued: Math.max(0, c.jobs.length - 1), retrying: !!job && job.attempt > 1 && job.phase === 'loading' };
  });
  const projectors = st.projectorOrder.map((id) => {
    const p = st.projectors[id]!;
    return {
      id, down: down.has(id), kind: KIND_WORDS[p.kind], checkpoint: p.checkpoint, lag: lagEvents(st, p), lagMs: lagMs(st, p), bug: p.bug, rebuilding: p.rebuilding,
      drift: driftOf(st, p).length, rows: Object.entries(p.table).sort(([a], [b]) => a.localeCompare(b)), waiting: p.asks.length,
    };
  });
  return {
    total: st.log.length, log: st.log.slice(-LOG_ROWS).map((e) => rowOf(e, st.upcast)), streams, clerks, projectors, storeDown: down.has(STORE_NODE),
    snapshotEvery: st.snapshotEvery, upcast: st.upcast, conflicts: st.counts.conflicts, lostUpdates: st.counts.lostUpdates, staleReads: st.counts.staleReads,
  };
}

export const NO_EVENTSTORE: EventStorePicture = {
  total: 0, log: [], streams: [], clerks: [], projectors: [], storeDown: false, snapshotEvery: 0, upcast: true, conflicts: 0, lostUpdates: 0, staleReads: 0,
};

/** A message in words (the flight's label) and a short tag. */
export function messageWords(m: Message, town: boolean): { words: string; tag: string } {
  const w = m as unknown as EsWire;
  switch (w.type) {
    case 'Load': return { words: `Load ${w.stream}: read its events to decide`, tag: town ? 'read' : 'Load' };
    case 'Loaded': return { words: `Loaded ${w.stream} at version ${w.version}, ${w.events.length} events${w.snapshot ? ` after the snapshot at v${w.snapshot.version}` : ''}`, tag: `v${w.version}` };
    case 'Append': return { words: `Append ${w.event.type} to ${w.stream} expecting version ${String(w.expected)}`, tag: town ? 'write' : `exp=${String(w.expected)}` };
    case 'Appended': return { words: `Appended to ${w.stream} at version ${w.version}, position ${w.pos}`, tag: `✓ v${w.version}` };
    case 'Conflict': return { words: w.error, tag: '✗ version' };
    case 'Fetch': return { words: `Fetch events from position ${w.from}`, tag: town ? `line ${w.from + 1}` : `@${w.from}` };
    case 'Events': return { words: `${w.events.length} events from position ${w.from}`, tag: `${w.events.length} ev` };
    default: return { words: m.type, tag: m.type };
  }
}

/** The whole picture in one sentence, for the pane's label. */
export function describePicture(p: EventStorePicture, town: boolean): string {
  const where = town ? "The town hall's ledger" : 'The event store';
  return `${where}: ${p.total} events in ${p.streams.length} streams; ${p.clerks.length} clerks; ${p.projectors.length} read models${
    p.projectors.map((r) => `, ${r.id} at ${r.checkpoint} (${r.lag} behind)`).join('')}${p.lostUpdates ? `; ${p.lostUpdates} lost updates` : ''}${p.staleReads ? `; ${p.staleReads} stale reads` : ''}`;
}
