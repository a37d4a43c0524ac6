// Chapter 05 in the queue pictures: a message waiting out its retry backoff sits in its pigeonhole, in
// nobody's hands, its timer the backoff's; the payment ledger marks a doubled charge and the key table says
// when each key is forgotten. The earlier lessons' pictures get neither.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createSession } from '../../../src/script/runner.ts';
import type { SqsState } from '../../../src/engine/sqs/index.ts';
import { sqsModel } from '../../../src/views/queues/model-sqs.ts';
import { paymentsModel } from '../../../src/views/queues/model-payments.ts';
import { Ledger, keyWords, rowWords, stamp } from '../../../src/views/queues/Ledger.tsx';
import { sqsChipWords } from '../../../src/views/queues/describe.ts';

function run(lines: string[]) {
  const s = createSession(5);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return s;
}

const doubleCharge = [
  'sqs.queue name=payments visibility=2s', 'sqs.send queue=payments body=order count=3', 'sqs.send queue=payments body=order2',
  'sqs.consumer name=pay1 queue=payments work=50ms pay=charge idempotent=true keyWindow=1s ackAfter=100ms',
  'run until="sqs.charges(order1) == 1" max=5s', 'crash node=pay1', 'run for=100ms', 'restart node=pay1', 'run for=4s',
];

describe('a message backing off', () => {
  it('is in flight yet held by nobody, with the backoff as its timer, and says so', () => {
    const s = run(['sqs.queue name=orders visibility=30s', 'sqs.send queue=orders body=order1',
      'sqs.consumer name=w1 queue=orders work=10ms outage=2s backoff=exponential base=250ms cap=4s wait=1s', 'run for=400ms']);
    const chip = sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes()).queues[0]!.msgs[0]!;
    expect(chip).toMatchObject({ status: 'inflight', holder: null, span: 500, until: 820, backoff: { attempt: 1, delayMs: 500 } });
    expect(sqsChipWords(chip, 'orders')).toBe('message #1 order1 in orders: backing off before retry 2 (a 500 ms delay; invisible until then), received twice');
  });

  it('an ordinary received message keeps its holder and the visibility timeout', () => {
    const s = run(['sqs.queue name=orders visibility=30s', 'sqs.send queue=orders body=order1', 'sqs.consumer name=w1 queue=orders work=100ms', 'run for=50ms']);
    const chip = sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes()).queues[0]!.msgs[0]!;
    expect(chip).toMatchObject({ holder: 'w1', span: 30_000, backoff: null });
  });
});

describe('the payment ledger', () => {
  it('is absent until a payment consumer charges (lesson 04 keeps its picture)', () => {
    const s = run(['sqs.queue name=orders', 'sqs.send queue=orders body=order1', 'sqs.consumer name=w1 queue=orders', 'run for=1s']);
    expect(sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes()).payments).toBeNull();
  });

  it('marks the doubled order, lists what each message did, and the keys with their end', () => {
    const s = run(doubleCharge);
    const p = paymentsModel(s.sim.state<SqsState>('sqs'))!;
    expect(p.rows.map((r) => [r.order, r.charges, r.doubled])).toEqual([['order1', 2, true], ['order2', 1, false], ['order3', 1, false]]);
    expect(rowWords(p.rows[1]!)).toBe('order2: charged once (#2 charged by pay1 at 240 ms; #4 answered from its key, not charged by pay1 at 580 ms)');
    expect(p.dedupeHits).toBe(1);
    const key = p.keys.find((k) => k.key === 'order2')!;
    expect([keyWords(key, 1000), keyWords(key, 2000)]).toEqual(['order2 kept until 1.24 s', 'order2 expired at 1.24 s']);
    const html = renderToStaticMarkup(createElement(Ledger, { model: p, now: s.sim.now, town: false }));
    expect(html).toContain('class="is-double" data-order="order1"');
    expect(html).toContain('✗ 2 charges');
    expect(html).toContain('tabindex="0"');
    expect(html).toMatch(/class="is-expired" data-key="order2"/);
  });

  it('says a key window of a day in hours', () => {
    expect([stamp(1240), stamp(5 * 60_000), stamp(86_400_070)]).toEqual(['1.24 s', '5 min', '24 h']);
  });
});
