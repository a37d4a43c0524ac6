// What conditions and views can read from the outbox system: `expect outbox.lost == 0`.
import type { Query } from '../core/types.ts';
import { tally } from './detect.ts';
import type { Consumer, OutboxState, Relay, Service } from './state.ts';
import { relayName } from './state.ts';

export const serviceNamed = (s: OutboxState, name: string | undefined): Service => {
  const x = s.services[name ?? ''];
  if (!x) throw new Error(`no outbox service named '${name}'${s.serviceOrder.length ? `; services are ${s.serviceOrder.join(',')}` : '; add one with outbox.service name=orders'}`);
  return x;
};
export const consumerNamed = (s: OutboxState, name: string | undefined): Consumer => {
  const c = s.consumers[name ?? ''];
  if (!c) throw new Error(`no outbox consumer named '${name}'${s.consumerOrder.length ? `; consumers are ${s.consumerOrder.join(',')}` : '; add one with outbox.consumer name=shipping'}`);
  return c;
};
export const relayOf = (s: OutboxState, service: string | undefined): Relay => {
  const svc = serviceNamed(s, service);
  const r = s.relays[relayName(svc.id)];
  if (!r) throw new Error(`${svc.id} has no relay (its design is ${svc.design}; only the outbox design has one)`);
  return r;
};

type Q = Query<OutboxState>;
const perService = (name: string, description: string, get: (s: OutboxState, x: Service) => number | string): Q => ({
  name: `outbox.${name}`, params: ['service'], description, example: `expect outbox.${name}(orders) == 0`,
  get: (s, [x]) => get(s, serviceNamed(s, x)),
});
const perConsumer = (name: string, description: string, get: (c: Consumer) => number): Q => ({
  name: `outbox.${name}`, params: ['consumer'], description, example: `expect outbox.${name}(shipping) == 0`,
  get: (s, [c]) => get(consumerNamed(s, c)),
});
const global = (name: string, description: string, get: (s: OutboxState) => number): Q => ({
  name: `outbox.${name}`, params: [], description, example: `expect outbox.${name} == 0`, get: (s) => get(s),
});
const sweep = (s: OutboxState, x: Service) => s.sweeps[x.id];

export const outboxQueries: readonly Q[] = [
  global('lost', 'lost events so far: an order committed whose event can never reach the board (a dual write that crashed in between)', (s) => s.lost),
  global('phantoms', 'phantom events so far: an event on the board whose transaction rolled back', (s) => s.phantoms),
  global('duplicates', 'events the board was handed again (the same event id): at-least-once publishing', (s) => s.duplicates),
  global('board', 'events on the board, duplicates included', (s) => s.board.length),
  perService('orders', 'orders in the service\'s orders table', (_s, x) => x.orderIds.length),
  perService('rows', 'rows in the service\'s outbox table', (_s, x) => x.outbox.length),
  perService('unpublished', 'outbox rows the relay has not yet had acknowledged by the board', (s, x) => {
    const r = s.relays[relayName(x.id)];
    return r ? x.outbox.filter((row) => (r.kind === 'polling' ? !row.published : row.seq > r.position)).length : 0;
  }),
  perService('committed', 'saves of this service that committed', (s, x) => tally(s, x.id).committed),
  perService('unpublishedCommits', 'committed saves of this service whose event is not on the board (yet, or ever)', (s, x) => tally(s, x.id).lost),
  perService('design', 'how the service saves and publishes: db-then-publish, publish-then-db or outbox', (_s, x) => x.design),
  {
    name: 'outbox.status', params: ['service', 'order'], example: 'expect outbox.status(orders, o1) == placed',
    description: "an order's status in the service's database, or none if it is not there",
    get: (s, [x, o]) => serviceNamed(s, x).orders[o ?? '']?.status ?? 'none',
  },
  {
    name: 'outbox.position', params: ['service'], example: 'expect outbox.position(orders) == 2',
    description: "the relay's position: rows marked published (polling) or its committed log offset (tailing)",
    get: (s, [x]) => relayOf(s, x).position,
  },
  perConsumer('applied', 'events the consumer processed (each event id once)', (c) => c.applied),
  perConsumer('caught', 'duplicates the consumer\'s inbox recognised and skipped', (c) => c.caught),
  perConsumer('doubled', 'duplicates processed again because the consumer has no inbox: double effects', (c) => c.doubled),
  perConsumer('disorder', 'events of an order that arrived after a later version of the same order', (c) => c.disorder),
  perService('sweepRuns', 'crash schedules the last outbox.sweep of this service ran (0: not swept yet)', (s, x) => sweep(s, x)?.runs ?? 0),
  perService('sweepFailures', 'lost, phantom and doubly applied events summed over the last sweep (-1: not swept yet)', (s, x) => {
    const r = sweep(s, x);
    return r ? r.lost + r.phantoms + r.doubled : -1;
  }),
];
