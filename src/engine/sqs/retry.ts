// Chapter 05 on the SQS consumer: how it backs off after a failure, and what a payment consumer does.
// Backing off on SQS means ChangeMessageVisibility on the failed message's receipt: the message stays
// invisible for the backoff delay instead of the whole visibility timeout, then comes back (AWS
// Developer Guide, "Visibility timeout": "you can extend or shorten a message's visibility..."; the
// receive count it carries, ApproximateReceiveCount, numbers the attempts).
import type { SystemContext } from '../core/types.ts';
import { backoffDelay } from '../resilience/backoff.ts';
import { applyPayment, emptyPayments, orderOf } from '../delivery/index.ts';
import { SQS_LIMITS } from './limits.ts';
import { SQS_NODE, type SqsConsumer, type SqsState } from './state.ts';

export interface InHand { id: number; receipt: number; body: string; group: string | null; receiveCount?: number }

/** A downstream outage (failUntil) fails every message: the failure is transient, a retry later succeeds. */
export const inOutage = (c: SqsConsumer, now: number): boolean => (c.failUntil ?? 0) > now;

/** After a failure: with a backoff policy, ask for the message back after the backoff delay. */
export function backOff(c: SqsConsumer, m: InHand, ctx: SystemContext): void {
  if (!c.backoff) return;
  const attempt = Math.max(0, (m.receiveCount ?? 1) - 1);
  const last = (c.lastBackoff ??= {});
  const delay = Math.min(SQS_LIMITS.visibility.max, backoffDelay(c.backoff, attempt, last[String(m.id)] ?? 0, ctx.rng));
  last[String(m.id)] = delay;
  ctx.send(c.id, SQS_NODE, { type: 'ChangeMessageVisibility', queue: c.queue, id: m.id, receipt: m.receipt, timeout: delay, backoff: attempt });
}

/** A payment consumer's work: charge the order (once per key when idempotent). Returns the ledger's words. */
export function pay(s: SqsState, c: SqsConsumer, m: InHand, ctx: SystemContext): void {
  if (!c.pay) return;
  const p = (s.payments ??= emptyPayments());
  const e = applyPayment(p, c.pay, { order: orderOf(m.body), msg: m.id, by: c.id, now: ctx.now });
  if (e.what === 'replayed') ctx.note(c.id, `#${m.id} ${e.order}: the payment service already holds key ${e.order}; answered without charging again`);
  else if (e.total > 1 && e.what === 'charged') ctx.note(c.id, `#${m.id} charged ${e.order} again: ${e.total} charges for one order`);
  else ctx.note(c.id, `#${m.id} ${e.what === 'set' ? 'marked' : 'charged'} ${e.order}${e.what === 'set' ? ' paid' : ''}`);
}
