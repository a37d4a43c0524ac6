// The fenced blocks inside a lesson: ```lab``` (scenario lines), ```predict``` and ```challenge``` (YAML).
// Scenario lines and conditions are checked with the real language, so a typo is reported on its line.
import { language } from '../script/language.ts';
import { parseLine, parseScript, ScriptError } from '../script/parser.ts';
import { ConditionError, parseCondition } from '../script/condition.ts';
import { field, list, onlyKeys, readYaml, text, type YValue } from './yaml-block.ts';
import { parseDuration } from '../engine/core/index.ts';
import { LessonProblem, MAX_HINTS, type SceneCaption, type Challenge, type Predict, type StepScene } from './types.ts';

/** Scenario lines of a ```lab``` block whose first line is `firstLine`; comments and blanks dropped. */
export function readLab(body: string, firstLine: number, file: string): string[] {
  try {
    return parseScript(language, body, file).map((c) => c.text);
  } catch (e) {
    if (e instanceof ScriptError) throw new LessonProblem(firstLine + e.line - 1, `in the lab block: ${e.detail} (column ${e.col})`);
    throw e;
  }
}

function scenarioLines(v: YValue, key: string, what: string): string[] {
  return list(v, key, what, 1, 50).map((item, i) => {
    const line = text(item, `${key}[${i + 1}]`, what, 500);
    if (line.includes('\n')) throw new LessonProblem(item.line, `${what}: each '${key}' entry must be one scenario line`);
    try {
      parseLine(language, line, item.line);
    } catch (e) {
      if (e instanceof ScriptError) throw new LessonProblem(item.line, `${what}: in '${key}' line '${line}': ${e.detail}`);
      throw e;
    }
    return line;
  });
}

function condition(v: YValue, key: string, what: string): string {
  const cond = text(v, key, what, 500);
  try {
    parseCondition(cond, language.queryNames);
  } catch (e) {
    if (e instanceof ConditionError) throw new LessonProblem(v.line, `${what}: '${key}' is not a valid condition ('${cond}'): ${e.message}`);
    throw e;
  }
  return cond;
}

export function readPredict(body: string, firstLine: number): Predict {
  const what = 'predict block';
  const map = readYaml(body, firstLine, what);
  onlyKeys(map, ['question', 'choices', 'run', 'explain'], what);
  const question = text(field(map, 'question', what, 'what the learner is asked'), 'question', what, 500);
  const choiceItems = list(field(map, 'choices', what, 'the answers to choose from, each with text and when'), 'choices', what, 2, 6);
  const choices = choiceItems.map((item, i) => {
    const label = `choice ${i + 1}`;
    if (item.kind !== 'map') throw new LessonProblem(item.line, `${what}: ${label} must have 'text:' and 'when:' lines`);
    onlyKeys(item, ['text', 'when'], `${what}, ${label}`);
    return {
      text: text(field(item, 'text', `${what}, ${label}`, 'the answer as the learner reads it'), 'text', `${what}, ${label}`, 300),
      when: condition(field(item, 'when', `${what}, ${label}`, 'the condition that makes this answer right'), 'when', `${what}, ${label}`),
    };
  });
  choices.forEach((c, i) => {
    const twin = choices.findIndex((d, j) => j < i && d.when === c.when);
    if (twin >= 0) throw new LessonProblem(choiceItems[i]!.line, `${what}: choices ${twin + 1} and ${i + 1} have the same 'when', so both would hold`);
  });
  return {
    question,
    choices,
    run: scenarioLines(field(map, 'run', what, 'the scenario lines that play out what the learner predicted'), 'run', what),
    explain: text(field(map, 'explain', what, 'why the answer is what it is (Markdown)'), 'explain', what),
    line: firstLine - 1,
  };
}

export function readChallenge(body: string, firstLine: number): Challenge {
  const what = 'challenge block';
  const map = readYaml(body, firstLine, what);
  onlyKeys(map, ['goal', 'description', 'hint', 'hints', 'solution'], what);
  const hints = readHints(map, what);
  return {
    goal: condition(field(map, 'goal', what, 'the condition the learner must make true'), 'goal', what),
    description: text(field(map, 'description', what, 'what the learner is asked to do (Markdown)'), 'description', what),
    hint: hints[0]!,
    hints,
    solution: scenarioLines(field(map, 'solution', what, 'scenario lines that reach the goal; the test suite runs them'), 'solution', what),
    line: firstLine - 1,
  };
}

/** `hint:` (one nudge) or `hints:` (a ladder, gentlest first, at most MAX_HINTS), never both. */
function readHints(map: ReturnType<typeof readYaml>, what: string): string[] {
  const one = field(map, 'hint', what, 'a nudge for a learner who is stuck', true);
  const many = field(map, 'hints', what, 'hints from a nudge to the idea (the first commands of the solution come after by themselves)', true);
  if (one && many) throw new LessonProblem(many.line, `${what}: give 'hint' (one) or 'hints' (a list), not both`);
  if (one) return [text(one, 'hint', what)];
  if (!many) throw new LessonProblem(map.line, `${what}: 'hint' or 'hints' is missing: a nudge for a learner who is stuck`);
  return list(many, 'hints', what, 1, MAX_HINTS).map((item, i) => text(item, `hints[${i + 1}]`, what));
}

/** A scene's pace bounds: long enough to follow, short enough to hold attention. */
export const MIN_PACE_MS = 2_000;
export const MAX_PACE_MS = 60_000;
export const MAX_CAPTION_CHARS = 140;
export const MAX_CAPTIONS = 12;

/** A duration written with its unit (`12s`, `350ms`); a bare number is refused, as its unit is a guess. */
function durationWithUnit(v: YValue, key: string, what: string): number {
  const raw = v.kind === 'scalar' && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value).trim() : null;
  if (raw !== null && /^\d+(\.\d+)?$/.test(raw)) throw new LessonProblem(v.line, `${what}: '${key}: ${raw}' needs a unit: write ${raw}ms or ${raw}s`);
  const ms = raw === null ? null : parseDuration(raw);
  if (ms === null) throw new LessonProblem(v.line, `${what}: '${key}' must be a duration like 350ms or 1.5s, got ${raw === null ? 'something else' : `'${raw}'`}`);
  return ms;
}

export function readScene(body: string, firstLine: number): StepScene {
  const what = 'scene block';
  const map = readYaml(body, firstLine, what);
  onlyKeys(map, ['pace', 'captions'], what);
  const paceValue = field(map, 'pace', what, 'how long the run takes on screen, like 12s', true);
  const captionsValue = field(map, 'captions', what, 'lines shown on the stage at moments of the run', true);
  if (!paceValue && !captionsValue) throw new LessonProblem(map.line, `${what}: give 'pace:' (how long the run takes on screen, like 12s), 'captions:' or both`);
  let pace: number | null = null;
  if (paceValue) {
    pace = durationWithUnit(paceValue, 'pace', what);
    if (pace < MIN_PACE_MS || pace > MAX_PACE_MS) throw new LessonProblem(paceValue.line, `${what}: 'pace' is how long the run takes on screen, between ${MIN_PACE_MS / 1000}s and ${MAX_PACE_MS / 1000}s; got ${pace}ms`);
  }
  const captions: SceneCaption[] = captionsValue ? list(captionsValue, 'captions', what, 1, MAX_CAPTIONS).map((item, i) => caption(item, i, what)) : [];
  captions.forEach((c, i) => {
    const twin = captions.findIndex((d, j) => j < i && ((c.at !== null && d.at === c.at) || (c.when !== null && d.when === c.when)));
    if (twin >= 0) throw new LessonProblem(c.line, `${what}: captions ${twin + 1} and ${i + 1} are at the same moment, so only one would ever show`);
  });
  return { pace, captions, line: firstLine - 1 };
}

function caption(item: YValue, i: number, what: string): SceneCaption {
  const label = `${what}, caption ${i + 1}`;
  if (item.kind !== 'map') throw new LessonProblem(item.line, `${label} must have 'at:' (a time like 1.2s) or 'when:' (a condition), and 'text:'`);
  onlyKeys(item, ['at', 'when', 'text'], label);
  const atValue = field(item, 'at', label, 'the simulated time it shows at', true);
  const whenValue = field(item, 'when', label, 'the condition that shows it', true);
  if ((atValue === undefined) === (whenValue === undefined)) {
    throw new LessonProblem(item.line, `${label} needs exactly one of 'at:' (a simulated time on the timeline, like 1.2s) and 'when:' (a condition)`);
  }
  const line = text(field(item, 'text', label, 'the short line shown on the stage'), 'text', label, MAX_CAPTION_CHARS);
  if (line.includes('\n')) throw new LessonProblem(item.line, `${label}: 'text' must be one line`);
  return {
    at: atValue ? durationWithUnit(atValue, 'at', label) : null,
    when: whenValue ? condition(whenValue, 'when', label) : null,
    text: line,
    line: item.line,
  };
}
