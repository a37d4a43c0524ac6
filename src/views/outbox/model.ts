// What the outbox pictures draw, read from the outbox state: each service's orders table and outbox
// table (with the published flag and the relay's position), where a dual write can fail, the board's
// last events (duplicates and phantoms marked), each consumer's inbox, and the detectors' alarms. Pure.
import type { Sim } from '../../engine/core/index.ts';
import { pendingRows, relayName, type OutboxState } from '../../engine/outbox/index.ts';

export interface RowPic { seq: number; id: string; words: string; published: boolean; inFlight: boolean }
export interface ServicePic {
  id: string;
  design: string;
  up: boolean;
  orders: { id: string; words: string }[];
  rows: RowPic[];
  /** Rows not shown (older ones). */
  moreOrders: number;
  moreRows: number;
  /** The relay's two lines, each as phrasings longest first. */
  relay: { id: string; kind: string; up: boolean; position: number; words: string[][] } | null;
  /** The two writes of a dual write in program order, and what a crash between them does. */
  failure: { first: string; second: string; between: string; short: string } | null;
  lost: number;
  phantoms: number;
}
export interface BoardPic { entries: { id: string; words: string; duplicate: boolean; phantom: boolean }[]; total: number; duplicates: number }
export interface ConsumerPic { id: string; up: boolean; inbox: boolean; applied: number; caught: number; doubled: number; disorder: number; seen: string[] }
export interface OutboxPicture { services: ServicePic[]; board: BoardPic; consumers: ConsumerPic[]; alarms: string[] }

export const NO_OUTBOX: OutboxPicture = { services: [], board: { entries: [], total: 0, duplicates: 0 }, consumers: [], alarms: [] };
/** Rows each table shows at most (the newest). */
export const SHOWN = 5;

const FAILURE: Record<string, ServicePic['failure']> = {
  'db-then-publish': { first: '① commit', second: '② publish', between: 'crash between ① and ②: event LOST', short: 'crash ①–②: LOST' },
  'publish-then-db': { first: '① publish', second: '② commit', between: 'rollback after ①: PHANTOM event', short: 'rollback: PHANTOM' },
};

export function outboxPicture(st: OutboxState, sim: Sim): OutboxPicture {
  const up = (id: string) => sim.nodes().find((n) => n.id === id)?.up !== false;
  const services = st.serviceOrder.map((id): ServicePic => {
    const svc = st.services[id]!;
    const r = st.relays[relayName(id)];
    const pending = r ? new Set(pendingRows(st, r).map((x) => x.seq)) : new Set<number>();
    const saves = st.saves.filter((x) => x.service === id);
    return {
      id, design: svc.design, up: up(id),
      orders: svc.orderIds.slice(-SHOWN).map((o) => ({ id: o, words: `${o} ${svc.orders[o]!.status} v${svc.orders[o]!.version}` })),
      moreOrders: Math.max(0, svc.orderIds.length - SHOWN),
      rows: svc.outbox.slice(-SHOWN).map((row) => ({
        seq: row.seq, id: row.event.id, words: `${row.seq} ${row.event.type} ${row.event.aggregate} v${row.event.version}`,
        published: r ? !pending.has(row.seq) : row.published, inFlight: r?.inFlight.includes(row.seq) ?? false,
      })),
      moreRows: Math.max(0, svc.outbox.length - SHOWN),
      relay: r ? {
        id: r.id, kind: r.kind, up: up(r.id), position: r.position,
        words: r.inFlight.length ? [[`sent rows ${r.inFlight.join(',')}`, `sent ${r.inFlight.length}`], ['awaiting the ack', 'awaiting ack']]
          : r.kind === 'polling' ? [[`polls every ${r.interval}ms`, `every ${r.interval}ms`], [`${r.position} marked published`, `${r.position} published`]]
            : [[`log offset ${r.position}`, `offset ${r.position}`], [`reads ${r.interval}ms after a commit`, `${r.interval}ms lag`]],
      } : null,
      failure: FAILURE[svc.design] ?? null,
      lost: saves.filter((x) => x.flagged && x.outcome === 'committed').length,
      phantoms: saves.filter((x) => x.flagged && x.outcome === 'rolled-back').length,
    };
  });
  const phantomIds = new Set(st.saves.filter((x) => x.outcome === 'rolled-back' && x.onBoard).map((x) => x.event.id));
  const board: BoardPic = {
    entries: st.board.slice(-SHOWN).map((b) => ({
      id: b.event.id, words: `${b.event.id} ${b.event.type} ${b.event.aggregate}`, duplicate: b.duplicate, phantom: phantomIds.has(b.event.id),
    })),
    total: st.board.length, duplicates: st.duplicates,
  };
  const consumers = st.consumerOrder.map((id): ConsumerPic => {
    const c = st.consumers[id]!;
    return { id, up: up(id), inbox: c.inbox, applied: c.applied, caught: c.caught, doubled: c.doubled, disorder: c.disorder, seen: c.seen.slice(-SHOWN) };
  });
  return { services, board, consumers, alarms: alarmsOf(st, consumers) };
}

/** The detectors' findings in words, worst first: what a reader should see at a glance. */
export function alarmsOf(st: OutboxState, consumers: readonly ConsumerPic[]): string[] {
  const out: string[] = [];
  if (st.lost) out.push(`✕ ${st.lost} LOST event${st.lost === 1 ? '' : 's'}`);
  if (st.phantoms) out.push(`✕ ${st.phantoms} PHANTOM event${st.phantoms === 1 ? '' : 's'}`);
  const doubled = consumers.reduce((n, c) => n + c.doubled, 0);
  if (doubled) out.push(`✕ ${doubled} applied twice`);
  const disorder = consumers.reduce((n, c) => n + c.disorder, 0);
  if (disorder) out.push(`✕ ${disorder} out of order`);
  for (const id of st.serviceOrder) {
    const r = st.sweeps[id];
    if (!r) continue;
    const bad = r.lost + r.phantoms + r.doubled;
    out.push(bad ? `✕ sweep of ${id}: ${bad} failure${bad === 1 ? '' : 's'} in ${r.runs} crash points` : `✓ sweep of ${id}: ${r.runs} crash points, none lost, invented or doubled`);
  }
  if (st.duplicates) {
    const caught = consumers.reduce((n, c) => n + c.caught, 0);
    out.push(`${st.duplicates} duplicate publish${st.duplicates === 1 ? '' : 'es'}${caught ? `, ${caught} caught by inboxes` : ''}`);
  }
  return out;
}

export const consumerWords = (c: ConsumerPic): string =>
  `${c.applied} applied${c.inbox ? ` · inbox caught ${c.caught}` : ' · no inbox'}${c.doubled ? ` · ${c.doubled} TWICE` : ''}${c.disorder ? ` · ${c.disorder} out of order` : ''}`;

/** A consumer card's lines: what it applied, then what went wrong or what its inbox caught. */
export const consumerLines = (c: ConsumerPic): string[] => [
  `applied ${c.applied}${c.disorder ? ` · ${c.disorder} out of order` : ''}`,
  c.doubled ? `${c.doubled} applied TWICE` : c.inbox ? `repeats caught ${c.caught}` : 'no inbox: repeats apply',
];

export const designWords = (d: string): string =>
  d === 'outbox' ? 'transactional outbox' : d === 'db-then-publish' ? 'dual write: save, then publish' : 'dual write: publish, then save';

/** A message in flight in words, and its short tag. */
export function outboxMessageWords(type: string, events: readonly { id: string; type: string; aggregate: string }[] | undefined, seqs?: readonly number[]): { tag: string; label: string } {
  const ids = (events ?? []).map((e) => e.id).join(',');
  switch (type) {
    case 'Publish': return { tag: `pub ${ids}`, label: `Publish ${(events ?? []).map((e) => `${e.id} ${e.type} ${e.aggregate}`).join(', ')}` };
    case 'Deliver': return { tag: ids, label: `Deliver ${(events ?? []).map((e) => `${e.id} ${e.type} ${e.aggregate}`).join(', ')}` };
    case 'PubAck': return { tag: `ack ${(seqs ?? []).join(',')}`, label: `Acknowledgement of outbox rows ${(seqs ?? []).join(',')}` };
    default: return { tag: type, label: type };
  }
}
