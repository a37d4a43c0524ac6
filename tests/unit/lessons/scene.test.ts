// A step's scene: the ```scene``` block (pace and captions) is parsed with file:line errors; the pace
// puts a run on screen for a sensible time (issue #12: about 5-30 s, whatever its simulated length) with
// quiet stretches skipped; captions land on the moment of the run they describe.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLesson } from '../../../src/lessons/parse.ts';
import { checkLesson } from '../../../src/lessons/check.ts';
import { readLessonSources } from '../../../src/lessons/node-sources.ts';
import { openStepSession, runLines } from '../../../src/lessons/runtime.ts';
import {
  captionAt, idleJump, IDLE_WALL_MS, LEAD_WALL_MS, MAX_SCENE_WALL_MS, MIN_SCENE_WALL_MS, paceSpeed, planFreeRun, planRun,
  targetWall, wallTime,
} from '../../../src/lessons/scene.ts';
import type { Lesson } from '../../../src/lessons/types.ts';

const FILE = 'lessons/00-town-square/lesson.md';
const HEAD = `---\nid: 00-town-square\nchapter: 0\ntitle: T\nsummary: S\noutcomes: [o]\nsystems: [town]\nseed: 3\n---\n\n\`\`\`lab setup\nservice name=app work=10ms\nservice name=slow work=300ms\nsubscribe service=slow topic=Ping\n\`\`\`\n\n## S\n\nWatch.\n\n\`\`\`lab\npublish from=app topic=Ping\n\`\`\`\n\n`;
/** The scene block's first line (its fence) is line 23 of HEAD + block. */
const FENCE_LINE = HEAD.split('\n').length;

const withScene = (yaml: string) => parseLesson(`${HEAD}\`\`\`scene\n${yaml}\n\`\`\`\n`, FILE);
const problem = (yaml: string) => {
  const r = withScene(yaml);
  if (r.ok) throw new Error('expected a problem');
  return `${r.line}: ${r.message}`;
};
const lessonWith = (yaml: string): Lesson => {
  const r = withScene(yaml);
  if (!r.ok) throw new Error(`${r.line}: ${r.message}`);
  return r.lesson;
};

describe('the ```scene``` block', () => {
  it('reads a pace and captions at a time or on a condition', () => {
    const scene = lessonWith('pace: 12s\ncaptions:\n  - at: 10ms\n    text: The notice reaches the board.\n  - when: read(slow, Ping) == 1\n    text: slow has read it.').steps[0]!.scene!;
    expect(scene.pace).toBe(12_000);
    expect(scene.captions).toEqual([
      { at: 10, when: null, text: 'The notice reaches the board.', line: FENCE_LINE + 3 },
      { at: null, when: 'read(slow, Ping) == 1', text: 'slow has read it.', line: FENCE_LINE + 5 },
    ]);
  });

  it('says what is wrong, on the line where it is', () => {
    expect(problem('pace: "12"')).toBe(`${FENCE_LINE + 1}: scene block: 'pace: 12' needs a unit: write 12ms or 12s`);
    expect(problem('pace: 90s')).toBe(`${FENCE_LINE + 1}: scene block: 'pace' is how long the run takes on screen, between 2s and 60s; got 90000ms`);
    expect(problem('pace: soon')).toBe(`${FENCE_LINE + 1}: scene block: 'pace' must be a duration like 350ms or 1.5s, got 'soon'`);
    expect(problem('paces: 12s')).toBe(`${FENCE_LINE + 1}: scene block: unknown field 'paces'. Did you mean 'pace'?`);
    expect(problem('captions:\n  - text: hi')).toBe(`${FENCE_LINE + 2}: scene block, caption 1 needs exactly one of 'at:' (a simulated time on the timeline, like 1.2s) and 'when:' (a condition)`);
    expect(problem('captions:\n  - at: 1s\n    when: now > 0\n    text: hi')).toContain(`${FENCE_LINE + 2}: scene block, caption 1 needs exactly one of`);
    expect(problem('captions:\n  - at: 5\n    text: hi')).toBe(`${FENCE_LINE + 2}: scene block, caption 1: 'at: 5' needs a unit: write 5ms or 5s`);
    expect(problem('captions:\n  - when: read(slow, Ping) ==\n    text: hi')).toMatch(new RegExp(`^${FENCE_LINE + 2}: scene block, caption 1: 'when' is not a valid condition`));
    expect(problem(`captions:\n  - at: 1s\n    text: ${'x'.repeat(141)}`)).toBe(`${FENCE_LINE + 3}: scene block, caption 1: 'text' is too long (141 characters; at most 140)`);
    expect(problem('captions:\n  - at: 1s\n    text: a\n  - at: 1000ms\n    text: b')).toBe(`${FENCE_LINE + 4}: scene block: captions 1 and 2 are at the same moment, so only one would ever show`);
    expect(problem('captions:\n  - at: 1s\n    txt: a')).toBe(`${FENCE_LINE + 3}: scene block, caption 1: unknown field 'txt'. Did you mean 'text'?`);
    expect(problem('captions: []')).toBe(`${FENCE_LINE + 1}: scene block: 'captions' needs at least 1 entry`);
  });

  it('belongs inside a step, once', () => {
    const before = parseLesson(HEAD.replace('## S', '```scene\npace: 5s\n```\n\n## S'), FILE);
    expect(before.ok ? '' : before.message).toBe('a ```scene``` block before the first step: start a step with a `## ` heading first');
    const twice = parseLesson(`${HEAD}\`\`\`scene\npace: 5s\n\`\`\`\n\n\`\`\`scene\npace: 6s\n\`\`\`\n`, FILE);
    expect(twice.ok ? '' : `${twice.line}: ${twice.message}`).toBe(`${FENCE_LINE + 4}: this step already has a \`\`\`scene\`\`\` block (line ${FENCE_LINE}); a step has at most one`);
  });

  it('npm run lab -- check reports a caption that never shows, at its line', () => {
    const lines = checkLesson(lessonWith('captions:\n  - when: read(app, Ping) == 1\n    text: never\n  - at: 5m\n    text: too late'));
    expect(lines[1]!.problems).toEqual([
      `${FILE}:${FENCE_LINE + 2}: scene: caption 1 ('never') never shows: 'read(app, Ping) == 1' never holds during the run`,
      `${FILE}:${FENCE_LINE + 4}: scene: caption 2 ('too late') never shows: its time 300000ms is after the run ends (320ms)`,
    ]);
    expect(checkLesson(lessonWith('captions:\n  - when: read(slow, Ping) == 1\n    text: read'))[1]!.ok).toBe(true);
  });
});

describe('pacing a run', () => {
  const gaps = fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 40 });
  const times = (g: number[]) => g.reduce<number[]>((acc, x) => [...acc, (acc[acc.length - 1] ?? 0) + x], []);

  it('puts a run of evenly spaced moments (heartbeats, ticks) on screen for its target time', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 2, max: 300 }), fc.integer({ min: MIN_SCENE_WALL_MS, max: MAX_SCENE_WALL_MS }), (gap, n, wall) => {
      const moments = Array.from({ length: n }, (_, k) => (k + 1) * gap);
      const end = n * gap;
      const speed = paceSpeed(0, end, moments, wall)!;
      const took = wallTime(0, end, moments, speed);
      // Excused: a target no run of n stretches can fill (each holds the screen at most IDLE_WALL_MS), or
      // one the speed range cannot reach (1/100x is still too fast, 100x too slow).
      const reachable = wall <= n * IDLE_WALL_MS * 0.9 && end / wall >= 0.0105 && end / wall <= 95;
      return !reachable || Math.abs(took - wall) <= wall * 0.05;
    }), { numRuns: 150 });
  }, 30_000);

  it('never holds the screen on a quiet stretch longer than IDLE_WALL_MS', () => {
    fc.assert(fc.property(gaps, fc.double({ min: 0.01, max: 100, noNaN: true }), (g, speed) => {
      const moments = times(g);
      let at = 0;
      for (const t of moments) {
        const jump = idleJump(at, t, speed);
        const shown = jump === null ? (t - at) / speed : (t - jump) / speed;
        if (shown > Math.max(IDLE_WALL_MS, LEAD_WALL_MS) + 1 / speed) return false;
        at = t;
      }
      return true;
    }));
  });

  it('gives a computed scene 5 to 30 s', () => {
    expect(targetWall(1, null)).toBe(MIN_SCENE_WALL_MS);
    expect(targetWall(1000, null)).toBe(MAX_SCENE_WALL_MS);
    expect(targetWall(3, 12_000)).toBe(12_000);
  });
});

describe('the real lessons play at a pace that can be followed', () => {
  const sources = readLessonSources('lessons');
  const lesson = (id: string) => {
    const r = parseLesson(Object.entries(sources).find(([f]) => f.includes(id))![1], id);
    if (!r.ok) throw new Error(r.message);
    return r.lesson;
  };
  const planOf = (l: Lesson, i: number) => {
    const { session } = openStepSession(l, i);
    const sim = session.sim;
    const from = { eventCount: sim.eventCount, now: sim.now, trace: sim.traceLength };
    runLines(session, l.steps[i]!.predict!.run);
    return planRun(sim, from, l.steps[i]!.scene);
  };

  it('lesson 00 step 1 (three 10 ms hops, 0.5 s at 1/10x) takes at least 5 s', () => {
    const l = lesson('00-town-square');
    const { session } = openStepSession(l, 0);
    const free = planFreeRun(session.sim, l.steps[0]!.scene);
    expect(free.speed).not.toBeNull();
    expect(50 / free.speed!).toBeGreaterThanOrEqual(MIN_SCENE_WALL_MS * 0.8);
  });

  it('lesson 04 step 3 (6 s of SQS retries, 24 s at 1/4x) never waits long on a quiet stretch and fits 5-30 s', () => {
    const p = planOf(lesson('04-brokers'), 2);
    const wall = wallTime(p.from.now, p.to.now, p.moments, p.speed!);
    expect(wall).toBeGreaterThanOrEqual(MIN_SCENE_WALL_MS * 0.8);
    expect(wall).toBeLessThanOrEqual(MAX_SCENE_WALL_MS * 1.25);
  });

  it('lesson 10 step 7 captions the partition, the second leader, the commit and the repair in order', () => {
    const p = planOf(lesson('10-consensus'), 6);
    expect(p.captions.missing).toEqual([]);
    const texts = p.captions.placed.map((c) => c.text.split(' ').slice(0, 3).join(' '));
    expect(texts).toEqual(['n1 rings its', 'n3, n4 and', 'kept is committed', 'The roads reopen.', 'n1 hears of']);
    // Before the second leader the first caption shows; once the repair is reached, the last.
    const [first, second, , , last] = p.captions.placed;
    expect(captionAt(p.captions.placed, { now: second!.now - 1, eventCount: 0 })).toBe(first);
    expect(captionAt(p.captions.placed, p.to)).toBe(last);
    expect(captionAt(p.captions.placed, { now: 0, eventCount: 0 })).toBeNull();
  });
});
