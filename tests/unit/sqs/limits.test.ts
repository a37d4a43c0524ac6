// Amazon SQS's documented ranges (API reference: CreateQueue attributes VisibilityTimeout 0 to 43,200 s,
// MessageRetentionPeriod 60 to 1,209,600 s, DelaySeconds 0 to 900 s, ReceiveMessageWaitTimeSeconds 0 to
// 20 s; RedrivePolicy maxReceiveCount 1 to 1,000; SendMessage, ReceiveMessage, ChangeMessageVisibility)
// and the requests Amazon refuses: each edge is accepted, one past it is refused with a message naming
// the setting and its range, and the refused command changes nothing.
import { describe, expect, it } from 'vitest';
import type { SqsState } from '../../../src/engine/sqs/state.ts';
import { lab } from './lab.ts';

const H = 3_600_000;

/** `line` with `arg` set to the value at the edge, and one millisecond (or one) past it. */
function edges(line: (v: string) => string, inside: string[], outside: string[], message: RegExp) {
  for (const v of inside) expect(() => lab().run(line(v)), v).not.toThrow();
  for (const v of outside) expect(() => lab().run(line(v)), v).toThrow(message);
}

describe('SQS limits', () => {
  it('queue settings stay within Amazon\'s ranges', () => {
    const queue = (arg: string) => (v: string) => `sqs.queue name=q ${arg}=${v}`;
    edges(queue('visibility'), ['0ms', '12h'], [`${12 * H + 1}ms`], /visibility=43200001ms is outside the range Amazon SQS allows for VisibilityTimeout: 0 to 12h/);
    edges(queue('retention'), ['1m', '336h'], ['59999ms', '337h'], /for MessageRetentionPeriod: 1m to 336h \(60 seconds to 14 days\)/);
    edges(queue('delay'), ['0ms', '15m'], ['900001ms'], /for DelaySeconds: 0 to 15m/);
    edges(queue('wait'), ['0ms', '20s'], ['20001ms'], /for WaitTimeSeconds: 0 to 20s/);
    edges(queue('maxReceives'), ['1', '1000'], ['0', '1001'], /maxReceives=(0|1001) is outside the range Amazon SQS allows for maxReceiveCount: 1 to 1000/);
  });

  it('per-request values stay within the same ranges', () => {
    const setup = 'sqs.queue name=q\nsqs.send queue=q body=a\nsqs.receive queue=q\n';
    edges((v) => `${setup}sqs.visibility queue=q msg=1 timeout=${v}`, ['0ms', '12h'], ['13h'], /timeout=13h is outside .* VisibilityTimeout/);
    edges((v) => `sqs.queue name=q\nsqs.send queue=q body=a delay=${v}`, ['15m'], ['16m'], /delay=16m is outside .* DelaySeconds: 0 to 15m/);
    edges((v) => `sqs.queue name=q\nsqs.consumer name=w queue=q wait=${v}`, ['20s'], ['21s'], /wait=21s is outside .* WaitTimeSeconds/);
    edges((v) => `sqs.queue name=q\nsqs.consumer name=w queue=q extend=${v}`, ['12h'], ['13h'], /extend=13h is outside .* VisibilityTimeout/);
  });

  it('a setting finer than Amazon\'s whole seconds is accepted and said in the trace; whole seconds say nothing', () => {
    const s = lab();
    expect(s.run('sqs.queue name=q visibility=250ms wait=2s')).toEqual([
      "t=0ms sqs q: visibility=250ms is finer than Amazon's whole seconds; the lab takes milliseconds within Amazon's ranges so a scene runs in seconds"]);
    expect(s.run('sqs.consumer name=w queue=q wait=1500ms extend=1s')).toEqual([
      "t=0ms sqs w's requests: wait=1500ms is finer than Amazon's whole seconds; the lab takes milliseconds within Amazon's ranges so a scene runs in seconds"]);
    expect(s.run('sqs.queue name=r visibility=1s\nsqs.send queue=r body=a delay=2s')).toEqual(['sent #1 a to r']);
  });

  it('a refused command changes nothing', () => {
    const s = lab();
    expect(() => s.run('sqs.queue name=q retention=30s')).toThrow(/MessageRetentionPeriod/);
    expect(s.sim.state<SqsState | undefined>('sqs')?.queueOrder ?? []).toEqual([]);
  });
});

describe('requests Amazon refuses', () => {
  it('a FIFO send without a message group id (SendMessage: "If you do not provide a MessageGroupId when sending a message to a FIFO queue, the action fails")', () => {
    const s = lab();
    s.run('sqs.queue name=pay.fifo contentDedup=true');
    expect(() => s.run('sqs.send queue=pay.fifo body=a')).toThrow('pay.fifo is a FIFO queue: every message needs a message group id (group=)');
    expect(s.q('sqs.depth(pay.fifo)')).toBe(0);
  });

  it('dedup= and contentDedup= on a standard queue are refused, not ignored (deduplication is a FIFO feature)', () => {
    const s = lab();
    s.run('sqs.queue name=orders');
    expect(() => s.run('sqs.send queue=orders body=a dedup=x')).toThrow('orders is a standard queue: deduplication ids (dedup=) are for FIFO queues');
    expect(() => s.run('sqs.queue name=plain contentDedup=true')).toThrow('plain is a standard queue: content-based deduplication is for FIFO queues');
    expect(s.q('sqs.depth(orders)')).toBe(0);
  });

  it('a redrive moves messages only between queues of the same type', () => {
    const s = lab();
    s.run(`sqs.queue name=dlq
      sqs.queue name=orders visibility=1s dlq=dlq maxReceives=1
      sqs.queue name=other.fifo
      sqs.send queue=orders body=a
      sqs.receive queue=orders
      run for=1s
      sqs.receive queue=orders`);
    expect(() => s.run('sqs.redrive from=dlq to=other.fifo')).toThrow('a redrive moves messages between queues of one type: dlq is standard, other.fifo is not');
    expect(s.q('sqs.queueOf(1)')).toBe('dlq');
  });
});
