// Single-decree Paxos ("Paxos Made Simple"): the two phases, the rules that keep one value chosen,
// duelling proposers and the distinguished proposer that ends the duel.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { PaxosState } from '../../../src/engine/paxos/state.ts';

function run(s: Session, script: string): string[] {
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const r = s.exec(line.trim());
    out.push(...r.output);
    if (r.error) throw new Error(`${line.trim()}: ${r.error}`);
  }
  return out;
}
const paxos = (s: Session) => s.sim.state<PaxosState>('paxos');
const violations = (s: Session) => s.sim.violations().map((v) => v.invariant);

describe('Paxos', () => {
  it('§2.2 a lone proposer gets its value chosen in two phases, and every learner learns it', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5
      paxos.propose node=s1 value=x
      run for=100ms`);
    expect(s.sim.query('paxos.chosen')).toBe('x');
    for (const id of ['s1', 's2', 's3', 's4', 's5']) expect(paxos(s).agents[id]).toMatchObject({ promised: 5, acceptedN: 5, acceptedValue: 'x', learned: 'x' });
    expect(violations(s)).toEqual([]);
  });

  it('proposal numbers are round * N + index: unique per proposer and growing each round', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5
      paxos.propose node=s1 value=x
      paxos.propose node=s4 value=y`);
    expect([paxos(s).agents.s1!.proposer.n, paxos(s).agents.s4!.proposer.n]).toEqual([5, 8]);
  });

  it('P1a: an acceptor that promised n refuses a lower-numbered prepare with a Nack naming its promise', () => {
    const s = createSession(1);
    const out = run(s, `paxos.start servers=3
      paxos.propose node=s3 value=y
      run for=5ms
      paxos.propose node=s1 value=x
      run for=20ms`);
    // s3's Prepare n=5 reached s2 at 10ms; s1's Prepare n=3 reaches it at 15ms and is refused.
    expect(out).toContain('t=25ms s2->s1 Nack n=3 promised=5');
  });

  it('P2c: a proposer whose promises report an accepted value proposes that value instead of its own', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5
      paxos.propose node=s1 value=x
      run for=100ms
      paxos.propose node=s5 value=y
      run for=100ms`);
    expect(paxos(s).agents.s5!.proposer).toMatchObject({ want: 'y', value: 'x', phase: 'done' });
    expect(s.sim.query('paxos.chosen')).toBe('x');
  });

  it('P2c also holds when the earlier value reached only a minority: the new proposer may still pick it up', () => {
    const s = createSession(1);
    // Only s1 and s2 accept x (s3..s5 are cut off from s1 after phase 1), so x is not chosen.
    run(s, `paxos.start servers=5 timeout=10s
      paxos.propose node=s1 value=x
      run for=25ms
      partition a=s1 b=s3,s4,s5
      run for=30ms
      heal
      partition a=s5 b=s1
      paxos.propose node=s5 value=y
      run for=100ms`);
    expect(paxos(s).accepted[5]!.by).toEqual(['s1', 's2']);
    // s5's promises came from s2..s5; s2 reported x accepted under n=5, so s5 proposes x.
    expect(paxos(s).agents.s5!.proposer.value).toBe('x');
    expect(s.sim.query('paxos.chosen')).toBe('x');
  });

  it('an acceptor keeps its promise and accepted proposal across a crash', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=3
      paxos.propose node=s1 value=x
      run for=100ms
      crash node=s2
      restart node=s2`);
    expect(paxos(s).agents.s2).toMatchObject({ promised: 3, acceptedN: 3, acceptedValue: 'x' });
  });

  it('duelling proposers that retry at once pre-empt each other forever: nothing is chosen', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5 backoff=0ms
      paxos.propose node=s1 value=x
      run for=5ms
      paxos.propose node=s5 value=y
      run for=2s`);
    expect(s.sim.query('paxos.chosen')).toBe('none');
    expect(s.sim.query('paxos.rounds')).toBeGreaterThan(150);
    expect(violations(s)).toEqual([]);
  });

  it('a distinguished proposer ends the duel: the other forwards its value and one value is chosen', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5 backoff=0ms
      paxos.propose node=s1 value=x
      run for=5ms
      paxos.propose node=s5 value=y
      run for=200ms
      paxos.config leader=s1
      run for=200ms`);
    expect(s.sim.query('paxos.chosen')).toBe('x');
    for (const id of ['s1', 's2', 's3', 's4', 's5']) expect(paxos(s).agents[id]!.learned).toBe('x');
  });

  it('a random backoff after being pre-empted also ends the duel, after a few rounds', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = createSession(seed);
      run(s, `paxos.start servers=5 backoff=40ms
        paxos.propose node=s1 value=x
        run for=5ms
        paxos.propose node=s5 value=y
        run for=2s`);
      expect(s.sim.query('paxos.chosen'), `seed ${seed}`).not.toBe('none');
      expect(s.sim.query('paxos.rounds') as number).toBeLessThan(20);
    }
  });

  it('broken rule: ignoring the values promises carry lets a second value be chosen, and the check fires', () => {
    const s = createSession(1);
    run(s, `paxos.start servers=5 brokenValue=true
      paxos.propose node=s1 value=x
      run for=100ms
      paxos.propose node=s5 value=y
      run for=100ms`);
    expect(violations(s)).toContain('one-value-chosen');
    expect(s.sim.violations()[0]!.text).toBe('x and y were both chosen');
  });
});
