// What the inspector says about the outbox system's nodes: a service's design, tables and detector
// counts; a relay's kind, position and batch in flight; the board's log; a consumer's inbox and counts.
import type { Sim } from '../../engine/core/index.ts';
import { BROKER, pendingRows, type OutboxState } from '../../engine/outbox/index.ts';
import type { Inspection } from '../registry.ts';
import { designWords } from './model.ts';

export function inspectOutboxNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('outbox')) return null;
  const st = sim.state<OutboxState>('outbox');
  const svc = st.services[id];
  if (svc) {
    const saves = st.saves.filter((x) => x.service === id);
    return {
      title: `Service ${id}`,
      rows: [
        ['design', designWords(svc.design)],
        ['orders table', svc.orderIds.map((o) => `${o} ${svc.orders[o]!.status} v${svc.orders[o]!.version}`).join(', ') || 'empty'],
        ['outbox rows', svc.design === 'outbox' ? svc.outbox.length : 'no outbox table'],
        ['saves committed / rolled back', `${saves.filter((x) => x.outcome === 'committed').length} / ${saves.filter((x) => x.outcome === 'rolled-back').length}`],
        ['lost events', saves.filter((x) => x.flagged && x.outcome === 'committed').length],
        ['phantom events', saves.filter((x) => x.flagged && x.outcome === 'rolled-back').length],
        ['relay', svc.relay ?? 'none (a dual write publishes itself)'],
      ],
    };
  }
  const r = st.relays[id];
  if (r) {
    return {
      title: `Relay ${id} (the postman of ${r.service})`,
      rows: [
        ['kind', r.kind === 'polling' ? `polling publisher, every ${r.interval}ms` : `log tailing, ${r.interval}ms behind each commit`],
        ['position', r.kind === 'polling' ? `${r.position} rows marked published` : `committed log offset ${r.position}`],
        ['waiting for the board to acknowledge', r.inFlight.length ? `rows ${r.inFlight.join(',')}` : null],
        ['rows still to publish', pendingRows(st, r).length],
        ['batch', r.batch],
        ['batches handed over', r.sends],
      ],
    };
  }
  if (id === BROKER) {
    return {
      title: 'The board (broker)',
      rows: [
        ['events', st.board.length],
        ['duplicate publishes', st.duplicates],
        ['last events', st.board.slice(-6).map((b) => `${b.event.id} ${b.event.type} ${b.event.aggregate}${b.duplicate ? ' (again)' : ''}`).join(', ') || 'none'],
        ['consumers', st.consumerOrder.join(', ') || 'none'],
      ],
    };
  }
  const c = st.consumers[id];
  if (c) {
    return {
      title: `Consumer ${id}`,
      rows: [
        ['inbox (idempotent consumer)', c.inbox ? 'yes: repeats are skipped' : 'no: a repeat is processed again'],
        ['events applied', c.applied],
        ['repeats caught by the inbox', c.caught],
        ['repeats applied twice', c.doubled],
        ['out of order', c.disorder],
        ['processed ids', c.seen.slice(-10).join(', ') || 'none'],
      ],
    };
  }
  return null;
}
