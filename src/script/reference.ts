// The language reference page, generated from the same tables the parser reads. The app shows it and
// docs/scenario-language.md is this output (a test keeps the file up to date).
import type { CommandSpec } from '../engine/core/index.ts';
import { allCommands, allQueries } from './language.ts';
import { usageLine } from './help.ts';

export function referenceMarkdown(): string {
  const out: string[] = [
    '# The scenario language',
    '',
    'One command per line: a name, then `key=value` arguments (quote a value that has spaces: `until="now >= 2s"`).',
    'Durations are written with their unit, `250ms`, `2s`, `1.5s`, `1m` or `1h` (a bare `5` is refused; `0` needs none); probabilities `0.1` or `10%`; lists `n1,n2,n3`.',
    '`#` starts a comment. Files end in `.lab`; a block of commands may be followed by a `----` line and the',
    'output it is expected to print, up to the next blank line (`npm run lab -- run file.lab --update` rewrites it).',
    '',
    '## Conditions',
    '',
    '`expect` and `run until=` take a condition: values compared with `==`, `!=`, `<`, `<=`, `>`, `>=`,',
    'joined with `and` / `or`. A value is a number, a duration, a word, `true`/`false`, or one of the queries below.',
    '',
    '| query | meaning | example |',
    '| --- | --- | --- |',
    ...allQueries.map((q) => `| \`${q.name}${q.params.length ? `(${q.params.join(', ')})` : ''}\` | ${q.description} | \`${q.example}\` |`),
    '',
    '## Commands',
    '',
  ];
  const groups = new Map<string, CommandSpec[]>();
  for (const c of allCommands) {
    const g = c.sys ?? 'core';
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  for (const [group, cmds] of groups) {
    out.push(`### ${group === 'core' ? 'Time, faults and checks' : `System: ${group}`}`, '');
    for (const c of cmds) {
      out.push(`#### \`${c.name}\``, '', c.summary, '', '```', usageLine(c), '```', '');
      if (c.args.length) {
        out.push('| argument | type | default | meaning |', '| --- | --- | --- | --- |');
        for (const a of c.args) {
          const type = a.type === 'enum' ? (a.values ?? []).join(' \\| ') : a.type;
          out.push(`| \`${a.name}\` | ${type} | ${a.required ? '(required)' : a.default ?? ''} | ${a.doc} |`);
        }
        out.push('');
      }
      out.push('Example:', '', '```lab');
      if (c.setup) out.push(...c.setup.split('\n').map((l) => `# setup: ${l}`));
      out.push(c.example, '```', '');
    }
  }
  return out.join('\n');
}
