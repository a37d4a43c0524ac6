// The lesson's front matter: who it is, what it teaches, which systems it runs, and its seed.
import { allSystems } from '../engine/systems.ts';
import { field, onlyKeys, readYaml, text, textList, wholeNumber } from './yaml-block.ts';
import { LessonProblem, type LessonMeta } from './types.ts';
import { folderOf, LESSON_ID } from './ids.ts';

export { folderOf, LESSON_ID };

const WHAT = 'front matter';
const KEYS = ['id', 'chapter', 'title', 'summary', 'outcomes', 'systems', 'seed', 'speed'] as const;
export function readFrontMatter(yamlText: string, firstLine: number, file: string): LessonMeta {
  const map = readYaml(yamlText, firstLine, WHAT);
  onlyKeys(map, KEYS, WHAT);

  const idValue = field(map, 'id', WHAT, 'the folder name, like 01-events-vs-commands');
  const id = text(idValue, 'id', WHAT, 64);
  if (!LESSON_ID.test(id)) throw new LessonProblem(idValue.line, `${WHAT}: 'id' must look like 01-events-vs-commands (two digits, a dash, lower-case words), got '${id}'`);
  const folder = folderOf(file);
  if (folder !== undefined && LESSON_ID.test(folder) && folder !== id) {
    throw new LessonProblem(idValue.line, `${WHAT}: 'id' is '${id}' but the lesson sits in the folder '${folder}'; they must be the same`);
  }

  const chapterValue = field(map, 'chapter', WHAT, 'the chapter number, 0 to 14');
  const chapter = wholeNumber(chapterValue, 'chapter', WHAT, 0, 14);
  if (chapter !== Number(id.slice(0, 2))) {
    throw new LessonProblem(chapterValue.line, `${WHAT}: 'chapter' is ${chapter} but the id '${id}' starts with ${id.slice(0, 2)}`);
  }

  const systemsValue = field(map, 'systems', WHAT, 'the simulated systems the lesson uses, like [town]');
  const known = allSystems.map((s) => s.name as string);
  const systems = textList(systemsValue, 'systems', WHAT);
  systems.forEach((name, i) => {
    if (!known.includes(name)) {
      const line = systemsValue.kind === 'seq' ? systemsValue.items[i]!.line : systemsValue.line;
      throw new LessonProblem(line, `${WHAT}: unknown system '${name}'; the lab has ${known.join(', ')}`);
    }
  });

  const meta: LessonMeta = {
    id,
    chapter,
    slug: id,
    title: text(field(map, 'title', WHAT, "the lesson's title"), 'title', WHAT, 80),
    summary: text(field(map, 'summary', WHAT, 'one sentence saying what the lesson is about'), 'summary', WHAT, 240),
    outcomes: textList(field(map, 'outcomes', WHAT, 'a list of what the learner will be able to do'), 'outcomes', WHAT),
    systems,
    seed: wholeNumber(field(map, 'seed', WHAT, 'the simulation seed, a whole number'), 'seed', WHAT, 0, 0xffffffff),
  };
  const speedValue = field(map, 'speed', WHAT, 'playback speed', true);
  if (speedValue !== undefined) {
    if (speedValue.kind !== 'scalar' || typeof speedValue.value !== 'number') {
      throw new LessonProblem(speedValue.line, `${WHAT}: 'speed' must be a number (simulated ms per real ms, 0.01 to 100)`);
    }
    if (!(speedValue.value >= 0.01 && speedValue.value <= 100)) {
      throw new LessonProblem(speedValue.line, `${WHAT}: 'speed' must be between 0.01 and 100, got ${speedValue.value}`);
    }
    meta.speed = speedValue.value;
  }
  return meta;
}
