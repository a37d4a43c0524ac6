// What the payment ledger under the queue pictures shows (chapter 05): each order with its charges (a
// doubled one marked), the messages that charged it or were answered from a key, and the payment service's
// idempotency keys with when each was stored and when it is forgotten. Pure: read from the SQS state.
import type { SqsState } from '../../engine/sqs/index.ts';

export interface LedgerRow {
  order: string;
  charges: number;
  /** Charged more than once: the double charge the lesson is about. */
  doubled: boolean;
  /** What happened to each message naming it, oldest first: "#1 charged by pay1 at 70 ms". */
  events: { msg: number; by: string; at: number; what: 'charged' | 'set' | 'replayed' }[];
}

export interface KeyRow { key: string; at: number; until: number }

export interface PaymentsModel {
  rows: LedgerRow[];
  keys: KeyRow[];
  dedupeHits: number;
  doubled: number;
}

/** Null when no payment consumer has run: the earlier lessons' pictures stay as they were. */
export function paymentsModel(s: SqsState): PaymentsModel | null {
  const p = s.payments;
  if (!p) return null;
  const rows = p.orders.map((order): LedgerRow => {
    const charges = p.charges[order] ?? 0;
    const events = p.ledger.filter((e) => e.order === order).map((e) => ({ msg: e.msg, by: e.by, at: e.at, what: e.what }));
    return { order, charges, doubled: charges > 1, events };
  });
  const keys = Object.entries(p.keys).map(([key, k]) => ({ key, at: k.at, until: k.until })).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  return { rows, keys, dedupeHits: p.dedupeHits, doubled: rows.filter((r) => r.doubled).length };
}

/** A key is held while the simulated time is before its end (the payment service then forgets it). */
export const keyHeldAt = (k: KeyRow, now: number): boolean => now < k.until;
