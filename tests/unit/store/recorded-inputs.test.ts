// Share links replay the learner's recorded inputs: these tests check that a fresh store that replays
// them reaches the same moment with the same trace, even when the learner went back in time and acted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createLabStore, END_OF_RUN, inPast, inputsToHere, replayInputs, survivingInputs, type RecordedInput,
} from '../../../src/store/lab-store.ts';
import type { TownState } from '../../../src/engine/town/state.ts';

const SEED = 7;
const SETUP = [
  'service name=app work=5ms', 'service name=notification work=40ms', 'service name=analytics work=300ms',
  'service name=audit work=30ms', 'subscribe service=notification topic=T', 'subscribe service=analytics topic=T',
  'subscribe service=audit topic=T',
];

function replay(inputs: readonly RecordedInput[], t: number) {
  const store = createLabStore(SEED);
  store.getState().load(SEED, SETUP);
  expect(replayInputs(store, inputs, t)).toBeNull();
  return store.getState().session.sim;
}

type Op =
  | { k: 'run'; ms: number } | { k: 'seek'; t: number } | { k: 'step' } | { k: 'back' }
  | { k: 'act'; line: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((ms) => ({ k: 'run' as const, ms })),
  fc.integer({ min: 0, max: 800 }).map((t) => ({ k: 'seek' as const, t })),
  fc.constant({ k: 'step' as const }),
  fc.constant({ k: 'back' as const }),
  fc.constantFrom(
    'fanout from=app topic=T mode=events', 'fanout from=app topic=T mode=calls', 'publish from=app topic=T',
    'crash node=analytics', 'restart node=analytics', 'crash node=audit', 'restart node=audit', 'pause node=notification',
    'resume node=notification', 'link from=board to=audit latency=50ms',
  ).map((line) => ({ k: 'act' as const, line })),
);

/** Runs the learner's actions. With `forks: false` an action in the past first returns to the end of the
 *  run (the kernel does not yet re-create a fork's trace entry when it replays from an earlier snapshot). */
function perform(ops: readonly Op[], forks = true) {
  const store = createLabStore(SEED);
  store.getState().load(SEED, SETUP);
  for (const o of ops) {
    const s = store.getState();
    if (o.k === 'run') s.exec(`run for=${o.ms}ms`);
    else if (o.k === 'seek') s.jumpTo(o.t);
    else if (o.k === 'step') s.stepN();
    else if (o.k === 'back') s.backN();
    else {
      const sim = s.session.sim;
      if (!forks) while (inPast(sim)) if (!sim.step()) break;
      s.exec(o.line);
    }
  }
  return store;
}

describe('recorded inputs (what share links carry)', () => {
  it('records commands that change the run, with their moment, and not time-only or failed ones', () => {
    const store = createLabStore(SEED);
    store.getState().load(SEED, SETUP);
    const s = store.getState();
    s.exec('run for=100ms');
    s.exec('fanout from=app topic=T mode=events');
    s.exec('expect now == 100ms');
    s.exec('publish from=nowhere topic=T');
    s.exec('show kinds=all');
    expect(store.getState().inputs).toEqual([{ line: 'fanout from=app topic=T mode=events', eventCount: 0, now: 100 }]);
  });

  it('an input at a past moment is preceded by a marker at the end the run had reached', () => {
    const store = perform([{ k: 'act', line: 'fanout from=app topic=T mode=events' }, { k: 'run', ms: 500 }, { k: 'seek', t: 20 }, { k: 'act', line: 'crash node=audit' }]);
    const inputs = store.getState().inputs;
    expect(inputs.map((x) => x.line)).toEqual(['fanout from=app topic=T mode=events', END_OF_RUN, 'crash node=audit']);
    expect(inputs[1]!.eventCount).toBeGreaterThan(inputs[2]!.eventCount);
    expect(inputs[2]!.now).toBe(20);
    expect(store.getState().notice).toMatch(/forked/);
    // Without the discarded part, only what survived the fork is left, in time order.
    expect(survivingInputs(inputs).map((x) => x.line)).toEqual(['fanout from=app topic=T mode=events', 'crash node=audit']);
  });

  it('replaying the recorded inputs reaches the same event, time and trace hash after any travel in time', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
      const store = perform(ops, false);
      const sim = store.getState().session.sim;
      const again = replay(inputsToHere(store.getState().inputs, sim), sim.now);
      expect(again.now).toBe(sim.now);
      expect(again.eventCount).toBe(sim.eventCount);
      expect(again.traceHash()).toBe(sim.traceHash());
    }), { numRuns: 100 });
  });

  it('replaying only the surviving inputs (what a link in time order holds) reaches the same state and time', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
      const store = perform(ops);
      const sim = store.getState().session.sim;
      const again = replay(survivingInputs(inputsToHere(store.getState().inputs, sim)).concat({ line: '# the moment this link shows', eventCount: sim.eventCount, now: sim.now }), sim.now);
      expect(again.now).toBe(sim.now);
      expect(again.state<TownState>('town')).toEqual(sim.state<TownState>('town'));
      expect(again.nodes()).toEqual(sim.nodes());
    }), { numRuns: 100 });
  });
});
