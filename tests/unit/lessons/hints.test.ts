// A challenge's hint ladder (issue #12): a nudge, then the idea, then the first commands of the reference
// solution, so a learner is never left with nothing until the whole answer is shown.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parse.ts';
import { readLessonSources } from '../../../src/lessons/node-sources.ts';
import { hintLadder, solutionStart } from '../../../src/lessons/hints.ts';
import type { Lesson, LessonLoad } from '../../../src/lessons/types.ts';

const FILE = 'lessons/01-events-vs-commands/lesson.md';
const lesson = (challenge: string): LessonLoad => parseLesson(`---
id: 01-events-vs-commands
chapter: 1
title: Events vs commands
summary: Facts for anyone vs requests for one.
outcomes: [Tell an event from a command.]
systems: [town]
seed: 7
---

## A step

Do it.

\`\`\`lab
service name=app work=10ms
service name=analytics work=300ms
subscribe service=analytics topic=T
\`\`\`

\`\`\`challenge
goal: read(analytics, T) == 1
description: Get the notice read.
${challenge}
solution:
  - publish from=app topic=T
  - run for=1s
\`\`\`
`, FILE);
const challengeOf = (load: LessonLoad) => {
  if (!load.ok) throw new Error(`${load.line}: ${load.message}`);
  return load.lesson.steps[0]!.challenge!;
};

describe('the hint ladder', () => {
  it('reads `hints:` as a list, gentlest first; `hint:` still gives one rung', () => {
    const c = challengeOf(lesson('hints:\n  - Who could tell the readers?\n  - |\n    A notice on the board reaches every reader.'));
    expect(c.hints).toEqual(['Who could tell the readers?', 'A notice on the board reaches every reader.']);
    expect(c.hint).toBe('Who could tell the readers?');
    expect(challengeOf(lesson('hint: Try publishing.')).hints).toEqual(['Try publishing.']);
  });

  it('refuses both keys, none, or more than four rungs, each with its line', () => {
    expect(lesson('hint: a\nhints:\n  - b')).toMatchObject({ ok: false, line: 25, message: "challenge block: give 'hint' (one) or 'hints' (a list), not both" });
    expect(lesson('')).toMatchObject({ ok: false, message: expect.stringMatching(/'hint' or 'hints' is missing/) });
    expect(lesson(`hints:\n${'  - more\n'.repeat(5)}`)).toMatchObject({ ok: false, message: expect.stringMatching(/hints/) });
  });

  it('ends with the first commands of the reference solution: about a third, one to eight lines', () => {
    expect(solutionStart(['a'])).toEqual(['a']);
    expect(solutionStart(['a', 'b', 'c', 'd'])).toEqual(['a', 'b']);
    expect(solutionStart(Array.from({ length: 25 }, (_, i) => `l${i}`))).toHaveLength(8);
    const ladder = hintLadder({ hints: ['nudge', 'idea'], solution: ['x', 'y', 'z', 'w'] });
    expect(ladder).toEqual(['nudge', 'idea', 'The reference solution starts like this (2 more lines after):\n\n```lab\nx\ny\n```']);
    expect(hintLadder({ hints: ['n'], solution: ['only'] }).at(-1)).toBe('The reference solution is:\n\n```lab\nonly\n```');
  });

  it('every challenge in lessons 00-04 and 10 has a nudge and the idea before the solution rung', () => {
    const loads = Object.entries(readLessonSources('lessons')).filter(([f]) => /lessons\/(0[0-4]|10)-/.test(f)).map(([f, src]) => parseLesson(src, f));
    const challenges = loads.flatMap((l) => (l.ok ? (l.lesson as Lesson).steps.flatMap((s) => (s.challenge ? [{ file: l.lesson.file, title: s.title, c: s.challenge }] : [])) : []));
    expect(challenges.length).toBeGreaterThanOrEqual(14);
    for (const { file, title, c } of challenges) expect(c.hints.length, `${file}: ${title}`).toBeGreaterThanOrEqual(2);
    // Lesson 10's "break it yourself" (25 commands) gets a plan before its first eight commands.
    const breakIt = challenges.find((x) => x.title === 'Your turn: break it yourself')!;
    const ladder = hintLadder(breakIt.c);
    expect(ladder).toHaveLength(4);
    expect(ladder[2]).toMatch(/The plan in four moves/);
    expect(ladder[3]).toMatch(/^The reference solution starts like this \(17 more lines after\)/);
  });
});
