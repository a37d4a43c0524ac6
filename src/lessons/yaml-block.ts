// Reads a YAML block of a lesson (front matter, ```predict```, ```challenge```) into plain values that
// remember their line in the .md file, so every later check can point at the right line. The `yaml`
// package only parses: no tags, anchors or aliases are accepted, so nothing in a lesson is ever evaluated.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { nearest } from '../script/nearest.ts';
import { LessonProblem } from './types.ts';
import { rawHtml } from './markdown-lint.ts';

export type YValue =
  | { kind: 'map'; line: number; entries: Record<string, YValue>; keyLines: Record<string, number> }
  | { kind: 'seq'; line: number; items: YValue[] }
  | { kind: 'scalar'; line: number; value: string | number | boolean | null };

export type YMap = Extract<YValue, { kind: 'map' }>;

/**
 * Parses `text`, whose first line is line `firstLine` of the .md file. `what` names the block in messages
 * ("front matter", "the predict block").
 */
export function readYaml(text: string, firstLine: number, what: string): YMap {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => firstLine + counter.linePos(offset).line - 1;
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const detail = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const noticed = lineAt(problem.pos[0]);
    // yaml notices an unclosed bracket or quote where the text runs out; point at where it was opened.
    const opened = /closing|Flow/.test(detail) ? unclosedLineBefore(text, noticed - firstLine) : -1;
    throw new LessonProblem(opened >= 0 ? firstLine + opened : noticed, `${what} is not valid YAML: ${detail}`);
  }
  if (doc.contents === null) throw new LessonProblem(firstLine, `${what} is empty`);
  const root = convert(doc.contents as Node, lineAt, what);
  if (root.kind !== 'map') throw new LessonProblem(root.line, `${what} must be a list of \`key: value\` lines`);
  // A missing field is reported at the block's opening line (`---` or the fence).
  return { ...root, line: firstLine - 1 };
}

/** Index of the nearest line at or before `last` that opens a [, { or " it does not close. */
function unclosedLineBefore(text: string, last: number): number {
  const lines = text.split('\n');
  for (let i = Math.min(last, lines.length - 1); i >= 0; i--) {
    const l = lines[i]!;
    const count = (c: string) => l.split(c).length - 1;
    if (count('[') > count(']') || count('{') > count('}') || count('"') % 2 === 1) return i;
  }
  return -1;
}

function convert(node: Node, lineAt: (offset: number) => number, what: string): YValue {
  const line = lineAt(node.range?.[0] ?? 0);
  if (isAlias(node) || node.anchor) throw new LessonProblem(line, `${what}: anchors and aliases (&name, *name) are not allowed in lessons`);
  if (node.tag) throw new LessonProblem(line, `${what}: YAML tags (like !!binary or !something) are not allowed in lessons`);
  if (isScalar(node)) {
    const v = node.value;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new LessonProblem(line, `${what}: only text, numbers, true/false and lists are allowed here`);
    }
    return { kind: 'scalar', line, value: v };
  }
  if (isSeq(node)) return { kind: 'seq', line, items: node.items.map((n) => convert(n as Node, lineAt, what)) };
  if (isMap(node)) {
    const entries: Record<string, YValue> = {};
    const keyLines: Record<string, number> = {};
    for (const pair of node.items) {
      const key = pair.key as Node;
      const keyLine = lineAt(key.range?.[0] ?? 0);
      if (!isScalar(key) || typeof key.value !== 'string') throw new LessonProblem(keyLine, `${what}: keys must be plain words`);
      keyLines[key.value] = keyLine;
      // A field's value is reported at its key's line, where the author looks for it.
      entries[key.value] = pair.value === null
        ? { kind: 'scalar', line: keyLine, value: null }
        : { ...convert(pair.value as Node, lineAt, what), line: keyLine };
    }
    return { kind: 'map', line, entries, keyLines };
  }
  throw new LessonProblem(line, `${what}: unsupported YAML`);
}

/** Rejects keys that are not in `allowed`, suggesting the nearest. */
export function onlyKeys(map: YMap, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(map.entries)) {
    if (allowed.includes(key)) continue;
    const guess = nearest(key, allowed);
    throw new LessonProblem(map.keyLines[key]!, `${what}: unknown field '${key}'` +
      (guess ? `. Did you mean '${guess}'?` : `; it takes ${allowed.join(', ')}`));
  }
}

const typeName = (v: YValue): string =>
  v.kind === 'map' ? 'a set of key: value lines' : v.kind === 'seq' ? 'a list' : v.value === null ? 'nothing' : JSON.stringify(v.value);

/** A required (or optional) field, with a message naming it and what it should be. */
export function field(map: YMap, key: string, what: string, doc: string): YValue;
export function field(map: YMap, key: string, what: string, doc: string, optional: true): YValue | undefined;
export function field(map: YMap, key: string, what: string, doc: string, optional = false): YValue | undefined {
  const v = map.entries[key];
  if (v === undefined || (v.kind === 'scalar' && v.value === null)) {
    if (optional && v === undefined) return undefined;
    throw new LessonProblem(v?.line ?? map.line, `${what}: missing '${key}' (${doc})`);
  }
  return v;
}

export function text(v: YValue, key: string, what: string, max = 4000): string {
  if (v.kind !== 'scalar' || typeof v.value !== 'string') throw new LessonProblem(v.line, `${what}: '${key}' must be text, got ${typeName(v)}`);
  const s = v.value.trim();
  if (s === '') throw new LessonProblem(v.line, `${what}: '${key}' is empty`);
  if (s.length > max) throw new LessonProblem(v.line, `${what}: '${key}' is too long (${s.length} characters; at most ${max})`);
  const html = s.split('\n').map(rawHtml).find((x) => x !== null);
  if (html) throw new LessonProblem(v.line, `${what}: '${key}' has raw HTML (${html}), which is never shown in lessons; write Markdown instead`);
  return s;
}

export function wholeNumber(v: YValue, key: string, what: string, min: number, max: number): number {
  if (v.kind !== 'scalar' || typeof v.value !== 'number' || !Number.isInteger(v.value)) {
    throw new LessonProblem(v.line, `${what}: '${key}' must be a whole number, got ${typeName(v)}`);
  }
  if (v.value < min || v.value > max) throw new LessonProblem(v.line, `${what}: '${key}' must be between ${min} and ${max}, got ${v.value}`);
  return v.value;
}

export function list(v: YValue, key: string, what: string, min = 1, max = 100): YValue[] {
  if (v.kind !== 'seq') throw new LessonProblem(v.line, `${what}: '${key}' must be a list (lines starting with '- '), got ${typeName(v)}`);
  if (v.items.length < min) throw new LessonProblem(v.line, `${what}: '${key}' needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`);
  if (v.items.length > max) throw new LessonProblem(v.line, `${what}: '${key}' has ${v.items.length} entries; at most ${max}`);
  return v.items;
}

export function textList(v: YValue, key: string, what: string, min = 1): string[] {
  return list(v, key, what, min).map((item, i) => text(item, `${key}[${i + 1}]`, what, 500));
}
