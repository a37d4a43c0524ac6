import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parse.ts';
import type { LessonLoad } from '../../../src/lessons/types.ts';

const FILE = 'lessons/01-events-vs-commands/lesson.md';

const FRONT = `---
id: 01-events-vs-commands
chapter: 1
title: Events vs commands
summary: Facts for anyone vs requests for one.
outcomes:
  - Tell an event from a command.
systems: [town]
seed: 7
---`;

const VALID = `${FRONT}

Some **intro** text.

\`\`\`lab setup
service name=app work=10ms   # the app
service name=analytics work=300ms
\`\`\`

## First step

Watch the notice.

\`\`\`lab
subscribe service=analytics topic=TaskCreated
publish from=app topic=TaskCreated
\`\`\`

\`\`\`text
## not a heading: inside an ordinary code block
\`\`\`

\`\`\`predict
question: How long does the app wait?
choices:
  - text: About 20 ms
    when: waited(app) < 50ms
  - text: About 320 ms
    when: waited(app) >= 50ms
run:
  - run for=1s
explain: |
  The board answers quickly.
\`\`\`

## Second step

### A sub-heading stays in the narration

\`\`\`challenge
goal: read(analytics, TaskCreated) == 1
description: Get the notice to analytics.
hint: Subscribe, then publish.
solution:
  - subscribe service=analytics topic=TaskCreated
  - publish from=app topic=TaskCreated
  - run for=1s
\`\`\`
`;

function fails(source: string): { line: number; message: string } {
  const r: LessonLoad = parseLesson(source, FILE);
  if (r.ok) throw new Error('expected the lesson to be rejected');
  expect(r.file).toBe(FILE);
  return { line: r.line, message: r.message };
}

/** The 1-based line of the first line containing `needle`. */
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseLesson: a valid lesson', () => {
  it('reads front matter, intro, setup and steps with their blocks and lines', () => {
    const r = parseLesson(VALID, FILE);
    if (!r.ok) throw new Error(`${r.line}: ${r.message}`);
    const { lesson } = r;
    expect(lesson.meta).toEqual({
      id: '01-events-vs-commands', slug: '01-events-vs-commands', chapter: 1, title: 'Events vs commands',
      summary: 'Facts for anyone vs requests for one.', outcomes: ['Tell an event from a command.'], systems: ['town'], seed: 7,
    });
    expect(lesson.intro).toBe('Some **intro** text.');
    expect(lesson.setup).toEqual(['service name=app work=10ms', 'service name=analytics work=300ms']);
    expect(lesson.steps.map((s) => s.title)).toEqual(['First step', 'Second step']);
    const [first, second] = lesson.steps;
    expect(first!.line).toBe(lineOf(VALID, '## First step'));
    expect(first!.lab).toEqual(['subscribe service=analytics topic=TaskCreated', 'publish from=app topic=TaskCreated']);
    // Ordinary code blocks stay in the narration (a `## ` inside them is not a step); lab blocks do not.
    expect(first!.narration).toContain('## not a heading');
    expect(first!.narration).not.toContain('publish from=app');
    expect(first!.predict).toMatchObject({
      question: 'How long does the app wait?', run: ['run for=1s'], explain: 'The board answers quickly.',
      choices: [{ text: 'About 20 ms', when: 'waited(app) < 50ms' }, { text: 'About 320 ms', when: 'waited(app) >= 50ms' }],
      line: lineOf(VALID, '```predict'),
    });
    expect(second!.narration).toBe('### A sub-heading stays in the narration');
    expect(second!.lab).toEqual([]);
    expect(second!.challenge).toMatchObject({ goal: 'read(analytics, TaskCreated) == 1', hint: 'Subscribe, then publish.' });
    expect(second!.challenge!.solution).toHaveLength(3);
  });

  it('allows angle brackets that are not HTML: code spans, autolinks, comparisons', () => {
    const src = VALID.replace('Watch the notice.', 'Watch `<b>` and <https://example.org>; latency < 50ms > 10ms.');
    expect(parseLesson(src, FILE).ok).toBe(true);
  });

  it('accepts Windows line endings and an optional speed', () => {
    const src = VALID.replace('seed: 7', 'seed: 7\nspeed: 0.5').replace(/\n/g, '\r\n');
    const r = parseLesson(src, FILE);
    expect(r.ok && r.lesson.meta.speed).toBe(0.5);
    expect(r.ok && r.lesson.steps[0]!.lab[0]).toBe('subscribe service=analytics topic=TaskCreated');
  });
});

describe('parseLesson: every mistake names the line and what is wrong', () => {
  const cases: { name: string; edit: (s: string) => string; line: (s: string) => number; message: RegExp }[] = [
    { name: 'no front matter', edit: (s) => s.replace(/^---\n/, ''), line: () => 1, message: /starts with front matter/ },
    { name: 'front matter never closed', edit: (s) => s.replace('seed: 7\n---', 'seed: 7'), line: () => 1, message: /never closed/ },
    { name: 'invalid YAML', edit: (s) => s.replace('title: Events vs commands', 'title: [Events'), line: (s) => lineOf(s, 'title:'), message: /front matter is not valid YAML/ },
    { name: 'missing field', edit: (s) => s.replace('seed: 7\n', ''), line: () => 1, message: /front matter: missing 'seed'/ },
    { name: 'wrong type', edit: (s) => s.replace('seed: 7', 'seed: seven'), line: (s) => lineOf(s, 'seed:'), message: /'seed' must be a whole number, got "seven"/ },
    { name: 'unknown field with a suggestion', edit: (s) => s.replace('summary:', 'sumary:'), line: (s) => lineOf(s, 'sumary:'), message: /unknown field 'sumary'. Did you mean 'summary'/ },
    { name: 'id not matching its folder', edit: (s) => s.replace('id: 01-events-vs-commands', 'id: 01-events'), line: (s) => lineOf(s, 'id:'), message: /sits in the folder '01-events-vs-commands'/ },
    { name: 'chapter not matching the id', edit: (s) => s.replace('chapter: 1', 'chapter: 2'), line: (s) => lineOf(s, 'chapter:'), message: /'chapter' is 2 but the id/ },
    { name: 'unknown system', edit: (s) => s.replace('systems: [town]', 'systems: [teleporter]'), line: (s) => lineOf(s, 'systems:'), message: /unknown system 'teleporter'; the lab has town/  },
    { name: 'YAML tags are refused', edit: (s) => s.replace('title: Events vs commands', 'title: !js/function x'), line: (s) => lineOf(s, 'title:'), message: /tag|not valid YAML/ },
    { name: 'aliases are refused', edit: (s) => s.replace('title: Events vs commands', 'title: &t Events\nsummary2: *t'), line: (s) => lineOf(s, 'title:'), message: /anchors and aliases/ },
    { name: 'typo in a lab command', edit: (s) => s.replace('publish from=app topic=TaskCreated\n```\n\n```text', 'publsh from=app topic=TaskCreated\n```\n\n```text'), line: (s) => lineOf(s, 'publsh'), message: /unknown command 'publsh'.*Did you mean 'publish'/ },
    { name: 'bad argument in the setup', edit: (s) => s.replace('work=300ms', 'work=fast'), line: (s) => lineOf(s, 'work=fast'), message: /work= expects a duration/ },
    { name: 'unknown block kind', edit: (s) => s.replace('```predict', '```predict me'), line: (s) => lineOf(s, '```predict'), message: /unknown block/ },
    { name: 'unclosed block', edit: (s) => s.replace(/\n```\n$/, '\n'), line: (s) => lineOf(s, '```challenge'), message: /```challenge``` block opened here is never closed/ },
    { name: 'a block left open before the next step', edit: (s) => s.replace('  The board answers quickly.\n```\n', '  The board answers quickly.\n'), line: (s) => lineOf(s, '```predict'), message: /```predict block opened here is not closed before the step heading on line \d+/ },
    { name: 'raw HTML in the narration', edit: (s) => s.replace('Watch the notice.', 'Watch <b onclick="x()">the</b> notice.'), line: (s) => lineOf(s, 'Watch <b'), message: /raw HTML \(<b onclick="x\(\)">\) is never shown in lessons; write Markdown instead/ },
    { name: 'raw HTML in an explanation', edit: (s) => s.replace('The board answers quickly.', 'The board <script>alert(1)</script>'), line: (s) => lineOf(s, 'explain:'), message: /'explain' has raw HTML \(<script>\)/ },
    { name: 'lab before the first step', edit: (s) => s.replace('```lab setup', '```lab'), line: (s) => lineOf(s, '```lab'), message: /before the first step/ },
    { name: 'lab setup inside a step', edit: (s) => s.replace('```lab\nsubscribe', '```lab setup\nsubscribe'), line: (s) => s.split('\n').findIndex((l, i, a) => l === '```lab setup' && a[i + 1]!.startsWith('subscribe')) + 1, message: /belongs before the first step/ },
    { name: 'two predicts in a step', edit: (s) => s.replace('## Second step', '```predict\nquestion: q\n```\n\n## Second step'), line: (s) => s.split('\n').lastIndexOf('```predict') + 1, message: /already has a ```predict``` block \(line \d+\)/ },
    { name: 'predict with one choice', edit: (s) => s.replace(/ {2}- text: About 320 ms\n {4}when: waited\(app\) >= 50ms\n/, ''), line: (s) => lineOf(s, 'choices:'), message: /'choices' needs at least 2 entries/ },
    { name: 'predict choice without when', edit: (s) => s.replace('    when: waited(app) >= 50ms\n', ''), line: (s) => lineOf(s, 'text: About 320'), message: /choice 2: missing 'when'/ },
    { name: 'predict condition with an unknown query', edit: (s) => s.replace('when: waited(app) < 50ms', 'when: waitd(app) < 50ms'), line: (s) => lineOf(s, 'waitd'), message: /'when' is not a valid condition.*unknown query 'waitd'/ },
    { name: 'predict run line with a typo', edit: (s) => s.replace('  - run for=1s\nexplain', '  - run fr=1s\nexplain'), line: (s) => lineOf(s, 'run fr=1s'), message: /in 'run' line 'run fr=1s': run has no argument 'fr'/ },
    { name: 'predict unknown field', edit: (s) => s.replace('explain: |', 'explian: |'), line: (s) => lineOf(s, 'explian'), message: /predict block: unknown field 'explian'. Did you mean 'explain'/ },
    { name: 'challenge without a solution', edit: (s) => s.replace(/solution:\n(\s+- .*\n)+/, ''), line: (s) => lineOf(s, '```challenge'), message: /challenge block: missing 'solution'/ },
    { name: 'challenge goal that is not a condition', edit: (s) => s.replace('goal: read(analytics, TaskCreated) == 1', 'goal: read(analytics) =='), line: (s) => lineOf(s, 'goal:'), message: /'goal' is not a valid condition/ },
    { name: 'challenge solution as text instead of a list', edit: (s) => s.replace(/solution:\n(\s+- .*\n)+/, 'solution: run for=1s\n'), line: (s) => lineOf(s, 'solution:'), message: /'solution' must be a list/ },
    { name: 'a step with no narration', edit: (s) => s.replace('### A sub-heading stays in the narration\n', ''), line: (s) => lineOf(s, '## Second step'), message: /step 'Second step' has no narration/ },
    { name: 'a heading with no title', edit: (s) => s.replace('## Second step', '##'), line: (s) => s.split('\n').indexOf('##') + 1, message: /step heading is `## ` followed by/ },
    { name: 'no steps at all', edit: (s) => s.slice(0, s.indexOf('## First step')), line: (s) => s.split('\n').length, message: /no steps/ },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const source = c.edit(VALID);
      expect(source, 'the edit must change the lesson').not.toBe(VALID);
      const { line, message } = fails(source);
      expect(message).toMatch(c.message);
      expect(line).toBe(c.line(source));
    });
  }

  it('refuses a file far larger than any lesson', () => {
    expect(fails(VALID + 'x'.repeat(300_000)).message).toMatch(/too long/);
  });
});
