// Every registered system carries the parts a lesson needs: documented commands whose examples parse,
// named and described invariants, queries with a description and an example that reads them, a README,
// and one folder under src/engine named as the system, whose index.ts exports its one definition.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { systems } from '../../../src/engine/systems.ts';
import { language } from '../../../src/script/language.ts';
import { parseLine, parseScript } from '../../../src/script/parser.ts';
import { parseCondition, type Condition } from '../../../src/script/condition.ts';

const ENGINE = 'src/engine';
/** Folders under src/engine that are not systems: the kernel and code the systems share. */
const NOT_SYSTEMS = new Set(['core', 'delivery', 'producer']);

function queryNamesIn(c: Condition): string[] {
  if (c.kind === 'cmp') return [c.left, c.right].flatMap((o) => (o.kind === 'query' ? [o.name] : []));
  if (c.kind === 'truthy') return c.operand.kind === 'query' ? [c.operand.name] : [];
  return c.parts.flatMap(queryNamesIn);
}

/** The conditions a line holds: `expect <condition>` or `run until=<condition>`. */
function conditionsOf(line: string): Condition[] {
  const cmd = parseLine(language, line);
  const texts = [cmd?.rest, cmd?.args.until].filter((t): t is string => typeof t === 'string');
  return texts.map((t) => parseCondition(t, language.queryNames));
}

describe('the system registry', () => {
  it('registers each system folder under src/engine once, under its folder name', () => {
    const folders = readdirSync(ENGINE).filter((f) => statSync(`${ENGINE}/${f}`).isDirectory() && !NOT_SYSTEMS.has(f));
    expect(systems.map((s) => s.name).sort()).toEqual(folders.sort());
  });

  it('no two systems share a command or a query name', () => {
    const commands = systems.flatMap((s) => s.commands.map((c) => c.name));
    expect(new Set(commands).size).toBe(commands.length);
    const queries = systems.flatMap((s) => s.queries.map((q) => q.name));
    expect(new Set(queries).size).toBe(queries.length);
  });
});

describe.each(systems.map((s) => [s.name, s] as const))('system %s', (name, sys) => {
  it('is defined by its folder: index.ts exports it under its name, and the folder has a README', async () => {
    expect(sys.def.name).toBe(name);
    const surface = (await import(`../../../src/engine/${name}/index.ts`)) as Record<string, unknown>;
    expect(surface[name], `src/engine/${name}/index.ts exports ${name}`).toBe(sys);
    expect(existsSync(`${ENGINE}/${name}/README.md`), `src/engine/${name}/README.md`).toBe(true);
  });

  it('documents every command: a summary, every argument described, an example that parses and uses it', () => {
    expect(sys.commands.length).toBeGreaterThan(0);
    for (const c of sys.commands) {
      expect(c.sys, `${c.name}: sys`).toBe(name);
      expect(c.summary.trim().length, `${c.name}: summary`).toBeGreaterThan(10);
      for (const a of c.args) expect(a.doc.trim().length, `${c.name} ${a.name}=: doc`).toBeGreaterThan(2);
      if (c.rest) expect(c.rest.doc.trim().length, `${c.name}: rest doc`).toBeGreaterThan(2);
      const lines = parseScript(language, `${c.setup ?? ''}\n${c.example}`, `${c.name} example`);
      expect(lines.slice(-c.example.split('\n').length).some((l) => l.spec === c), `${c.name}: its example uses it`).toBe(true);
    }
  });

  it('names and describes every invariant', () => {
    const names = sys.invariants.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const inv of sys.invariants) {
      expect(inv.name, 'an invariant name is kebab-case words').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(inv.description.trim().length, `${inv.name}: description`).toBeGreaterThan(10);
    }
  });

  it('describes every query and gives an example condition that reads it', () => {
    for (const q of sys.queries) {
      expect(q.description.trim().length, `${q.name}: description`).toBeGreaterThan(10);
      const read = conditionsOf(q.example).flatMap(queryNamesIn);
      expect(read, `${q.name}: example '${q.example}'`).toContain(q.name);
    }
  });
});
