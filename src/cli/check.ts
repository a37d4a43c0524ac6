// `npm run lab -- check`: runs every scenario under lessons/ and reports each.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runTranscript } from '../script/transcript.ts';

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
