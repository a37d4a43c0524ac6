// The two aggregates, each a fold over its stream's events: a bank account (`account-*` streams) and a
// bakery's order book (`book-*` streams), the command validation a clerk runs against the folded state,
// and upcasting: the bakery once wrote OrderPlaced with `dozens` (schema 1); today's code knows only
// `qty` in loaves (schema 2), so a v1 event is turned into v2 when read and the stored one never changes.
import type { AccountState, AggregateState, BookState, ClerkVerb, EventData, StoredEvent } from './state.ts';

/** Loaves a bakery can bake a day: placing an order beyond it is refused. */
export const BOOK_CAPACITY = 50;

export const EVENT_TYPES = {
  account: ['Opened', 'Deposited', 'Withdrawn'],
  book: ['OrderPlaced', 'OrderCancelled'],
} as const;

export type Domain = 'account' | 'book';
export function domainOf(stream: string): Domain | null {
  if (/^account-[\w-]+$/.test(stream)) return 'account';
  if (/^book-[\w-]+$/.test(stream)) return 'book';
  return null;
}

/** The event as today's code reads it: a schema-1 OrderPlaced {dozens} becomes {qty: dozens * 12}. */
export function upcast(e: StoredEvent): StoredEvent {
  if (e.schema !== 1 || e.type !== 'OrderPlaced') return e;
  const { dozens, ...rest } = e.data;
  return { ...e, schema: 2, data: { ...rest, qty: Number(dozens ?? 0) * 12 } };
}
export const readAs = (e: StoredEvent, upcasting: boolean): StoredEvent => (upcasting ? upcast(e) : e);

const num = (d: EventData, k: string): number => (typeof d[k] === 'number' ? (d[k] as number) : 0);
const str = (d: EventData, k: string): string => (d[k] === undefined ? '' : String(d[k]));

export const initialAggregate = (domain: Domain): AggregateState =>
  (domain === 'account' ? { kind: 'account', opened: false, balance: 0 } : { kind: 'book', orders: {}, loaves: 0 });

/** Applies one (already upcast) event to an aggregate in place. Unknown event types change nothing. */
export function applyEvent(s: AggregateState, e: StoredEvent): void {
  if (s.kind === 'account') {
    if (e.type === 'Opened') s.opened = true;
    else if (e.type === 'Deposited') s.balance += num(e.data, 'amount');
    else if (e.type === 'Withdrawn') s.balance -= num(e.data, 'amount');
    return;
  }
  const order = str(e.data, 'order');
  if (e.type === 'OrderPlaced') {
    const prev = s.orders[order];
    if (prev) s.loaves -= prev.qty;
    const qty = num(e.data, 'qty');
    s.orders[order] = { item: str(e.data, 'item'), qty };
    s.loaves += qty;
  } else if (e.type === 'OrderCancelled' && s.orders[order]) {
    s.loaves -= s.orders[order].qty;
    delete s.orders[order];
  }
}

export const cloneAggregate = (s: AggregateState): AggregateState =>
  (s.kind === 'account' ? { ...s } : { kind: 'book', loaves: s.loaves, orders: Object.fromEntries(Object.entries(s.orders).map(([k, v]) => [k, { ...v }])) });

/** Folds events (upcast as the store is set to) onto a starting state. */
export function fold(domain: Domain, events: readonly StoredEvent[], upcasting: boolean, from?: AggregateState): AggregateState {
  const s = from ? cloneAggregate(from) : initialAggregate(domain);
  for (const e of events) applyEvent(s, readAs(e, upcasting));
  return s;
}

/** One short line for a folded state: "balance 40", "not opened", "18 loaves on 2 orders". */
export function describeAggregate(s: AggregateState): string {
  if (s.kind === 'account') return s.opened ? `balance ${s.balance}` : 'not opened';
  const n = Object.keys(s.orders).length;
  return `${s.loaves} loaves on ${n} order${n === 1 ? '' : 's'}`;
}
export const aggregateNumber = (s: AggregateState): number => (s.kind === 'account' ? s.balance : s.loaves);

export interface Decision { readonly type: string; readonly data: EventData }

/** What a clerk decides from the state it loaded: the event to append, or why the command is refused. */
export function decide(s: AggregateState, verb: ClerkVerb, a: { amount: number; item: string; order: string }): Decision | string {
  if (s.kind === 'account') {
    switch (verb) {
      case 'open': return s.opened ? 'the account is already open' : { type: 'Opened', data: {} };
      case 'deposit': return !s.opened ? 'the account is not open' : { type: 'Deposited', data: { amount: a.amount } };
      case 'withdraw':
        if (!s.opened) return 'the account is not open';
        return s.balance < a.amount ? `insufficient funds: balance ${s.balance}, asked ${a.amount}` : { type: 'Withdrawn', data: { amount: a.amount } };
      default: return `${verb} is a bakery command; an account takes open, deposit, withdraw`;
    }
  }
  const b: BookState = s;
  switch (verb) {
    case 'place':
      if (b.orders[a.order]) return `order ${a.order} is already placed`;
      return b.loaves + a.amount > BOOK_CAPACITY ? `over capacity: ${b.loaves} of ${BOOK_CAPACITY} loaves booked, asked ${a.amount}` : { type: 'OrderPlaced', data: { order: a.order, item: a.item, qty: a.amount } };
    case 'cancel': return b.orders[a.order] ? { type: 'OrderCancelled', data: { order: a.order } } : `no open order ${a.order}`;
    default: return `${verb} is an account command; an order book takes place, cancel`;
  }
}

export const isAccount = (s: AggregateState): s is AccountState => s.kind === 'account';
