import { describe, expect, it } from 'vitest';
import { checkLesson, checkLessonSources, formatCheckLine } from '../../../src/lessons/check.ts';
import { simplificationsProblem } from '../../../src/lessons/markdown-lint.ts';
import { readLessonSources } from '../../../src/lessons/node-sources.ts';
import { parseLesson } from '../../../src/lessons/parse.ts';
import { openStep, openStepSession, resolvePredict, predictAnswer, checkGoal } from '../../../src/lessons/runtime.ts';
import type { Lesson } from '../../../src/lessons/types.ts';

const lessonFrom = (body: string): Lesson => {
  const r = parseLesson(`---\nid: 00-town-square\nchapter: 0\ntitle: T\nsummary: S\noutcomes: [o]\nsystems: [town]\nseed: 3\n---\n\n\`\`\`lab setup\nservice name=app work=10ms\nservice name=slow work=300ms\nsubscribe service=slow topic=Ping\n\`\`\`\n\n${body}`, 'lessons/00-town-square/lesson.md');
  if (!r.ok) throw new Error(`${r.line}: ${r.message}`);
  return r.lesson;
};

describe('npm run lab -- check, over the real lessons', () => {
  const lines = checkLessonSources(readLessonSources('lessons'));

  it('finds lessons 00 and 01 and passes every step', () => {
    expect(lines.filter((l) => !l.ok).map(formatCheckLine)).toEqual([]);
    expect(lines.some((l) => l.label === '00-town-square')).toBe(true);
    expect(lines.some((l) => l.label === '01-events-vs-commands')).toBe(true);
  });

  it('computes the fan-out answers from the simulation: the sum by calls, the maximum by events', () => {
    const detail = (title: string) => lines.find((l) => l.label.includes(title))!.detail;
    expect(detail('"Fan-out by phone"')).toContain('waited(app)=510');
    expect(detail('"Fan-out on the board"')).toContain('finished(app)=320');
  });
});

describe('the lesson check catches lessons the engine disagrees with', () => {
  it('a lab line that fails when run (it parses, but the service does not exist)', () => {
    const [, step] = checkLesson(lessonFrom('## S\n\nn\n\n```lab\npublish from=ghost topic=Ping\n```\n'));
    expect(step!.ok).toBe(false);
    expect(step!.problems[0]).toMatch(/lesson.md:\d+: opening the step: 'publish from=ghost topic=Ping': publish: there is no service 'ghost'/);
  });

  it('a prediction with two right answers, and one with none', () => {
    const two = checkLesson(lessonFrom('## S\n\nn\n\n```predict\nquestion: q\nchoices:\n  - text: a\n    when: now >= 0\n  - text: b\n    when: now < 5s\nrun: [run for=1s]\nexplain: e\n```\n'))[1]!;
    expect(two.problems[0]).toMatch(/predict: choices 1 and 2 both hold \(now is 1000\)/);
    const none = checkLesson(lessonFrom('## S\n\nn\n\n```predict\nquestion: q\nchoices:\n  - text: a\n    when: now > 5s\n  - text: b\n    when: now < 0\nrun: [run for=1s]\nexplain: e\n```\n'))[1]!;
    expect(none.problems[0]).toMatch(/none of the choices holds/);
  });

  it('a challenge already met at the start, and one whose solution misses the goal', () => {
    const met = checkLesson(lessonFrom('## S\n\nn\n\n```challenge\ngoal: read(slow, Ping) == 0\ndescription: d\nhint: h\nsolution: [run for=1s]\n```\n'))[1]!;
    expect(met.problems[0]).toMatch(/already holds when the step opens \(read\(slow, Ping\) is 0\)/);
    const missed = checkLesson(lessonFrom('## S\n\nn\n\n```challenge\ngoal: read(slow, Ping) == 1\ndescription: d\nhint: h\nsolution:\n  - publish from=app topic=Ping\n  - run for=100ms\n```\n'))[1]!;
    expect(missed.problems[0]).toMatch(/solution does not reach the goal 'read\(slow, Ping\) == 1' \(read\(slow, Ping\) is 0\)/);
  });

  it('a lesson without any predict or challenge breaks the curriculum rule', () => {
    const [head] = checkLesson(lessonFrom('## S\n\nn\n'));
    expect(head!.problems).toEqual([
      expect.stringMatching(/no predict question/),
      expect.stringMatching(/no challenge/),
      expect.stringMatching(/^lessons\/00-town-square\/lesson.md:\d+: the lesson does not end with a '### Where the lab simplifies' section/),
    ]);
  });

  // Issue #20: a lab people learn real systems from says which of its numbers are scaled and which rules simplified.
  it('every lesson must end with a "Where the lab simplifies" section that lists something', () => {
    const withSection = '## S\n\nn\n\n## Last\n\nText.\n\n### Where the lab simplifies\n\n- Visibility 2 s (SQS: 30 s).\n';
    expect(checkLesson(lessonFrom(withSection))[0]!.problems.filter((p) => p.includes('simplifies'))).toEqual([]);
    const onlyEarlier = checkLesson(lessonFrom('## S\n\n### Where the lab simplifies\n\n- one\n\n## Last\n\nn\n'))[0]!;
    expect(onlyEarlier.problems.join('\n')).toMatch(/lesson.md:\d+: the lesson does not end with a '### Where the lab simplifies' section/);
  });

  it('the section must come last, must list something, and a heading in a code block does not count', () => {
    expect(simplificationsProblem('x\n\n### Where the lab simplifies\n\n- a\n\n### Further reading\n\n- b'))
      .toMatch(/must come last, but '### Further reading' follows it/);
    expect(simplificationsProblem('x\n\n### Where the lab simplifies\n\nNothing much.')).toMatch(/lists nothing/);
    expect(simplificationsProblem('```text\n### Where the lab simplifies\n- a\n```')).toMatch(/does not end with/);
    expect(simplificationsProblem('### Where the lab simplifies\n\n```text\n# not a heading\n```\n\n1. one rule')).toBeNull();
  });

  it('reports a lesson that does not parse, and a folder outside the catalog', () => {
    const lines = checkLessonSources({ 'lessons/00-town-square/lesson.md': 'no front matter', 'lessons/99-extra/lesson.md': '' });
    expect(lines.map(formatCheckLine).join('\n')).toMatch(/FAIL lessons\/99-extra\/lesson.md\n.*not one of the fifteen chapters[\s\S]*FAIL 00-town-square\n\s+lessons\/00-town-square\/lesson.md:1: a lesson starts with front matter/);
  });
});

describe('the runtime the lesson page uses', () => {
  const lesson = lessonFrom('## One\n\nn\n\n```lab\npublish from=app topic=Ping\n```\n\n```predict\nquestion: q\nchoices:\n  - text: quick\n    when: finished(app) < 100ms\n  - text: slow\n    when: finished(app) >= 100ms\nrun: [run for=1s]\nexplain: e\n```\n\n## Two\n\nn\n\n```challenge\ngoal: read(slow, Ping) == 1\ndescription: d\nhint: h\nsolution: [publish from=app topic=Ping, run for=1s]\n```\n');

  it('openStep gives the setup plus that step only: steps are self-contained', () => {
    expect(openStep(lesson, 0)).toEqual(['service name=app work=10ms', 'service name=slow work=300ms', 'subscribe service=slow topic=Ping', 'publish from=app topic=Ping']);
    expect(openStep(lesson, 1)).toEqual(['service name=app work=10ms', 'service name=slow work=300ms', 'subscribe service=slow topic=Ping']);
    expect(() => openStep(lesson, 2)).toThrow(/steps 1 to 2; there is no step 3/);
  });

  it('resolvePredict runs the lines, then names the one choice that holds, with the values it read', () => {
    const { session, errors } = openStepSession(lesson, 0);
    expect(errors).toEqual([]);
    expect(session.seed).toBe(3);
    const r = resolvePredict(session, lesson.steps[0]!.predict!);
    expect(r).toEqual({ correctIndex: 1, holding: [1], values: { 'finished(app)': 320 } });
    expect(session.sim.now).toBe(1000);
  });

  it('predictAnswer computes the answer from the step start, whatever the live session did', () => {
    expect(predictAnswer(lesson, 0)).toEqual({ correctIndex: 1, holding: [1], values: { 'finished(app)': 320 } });
    expect(predictAnswer(lesson, 1)).toBeNull();
  });

  it('checkGoal says whether the challenge is met, with the values', () => {
    const { session } = openStepSession(lesson, 1);
    const ch = lesson.steps[1]!.challenge!;
    expect(checkGoal(session, ch)).toEqual({ met: false, actual: 'read(slow, Ping) is 0' });
    for (const l of ch.solution) session.exec(l);
    expect(checkGoal(session, ch)).toEqual({ met: true, actual: 'read(slow, Ping) is 1' });
  });
});
