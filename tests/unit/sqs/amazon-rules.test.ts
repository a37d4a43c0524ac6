// Three SQS rules the lab once got wrong (issue 10), each with the smallest case and the Amazon SQS
// Developer Guide / API reference sentence it follows.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/engine/sqs/sha256.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';
import { lab, violationsOf } from './lab.ts';

const H = 3_600_000;
const sqs = (s: ReturnType<typeof lab>) => s.sim.state<SqsState>('sqs');
const bodies = (out: string[]) => out.filter((l) => l.startsWith('received')).map((l) => l.split(' ')[2]);

/** Sends #1 to the source queue and dead-letters it at t=1s (maxReceiveCount 1, visibility 1s). */
function deadLetterOne(dlq: string, dlqRetention: string, source: string, retention: string): ReturnType<typeof lab> {
  const s = lab();
  s.run(`sqs.queue name=${dlq} retention=${dlqRetention}
    sqs.queue name=${source} retention=${retention} visibility=1s dlq=${dlq} maxReceives=1
    sqs.send queue=${source} body=a${source.endsWith('.fifo') ? ' group=g' : ''}
    sqs.receive queue=${source}
    run for=1s
    sqs.receive queue=${source}`);
  expect(s.q('sqs.status(1)')).toBe('dead-lettered');
  return s;
}

describe('dead-letter queue retention (Developer Guide, "Setting-up dead-letter queue retention")', () => {
  // "For standard queues, the expiration of a message is always based on its original enqueue timestamp.
  // When a message is moved to a dead-letter queue, the enqueue timestamp is unchanged."
  it('standard: a 24h DLQ fed from a 1h queue keeps the message past 1h and expires it 24h after it was sent', () => {
    const s = deadLetterOne('dlq', '24h', 'orders', '1h');
    s.run('run for=2h');
    expect(s.q('sqs.status(1)')).toBe('dead-lettered');
    s.sim.runUntil(24 * H);
    expect([s.q('sqs.status(1)'), sqs(s).msgs['1']!.endedAt]).toEqual(['expired', 24 * H]);
    expect(sqs(s).msgs['1']!.why).toBe('expired: older than the retention period of 86400000ms counted from t=0ms, when it was enqueued in orders');
    expect(violationsOf(s)).toEqual([]);
  });

  it('standard: a 1-day DLQ fed from a 4-day queue expires the message 24h after it was sent', () => {
    const s = deadLetterOne('dlq', '24h', 'orders', '96h');
    s.sim.runUntil(24 * H - 1);
    expect(s.q('sqs.status(1)')).toBe('dead-lettered');
    s.sim.runUntil(24 * H);
    expect(s.q('sqs.status(1)')).toBe('expired');
  });

  // "For FIFO queues, the enqueue timestamp resets when the message is moved to a dead-letter queue."
  it('FIFO: the DLQ\'s retention counts from the move', () => {
    const s = deadLetterOne('dlq.fifo', '24h', 'orders.fifo', '1h');
    s.sim.runUntil(24 * H + 999);
    expect(s.q('sqs.status(1)')).toBe('dead-lettered');
    s.sim.runUntil(24 * H + 1000);
    expect(s.q('sqs.status(1)')).toBe('expired');
  });

  it('a crash and restart of the queue service does not change when a dead letter expires', () => {
    const expiry = (crash: boolean) => {
      const s = deadLetterOne('dlq', '24h', 'orders', '1h');
      if (crash) s.run('run for=30m\ncrash node=sqs\nrun for=2h\nrestart node=sqs');
      s.sim.runUntil(30 * H);
      return sqs(s).msgs['1']!.endedAt;
    };
    expect(expiry(false)).toBe(24 * H);
    expect(expiry(true)).toBe(24 * H);
  });

  // StartMessageMoveTask: "All redriven messages are considered new messages with a new messageID and enqueueTime."
  it('a redrive back to the source queue starts the retention period over', () => {
    const s = deadLetterOne('dlq', '24h', 'orders', '1h');
    s.run('run for=10h\nsqs.redrive from=dlq');
    s.sim.runUntil(11 * H);
    expect(s.q('sqs.status(1)')).toBe('visible');
    s.sim.runUntil(11 * H + 1000);
    expect(s.q('sqs.status(1)')).toBe('expired');
  });
});

describe('FIFO receive fills from one message group first (Developer Guide, "FIFO queue delivery logic")', () => {
  // Batch retrieval: Amazon SQS "attempts to return as many messages with the same message group ID as
  // possible in a single call" and may add other groups' messages when fewer are available.
  const fiveInTwoGroups = `sqs.queue name=q.fifo
    sqs.send queue=q.fifo body=A1 group=A
    sqs.send queue=q.fifo body=B1 group=B
    sqs.send queue=q.fifo body=A2 group=A
    sqs.send queue=q.fifo body=B2 group=B
    sqs.send queue=q.fifo body=A3 group=A`;

  it('A1,B1,A2,B2,A3 received up to 3 at a time gives A1,A2,A3', () => {
    const s = lab();
    s.run(fiveInTwoGroups);
    expect(bodies(s.run('sqs.receive queue=q.fifo max=3'))).toEqual(['A1', 'A2', 'A3']);
  });

  it('two consumers receiving two at a time get [A1,A2] and [B1,B2]', () => {
    const s = lab();
    s.run(fiveInTwoGroups);
    s.run(`sqs.consumer name=w1 queue=q.fifo batch=2 work=1s wait=1s
      sqs.consumer name=w2 queue=q.fifo batch=2 work=1s wait=1s
      run for=100ms`);
    const held = (w: string) => sqs(s).consumers[w]!.current.map((m) => m.body);
    expect([held('w1'), held('w2')]).toEqual([['A1', 'A2'], ['B1', 'B2']]);
  });

  it('a group with fewer messages than asked for is topped up from the next group, each in order', () => {
    const s = lab();
    s.run(fiveInTwoGroups);
    expect(bodies(s.run('sqs.receive queue=q.fifo max=10'))).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    expect(violationsOf(s)).toEqual([]);
  });

  // "you cannot receive additional messages from the same message group ID in subsequent requests unless
  // the currently received messages are deleted, or they become visible again"
  it('a group stays locked while any of its messages is in flight, even after an earlier one is visible again', () => {
    const s = lab();
    s.run(`${fiveInTwoGroups}
      sqs.receive queue=q.fifo max=2
      sqs.visibility queue=q.fifo msg=1 timeout=0s`);
    expect(bodies(s.run('sqs.receive queue=q.fifo max=10'))).toEqual(['B1', 'B2']);
    expect(violationsOf(s)).toEqual([]); // the fifo-group-order audit checks this rule on its own
  });
});

describe('content-based deduplication hashes the body (API reference, SendMessage MessageDeduplicationId)', () => {
  // "Amazon SQS uses a SHA-256 hash to generate the MessageDeduplicationId using the body of the message".
  it('body order7 without an id is not a duplicate of a message sent with the explicit id order7', () => {
    const s = lab();
    s.run(`sqs.queue name=pay.fifo contentDedup=true
      sqs.send queue=pay.fifo body=hello dedup=order7 group=g
      sqs.send queue=pay.fifo body=order7 group=g`);
    expect([s.q('sqs.depth(pay.fifo)'), s.q('sqs.deduplicated(pay.fifo)')]).toEqual([2, 0]);
    expect(sqs(s).msgs['2']!.dedupId).toBe(sha256Hex('order7'));
  });

  it('the same body twice is one message; an explicit id equal to the body\'s hash is a duplicate too, as documented', () => {
    const s = lab();
    s.run(`sqs.queue name=pay.fifo contentDedup=true
      sqs.send queue=pay.fifo body=charge group=g`);
    expect(s.run('sqs.send queue=pay.fifo body=charge group=g')[0])
      .toBe(`t=0ms sqs pay.fifo: 'charge' has content-based deduplication id ${sha256Hex('charge').slice(0, 12)}… (SHA-256 of the body) like #1 sent 0ms ago: accepted, not enqueued again`);
    s.run(`sqs.send queue=pay.fifo body=other group=g dedup=${sha256Hex('charge')}`);
    expect([s.q('sqs.depth(pay.fifo)'), s.q('sqs.deduplicated(pay.fifo)')]).toEqual([1, 2]);
  });
});
