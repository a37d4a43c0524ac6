import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseLesson } from '../../../src/lessons/parse.ts';

// A damaged lesson must give a message with a line inside the file, never an exception (never a blank page).
const FILE = 'lessons/01-events-vs-commands/lesson.md';
const source = readFileSync(FILE, 'utf8');
const lines = source.split('\n');

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(lines.length - 1), text: fc.constantFrom('```', '```lab', '---', '## ', '  - x', 'key: [', '"', 'run fr=1s', '\t', '&a *a', '!!binary x') }),
  fc.record({ kind: fc.constant('garble' as const), at: fc.nat(lines.length - 1), col: fc.nat(80), text: fc.string({ maxLength: 4 }) }),
);

describe('parseLesson on damaged lessons (property)', () => {
  it('always answers ok or file + a line inside the file + a message, and never throws', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      const l = [...lines];
      for (const e of edits) {
        const at = Math.min(e.at, l.length - 1);
        if (e.kind === 'delete') l.splice(at, 1);
        else if (e.kind === 'duplicate') l.splice(at, 0, l[at] ?? '');
        else if (e.kind === 'insert') l.splice(at, 0, e.text);
        else l[at] = (l[at] ?? '').slice(0, e.col) + e.text + (l[at] ?? '').slice(e.col);
      }
      const r = parseLesson(l.join('\n'), FILE);
      if (r.ok) return;
      expect(r.file).toBe(FILE);
      expect(r.line).toBeGreaterThanOrEqual(1);
      expect(r.line).toBeLessThanOrEqual(l.length);
      expect(r.message.length).toBeGreaterThan(10);
    }), { numRuns: 150 });
    // 150 parses of a 390-line lesson take 1-2 s alone and over 5 s on two busy cores: not a hang.
  }, 20_000);
});
