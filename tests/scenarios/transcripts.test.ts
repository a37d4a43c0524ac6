// Runs every .lab transcript under tests/scenarios/ and lessons/ and compares the recorded output.
// `UPDATE=1 npx vitest run --project scenarios` (or `npm run lab -- run <file> --update`) rewrites them.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { findFiles } from '../../src/cli/check.ts';
import { runTranscript } from '../../src/script/transcript.ts';

const files = ['tests/scenarios', 'lessons'].filter((d) => existsSync(d)).flatMap((d) => findFiles(d, '.lab'));

describe('scenario transcripts', () => {
  it('there are transcripts to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(file, 'utf8');
      const result = runTranscript(text, file);
      if (process.env.UPDATE) {
        writeFileSync(file, result.updated);
        return;
      }
      expect(result.failures.filter((f) => !f.includes('VIOLATION'))).toEqual([]);
      for (const b of result.blocks) {
        if (b.block.expected === null) continue;
        expect(b.actual.join('\n'), `${file}:${b.block.line}`).toBe(b.block.expected.join('\n'));
      }
    });
  }
});
