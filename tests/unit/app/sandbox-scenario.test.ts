// topologyToScenario: the text it writes runs without an error in the engine, for every preset and for
// any valid topology fast-check can build, and it does what the topology says.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from '../../../src/script/runner.ts';
import { splitBlocks } from '../../../src/script/transcript.ts';
import { EXCHANGE_TYPES, emptyTopology, type Consumer, type ExchangeType, type Producer, type Topology } from '../../../src/app/sandbox/model.ts';
import { PRESETS, presetById } from '../../../src/app/sandbox/presets.ts';
import { topologyToScenario } from '../../../src/app/sandbox/to-scenario.ts';
import { validateTopology } from '../../../src/app/sandbox/validate.ts';

/** Runs the text as the sandbox does; returns each failing line with its error, and the session. */
function runText(text: string, seed = 7) {
  const s = createSession(seed);
  const lines = splitBlocks(text).flatMap((b) => b.commands);
  const errors = lines.flatMap((line) => { const r = s.exec(line); return r.error ? [`${line}: ${r.error}`] : []; });
  return { s, errors, lines };
}

describe('topologyToScenario', () => {
  it('writes the SQS preset as the commands a person would type, dead-letter queue first', () => {
    expect(topologyToScenario(presetById('work-queue')!.topology)).toBe(`# Built in the sandbox builder: SQS queue. Change the form, or edit these lines by hand.

# Queues (a dead-letter queue comes before the queue that uses it)
sqs.queue name=orders-dlq visibility=30s
sqs.queue name=orders visibility=2s dlq=orders-dlq maxReceives=2

# Consumers compete for the messages
sqs.consumer name=w1 queue=orders work=300ms
sqs.consumer name=w2 queue=orders work=300ms
sqs.consumer name=flaky queue=orders work=150ms fail=70%

# Producers
sqs.producer name=shop queue=orders every=150ms count=30
`);
  });

  it('quotes a pattern with #, writes headers bindings, and ends with run for= when asked', () => {
    const t: Topology = {
      ...emptyTopology('rabbit'), runForMs: 2500,
      exchanges: [{ name: 'x', type: 'topic' }, { name: 'h', type: 'headers' }],
      queues: [{ name: 'all', fifo: false, visibilityMs: 0, dlq: '', maxReceives: 3, ttlMs: 5000, dlx: '' }],
      bindings: [{ exchange: 'x', queue: 'all', key: 'order.#', match: 'all' }, { exchange: 'h', queue: 'all', key: 'type=a, region=eu', match: 'any' }],
      producers: [{ name: 'p', target: 'h', everyMs: 100, count: 3, keys: '', headers: 'type=a' }],
    };
    const text = topologyToScenario(t);
    expect(text).toContain('rabbit.queue name=all ttl=5s');
    expect(text).toContain('rabbit.bind exchange=x queue=all key="order.#"');
    expect(text).toContain('rabbit.bind exchange=h queue=all headers=type=a,region=eu match=any');
    expect(text).toContain('rabbit.producer name=p exchange=h headers=type=a every=100ms count=3');
    expect(text.trimEnd().endsWith('run for=2500ms')).toBe(true);
    const { s, errors } = runText(text);
    expect(errors).toEqual([]);
    expect(s.sim.query('rabbit.ready(all)')).toBe(3);
  });

  for (const p of PRESETS) {
    it(`preset "${p.title}" runs without errors or invariant violations`, () => {
      const { s, errors } = runText(topologyToScenario(p.topology));
      expect(errors).toEqual([]);
      s.exec('run for=30s');
      expect(s.sim.violations().map((v) => v.text)).toEqual([]);
    });
  }

  it('the presets show what they promise', () => {
    const sqs = runText(topologyToScenario(presetById('work-queue')!.topology)).s;
    sqs.exec('run for=30s');
    expect(sqs.sim.query('sqs.visible(orders-dlq)')).toBeGreaterThan(0); // the flaky worker's messages
    expect(Number(sqs.sim.query('sqs.deleted(orders)')) + Number(sqs.sim.query('sqs.visible(orders-dlq)'))).toBe(30);
    const rabbit = runText(topologyToScenario(presetById('topic-dlx')!.topology)).s;
    rabbit.exec('run for=30s');
    expect(rabbit.sim.query('rabbit.deadLettered(billing)')).toBeGreaterThan(0);
    expect(rabbit.sim.query('rabbit.acked(shipping)')).toBe(8); // only order.paid: every third key
    const stream = runText(topologyToScenario(presetById('stream-readers')!.topology)).s;
    stream.exec('run for=3s');
    expect(Number(stream.sim.query('stream.lag(slow)'))).toBeGreaterThan(Number(stream.sim.query('stream.lag(fast)')));
    const pubsub = runText(topologyToScenario(presetById('fanout-subs')!.topology)).s;
    pubsub.exec('run for=60s');
    expect([pubsub.sim.query('pubsub.acked(analytics)'), pubsub.sim.query('pubsub.acked(audit)')]).toEqual([16, 16]);
  });
});

// ---- fast-check: valid topologies by construction ----
const pick = <T,>(items: readonly T[]) => fc.constantFrom(...items);
const consumerArb = (name: string, sources: readonly string[], prefetch: fc.Arbitrary<number>): fc.Arbitrary<Consumer> => fc.record({
  name: fc.constant(name), source: pick(sources), workMs: fc.integer({ min: 0, max: 400 }), failPct: fc.integer({ min: 0, max: 100 }),
  prefetch, onFail: pick(['requeue', 'reject'] as const), start: pick(['earliest', 'latest'] as const),
});
const producerArb = (name: string, targets: readonly string[], keys: fc.Arbitrary<string>, headers: fc.Arbitrary<string> = fc.constant('')): fc.Arbitrary<Producer> => fc.record({
  name: fc.constant(name), target: pick(targets), everyMs: fc.integer({ min: 1, max: 400 }), count: fc.integer({ min: 1, max: 25 }), keys, headers,
});
const names = (base: string, n: number, suffix = '') => Array.from({ length: n }, (_, i) => `${base}${i + 1}${suffix}`);
const listOf = <T,>(n: number, f: (i: number) => fc.Arbitrary<T>) => (n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => f(i))));

const sqsArb: fc.Arbitrary<Topology> = fc.record({ nq: fc.integer({ min: 1, max: 3 }), nc: fc.nat(3), np: fc.nat(2), fifo: fc.boolean() }).chain(({ nq, nc, np, fifo }) => {
  const qs = names('q', nq, fifo ? '.fifo' : '');
  return fc.record({
    queues: listOf(nq, (i) => fc.record({
      name: fc.constant(qs[i]!), fifo: fc.constant(fifo), visibilityMs: fc.integer({ min: 0, max: 3000 }),
      dlq: i < nq - 1 ? fc.constantFrom('', ...qs.slice(i + 1)) : fc.constant(''), maxReceives: fc.integer({ min: 1, max: 4 }), ttlMs: fc.constant(0), dlx: fc.constant(''),
    })),
    consumers: listOf(nc, (i) => consumerArb(`c${i + 1}`, qs, fc.integer({ min: 1, max: 10 }))),
    producers: listOf(np, (i) => producerArb(`p${i + 1}`, qs, fifo ? fc.constantFrom('g1', 'g1,g2', 'a,b,c') : fc.constant(''))),
    runForMs: fc.constant(0),
  }).map((parts) => ({ ...emptyTopology('sqs'), ...parts }));
});

const keyFor = (type: ExchangeType) => type === 'fanout' ? fc.constant('')
  : type === 'direct' ? fc.constantFrom('a', 'b.c', 'order-1')
  : type === 'topic' ? fc.constantFrom('#', '*', 'a.*', 'a.#', '#.c', '*.b.#', 'a.b')
  : fc.constantFrom('k=1', 'k=1,j=2', 'j=2');

const rabbitArb: fc.Arbitrary<Topology> = fc.record({ types: fc.array(pick(EXCHANGE_TYPES), { minLength: 1, maxLength: 3 }), nq: fc.integer({ min: 1, max: 3 }), nc: fc.nat(3), np: fc.nat(2) })
  .chain(({ types, nq, nc, np }) => {
    const xs = names('x', types.length);
    const qs = names('q', nq);
    return fc.record({
      queues: listOf(nq, (i) => fc.record({
        name: fc.constant(qs[i]!), fifo: fc.constant(false), visibilityMs: fc.constant(0), dlq: fc.constant(''), maxReceives: fc.constant(3),
        ttlMs: fc.constantFrom(0, 0, 300, 2000), dlx: fc.constantFrom('', ...xs),
      })),
      // Each exchange gets one binding (so none is unroutable), to a queue of its own index or the first.
      bindings: listOf(types.length, (i) => fc.record({ exchange: fc.constant(xs[i]!), queue: fc.constant(qs[i % nq]!), key: keyFor(types[i]!), match: pick(['all', 'any'] as const) })),
      consumers: listOf(nc, (i) => consumerArb(`c${i + 1}`, qs, fc.integer({ min: 0, max: 5 }))),
      producers: listOf(np, (i) => producerArb(`p${i + 1}`, xs, fc.constantFrom('a', 'a.b', 'b.c,a.b.c'), fc.constantFrom('k=1', 'j=2,k=1'))),
      runForMs: fc.constant(0),
    }).map((parts) => ({ ...emptyTopology('rabbit'), exchanges: types.map((type, i) => ({ name: xs[i]!, type })), ...parts }));
  });

const pubsubArb: fc.Arbitrary<Topology> = fc.record({ nt: fc.integer({ min: 1, max: 3 }), ns: fc.integer({ min: 1, max: 3 }), nc: fc.nat(3), np: fc.nat(2) }).chain(({ nt, ns, nc, np }) => {
  const ts = names('t', nt);
  const subs = names('s', ns);
  return fc.record({
    topics: fc.constant(ts.map((name) => ({ name }))),
    subscriptions: listOf(ns, (i) => fc.integer({ min: 0, max: nt - 1 }).chain((ti) => fc.record({
      name: fc.constant(subs[i]!), topic: fc.constant(ts[ti]!), ackDeadlineMs: fc.integer({ min: 10, max: 3000 }),
      deadLetter: fc.constantFrom('', ...ts.filter((_, k) => k !== ti)), maxAttempts: fc.integer({ min: 5, max: 8 }),
    }))),
    consumers: listOf(nc, (i) => consumerArb(`c${i + 1}`, subs, fc.constant(1))),
    producers: listOf(np, (i) => producerArb(`p${i + 1}`, ts, fc.constant(''))),
    runForMs: fc.constant(0),
  }).map((parts) => ({ ...emptyTopology('pubsub'), ...parts }));
});

const streamArb: fc.Arbitrary<Topology> = fc.record({ nt: fc.integer({ min: 1, max: 2 }), nc: fc.nat(3), np: fc.nat(2) }).chain(({ nt, nc, np }) => {
  const ts = names('t', nt);
  return fc.record({
    topics: fc.constant(ts.map((name) => ({ name }))),
    consumers: listOf(nc, (i) => consumerArb(`r${i + 1}`, ts, fc.integer({ min: 1, max: 20 })).map((c) => ({ ...c, failPct: Math.min(c.failPct, 40) }))),
    producers: listOf(np, (i) => producerArb(`p${i + 1}`, ts, fc.constant(''))),
    runForMs: fc.constant(0),
  }).map((parts) => ({ ...emptyTopology('stream'), ...parts }));
});

describe('any valid topology runs', () => {
  for (const [kind, arb] of [['sqs', sqsArb], ['rabbit', rabbitArb], ['pubsub', pubsubArb], ['stream', streamArb]] as const) {
    it(`${kind}: valid by the validator, and its scenario runs 5 s with no failed line and no violation`, () => {
      fc.assert(fc.property(arb, fc.nat(1000), (t, seed) => {
        expect(validateTopology(t)).toEqual([]);
        const { s, errors } = runText(topologyToScenario(t), seed);
        expect(errors).toEqual([]);
        s.exec('run for=5s');
        expect(s.sim.violations().map((v) => v.text)).toEqual([]);
        // Once every producer is done, everything it sent has arrived (the network loses nothing by default).
        s.exec(`run for=${Math.max(0, ...t.producers.map((p) => p.everyMs * p.count)) + 1000}ms`);
        // Dead letters are forwarded into their DLQ or dead-letter topic, so count only the others.
        const dead = new Set([...t.queues.map((q) => q.dlq), ...t.subscriptions.map((x) => x.deadLetter)]);
        const live = t.producers.filter((p) => !dead.has(p.target));
        const sent = live.reduce((n, p) => n + p.count, 0);
        const targets = [...new Set(live.map((p) => p.target))];
        const sum = (q: (name: string) => string) => targets.reduce((n, x) => n + Number(s.sim.query(q(x))), 0);
        const arrived = t.kind === 'sqs' ? sum((q) => `sqs.sent(${q})`)
          : t.kind === 'rabbit' ? Number(s.sim.query('rabbit.published'))
          : t.kind === 'pubsub' ? sum((x) => `pubsub.published(${x})`)
          : sum((x) => `stream.end(${x})`);
        expect(arrived).toBe(sent);
      }), { numRuns: 40 });
    }, 60_000);
  }
});

describe('stream readers that fail', () => {
  it('retry in place, or skip with onFail=skip', () => {
    const base = structuredClone(presetById('stream-readers')!.topology);
    base.consumers[1] = { ...base.consumers[1]!, failPct: 30, onFail: 'reject' };
    const text = topologyToScenario(base);
    expect(text).toContain('stream.reader name=slow topic=events from=earliest work=400ms batch=5 fail=30% onFail=skip');
    const { s, errors } = runText(text);
    expect(errors).toEqual([]);
    s.exec('run for=20s');
    expect(Number(s.sim.query('stream.processed(slow)'))).toBeGreaterThan(0);
    expect(s.sim.violations().map((v) => v.text)).toEqual([]);
  });
});
