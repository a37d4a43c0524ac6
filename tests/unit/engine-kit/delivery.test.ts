// The queue family's shared delivery invariants (src/engine/delivery) keep each system's own words: the
// transcripts and lessons print these sentences, so a broken state must be reported exactly as each system
// reported it when it declared its own invariants. The states are made by commands, then broken by hand.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { systems } from '../../../src/engine/systems.ts';
import type { SqsState } from '../../../src/engine/sqs/index.ts';
import type { RabbitState } from '../../../src/engine/rabbit/index.ts';
import type { PubsubState } from '../../../src/engine/pubsub/index.ts';
import { flagAckedRedelivered } from '../../../src/engine/delivery/index.ts';

function stateAfter<S>(sys: string, script: string): S {
  const s = createSession(1);
  for (const line of script.split('\n')) expect(s.exec(line).error, line).toBeUndefined();
  return structuredClone(s.sim.state<S>(sys));
}

function check<S>(sys: string, invariant: string, state: S): string | null {
  const inv = systems.find((d) => d.name === sys)!.invariants.find((i) => i.name === invariant)!;
  return inv.check(state);
}

describe('nothing-lost-silently, in each system’s words', () => {
  it('SQS: a message missing from its queue, then gone altogether', () => {
    const s = stateAfter<SqsState>('sqs', 'sqs.queue name=orders\nsqs.send queue=orders body=a count=2');
    expect(check('sqs', 'nothing-lost-silently', s)).toBeNull();
    s.queues.orders!.ids.pop();
    expect(check('sqs', 'nothing-lost-silently', s)).toBe('2 messages are waiting or in flight but the queues list 1');
    delete s.msgs['2'];
    expect(check('sqs', 'nothing-lost-silently', s)).toBe('1 accepted message(s) vanished without a trace');
  });

  it('RabbitMQ: a copy missing from its queue, then gone altogether', () => {
    const s = stateAfter<RabbitState>('rabbit',
      'rabbit.exchange name=orders type=fanout\nrabbit.queue name=billing\nrabbit.bind exchange=orders queue=billing\nrabbit.publish exchange=orders key=k body=o count=2');
    expect(check('rabbit', 'nothing-lost-silently', s)).toBeNull();
    s.queues.billing!.ready.pop();
    expect(check('rabbit', 'nothing-lost-silently', s)).toBe('2 messages are ready or unacked but the queues list 1');
    delete s.msgs['2'];
    expect(check('rabbit', 'nothing-lost-silently', s)).toBe('1 queued message(s) vanished without a trace');
  });

  it('pub/sub: a copy missing from its subscription, then gone altogether', () => {
    const s = stateAfter<PubsubState>('pubsub', 'pubsub.topic name=orders\npubsub.subscription name=audit topic=orders\npubsub.publish topic=orders body=o count=2');
    expect(check('pubsub', 'nothing-lost-silently', s)).toBeNull();
    s.subs.audit!.ids.pop();
    expect(check('pubsub', 'nothing-lost-silently', s)).toBe('2 copies are waiting or leased but the subscriptions list 1');
    delete s.msgs['2'];
    expect(check('pubsub', 'nothing-lost-silently', s)).toBe('1 message copies vanished without a trace');
  });
});

describe('acked-never-redelivered', () => {
  it('reports the first breach each system flagged, and each keeps its own description', () => {
    const descriptions = Object.fromEntries(['sqs', 'rabbit', 'pubsub'].map((sys) => [sys,
      systems.find((d) => d.name === sys)!.invariants.find((i) => i.name === 'acked-never-redelivered')!.description]));
    expect(descriptions).toEqual({
      sqs: 'a message deleted by a consumer (acknowledged) is never handed out again',
      rabbit: 'an acknowledged message is never delivered again',
      pubsub: 'an acknowledged message is never delivered again on that subscription',
    });
    const s = stateAfter<SqsState>('sqs', 'sqs.queue name=orders\nsqs.send queue=orders body=a');
    expect(check('sqs', 'acked-never-redelivered', s)).toBeNull();
    flagAckedRedelivered(s.audit, '#1 was deleted (acknowledged) yet handed out again at t=5ms');
    flagAckedRedelivered(s.audit, '#2 was deleted (acknowledged) yet handed out again at t=9ms');
    expect(check('sqs', 'acked-never-redelivered', s)).toBe('#1 was deleted (acknowledged) yet handed out again at t=5ms');
  });
});
