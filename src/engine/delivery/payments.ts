// A payment consumer's side effect, shared by the queue family: each message names an order, and processing
// it charges that order. Under at-least-once delivery the same order can arrive twice (a producer that sent
// it twice, a redelivery after a lost delete or a crash between the charge and the delete), so the lab
// keeps the ledger the learner's consumer writes to and the payment service's idempotency keys.
//
// Rules modelled on a payment API's idempotency keys (Stripe API reference, "Idempotent requests": the
// first result for a key is saved and a repeated request with the same key returns it without charging
// again; keys may be removed once they are at least 24 hours old, so a repeat after that charges again).
// The key check and the charge are one step at the payment service, so a crash cannot split them.
import type { Time } from '../core/types.ts';

/** charge: add one charge to the order (an increment, not idempotent). set: mark the order paid (naturally idempotent). */
export type PaymentOp = 'charge' | 'set';

export interface PaymentRule {
  op: PaymentOp;
  /** Send the order as an idempotency key, so a repeat within the window is answered without a charge. */
  idempotent: boolean;
  /** How long the payment service keeps a key (Stripe: at least 24 h). */
  windowMs: Time;
}

export interface LedgerEntry {
  at: Time;
  order: string;
  msg: number;
  by: string;
  /** charged: money moved; set: the order marked paid; replayed: an idempotency-key hit, nothing moved. */
  what: 'charged' | 'set' | 'replayed';
  /** The order's charges after this entry (2 or more: charged twice). */
  total: number;
}

export interface PaymentsState {
  /** Charges per order: what the customer was billed (set-mode counts 1 however often it is set). */
  charges: Record<string, number>;
  /** Orders in the order they were first charged, for views. */
  orders: string[];
  /** The newest entries, newest last (capped at KEEP_LEDGER). */
  ledger: LedgerEntry[];
  /** Idempotency key -> when it was stored and when the payment service forgets it. */
  keys: Record<string, { at: Time; until: Time }>;
  /** Repeats answered from a stored key. */
  dedupeHits: number;
  /** The first order charged twice, as a sentence (null: none). */
  doubleCharged: string | null;
}

export const KEEP_LEDGER = 200;

export const emptyPayments = (): PaymentsState => ({ charges: {}, orders: [], ledger: [], keys: {}, dedupeHits: 0, doubleCharged: null });

/** The order a message pays for: its body (order7), one key per order however often it is sent. */
export const orderOf = (body: string): string => body;

/** Whether the payment service still holds `key` at `now`. */
export const keyHeld = (p: PaymentsState, key: string, now: Time): boolean => {
  const k = p.keys[key];
  return k !== undefined && now < k.until;
};

/** Process one payment message; returns the ledger entry it wrote. */
export function applyPayment(p: PaymentsState, rule: PaymentRule, req: { order: string; msg: number; by: string; now: Time }): LedgerEntry {
  const { order, now } = req;
  let what: LedgerEntry['what'];
  if (rule.idempotent && keyHeld(p, order, now)) {
    p.dedupeHits++;
    what = 'replayed';
  } else {
    if (rule.idempotent) p.keys[order] = { at: now, until: now + rule.windowMs };
    if (!(order in p.charges)) { p.charges[order] = 0; p.orders.push(order); }
    if (rule.op === 'set') { p.charges[order] = 1; what = 'set'; } else { p.charges[order]! += 1; what = 'charged'; }
  }
  const entry: LedgerEntry = { at: now, order, msg: req.msg, by: req.by, what, total: p.charges[order] ?? 0 };
  p.ledger.push(entry);
  if (p.ledger.length > KEEP_LEDGER) p.ledger.shift();
  if (entry.total > 1 && !p.doubleCharged) {
    p.doubleCharged = `${order} was charged ${entry.total} times (message #${req.msg}, by ${req.by}, at t=${now}ms)`;
  }
  return entry;
}

/** Keys still held at `now`, oldest first: the dedupe table a view draws. */
export function heldKeys(p: PaymentsState, now: Time): { key: string; at: Time; until: Time }[] {
  return Object.entries(p.keys).filter(([, k]) => now < k.until).map(([key, k]) => ({ key, ...k })).sort((a, b) => a.at - b.at);
}

export const doubleChargedOrders = (p: PaymentsState): number => Object.values(p.charges).filter((n) => n > 1).length;
