// The outbox system's views, registered as one definition (src/views/registry.ts): the shop, its
// out-tray, the postman and the bulletin board (town) and the tables, relay, board and inboxes
// (technical), a "save an order" action on a service's menu, its inspector rows and summary lines.
import type { Sim } from '../../engine/core/index.ts';
import type { OutboxState } from '../../engine/outbox/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { labStore } from '../../store/lab-store.ts';
import { inspectOutboxNode } from './inspect.ts';
import { OutboxTech } from './OutboxTech.tsx';
import { OutboxTown } from './OutboxTown.tsx';

const q = (sim: Sim, expr: string) => String(sim.query(expr));
const st = (sim: Sim) => sim.state<OutboxState>('outbox');
const isService = (id: string) => {
  const sim = labStore.getState().session.sim;
  return sim.activeSystems().includes('outbox') && st(sim).services[id] !== undefined;
};
/** The next order id the service has not used: o1, o2, ... */
const nextOrder = (service: string) => {
  const svc = st(labStore.getState().session.sim).services[service];
  let n = (svc?.orderIds.length ?? 0) + 1;
  while (svc?.orders[`o${n}`]) n++;
  return `o${n}`;
};

export default defineSystemViews({
  sys: 'outbox',
  stage: { id: 'outbox', title: 'Outbox', Town: OutboxTown, Tech: OutboxTech },
  inspect: { node: inspectOutboxNode },
  actions: [{
    id: 'outbox.save',
    label: (n) => `Save a new order at ${n.id}`,
    applies: (n) => n.sys === 'outbox' && n.up && !n.paused && isService(n.id),
    run: (n) => run(`outbox.save service=${n.id} order=${nextOrder(n.id)}`),
  }],
  summary: (sim, n) => {
    const s = st(sim);
    if (s.services[n.id]) return [`${q(sim, `outbox.design(${n.id})`)} · ${q(sim, `outbox.orders(${n.id})`)} orders`, `${q(sim, `outbox.rows(${n.id})`)} outbox rows`];
    if (s.relays[n.id]) return [`${s.relays[n.id]!.kind} relay · position ${s.relays[n.id]!.position}`];
    if (s.consumers[n.id]) return [`applied ${q(sim, `outbox.applied(${n.id})`)} · caught ${q(sim, `outbox.caught(${n.id})`)}`];
    return [`board: ${q(sim, 'outbox.board')} events, ${q(sim, 'outbox.duplicates')} duplicates`];
  },
});
