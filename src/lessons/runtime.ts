// Running a lesson: the lines a step opens with, the answer a prediction computes, whether a challenge is met.
// Every step is self-contained: it opens on a fresh session with the lesson's seed, then setup + its lab lines.
import { createSession, type Session } from '../script/runner.ts';
import { language } from '../script/language.ts';
import { describeActuals, evaluate, parseCondition, type Condition, type Value } from '../script/condition.ts';
import type { Challenge, Lesson, Predict } from './types.ts';

/**
 * The scenario lines that open step `index`: the lesson's setup, then the step's lab lines. The lines do
 * not depend on the seed; `seed` is accepted so callers can pass what they will give `createSession`.
 */
export function openStep(lesson: Lesson, index: number, _seed?: number): string[] {
  const step = lesson.steps[index];
  if (!step) throw new RangeError(`${lesson.meta.id} has steps 1 to ${lesson.steps.length}; there is no step ${index + 1}`);
  return [...lesson.setup, ...step.lab];
}

export interface OpenedStep {
  session: Session;
  /** `line: error` for each line that failed (empty when the step opened cleanly). */
  errors: string[];
}

/** A fresh session (the lesson's seed unless given) with the step's opening lines run. */
export function openStepSession(lesson: Lesson, index: number, seed = lesson.meta.seed): OpenedStep {
  const session = createSession(seed);
  return { session, errors: runLines(session, openStep(lesson, index, seed)) };
}

/** Runs scenario lines; returns `line: error` for each that failed. */
export function runLines(session: Session, lines: readonly string[]): string[] {
  const errors: string[] = [];
  for (const line of lines) {
    const r = session.exec(line);
    if (r.error) errors.push(`'${line}': ${r.error}`);
  }
  return errors;
}

/** The value of every query a condition reads, e.g. { 'waited(app)': 510 }. */
function readValues(session: Session, cond: Condition, into: Record<string, Value>): void {
  const walk = (c: Condition) => {
    if (c.kind === 'and' || c.kind === 'or') { c.parts.forEach(walk); return; }
    const operands = c.kind === 'cmp' ? [c.left, c.right] : c.kind === 'truthy' ? [c.operand] : [];
    for (const o of operands) {
      if (o.kind === 'query' && !(o.text in into)) into[o.text] = session.sim.query(o.text);
    }
  };
  walk(cond);
}

export interface PredictResult {
  /** Index of the one choice whose `when` holds; -1 when none or several hold (see `error`). */
  correctIndex: number;
  /** What the conditions read, for the explanation: { 'waited(app)': 510 }. */
  values: Record<string, Value>;
  /** Indices of every choice that held. */
  holding: number[];
  /** Set when the run failed or not exactly one choice held: a lesson bug, not the learner's. */
  error?: string;
}

/** Runs the prediction's `run` lines on the session, then finds the one choice that holds. */
export function resolvePredict(session: Session, predict: Predict): PredictResult {
  const values: Record<string, Value> = {};
  const failed = runLines(session, predict.run);
  if (failed.length) return { correctIndex: -1, values, holding: [], error: `the prediction's run lines failed: ${failed.join('; ')}` };
  const holding: number[] = [];
  for (const [i, choice] of predict.choices.entries()) {
    try {
      const cond = parseCondition(choice.when, language.queryNames);
      readValues(session, cond, values);
      if (evaluate(cond, (q) => session.sim.query(q))) holding.push(i);
    } catch (e) {
      return { correctIndex: -1, values, holding, error: `choice ${i + 1} ('${choice.when}') cannot be evaluated: ${(e as Error).message}` };
    }
  }
  const shown = describe(values);
  if (holding.length === 1) return { correctIndex: holding[0]!, values, holding };
  const error = holding.length === 0
    ? `none of the choices holds (${shown}), so the question has no right answer`
    : `choices ${holding.map((i) => i + 1).join(' and ')} ${holding.length === 2 ? 'both' : 'all'} hold (${shown}), so the question has more than one right answer`;
  return { correctIndex: -1, values, holding, error };
}

/**
 * The canonical answer to step `index`'s prediction, computed on a fresh session from the step's start,
 * whatever the learner has done in the live session meanwhile. null when the step has no prediction.
 */
export function predictAnswer(lesson: Lesson, index: number, seed = lesson.meta.seed): PredictResult | null {
  const predict = lesson.steps[index]?.predict;
  if (!predict) return null;
  const opened = openStepSession(lesson, index, seed);
  if (opened.errors.length) return { correctIndex: -1, values: {}, holding: [], error: `the step's lines failed: ${opened.errors.join('; ')}` };
  return resolvePredict(opened.session, predict);
}

const describe = (values: Record<string, Value>) =>
  Object.entries(values).map(([k, v]) => `${k} is ${JSON.stringify(v)}`).join(', ') || 'no queries';

export interface GoalResult {
  met: boolean;
  /** The goal's queries and their values now: "read(mailer, OrderCreated) is 0". */
  actual: string;
  error?: string;
}

/** Whether a challenge's goal holds in the session right now. */
export function checkGoal(session: Session, challenge: Challenge): GoalResult {
  try {
    const cond = parseCondition(challenge.goal, language.queryNames);
    const lookup = (q: string) => session.sim.query(q);
    return { met: evaluate(cond, lookup), actual: describeActuals(cond, lookup) };
  } catch (e) {
    return { met: false, actual: '', error: `the goal '${challenge.goal}' cannot be evaluated: ${(e as Error).message}` };
  }
}
