// The fenced blocks inside a lesson: ```lab``` (scenario lines), ```predict``` and ```challenge``` (YAML).
// Scenario lines and conditions are checked with the real language, so a typo is reported on its line.
import { language } from '../script/language.ts';
import { parseLine, parseScript, ScriptError } from '../script/parser.ts';
import { ConditionError, parseCondition } from '../script/condition.ts';
import { field, list, onlyKeys, readYaml, text, type YValue } from './yaml-block.ts';
import { LessonProblem, type Challenge, type Predict } from './types.ts';

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
  onlyKeys(map, ['goal', 'description', 'hint', 'solution'], what);
  return {
    goal: condition(field(map, 'goal', what, 'the condition the learner must make true'), 'goal', what),
    description: text(field(map, 'description', what, 'what the learner is asked to do (Markdown)'), 'description', what),
    hint: text(field(map, 'hint', what, 'a nudge for a learner who is stuck'), 'hint', what),
    solution: scenarioLines(field(map, 'solution', what, 'scenario lines that reach the goal; the test suite runs them'), 'solution', what),
    line: firstLine - 1,
  };
}
