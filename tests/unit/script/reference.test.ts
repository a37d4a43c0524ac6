import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { referenceMarkdown } from '../../../src/script/reference.ts';
import { allCommands } from '../../../src/script/language.ts';
import { createSession } from '../../../src/script/runner.ts';

describe('the language reference', () => {
  it('docs/scenario-language.md is the generated page (regenerate: npm run -s lab -- docs > docs/scenario-language.md)', () => {
    expect(readFileSync('docs/scenario-language.md', 'utf8')).toBe(referenceMarkdown());
  });

  it('documents every command with a summary, argument docs and an example', () => {
    const page = referenceMarkdown();
    for (const c of allCommands) {
      expect(page).toContain(`#### \`${c.name}\``);
      expect(c.summary.length).toBeGreaterThan(10);
      for (const a of c.args) expect(a.doc.length, `${c.name} ${a.name}`).toBeGreaterThan(2);
    }
  });

  it('every example runs without error after its setup lines', () => {
    for (const c of allCommands) {
      const s = createSession(1);
      for (const line of [...(c.setup?.split('\n') ?? []), ...c.example.split('\n')]) {
        const r = s.exec(line);
        expect(r.error, `${c.name}: ${line}`).toBeUndefined();
      }
    }
  });
});
