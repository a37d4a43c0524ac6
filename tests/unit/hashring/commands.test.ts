// The hash ring through its scenario commands and queries: what a lesson and the console see.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/script/runner.ts';

function run(s: Session, script: string): string[] {
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const r = s.exec(line.trim());
    out.push(...r.output);
    if (r.error) throw new Error(`${line.trim()}: ${r.error}`);
  }
  return out;
}
const q = (s: Session, expr: string) => s.sim.query(expr);
const error = (s: Session, line: string) => s.exec(line).error ?? '';

describe('hashring commands', () => {
  it('a join hands exactly the moved keys to the newcomer, one Handoff per old owner', () => {
    const s = createSession(1);
    run(s, 'hashring.start nodes=4 keys=2000 vnodes=32\nhashring.join\nrun for=1s');
    expect(q(s, 'hashring.nodes')).toBe(5);
    expect(q(s, 'hashring.received(h5)')).toBe(q(s, 'hashring.moved(ring)'));
    expect(s.sim.trace().filter((e) => e.kind === 'send').map((e) => `${e.from}>${e.to}`)).toEqual(['h1>h5', 'h2>h5', 'h3>h5', 'h4>h5']);
    expect(q(s, 'hashring.expectedPct(ring)')).toBe(20);
    expect(q(s, 'hashring.expectedPct(modulo)')).toBe(80);
  });

  it('rack-aware placement puts no two replicas of a key in one rack (Cassandra NetworkTopologyStrategy)', () => {
    const s = createSession(1);
    run(s, 'hashring.start nodes=6 racks=3 keys=500 vnodes=8\nhashring.config replicas=3');
    expect(q(s, 'hashring.sharedRack')).toBeGreaterThan(0);
    run(s, 'hashring.config placement=rack');
    expect(q(s, 'hashring.sharedRack')).toBe(0);
    expect(String(q(s, 'hashring.replicas(k1)')).split(',')).toHaveLength(3);
  });

  it('a hot key overloads its node under every scheme; splitting or caching it is what helps', () => {
    const s = createSession(1);
    run(s, 'hashring.start nodes=8 keys=2000 vnodes=128\nhashring.hot key=k7 weight=2000');
    for (const scheme of ['modulo', 'ring', 'rendezvous', 'jump', 'bounded']) expect(q(s, `hashring.requestPeak(${scheme})`)).toBeGreaterThan(4);
    run(s, 'hashring.hot key=k7 weight=2000 split=16');
    expect(q(s, 'hashring.requestPeak(ring)')).toBeLessThan(2.5);
    run(s, 'hashring.hot key=k7 weight=2000 cache=on');
    expect(q(s, 'hashring.requestPeak(ring)')).toBeLessThan(1.5);
  });

  it('bounded loads keeps every node under ceil((1+eps) m/n) where a one-token ring is far over', () => {
    const s = createSession(1);
    run(s, 'hashring.start nodes=5 keys=1000 vnodes=1 eps=0.1');
    expect(q(s, 'hashring.capacity')).toBe(220);
    expect(Number(q(s, 'hashring.maxOverMean(ring)'))).toBeGreaterThan(1.5);
    expect(Number(q(s, 'hashring.maxOverMean(bounded)'))).toBeLessThanOrEqual(1.1);
  });

  it('refuses bad input with a specific message and changes nothing', () => {
    const s = createSession(1);
    expect(error(s, 'hashring.join')).toMatch(/no ring yet/);
    run(s, 'hashring.start nodes=3');
    expect(error(s, 'hashring.start nodes=3')).toMatch(/already running/);
    expect(error(s, 'hashring.leave node=h9')).toMatch(/'h9' is not on the ring; members are h1,h2,h3/);
    expect(error(s, 'hashring.join node=h2')).toMatch(/h2 is already on the ring/);
    expect(error(s, 'hashring.config vnodes=0')).toMatch(/vnodes= must be a whole number from 1 to 1024/);
    expect(error(s, 'hashring.hot key=k5000')).toMatch(/no key 'k5000'; keys are k0..k999/);
    expect(error(s, 'hashring.start nodes=300')).toMatch(/nodes= must be 1 to 128/);
    expect(() => q(s, 'hashring.owner(k1, md5)')).toThrow(/no placement scheme 'md5'/);
    expect(q(s, 'hashring.nodes')).toBe(3);
  });
});
