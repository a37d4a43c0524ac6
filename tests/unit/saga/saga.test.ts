// Saga rules, each with its source:
// - Garcia-Molina & Salem, "Sagas" (SIGMOD 1987), §1: "if a saga is partially executed, it must be
//   amended with compensating transactions": T1..Tj then Cj..C1, in reverse order.
// - microservices.io, "Pattern: Saga": orchestration and choreography; the pivot transaction ("the go/no-go
//   point ... if it commits, the saga will run until completion") and retriable transactions after it;
//   countermeasures for the lack of isolation (semantic lock, commutative updates).
// - Temporal's saga sample (samples-go/saga): compensations registered as steps complete, run in reverse
//   on failure; an activity is retried per its retry policy; the workflow resumes from its event history.
// - Two-phase commit: Gray & Reuter, "Transaction Processing" §10; a prepared participant may not decide alone.
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../src/engine/core/command.ts';
import { newSim, run, state, undoOrder, violations } from './helpers.ts';

const lunch = (sim: ReturnType<typeof newSim>, extra: Record<string, string | number | boolean> = {}) =>
  run(sim, 'saga.define', { name: 'lunch', steps: ['bakery', 'deli', 'fruit'], ...extra });
const ended = (sim: ReturnType<typeof newSim>) => sim.runUntilTrue(() => Object.values(state(sim).sagas).every((s) => s.status === 'done' || s.status === 'compensated'), 30_000);

describe('orchestrated saga', () => {
  it('runs every step in order when nothing fails', () => {
    const sim = newSim();
    lunch(sim);
    run(sim, 'saga.start', { def: 'lunch' });
    expect(ended(sim)).toBe(true);
    const st = state(sim);
    expect(st.sagas.lunch1!.status).toBe('done');
    expect(st.shopOrder.map((s) => st.shops[s]!.value)).toEqual([200, 200, 200]);
    expect(st.sagas.lunch1!.history.map((h) => h.kind)).toEqual([
      'SagaStarted', 'StepStarted', 'StepCompleted', 'StepStarted', 'StepCompleted', 'StepStarted', 'StepCompleted', 'SagaCompleted',
    ]);
  });

  it('compensates the done steps in reverse order when a later step fails (Garcia-Molina & Salem §1)', () => {
    const sim = newSim();
    run(sim, 'saga.define', { name: 'lunch', steps: ['bakery', 'fruit', 'deli'] });
    run(sim, 'saga.fail', { shop: 'deli' });
    run(sim, 'saga.start', { def: 'lunch' });
    ended(sim);
    const st = state(sim);
    expect(st.sagas.lunch1!.status).toBe('compensated');
    expect(undoOrder(st, 'lunch1')).toEqual([1, 0]);
    expect(st.shops.bakery!.value + st.shops.fruit!.value + st.shops.deli!.value).toBe(0);
    expect(violations(sim)).toEqual([]);
  });

  it('retries a transient failure within the retry policy and completes', () => {
    const sim = newSim();
    lunch(sim, { retries: 2 });
    run(sim, 'saga.fail', { shop: 'deli', times: '2' });
    run(sim, 'saga.start', { def: 'lunch' });
    ended(sim);
    expect(state(sim).sagas.lunch1!.status).toBe('done');
    expect(state(sim).sagas.lunch1!.history.filter((h) => h.kind === 'StepFailed')).toHaveLength(2);
  });

  it('after the pivot, a failing step is retried until it succeeds, never compensated (microservices.io)', () => {
    const sim = newSim();
    lunch(sim, { pivot: 'deli', retries: 1 });
    run(sim, 'saga.fail', { shop: 'fruit', times: '6' });
    run(sim, 'saga.start', { def: 'lunch' });
    ended(sim);
    const st = state(sim);
    expect(st.sagas.lunch1!.status).toBe('done');
    expect(st.sagas.lunch1!.history.filter((h) => h.kind === 'StepFailed' && h.step === 2)).toHaveLength(6);
  });

  it('a flaky shop (rate=) fails attempts at random from the seeded randomness: the same seed, the same run', () => {
    const outcome = (seed: number) => {
      const sim = newSim(seed);
      lunch(sim, { retries: 1 });
      run(sim, 'saga.fail', { shop: 'deli', times: '0', rate: 0.5 });
      run(sim, 'saga.start', { def: 'lunch', count: 20 });
      ended(sim);
      return Object.values(state(sim).sagas).map((s) => s.status).join(',');
    };
    expect(outcome(3)).toBe(outcome(3));
    expect(outcome(3)).toMatch(/done/);
    expect(outcome(3)).toMatch(/compensated/);
  });

  it('a compensation is retried until it succeeds', () => {
    const sim = newSim();
    lunch(sim);
    run(sim, 'saga.fail', { shop: 'deli' });
    run(sim, 'saga.fail', { shop: 'bakery', times: '0', undo: 3 });
    run(sim, 'saga.start', { def: 'lunch' });
    ended(sim);
    expect(state(sim).sagas.lunch1!.status).toBe('compensated');
    expect(state(sim).shops.bakery!.value).toBe(0);
  });

  it('a restarted orchestrator resumes from its log, and the shop dedupes the resent step (Temporal: replay from history)', () => {
    const sim = newSim();
    lunch(sim);
    run(sim, 'saga.start', { def: 'lunch' });
    sim.runFor(15);
    sim.crash('school');
    sim.runFor(500);
    sim.restart('school');
    ended(sim);
    const st = state(sim);
    expect(st.sagas.lunch1!.status).toBe('done');
    expect(st.effects['bakery:lunch1/0']).toEqual({ do: 1, undo: 0 });
    expect(st.sagas.lunch1!.history.some((h) => h.kind === 'Resumed')).toBe(true);
  });

  it('a step that times out is compensated too, and a late action after its compensation is refused (tombstone)', () => {
    const sim = newSim();
    lunch(sim, { timeout: 100, retries: 0 });
    run(sim, 'saga.shop', { name: 'deli', work: 400 });
    run(sim, 'saga.start', { def: 'lunch' });
    ended(sim);
    sim.runFor(2000);
    const st = state(sim);
    expect(st.sagas.lunch1!.status).toBe('compensated');
    expect(st.shops.deli!.value).toBe(0);
    expect(violations(sim)).toEqual([]);
  });

  it('without idempotency keys a resent step books twice: the detector names it', () => {
    const sim = newSim();
    lunch(sim, { timeout: 100 });
    run(sim, 'saga.shop', { name: 'deli', work: 150, dedupe: false });
    run(sim, 'saga.start', { def: 'lunch' });
    sim.runFor(3000);
    expect(violations(sim).some((v) => v.startsWith('once-in-effect: deli booked lunch1 step 2'))).toBe(true);
  });

  it('a step that cannot be taken back before the pivot breaks semantic atomicity; placed after the pivot it cannot', () => {
    const bad = newSim();
    run(bad, 'saga.define', { name: 'lunch', steps: ['bakery', 'fruit', 'deli'] });
    run(bad, 'saga.shop', { name: 'fruit', noundo: true });
    run(bad, 'saga.fail', { shop: 'deli' });
    run(bad, 'saga.start', { def: 'lunch' });
    ended(bad);
    expect(violations(bad).some((v) => v.startsWith('semantic-atomicity'))).toBe(true);
    const good = newSim();
    run(good, 'saga.define', { name: 'lunch', steps: ['bakery', 'deli', 'fruit'], pivot: 'deli' });
    run(good, 'saga.shop', { name: 'fruit', noundo: true });
    run(good, 'saga.fail', { shop: 'deli' });
    run(good, 'saga.start', { def: 'lunch' });
    ended(good);
    expect(state(good).sagas.lunch1!.status).toBe('compensated');
    expect(violations(good)).toEqual([]);
  });

  it('refuses bad definitions with a specific message', () => {
    const sim = newSim();
    expect(() => run(sim, 'saga.define', { name: 'lunch', steps: ['bakery', 'bakery'] })).toThrow(/bakery appears twice/);
    expect(() => run(sim, 'saga.define', { name: 'lunch', steps: ['bakery'], pivot: 'deli' })).toThrow(/pivot=deli is not one of the steps/);
    expect(() => run(sim, 'saga.start', { def: 'nope' })).toThrow(CommandError);
    expect(() => run(sim, 'saga.fail', { shop: 'deli', times: 'often' })).toThrow(/there is no shop 'deli'|times= is always/);
  });
});

describe('choreographed saga', () => {
  it('each shop reacts to the previous one; a failure travels back as compensations, in reverse order', () => {
    const sim = newSim();
    lunch(sim, { mode: 'choreographed', retries: 0 });
    run(sim, 'saga.fail', { shop: 'fruit' });
    run(sim, 'saga.start', { def: 'lunch' });
    ended(sim);
    const st = state(sim);
    expect(st.sagas.lunch1!.status).toBe('compensated');
    expect(undoOrder(st, 'lunch1')).toEqual([1, 0]);
    const types = sim.trace().filter((e) => e.kind === 'send').map((e) => `${e.from}>${e.to} ${e.msg!.type}`);
    expect(types).toEqual([
      'school>bakery Ordered', 'bakery>deli StepDone', 'deli>fruit StepDone', 'fruit>deli StepFailed', 'deli>bakery StepCompensated', 'bakery>school StepCompensated',
    ]);
  });
});

describe('isolation', () => {
  it('a reader sees a booking later compensated (dirty read); under a semantic lock it does not', () => {
    for (const lock of [false, true]) {
      const sim = newSim();
      lunch(sim, { lock });
      run(sim, 'saga.fail', { shop: 'deli' });
      run(sim, 'saga.start', { def: 'lunch' });
      sim.runFor(50);
      run(sim, 'saga.read', { shop: 'bakery', as: 'r1' });
      ended(sim);
      expect(state(sim).reads.r1!.value).toBe(lock ? 0 : 200);
      expect(violations(sim).some((v) => v.startsWith('no-dirty-read'))).toBe(!lock);
    }
  });

  it('undo by restoring the old value loses a concurrent saga\'s update; a commutative undo does not', () => {
    for (const undo of ['restore', 'commutative']) {
      const sim = newSim();
      run(sim, 'saga.define', { name: 'a', steps: ['bakery', 'deli'] });
      run(sim, 'saga.define', { name: 'b', steps: ['bakery'] });
      run(sim, 'saga.shop', { name: 'bakery', undo });
      run(sim, 'saga.shop', { name: 'deli', work: 200 });
      run(sim, 'saga.fail', { shop: 'deli' });
      run(sim, 'saga.start', { def: 'a', qty: 100 });
      sim.runFor(40);
      run(sim, 'saga.start', { def: 'b', qty: 50 });
      ended(sim);
      expect(state(sim).shops.bakery!.value).toBe(undo === 'restore' ? 0 : 50);
      expect(violations(sim).some((v) => v.startsWith('no-lost-update'))).toBe(undo === 'restore');
    }
  });
});

describe('two-phase commit', () => {
  it('commits when all vote yes; aborts everywhere when one votes no', () => {
    const sim = newSim();
    run(sim, 'saga.twopc', { id: 't1', shops: ['bakery', 'deli', 'fruit'] });
    sim.runFor(100);
    expect(state(sim).txs.t1!.decision).toBe('commit');
    run(sim, 'saga.fail', { shop: 'deli' });
    run(sim, 'saga.twopc', { id: 't2', shops: ['bakery', 'deli', 'fruit'] });
    sim.runFor(100);
    const st = state(sim);
    expect(st.txs.t2!.decision).toBe('abort');
    expect(['bakery', 'deli', 'fruit'].map((s) => st.shops[s]!.tx.t2)).toEqual(['aborted', 'aborted', 'aborted']);
    expect(st.shops.bakery!.value).toBe(200);
  });

  it('a coordinator that dies after the prepares leaves participants in doubt, holding locks, until it returns', () => {
    const sim = newSim();
    run(sim, 'saga.twopc', { id: 't1', shops: ['bakery', 'deli'] });
    sim.runUntilTrue(() => ['bakery', 'deli'].every((s) => state(sim).shops[s]!.tx.t1 === 'prepared'), 1000);
    sim.crash('coordinator');
    run(sim, 'saga.read', { shop: 'bakery', as: 'r1' });
    sim.runFor(5000);
    expect(state(sim).shops.bakery!.lock).toBe('t1');
    expect(state(sim).reads.r1!.doneAt).toBeNull();
    sim.restart('coordinator');
    sim.runFor(100);
    const r1 = state(sim).reads.r1!;
    expect(r1.doneAt! - r1.at).toBeGreaterThanOrEqual(5000);
    expect(state(sim).shops.bakery!.lock).toBeNull();
  });
});
