// The two generals (Akkoyunlu, Ekanadham and Huber 1975; Gray, "Notes on Data Base Operating Systems", 1978:
// "there is no protocol that guarantees that the generals will agree"): messengers over a valley held by
// the enemy, a finite protocol of confirmations, and a decision at dawn.
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/script/runner.ts';
import { session } from './helpers.ts';
import type { GeneralsState } from '../../../src/engine/generals/state.ts';

const q = (s: Session, query: string) => s.sim.query(query);
/** The command's own message, without the `command: ` the console puts before it. */
const errorOf = (s: Session, line: string) => s.exec(line).error?.replace(/^[\w.]+: /, '');

describe('the two generals', () => {
  it('with every messenger through, both attack at dawn and not before', () => {
    const s = session('generals.start rounds=3 dawn=1s\nrun for=999ms');
    expect(q(s, 'generals.outcome')).toBe('undecided');
    expect(q(s, 'generals.arrived')).toBe(4);
    s.exec('run for=1ms');
    expect(q(s, 'generals.outcome')).toBe('both-attack');
  });

  it('messengers alternate: east carries the plan and the odd confirmations, west the even ones', () => {
    const st = session('generals.start rounds=3').sim.state<GeneralsState>('generals');
    expect(st.messengers.map((m) => `${m.k}:${m.from}->${m.to}`)).toEqual(['1:east->west', '2:west->east', '3:east->west', '4:west->east']);
  });

  it('with no confirmation at all, catching the plan leaves east attacking alone', () => {
    const s = session('generals.start rounds=0\ngenerals.ambush messenger=1\nrun for=1s');
    expect(q(s, 'generals.outcome')).toBe('east-alone');
  });

  it('catching the plan when a confirmation is expected: nobody attacks (safe, but no battle)', () => {
    const s = session('generals.start rounds=1\ngenerals.ambush messenger=1\nrun for=1s');
    expect(q(s, 'generals.outcome')).toBe('neither-attacks');
    expect(q(s, 'generals.fate(2)')).toBe('unsent');
  });

  it('catching the last confirmation splits them: its sender attacks, its receiver holds', () => {
    expect(q(session('generals.start rounds=1\ngenerals.ambush messenger=2\nrun for=1s'), 'generals.outcome')).toBe('west-alone');
    expect(q(session('generals.start rounds=4\ngenerals.ambush messenger=5\nrun for=1s'), 'generals.outcome')).toBe('east-alone');
  });

  it('a messenger dropped by hand past the valley is still out at dawn: late, and its receiver holds', () => {
    const s = session('generals.start rounds=1 dawn=1s\nrun for=35ms');
    const flight = s.sim.inFlight().find((f) => f.from === 'valley');
    expect(flight?.to).toBe('east');
    expect(errorOf(s, 'generals.ambush messenger=2')).toMatch(/past the valley; drop its flight by hand/);
    expect(s.exec(`drop msg=${flight!.msgId}`).error).toBeUndefined();
    s.exec('run for=1s');
    expect(q(s, 'generals.fate(2)')).toBe('late');
    expect(q(s, 'generals.outcome')).toBe('west-alone');
  });

  it('refuses bad orders with a specific message and changes nothing', () => {
    const s = session('generals.start rounds=2');
    expect(errorOf(s, 'generals.ambush messenger=4')).toBe('there is no messenger 4; this protocol sends messengers 1 to 3');
    expect(errorOf(s, 'generals.start rounds=2')).toMatch(/taken by another node|already on their hills/);
    expect(errorOf(createSession(1), 'generals.start rounds=21')).toBe('rounds= must be 0 to 20, got 21');
    expect(errorOf(createSession(1), 'generals.ambush messenger=1')).toBe('no generals yet; start them with generals.start rounds=1');
    s.exec('run for=1s');
    expect(errorOf(s, 'generals.ambush messenger=1')).toBe('messenger 1 is already arrived; the enemy is too late for it');
    expect(q(s, 'generals.outcome')).toBe('both-attack');
  });
});
