// The admission register through the scenario language, as lesson 14 drives it. Sources: ABD (Attiya,
// Bar-Noy, Dolev 1995) for the majority register; Cassandra's last-write-wins by client timestamp; Lamport
// (1978) "if a -> b then C(a) < C(b)"; Dynamo (DeCandia et al. 2007) §4.4: concurrent versions kept as
// siblings by vector clocks; Jepsen's reading of indeterminate operations.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';

function run(lines: string[], seed = 1) {
  const s = createSession(seed);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return (q: string) => s.sim.query(q);
}

const partitioned = (mode: string, stamp = 'wall') => [
  `admission.start replicas=3 clients=2 mode=${mode} stamp=${stamp}`, 'network latency=10ms',
  'admission.write client=c1 value=1', 'run for=200ms',
  'partition a=r1,c1 b=r2,r3,c2', 'admission.write client=c2 value=2', 'run for=100ms',
  'admission.read client=c1', 'run for=2s',
];

describe('CAP: the same partition in both modes', () => {
  it('majority: the minority side refuses, the majority side answers, the history is linearizable', () => {
    const q = run(partitioned('majority'));
    expect(q('admission.refused')).toBe(1);
    expect(q('admission.okOps')).toBe(2);
    expect(q('admission.verdict')).toBe('linearizable');
  });

  it('available: everyone answers, c1 reads the stale 1 after c2 wrote 2, and the checker names that read', () => {
    const q = run(partitioned('available'));
    expect(q('admission.refused')).toBe(0);
    expect(q('admission.verdict')).toBe('not-linearizable');
    expect(q('admission.offending')).toBe('c1 read x -> 1 [300..320 ms]');
  });

  it('PACELC: without a partition majority pays two round trips to the replicas, available answers at once', () => {
    const ops = ['network latency=10ms', 'admission.write client=c1 value=1', 'run for=500ms', 'admission.read client=c2', 'run for=500ms'];
    expect(run(['admission.start mode=majority', ...ops])('admission.meanLatency')).toBe(60);
    expect(run(['admission.start mode=available', ...ops])('admission.meanLatency')).toBe(20);
  });

  it('a refused write is indeterminate: it reached a replica, so a later read may see it and stay linearizable', () => {
    const q = run([...partitioned('majority'), 'heal', 'admission.write client=c1 value=9', 'run for=2s', 'admission.read client=c2', 'run for=1s']);
    expect(q('admission.verdict')).toBe('linearizable');
  });
});

describe('clocks in the available mode', () => {
  const skewed = (stamp: string) => [
    `admission.start replicas=3 clients=2 mode=available stamp=${stamp}`, 'network latency=10ms', 'skew node=r2 by=-500ms',
    'admission.write client=c1 value=1', 'run for=200ms', 'admission.write client=c2 value=2', 'run for=2s',
  ];

  it('wall clocks: a replica 500 ms behind stamps the later write older, and last-write-wins silently drops it', () => {
    const q = run(skewed('wall'));
    expect(q('admission.lostWrites')).toBe(1);
    expect(q('admission.value(r2)')).toBe('1');
    expect(q('admission.diverged')).toBe(false);
  });

  it('Lamport clocks: r2 saw the first write, so its write counts higher and wins everywhere', () => {
    const q = run(skewed('lamport'));
    expect(q('admission.lostWrites')).toBe(0);
    expect(q('admission.value(r1)')).toBe('2');
    expect(q('admission.lamport(r1)')).toBe(2);
  });

  const concurrent = (stamp: string) => [
    `admission.start replicas=3 clients=2 mode=available stamp=${stamp}`, 'network latency=10ms',
    'partition a=r1,c1 b=r2,r3,c2', 'admission.write client=c1 value=a', 'admission.write client=c2 value=b', 'run for=100ms', 'heal', 'run for=2s',
  ];

  it('Lamport clocks order two concurrent writes anyway: one is dropped and nothing shows they were concurrent', () => {
    const q = run(concurrent('lamport'));
    expect(q('admission.siblings(r1)')).toBe(1);
    expect(q('admission.discarded')).toBe(1);
  });

  it('vector clocks expose the two concurrent writes as siblings on every replica after the heal', () => {
    const q = run(concurrent('vector'));
    for (const r of ['r1', 'r2', 'r3']) {
      expect(q(`admission.siblings(${r})`)).toBe(2);
      expect(q(`admission.value(${r})`)).toBe('a|b');
    }
    expect(q('admission.discarded')).toBe(0);
  });

  it('vector clocks: a write made after seeing the sibling supersedes both', () => {
    const q = run([...concurrent('vector'), 'admission.write client=c1 value=c', 'run for=2s']);
    expect(q('admission.siblings(r3)')).toBe(1);
    expect(q('admission.value(r3)')).toBe('c');
  });
});

describe('exactly-once is an effect', () => {
  it('on a lossy link at-most-once loses payments, at-least-once doubles some, idempotent charges each once', () => {
    const q = run(['admission.pay count=100 loss=30%', 'run for=10s']);
    expect(q('admission.missing(atmost)')).toBeGreaterThan(0);
    expect(q('admission.doubled(atmost)')).toBe(0);
    expect(q('admission.missing(atleast)')).toBe(0);
    expect(q('admission.doubled(atleast)')).toBeGreaterThan(0);
    expect(q('admission.paid(idempotent)')).toBe(100);
    expect(q('admission.doubled(idempotent)')).toBe(0);
  });
});

describe('bad input', () => {
  it('says what is wrong', () => {
    const s = createSession(1);
    expect(s.exec('admission.write client=c1 value=1').error).toMatch(/no register yet/);
    s.exec('admission.start');
    expect(s.exec('admission.read client=c9').error).toMatch(/'c9' is not a client; clients are c1,c2/);
    expect(s.exec('admission.write client=c1 value=1').error).toBeUndefined();
    expect(s.exec('admission.read client=c1').error).toMatch(/still waiting/);
    expect(s.exec('admission.pay count=5 loss=100%').error).toMatch(/under 100%/);
  });
});
