// Playing a prediction's run (issue #12, "watch it happen"): the run is computed once, then played from
// its start by the animation clock's ticks. Whatever the frames, seeks back and pauses on the way, playback
// stops exactly at the run's end, in the same state (trace hash) the answer was computed from, and a quiet
// stretch is jumped over with a badge saying how much time passed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLabStore, moveTo } from '../../../src/store/lab-store.ts';
import { reached } from '../../../src/store/scene-playback.ts';
import { captionAt, captionHoldMs, IDLE_WALL_MS, planRun } from '../../../src/lessons/scene.ts';
import { parseLesson } from '../../../src/lessons/parse.ts';
import { openStep } from '../../../src/lessons/runtime.ts';
import { readLessonSources } from '../../../src/lessons/node-sources.ts';

const sources = readLessonSources('lessons');
const lesson = (id: string) => {
  const r = parseLesson(Object.entries(sources).find(([f]) => f.includes(id))![1], id);
  if (!r.ok) throw new Error(r.message);
  return r.lesson;
};

/** A store at the start of a step's prediction run, the run computed and set as the scene. */
function sceneStore(id: string, step: number) {
  const l = lesson(id);
  const store = createLabStore();
  store.getState().load(l.meta.seed, openStep(l, step - 1));
  const sim = store.getState().session.sim;
  const from = { eventCount: sim.eventCount, now: sim.now, trace: sim.traceLength };
  for (const line of l.steps[step - 1]!.predict!.run) store.getState().exec(line);
  const plan = planRun(sim, from, l.steps[step - 1]!.scene);
  const answer = { hash: sim.traceHash(), ...plan.to };
  store.setState({ scene: { kind: 'run', from: plan.from, to: plan.to, moments: plan.moments, captions: plan.captions.placed, speed: plan.speed } });
  moveTo(sim, from.eventCount, from.now);
  store.getState().setSpeed(plan.speed!);
  return { store, sim, plan, answer };
}

describe('a prediction run played by the clock', () => {
  it('stops at the end of the run, in the state the answer was computed in, whatever the frames, seeks and pauses', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ wall: fc.integer({ min: 0, max: 100 }), act: fc.constantFrom('tick', 'tick', 'tick', 'tick', 'pause', 'seekBack') }), { maxLength: 300 }),
      (frames) => {
        const { store, sim, plan, answer } = sceneStore('10-consensus', 7);
        store.getState().play();
        for (const f of frames) {
          if (f.act === 'pause') store.getState().pause();
          else if (f.act === 'seekBack') { store.getState().jumpTo(Math.max(plan.from.now, sim.now - 100)); store.getState().play(); }
          else { store.getState().play(); store.getState().tick(f.wall); }
          // Never beyond the run's end while the run plays.
          if (sim.now > plan.to.now) return false;
        }
        // Then play on until the clock stops by itself.
        store.getState().play();
        for (let k = 0; k < 100_000 && store.getState().playing; k++) store.getState().tick(100);
        return reached(sim, plan.to) && sim.eventCount === answer.eventCount && sim.now === answer.now && sim.traceHash() === answer.hash;
      },
    ), { numRuns: 12 });
  }, 60_000);

  it('jumps over a quiet stretch and says how long it was (lesson 04 step 3: SQS waits out visibility timeouts)', () => {
    const { store, sim } = sceneStore('04-brokers', 3);
    store.getState().play();
    const badges: number[] = [];
    let longestStill = 0;
    let still = 0;
    for (let k = 0; k < 100_000 && store.getState().playing; k++) {
      const before = sim.eventCount;
      store.getState().tick(16);
      const b = store.getState().skipped;
      if (b && b.wallLeft > 1_600 - 16 - 1e-9) badges.push(b.ms);
      // Holding still on a caption (to read it) is not waiting on a quiet stretch.
      const holding = store.getState().hold > 0;
      still = sim.eventCount === before && !holding ? still + 16 : 0;
      longestStill = Math.max(longestStill, still);
    }
    expect(badges.length).toBeGreaterThan(0);
    expect(Math.min(...badges)).toBeGreaterThan(0);
    // Nothing happening never holds the screen much longer than the idle limit (captions aside).
    expect(longestStill).toBeLessThanOrEqual(IDLE_WALL_MS + 100);
  });

  it('holds still on each caption long enough to read it, in the order of the run (lesson 10 step 7)', () => {
    const { store, sim, plan } = sceneStore('10-consensus', 7);
    store.getState().play();
    const seen = new Map<string, { wall: number; still: number }>();
    for (let k = 0; k < 100_000 && store.getState().playing; k++) {
      const before = { now: sim.now, events: sim.eventCount };
      store.getState().tick(16);
      const shown = captionAt(plan.captions.placed, sim);
      if (!shown) continue;
      const s = seen.get(shown.text) ?? { wall: 0, still: 0 };
      s.wall += 16;
      if (sim.now === before.now && sim.eventCount === before.events) s.still += 16;
      seen.set(shown.text, s);
    }
    expect([...seen.keys()]).toEqual(plan.captions.placed.map((c) => c.text));
    // Each caption reached on the way holds (one showing at the start is held by the page as the run starts).
    const reachedOnTheWay = plan.captions.placed.filter((c) => !reached(plan.from, c));
    expect(reachedOnTheWay.length).toBe(4);
    for (const c of reachedOnTheWay) expect(seen.get(c.text)!.still).toBeGreaterThanOrEqual(captionHoldMs(c.text) - 16);
  });

  it('a seek or a step by hand ends the pause held for a caption, so play answers at once', () => {
    const { store, sim, plan } = sceneStore('10-consensus', 7);
    store.getState().play();
    for (let k = 0; k < 100_000 && store.getState().hold === 0 && store.getState().playing; k++) store.getState().tick(16);
    expect(store.getState().hold).toBeGreaterThan(0);
    store.getState().pause();
    store.getState().jumpTo(Math.max(plan.from.now, sim.now - 10));
    expect(store.getState().hold).toBe(0);
    const before = sim.eventCount;
    store.getState().play();
    for (let k = 0; k < 10 && sim.eventCount === before; k++) store.getState().tick(16);
    expect(sim.eventCount).toBeGreaterThan(before);
  });
});
