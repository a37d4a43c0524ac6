// The four messaging systems keep the engine's one idea: same seed and inputs, same trace; and time travel
// (seek back, then forward again) reproduces the same future, so their state is plain, cloneable data.
import { describe, expect, it } from 'vitest';
import { lab } from './lab.ts';

const script = `sqs.queue name=dlq
  sqs.queue name=orders visibility=300ms dlq=dlq maxReceives=3
  sqs.send queue=orders body=o count=8
  sqs.consumer name=w1 queue=orders work=50ms jitter=100ms fail=30% wait=1s
  rabbit.exchange name=x type=topic
  rabbit.queue name=q
  rabbit.bind exchange=x queue=q key="a.#"
  rabbit.consumer name=c1 queue=q prefetch=2 work=40ms jitter=60ms fail=20%
  rabbit.publish exchange=x key=a.b body=m count=8
  pubsub.topic name=t
  pubsub.subscription name=s topic=t ackDeadline=300ms
  pubsub.subscriber name=p1 sub=s work=30ms jitter=80ms fail=25%
  pubsub.publish topic=t body=e count=8
  stream.topic name=log
  stream.append topic=log body=r count=8
  stream.reader name=r1 topic=log work=20ms jitter=50ms
  network jitter=20ms loss=5%
  run for=1s
  crash node=w1
  crash node=c1
  run for=1500ms
  restart node=w1
  restart node=c1
  run for=5s`;

describe('messaging systems are deterministic', () => {
  it('the same seed and script give the same trace hash; another seed gives another', () => {
    const a = lab(11); a.run(script);
    const b = lab(11); b.run(script);
    const c = lab(12); c.run(script);
    expect(a.sim.traceHash()).toBe(b.sim.traceHash());
    expect(a.sim.traceHash()).not.toBe(c.sim.traceHash());
  });

  it('seeking back and running forward again replays exactly the same events', () => {
    const s = lab(5);
    s.run(script);
    const end = s.sim.now;
    const before = s.sim.trace().map((e) => s.sim.formatEvent(e));
    s.sim.seek(1200);
    s.sim.runUntil(end);
    expect(s.sim.trace().map((e) => s.sim.formatEvent(e))).toEqual(before);
  });
});
