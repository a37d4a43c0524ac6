// `npm run lab -- check`: runs every scenario under lessons/ and every lessons/*/lesson.md (its steps,
// predictions and challenges), printing one line each.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runTranscript } from '../script/transcript.ts';
import { checkLessonSources, formatCheckLine } from '../lessons/check.ts';
import { readLessonSources } from '../lessons/node-sources.ts';

export function findFiles(dir: string, suffix: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(findFiles(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

export function checkAll(root = 'lessons'): number {
  let failed = 0;
  if (!existsSync(root)) { console.log(`no ${root}/ folder: nothing to check`); return 1; }
  for (const line of checkLessonSources(readLessonSources(root))) {
    console.log(formatCheckLine(line));
    if (!line.ok) failed++;
  }
  for (const file of findFiles(root, '.lab')) {
    try {
      const r = runTranscript(readFileSync(file, 'utf8'), file);
      const mismatched = r.blocks.filter((b) => b.block.expected !== null && b.block.expected.join('\n') !== b.actual.join('\n'));
      const problems = [...r.failures, ...mismatched.map((b) => `${file}:${b.block.line}: output differs from the recorded transcript`)];
      console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file}`);
      for (const p of problems) console.log(`     ${p}`);
      if (problems.length) failed++;
    } catch (e) {
      console.log(`FAIL ${file}\n     ${(e as Error).message}`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}
