// The read models: each projector folds the whole log (every stream) into its own table, shaped for its
// queries — balances per account, loaves on order per item, events per type. `project` is the one fold
// the projector runs event by event and `projectAll` runs from scratch, so a table can be compared with a
// replay of the log up to its checkpoint (the property tests and `eventstore.drift`).
import { readAs } from './aggregates.ts';
import type { ProjectorKind, StoredEvent } from './state.ts';

export interface ReadModel { table: Record<string, number>; orders: Record<string, { item: string; qty: number }> }

const add = (t: Record<string, number>, k: string, d: number) => { t[k] = (t[k] ?? 0) + d; };

/** Applies one event (as read, upcast or not) to a read model. `bug` is the projector bug the lesson fixes. */
export function project(kind: ProjectorKind, m: ReadModel, e: StoredEvent, bug: boolean): void {
  if (kind === 'activity') { add(m.table, e.type, 1); return; }
  if (kind === 'balances') {
    if (!e.stream.startsWith('account-')) return;
    const amount = typeof e.data.amount === 'number' ? e.data.amount : 0;
    if (e.type === 'Opened') add(m.table, e.stream, 0);
    else if (e.type === 'Deposited') add(m.table, e.stream, amount);
    else if (e.type === 'Withdrawn') add(m.table, e.stream, bug ? amount : -amount);
    return;
  }
  if (!e.stream.startsWith('book-')) return;
  const key = `${e.stream}/${String(e.data.order ?? '')}`;
  if (e.type === 'OrderPlaced') {
    const prev = m.orders[key];
    if (prev) add(m.table, prev.item, -prev.qty);
    const o = { item: String(e.data.item ?? ''), qty: typeof e.data.qty === 'number' ? e.data.qty : 0 };
    m.orders[key] = o;
    add(m.table, o.item, o.qty);
  } else if (e.type === 'OrderCancelled' && !bug && m.orders[key]) {
    add(m.table, m.orders[key].item, -m.orders[key].qty);
    delete m.orders[key];
  }
}

/** A read model folded from scratch over the first `upto` events of the log (the correct code, no bug). */
export function projectAll(kind: ProjectorKind, log: readonly StoredEvent[], upto: number, upcasting: boolean): ReadModel {
  const m: ReadModel = { table: {}, orders: {} };
  for (let i = 0; i < upto && i < log.length; i++) project(kind, m, readAs(log[i]!, upcasting), false);
  return m;
}

/** Keys whose value differs between two tables (a missing key counts as 0). */
export function tableDiff(a: Record<string, number>, b: Record<string, number>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => (a[k] ?? 0) !== (b[k] ?? 0));
}

export const PROJECTOR_KINDS: readonly ProjectorKind[] = ['balances', 'orders', 'activity'];
export const KIND_WORDS: Record<ProjectorKind, string> = {
  balances: 'balance per account', orders: 'loaves on order per item', activity: 'events per type',
};
