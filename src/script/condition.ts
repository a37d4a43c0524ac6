// Conditions for `expect`, `run until=`, lesson goals and predictions:
//   inbox(analytics) == 3    raft.leader != none    now >= 2s and violations == 0
// A bare name is a query when a system (or the core) defines one by that name, else a literal word.
import { parseDuration } from '../engine/core/index.ts';

export type Value = number | string | boolean;
type Operand = { kind: 'query'; text: string; name: string } | { kind: 'literal'; value: Value };
type Op = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Condition =
  | { kind: 'cmp'; left: Operand; op: Op; right: Operand }
  | { kind: 'truthy'; operand: Operand }
  | { kind: 'and' | 'or'; parts: Condition[] };

export class ConditionError extends Error {
  constructor(message: string, readonly col: number) {
    super(message);
  }
}

const TOKEN = /\s*(==|!=|<=|>=|<|>|"[^"]*"|[A-Za-z_][\w.-]*(?:\([^)]*\))?|-?\d+(?:\.\d+)?(?:ms|s|m|h|%)?)/y;

function lex(text: string): { tok: string; col: number }[] {
  const out: { tok: string; col: number }[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new ConditionError(`cannot read '${text.slice(at).trim()}' in the condition`, at + 1);
    out.push({ tok: m[1]!, col: at + m[0].indexOf(m[1]!) + 1 });
    at = TOKEN.lastIndex;
  }
  return out;
}

const OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export function parseCondition(text: string, queryNames: ReadonlySet<string>): Condition {
  const toks = lex(text);
  if (toks.length === 0) throw new ConditionError('expected a condition such as `now >= 1s`', 1);
  let i = 0;
  const operand = (): Operand => {
    const t = toks[i++];
    if (!t) throw new ConditionError('the condition ends too early: expected a value', text.length + 1);
    if (OPS.has(t.tok)) throw new ConditionError(`expected a value before '${t.tok}'`, t.col);
    if (t.tok.startsWith('"')) return { kind: 'literal', value: t.tok.slice(1, -1) };
    if (/^-?\d/.test(t.tok)) return { kind: 'literal', value: numberLiteral(t.tok, t.col) };
    if (t.tok === 'true' || t.tok === 'false') return { kind: 'literal', value: t.tok === 'true' };
    const name = t.tok.replace(/\(.*$/, '');
    if (queryNames.has(name)) return { kind: 'query', text: t.tok, name };
    if (t.tok.includes('(')) throw new ConditionError(`unknown query '${name}'`, t.col);
    return { kind: 'literal', value: t.tok };
  };
  const comparison = (): Condition => {
    const left = operand();
    const t = toks[i];
    if (t && OPS.has(t.tok)) {
      i++;
      return { kind: 'cmp', left, op: t.tok as Op, right: operand() };
    }
    if (left.kind === 'literal') throw new ConditionError(`'${String(left.value)}' is not a query; expected something like \`now >= 1s\``, toks[i - 1]!.col);
    return { kind: 'truthy', operand: left };
  };
  const chain = (word: 'and' | 'or', inner: () => Condition): Condition => {
    const parts = [inner()];
    while (toks[i]?.tok === word) { i++; parts.push(inner()); }
    return parts.length === 1 ? parts[0]! : { kind: word, parts };
  };
  const cond = chain('or', () => chain('and', comparison));
  if (i < toks.length) throw new ConditionError(`unexpected '${toks[i]!.tok}': expected and, or, or the end`, toks[i]!.col);
  return cond;
}

function numberLiteral(tok: string, col: number): number {
  if (tok.endsWith('%')) return Number(tok.slice(0, -1)) / 100;
  if (/[a-z]$/.test(tok)) {
    const neg = tok.startsWith('-');
    const d = parseDuration(neg ? tok.slice(1) : tok);
    if (d === null) throw new ConditionError(`'${tok}' is not a duration`, col);
    return neg ? -d : d;
  }
  return Number(tok);
}

export type Lookup = (queryText: string) => Value;

export function evaluate(c: Condition, lookup: Lookup): boolean {
  switch (c.kind) {
    case 'and': return c.parts.every((p) => evaluate(p, lookup));
    case 'or': return c.parts.some((p) => evaluate(p, lookup));
    case 'truthy': return truthy(valueOf(c.operand, lookup));
    case 'cmp': return compare(valueOf(c.left, lookup), c.op, valueOf(c.right, lookup));
  }
}

export const valueOf = (o: Operand, lookup: Lookup): Value => (o.kind === 'query' ? lookup(o.text) : o.value);
const truthy = (v: Value) => v !== false && v !== 0 && v !== '' && v !== 'none';

function compare(a: Value, op: Op, b: Value): boolean {
  if (op === '==') return a === b || String(a) === String(b);
  if (op === '!=') return !(a === b || String(a) === String(b));
  if (typeof a !== 'number' || typeof b !== 'number') throw new Error(`cannot order ${JSON.stringify(a)} and ${JSON.stringify(b)} with ${op}`);
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

/** The queries a condition reads, with their current values: "inbox(analytics) is 2". */
export function describeActuals(c: Condition, lookup: Lookup): string {
  const seen: string[] = [];
  const walk = (x: Condition) => {
    if (x.kind === 'and' || x.kind === 'or') { x.parts.forEach(walk); return; }
    const operands = x.kind === 'cmp' ? [x.left, x.right] : x.kind === 'truthy' ? [x.operand] : [];
    for (const o of operands) {
      if (o.kind === 'query' && !seen.some((s) => s.startsWith(`${o.text} is`))) seen.push(`${o.text} is ${JSON.stringify(lookup(o.text))}`);
    }
  };
  walk(c);
  return seen.join(', ');
}
