// Moving in time through the store: time-only commands typed in the console are never recorded as inputs
// (a share link would replay them, and one typed at a past moment would discard the inputs after it), an
// acting command is, and the one set of actions (jumpTo, stepN, backN) pauses and publishes the moment.
import { describe, expect, it } from 'vitest';
import { createLabStore, END_OF_RUN, survivingInputs } from '../../../src/store/lab-store.ts';

const SEED = 7;
const SETUP = ['service name=app work=5ms', 'service name=audit work=30ms', 'subscribe service=audit topic=T'];

function opened() {
  const store = createLabStore(SEED);
  store.getState().load(SEED, SETUP);
  store.getState().exec('fanout from=app topic=T mode=events');
  store.getState().exec('run for=500ms');
  return store;
}

describe('what the console records as inputs', () => {
  it('time-only commands are never recorded, at the end of the run or at a past moment', () => {
    const store = opened();
    const s = store.getState();
    for (const line of ['seek t=100ms', 'back n=2', 'step n=1', 'run for=50ms', 'seek t=20ms', 'expect now >= 0ms', 'show kinds=all', 'speed x=2', 'view mode=tech', 'help', 'help run']) {
      expect(s.exec(line).error, line).toBeUndefined();
    }
    expect(store.getState().inputs.map((x) => x.line)).toEqual(['fanout from=app topic=T mode=events']);
    expect(store.getState().notice).toBeNull();
  });

  it('the console\'s path (commands run as jobs, a long run in slices) records the same', async () => {
    const store = opened();
    const typed = (line: string) => new Promise<void>((done) => store.getState().execInSlices(line, (r) => {
      expect(r.error, line).toBeUndefined();
      done();
    }));
    for (const line of ['run for=20s', 'seek t=30ms', 'back n=2', 'step n=1', 'crash node=audit']) await typed(line);
    expect(store.getState().inputs.map((x) => x.line)).toEqual(['fanout from=app topic=T mode=events', END_OF_RUN, 'crash node=audit']);
  });

  it('an acting command is recorded, and at a past moment after the marker of where the run had got', () => {
    const store = opened();
    store.getState().exec('seek t=20ms');
    store.getState().exec('crash node=audit');
    const inputs = store.getState().inputs;
    expect(inputs.map((x) => x.line)).toEqual(['fanout from=app topic=T mode=events', END_OF_RUN, 'crash node=audit']);
    expect(inputs[2]!.now).toBe(20);
    expect(survivingInputs(inputs).map((x) => x.line)).toEqual(['fanout from=app topic=T mode=events', 'crash node=audit']);
  });

  it('a fork is noticed from the trace, even when `show` prints no trace lines', () => {
    const store = opened();
    store.getState().exec('show kinds=none');
    store.getState().jumpTo(20);
    const r = store.getState().exec('crash node=audit');
    expect(r.forked).toBe(true);
    expect(store.getState().notice).toMatch(/forked/);
  });
});

describe('the time-travel actions', () => {
  it('pause, move and publish a new version with the moment reached', () => {
    const store = opened();
    const sim = store.getState().session.sim;
    const step = (act: () => void) => {
      store.setState({ playing: true, hold: 500 });
      const v = store.getState().version;
      act();
      const s = store.getState();
      expect([s.playing, s.hold, s.version, s.now]).toEqual([false, 0, v + 1, sim.now]);
    };
    step(() => store.getState().jumpTo(5));
    expect(sim.now).toBe(5);
    step(() => store.getState().stepN(1));
    const at = { eventCount: sim.eventCount, now: sim.now };
    step(() => store.getState().stepN(2));
    expect(sim.eventCount).toBe(at.eventCount + 2);
    step(() => store.getState().backN(2));
    expect({ eventCount: sim.eventCount, now: sim.now }).toEqual(at);
    step(() => store.getState().jumpTo(400));
    step(() => store.getState().jumpTo(at));
    expect({ eventCount: sim.eventCount, now: sim.now }).toEqual(at);
  });

  it('jumping to a trace entry lands at the end of the event that wrote it', () => {
    const store = opened();
    const sim = store.getState().session.sim;
    const entry = sim.trace().find((e) => e.kind === 'deliver')!;
    store.getState().jumpTo({ entry });
    expect(sim.trace().some((e) => e.i === entry.i)).toBe(true);
    store.getState().backN(1);
    expect(sim.trace().some((e) => e.i === entry.i)).toBe(false);
  });

  it('none of them records an input', () => {
    const store = opened();
    store.getState().jumpTo(30);
    store.getState().stepN(3);
    store.getState().backN(1);
    expect(store.getState().inputs).toHaveLength(1);
  });
});
