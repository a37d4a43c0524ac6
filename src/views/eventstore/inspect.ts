// What the inspector says about the event store's nodes: the store (streams, snapshots, detectors), a
// clerk (its command in hand, conflicts, retries, its position token, its last read), a projector (its
// checkpoint, lag, table, drift from a replay).
import type { Sim } from '../../engine/core/index.ts';
import type { EventStoreState } from '../../engine/eventstore/index.ts';
import { STORE_NODE } from '../../engine/eventstore/index.ts';
import type { Inspection } from '../registry.ts';
import { eventStorePicture } from './model.ts';

export function inspectEventStoreNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('eventstore')) return null;
  const st = sim.state<EventStoreState>('eventstore');
  const pic = eventStorePicture(st, sim);
  if (id === STORE_NODE) {
    return {
      title: 'Event store',
      rows: [
        ['events (next global position)', pic.total],
        ...pic.streams.map((s): [string, unknown] => [s.name, `version ${s.version} · ${s.state}${s.snapshot !== null ? ` · snapshot at v${s.snapshot}` : ''}`]),
        ['snapshots', pic.snapshotEvery ? `every ${pic.snapshotEvery} events` : 'off'],
        ['upcasting v1 → v2', pic.upcast ? 'on' : 'off'],
        ['wrong-expected-version refusals', pic.conflicts],
        ['lost updates (expected=any)', pic.lostUpdates],
        ['stale reads', pic.staleReads],
      ],
    };
  }
  const c = st.clerks[id];
  if (c) {
    const row = pic.clerks.find((r) => r.id === id)!;
    return {
      title: `Clerk ${id} (command handler)`,
      rows: [
        ['doing', row.doing], ['queued behind it', row.queued], ['appends expect', c.expected === 'read' ? 'the version it read' : 'any (no check)'],
        ['on a conflict', c.onConflict === 'retry' ? `reload and decide again (up to ${c.maxRetries})` : 'give up'], ['think time', `${c.thinkMs} ms`],
        ['commands done', c.done], ['conflicts', c.conflicts], ['retries', c.retries], ['refused by validation', c.rejected], ['given up', c.failed],
        ['last result', c.lastResult || null], ['position token (last append)', c.lastPosition >= 0 ? c.lastPosition : null],
        ['last read', c.lastAnswer || null], ['events read loading', c.eventsRead],
      ],
    };
  }
  const p = st.projectors[id];
  if (p) {
    const row = pic.projectors.find((r) => r.id === id)!;
    return {
      title: `Projector ${id} (${row.kind})`,
      rows: [
        ['checkpoint (next position)', p.checkpoint], ['behind', `${row.lag} events${row.lagMs ? `, oldest waiting ${row.lagMs} ms` : ''}`],
        ['last append-to-apply', `${p.lastDelayMs} ms (longest ${p.maxDelayMs} ms)`], ['code', p.bug ? 'buggy' : 'fixed'],
        ['rows differing from a replay', row.drift], ['events read (all)', p.eventsRead], ['rebuilds', p.rebuilds],
        ['rebuild', p.rebuilding ? `running: ${p.rebuildRead} read` : p.rebuilds ? `done: read ${p.rebuildRead}` : null],
        ['reads waiting for a token', row.waiting], ['batch / poll / work', `${p.batch} / ${p.pollMs} ms / ${p.workMs} ms`],
        ...row.rows.map(([k, v]): [string, unknown] => [`table: ${k}`, v]),
      ],
    };
  }
  return null;
}
