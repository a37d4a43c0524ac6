// Appending with an expected version, case by case, per EventStoreDB's client documentation
// (ExpectedRevision in the official Rust client, and KurrentDB's "Appending events" page):
// - Any: "This write should not conflict with anything and should always succeed."
// - NoStream: "The stream being written to should not yet exist. If it does exist, treats that as a concurrency problem."
// - StreamExists: "The stream should exist."
// - Exact(n): "the last event written to the stream should have an event number matching your expected value".
// Stream revisions count from 0, so a stream's version is its last event's number, -1 when it has none.
import { describe, expect, it } from 'vitest';
import { checkExpected } from '../../../src/engine/eventstore/store.ts';
import { lab, notes } from './lab.ts';

describe('expected version (EventStoreDB)', () => {
  it('any always succeeds, whether or not the stream exists', () => {
    expect(checkExpected('s', 'any', -1)).toBeNull();
    expect(checkExpected('s', 'any', 7)).toBeNull();
  });
  it('no_stream succeeds only on a stream with no events', () => {
    expect(checkExpected('s', 'no_stream', -1)).toBeNull();
    expect(checkExpected('account-1', 'no_stream', 0)).toBe('WrongExpectedVersion: stream account-1 expected version no_stream, actual version 0');
  });
  it('stream_exists succeeds only once the stream has an event', () => {
    expect(checkExpected('s', 'stream_exists', 0)).toBeNull();
    expect(checkExpected('account-1', 'stream_exists', -1)).toBe('WrongExpectedVersion: stream account-1 expected version stream_exists, actual version no stream (-1)');
  });
  it('an exact version must equal the number of the last event', () => {
    expect(checkExpected('s', 3, 3)).toBeNull();
    expect(checkExpected('account-1', 2, 3)).toBe('WrongExpectedVersion: stream account-1 expected version 2, actual version 3');
    expect(checkExpected('account-1', 4, 3)).not.toBeNull();
  });

  it('a refused append writes nothing and the error names the stream, the expected and the actual version', () => {
    const s = lab();
    s.run('eventstore.append stream=account-1 type=Opened expected=no_stream\neventstore.append stream=account-1 type=Deposited amount=5 expected=0');
    s.run('eventstore.append stream=account-1 type=Deposited amount=9 expected=0');
    expect(s.q('eventstore.version(account-1)')).toBe(1);
    expect(s.q('eventstore.events')).toBe(2);
    expect(s.q('eventstore.balance(account-1)')).toBe(5);
    expect(notes(s)).toContain('WrongExpectedVersion: stream account-1 expected version 0, actual version 1');
  });

  it('reads a stream forwards and backwards from a version, and the whole store from a position', () => {
    const s = lab();
    s.run('eventstore.append stream=account-1 type=Opened\neventstore.append stream=account-2 type=Opened\neventstore.append stream=account-1 type=Deposited amount=3 count=3');
    expect(s.run('eventstore.read stream=account-1 from=1 max=2')).toEqual(['@2 account-1 v1 Deposited amount=3', '@3 account-1 v2 Deposited amount=3']);
    expect(s.run('eventstore.read stream=account-1 direction=backwards max=2')).toEqual(['@4 account-1 v3 Deposited amount=3', '@3 account-1 v2 Deposited amount=3']);
    expect(s.run('eventstore.read from=1 max=2')).toEqual(['@1 account-2 v0 Opened', '@2 account-1 v1 Deposited amount=3']);
  });

  it('refuses bad input with a specific message and changes nothing', () => {
    const s = lab();
    expect(() => s.run('eventstore.append stream=account-1 type=Opened expected=-1')).toThrow(/expected=-1: write any, no_stream, stream_exists or a version number/);
    expect(() => s.run('eventstore.append stream=cart-1 type=Opened')).toThrow(/not an aggregate stream: name an account-<id> or book-<id>/);
    expect(() => s.run('eventstore.append stream=account-1 type=OrderPlaced qty=2')).toThrow(/OrderPlaced is not an event of an account; its events are Opened, Deposited, Withdrawn/);
    expect(() => s.run('eventstore.append stream=account-1 type=Deposited')).toThrow(/Deposited needs amount= above 0/);
    expect(s.q('eventstore.events')).toBe(0);
  });
});

describe('clerks: load, validate, append with the version read', () => {
  const twoClerks = (opts: string) => {
    const s = lab();
    s.run(`eventstore.append stream=account-1 type=Opened\neventstore.append stream=account-1 type=Deposited amount=100
      eventstore.clerk name=ann think=100ms ${opts}\neventstore.clerk name=bob think=100ms ${opts}
      eventstore.do clerk=ann cmd=withdraw stream=account-1 amount=80\neventstore.do clerk=bob cmd=withdraw stream=account-1 amount=80
      run for=1s`);
    return s;
  };
  it('with expected=any both withdrawals land: the balance goes negative and the lost update is reported', () => {
    const s = twoClerks('expected=any');
    expect(s.q('eventstore.balance(account-1)')).toBe(-60);
    expect(s.q('eventstore.lostUpdates')).toBe(1);
    expect(s.sim.violations().map((v) => v.invariant)).toEqual(['no-lost-update']);
  });
  it('with the version read, the second gets the conflict; failing, it gives up', () => {
    const s = twoClerks('onConflict=fail');
    expect(s.q('eventstore.balance(account-1)')).toBe(20);
    expect(s.q('eventstore.failed(bob)')).toBe(1);
    expect(String(s.q('eventstore.result(bob)'))).toContain('WrongExpectedVersion: stream account-1 expected version 1, actual version 2');
  });
  it('retrying, it reloads and decides again on the new state (here: refused, insufficient funds)', () => {
    const s = twoClerks('onConflict=retry');
    expect(s.q('eventstore.retries(bob)')).toBe(1);
    expect(s.q('eventstore.refused(bob)')).toBe(1);
    expect(s.q('eventstore.balance(account-1)')).toBe(20);
    expect(s.sim.violations()).toEqual([]);
  });
  it('an append sent again after a lost answer is not written twice (idempotent by event id)', () => {
    const s = lab();
    s.run('eventstore.append stream=account-1 type=Opened\neventstore.clerk name=ann\neventstore.do clerk=ann cmd=deposit stream=account-1 amount=10\nrun for=25ms');
    // The Append is at the store (sent at 20 ms); lose the answer coming back by crashing nothing but the link.
    s.run('partition a=store b=ann oneway=true\nrun for=100ms\nheal\nrun for=3s');
    expect(s.q('eventstore.balance(account-1)')).toBe(10);
    expect(s.q('eventstore.done(ann)')).toBe(1);
    const appends = s.sim.trace().filter((e) => e.kind === 'send' && e.msg?.type === 'Append');
    expect(appends.length, 'the clerk sent the same append twice').toBe(2);
    expect(s.q('eventstore.events')).toBe(2);
  });
});

describe('reads of a read model', () => {
  it('a read waiting for its token is answered once the projector passes it; one waiting on a crashed projector gets no answer', () => {
    const s = lab();
    s.run('eventstore.projector name=b kind=balances poll=500ms\neventstore.clerk name=ann\neventstore.do clerk=ann cmd=open stream=account-1\nrun for=100ms');
    s.run('eventstore.ask clerk=ann projector=b key=account-1 consistency=wait');
    expect(s.q('eventstore.waiting(ann)')).toBe(true);
    s.run('run for=1s');
    expect(s.q('eventstore.answer(ann)')).toBe('account-1 = 0');
    expect(s.q('eventstore.waitedMs(ann)')).toBeGreaterThan(0);
    s.run('eventstore.do clerk=ann cmd=deposit stream=account-1 amount=5\nrun for=100ms\neventstore.ask clerk=ann projector=b key=account-1 consistency=wait\ncrash node=b');
    expect(s.q('eventstore.answer(ann)')).toBe('no answer: b crashed');
    expect(s.sim.violations()).toEqual([]);
  });
});
