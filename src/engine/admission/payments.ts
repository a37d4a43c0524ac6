// Exactly-once is an effect, not a delivery: three payers send the same payments to three banks over the
// same lossy links. At-most-once sends each once and never retries (a lost message is a lost payment);
// at-least-once retries until acknowledged (a lost acknowledgement is a double charge); at-least-once
// plus an idempotency key at the bank (chapter 05's consumer) charges each payment once.
import type { SystemContext } from '../core/types.ts';
import { bankOf, DELIVERIES, payerOf, type AdmissionState, type Delivery, type PaymentLine } from './state.ts';

export interface Pay { type: 'Pay'; n: number; try: number }
export interface PayAck { type: 'PayAck'; n: number }
export type PaymentMsg = Pay | PayAck;

/** A payer gives up after this many tries (the lab's bound; a real client would alert). */
export const MAX_TRIES = 20;

const lineOfNode = (node: string): Delivery | undefined => DELIVERIES.find((d) => node === payerOf(d) || node === bankOf(d));

export function startPayments(st: AdmissionState, count: number, spacing: number, ctx: SystemContext): void {
  if (!st.payments) {
    const empty = (): PaymentLine => ({ asked: 0, acked: [], sends: 0, charges: [], seen: [] });
    st.payments = { atmost: empty(), atleast: empty(), idempotent: empty() };
  }
  for (const d of DELIVERIES) {
    const line = st.payments[d];
    for (let i = 0; i < count; i++) ctx.setTimer(payerOf(d), i * spacing, 'pay', { n: line.asked + i + 1, try: 1 });
    line.asked += count;
  }
}

export function onPaymentTimer(st: AdmissionState, node: string, data: unknown, ctx: SystemContext): void {
  const d = lineOfNode(node);
  const line = d && st.payments?.[d];
  if (!d || !line) return;
  const p = data as { n: number; try: number };
  if (line.acked.includes(p.n)) return;
  line.sends++;
  ctx.send<Pay>(node, bankOf(d), { type: 'Pay', n: p.n, try: p.try });
  if (d !== 'atmost' && p.try < MAX_TRIES) ctx.setTimer(node, st.retry, 'pay', { n: p.n, try: p.try + 1 });
}

export function onPaymentMessage(st: AdmissionState, node: string, from: string, m: PaymentMsg, ctx: SystemContext): void {
  const d = lineOfNode(node);
  const line = d && st.payments?.[d];
  if (!d || !line) return;
  if (m.type === 'PayAck') { if (!line.acked.includes(m.n)) line.acked.push(m.n); return; }
  if (d === 'idempotent' && line.seen.includes(m.n)) {
    ctx.note(node, `payment ${m.n} again (try ${m.try}): key seen, not charged again`);
  } else {
    line.charges.push(m.n);
    if (d === 'idempotent') line.seen.push(m.n);
    const times = line.charges.filter((n) => n === m.n).length;
    if (times > 1) ctx.note(node, `payment ${m.n} charged ${times} times`);
  }
  if (d !== 'atmost') ctx.send<PayAck>(node, from, { type: 'PayAck', n: m.n });
}

/** Distinct payments charged, and charges beyond the first of a payment. */
export function effectCounts(line: PaymentLine): { paid: number; doubled: number; missing: number } {
  const paid = new Set(line.charges).size;
  return { paid, doubled: line.charges.length - paid, missing: line.asked - paid };
}
