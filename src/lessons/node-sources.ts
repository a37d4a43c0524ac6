// The CLI's way to read lessons/*/lesson.md (tsx has no import.meta.glob). Node only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonSources } from './build-catalog.ts';

export function readLessonSources(root = 'lessons'): LessonSources {
  const out: Record<string, string> = {};
  if (!existsSync(root)) return out;
  for (const dir of readdirSync(root).sort()) {
    const file = join(root, dir, 'lesson.md');
    if (statSync(join(root, dir)).isDirectory() && existsSync(file)) out[file] = readFileSync(file, 'utf8');
  }
  return out;
}
