// Chapter 05: the double-charged payment. At-least-once delivery hands a payment consumer the same order
// twice (a producer that sent it twice; a crash after the charge and before the delete). Without an
// idempotency key it charges twice; with one (Stripe API reference, "Idempotent requests": a repeat with
// the same key returns the first result without charging; keys are kept at least 24 hours) it charges once,
// as long as the repeat comes within the key's window. A naturally idempotent "mark paid" needs no key.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from './lab.ts';
import { applyPayment, emptyPayments, heldKeys } from '../../../src/engine/delivery/index.ts';

function doubleDelivery(consumerArgs: string) {
  const s = lab();
  s.run(`sqs.queue name=payments visibility=2s
    sqs.send queue=payments body=order count=3
    sqs.send queue=payments body=order2
    sqs.consumer name=pay1 queue=payments work=50ms ackAfter=100ms ${consumerArgs}
    run until="sqs.charges(order1) == 1" max=5s
    crash node=pay1
    run for=100ms
    restart node=pay1
    run for=5s`);
  return s;
}

describe('the payment consumer under at-least-once delivery', () => {
  it('without a key, a duplicate send and a crash between charge and delete each charge an order twice', () => {
    const s = doubleDelivery('pay=charge');
    expect([s.q('sqs.charges(order1)'), s.q('sqs.charges(order2)'), s.q('sqs.charges(order3)')]).toEqual([2, 2, 1]);
    expect(s.q('sqs.doubleCharged')).toBe(2);
    expect(violationsOf(s)).toEqual(['payment-charged-once: order2 was charged 2 times (message #4, by pay1, at t=580ms)']);
  });

  it('with an idempotency key, each order is charged once and the repeats are answered from the key', () => {
    const s = doubleDelivery('pay=charge idempotent=true');
    expect([s.q('sqs.charges(order1)'), s.q('sqs.charges(order2)'), s.q('sqs.charges(order3)')]).toEqual([1, 1, 1]);
    expect([s.q('sqs.dedupeHits'), s.q('sqs.totalCharges'), s.q('sqs.ordersCharged')]).toEqual([2, 3, 3]);
    expect(s.q('sqs.keyUntil(order1)')).toBe(70 + 24 * 3_600_000);
    expect(violationsOf(s)).toEqual([]);
  });

  it('a key window shorter than the redelivery lets the redelivered order be charged again', () => {
    const s = doubleDelivery('pay=charge idempotent=true keyWindow=1s');
    expect([s.q('sqs.charges(order1)'), s.q('sqs.charges(order2)')]).toEqual([2, 1]);
  });

  it('a naturally idempotent operation (mark the order paid) bills once without any key', () => {
    const s = doubleDelivery('pay=set');
    expect([s.q('sqs.doubleCharged'), s.q('sqs.totalCharges'), s.q('sqs.dedupeHits')]).toEqual([0, 3, 0]);
    expect(violationsOf(s)).toEqual([]);
  });
});

describe('the ledger and the key table (pure)', () => {
  it('keeps a key for its window only, and lists the held keys oldest first', () => {
    const p = emptyPayments();
    const rule = { op: 'charge' as const, idempotent: true, windowMs: 1000 };
    applyPayment(p, rule, { order: 'b', msg: 1, by: 'w', now: 0 });
    applyPayment(p, rule, { order: 'a', msg: 2, by: 'w', now: 500 });
    expect(heldKeys(p, 900).map((k) => k.key)).toEqual(['b', 'a']);
    expect(heldKeys(p, 1000).map((k) => k.key)).toEqual(['a']);
    expect(applyPayment(p, rule, { order: 'a', msg: 3, by: 'w', now: 1499 }).what).toBe('replayed');
    expect(applyPayment(p, rule, { order: 'b', msg: 4, by: 'w', now: 1500 })).toMatchObject({ what: 'charged', total: 2 });
    expect(p.doubleCharged).toBe('b was charged 2 times (message #4, by w, at t=1500ms)');
  });
});
