// Parses scenario text against the command table. Every mistake names the line and column, says what was
// expected, and suggests the nearest valid word.
import type { ArgSpec, ArgValue, CommandSpec } from '../engine/core/index.ts';
import { parseDuration } from '../engine/core/index.ts';
import { stripComment, SyntaxProblem, tokenize } from './tokenize.ts';
import { nearest } from './nearest.ts';
import { ConditionError, parseCondition } from './condition.ts';

export interface ParsedCommand {
  readonly spec: CommandSpec;
  readonly args: Readonly<Record<string, ArgValue>>;
  readonly rest?: string;
  /** 1-based line in the source. */
  readonly line: number;
  readonly text: string;
}

export class ScriptError extends Error {
  constructor(readonly line: number, readonly col: number, readonly detail: string, readonly source?: string) {
    super(`${source ? `${source}:` : ''}line ${line}, column ${col}: ${detail}`);
  }
}

export interface Language {
  readonly commands: ReadonlyMap<string, CommandSpec>;
  readonly queryNames: ReadonlySet<string>;
}

export function createLanguage(commands: readonly CommandSpec[], queryNames: Iterable<string>): Language {
  return { commands: new Map(commands.map((c) => [c.name, c])), queryNames: new Set(queryNames) };
}

/** Parses one line; returns null for blank and comment lines. */
export function parseLine(lang: Language, raw: string, lineNo = 1): ParsedCommand | null {
  const text = stripComment(raw).trimEnd();
  if (text.trim() === '') return null;
  let words;
  try {
    words = tokenize(text);
  } catch (e) {
    if (e instanceof SyntaxProblem) throw new ScriptError(lineNo, e.col, e.message);
    throw e;
  }
  const [head, ...rest] = words;
  if (!head) return null;
  const spec = lang.commands.get(head.value);
  if (!spec || head.key !== undefined) {
    const guess = nearest(head.key ?? head.value, [...lang.commands.keys()]);
    throw new ScriptError(lineNo, head.col,
      `unknown command '${head.key ?? head.value}': expected a command name (run, step, crash, expect, ...)` +
      (guess ? `. Did you mean '${guess}'?` : '. Type `help` for the list.'));
  }
  if (spec.rest) {
    const restText = text.slice(text.indexOf(head.value) + head.value.length).trim();
    const col = text.indexOf(restText, head.col + head.value.length - 1) + 1;
    if (!restText) {
      if (spec.rest.optional) return { spec, args: {}, line: lineNo, text: text.trim() };
      throw new ScriptError(lineNo, text.length + 1, `${spec.name} needs ${spec.rest.name}: ${spec.rest.doc}`);
    }
    if (spec.rest.kind === 'word') checkCommandName(lang, spec, restText, lineNo, col);
    else checkCondition(lang, restText, lineNo, col);
    return { spec, args: {}, rest: restText, line: lineNo, text: text.trim() };
  }
  const args: Record<string, ArgValue> = {};
  for (const w of rest) {
    if (w.key === undefined) {
      throw new ScriptError(lineNo, w.col, `expected key=value after ${spec.name}, got '${w.value}'` +
        (spec.args.length ? ` (${spec.name} takes ${spec.args.map((a) => `${a.name}=`).join(' ')})` : ` (${spec.name} takes no arguments)`));
    }
    const arg = spec.args.find((a) => a.name === w.key);
    if (!arg) {
      const guess = nearest(w.key, spec.args.map((a) => a.name));
      throw new ScriptError(lineNo, w.col, `${spec.name} has no argument '${w.key}'` +
        (guess ? `. Did you mean '${guess}='?` : spec.args.length ? `; it takes ${spec.args.map((a) => `${a.name}=`).join(' ')}` : '; it takes no arguments'));
    }
    if (w.key in args) throw new ScriptError(lineNo, w.col, `${w.key}= is given twice`);
    args[w.key] = parseValue(lang, arg, w.value, lineNo, w.valueCol);
  }
  for (const a of spec.args) {
    if (a.name in args) continue;
    if (a.default !== undefined) args[a.name] = parseValue(lang, a, a.default, lineNo, 1);
    else if (a.required) throw new ScriptError(lineNo, text.length + 1, `${spec.name} needs ${a.name}= (${a.doc})`);
  }
  return { spec, args, line: lineNo, text: text.trim() };
}

export function parseScript(lang: Language, source: string, sourceName?: string): ParsedCommand[] {
  const out: ParsedCommand[] = [];
  source.split('\n').forEach((raw, idx) => {
    try {
      const cmd = parseLine(lang, raw, idx + 1);
      if (cmd) out.push(cmd);
    } catch (e) {
      if (e instanceof ScriptError) throw new ScriptError(e.line, e.col, e.detail, sourceName);
      throw e;
    }
  });
  return out;
}

/** `help <command>`: the word must name a command (with the nearest one when it does not). */
function checkCommandName(lang: Language, spec: CommandSpec, word: string, line: number, col: number): void {
  if (lang.commands.has(word)) return;
  const guess = nearest(word, [...lang.commands.keys()]);
  throw new ScriptError(line, col, `${spec.name} takes one command name, got '${word}'` +
    (guess ? `. Did you mean '${guess}'?` : `. Type \`${spec.name}\` for the list.`));
}

/** A duration argument must say its unit: `run for=5` could mean 5 ms or 5 s, so it is refused. Zero needs none. */
export function parseDurationArg(v: string): { ms: number } | { problem: string } {
  const trimmed = v.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed) && Number(trimmed) !== 0) {
    return { problem: `a duration with its unit, like ${trimmed}ms or ${trimmed}s (units: ms, s, m, h)` };
  }
  const d = parseDuration(trimmed);
  return d === null ? { problem: 'a duration like 250ms or 2s (units: ms, s, m, h)' } : { ms: d };
}

function checkCondition(lang: Language, text: string, line: number, col: number): void {
  try {
    parseCondition(text, lang.queryNames);
  } catch (e) {
    if (e instanceof ConditionError) throw new ScriptError(line, col + e.col - 1, e.message);
    throw e;
  }
}

const BOOLS: Record<string, boolean> = { true: true, yes: true, on: true, false: false, no: false, off: false };

function parseValue(lang: Language, arg: ArgSpec, v: string, line: number, col: number): ArgValue {
  const bad = (expected: string) => new ScriptError(line, col, `${arg.name}= expects ${expected}, got '${v}'`);
  switch (arg.type) {
    case 'duration': {
      const d = parseDurationArg(v);
      if ('problem' in d) throw bad(d.problem);
      return d.ms;
    }
    case 'int':
      if (!/^-?\d+$/.test(v)) throw bad('a whole number');
      return Number(v);
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(v)) throw bad('a number');
      return Number(v);
    case 'prob': {
      const p = v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v);
      if (!/^\d+(\.\d+)?%?$/.test(v) || p < 0 || p > 1) throw bad('a probability between 0 and 1, or a percentage like 5%');
      return p;
    }
    case 'node':
    case 'string':
      if (arg.type === 'node' && !/^[A-Za-z0-9_.-]+$/.test(v)) throw bad('a node name (letters, digits, - or _)');
      if (v === '') throw bad('a value');
      return v;
    case 'nodes':
    case 'strings': {
      const parts = v.split(',').map((s) => s.trim());
      if (parts.some((s) => s === '')) throw bad('a comma-separated list like n1,n2');
      return parts;
    }
    case 'bool':
      if (!(v in BOOLS)) throw bad('true or false');
      return BOOLS[v]!;
    case 'enum': {
      const values = arg.values ?? [];
      if (!values.includes(v)) {
        const guess = nearest(v, values);
        throw new ScriptError(line, col, `${arg.name}= expects one of ${values.join(', ')}, got '${v}'${guess ? `. Did you mean '${guess}'?` : ''}`);
      }
      return v;
    }
    case 'condition':
      checkCondition(lang, v, line, col);
      return v;
  }
}
