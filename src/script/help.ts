// `help` and `help <command>`: the console's own guide, printed from the same command table the parser
// reads, so it can never list a command that does not exist or miss one that does.
import type { CommandSpec } from '../engine/core/index.ts';

/** `run [for=<duration>] [until=<condition>] [max=<duration>]`: how a command is written. */
export function usageLine(c: CommandSpec): string {
  const parts = c.args.map((a) => {
    const v = a.type === 'enum' ? (a.values ?? []).join('|') : a.type;
    const word = `${a.name}=<${v}>`;
    return a.required ? word : `[${word}]`;
  });
  if (c.rest) parts.push(c.rest.optional ? `[<${c.rest.name}>]` : `<${c.rest.name}>`);
  return [c.name, ...parts].join(' ');
}

/** Every command by group, one line a group. */
export function helpIndex(commands: readonly CommandSpec[]): string[] {
  const groups = new Map<string, string[]>();
  for (const c of commands) groups.set(c.sys ?? 'core', [...(groups.get(c.sys ?? 'core') ?? []), c.name]);
  return [
    'Commands (type `help <command>` for one, e.g. `help run`; durations need a unit: 250ms, 2s, 1m, 1h):',
    ...[...groups].map(([group, names]) => `  ${group === 'core' ? 'time, faults, checks' : group}: ${names.join(', ')}`),
  ];
}

/** One command: how it is written, what it does, each argument, an example. */
export function helpFor(c: CommandSpec): string[] {
  return [
    usageLine(c),
    `  ${c.summary}`,
    ...c.args.map((a) => `  ${a.name}=  ${a.type === 'enum' ? (a.values ?? []).join('|') : a.type}${a.required ? ' (required)' : a.default !== undefined ? ` (default ${a.default})` : ''}: ${a.doc}`),
    ...(c.rest ? [`  <${c.rest.name}>: ${c.rest.doc}`] : []),
    `  example: ${c.example.split('\n').join('  ·  ')}`,
  ];
}

export function helpCommand(commands: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: 'help',
    timeOnly: true,
    summary: 'List the commands, or show how one is written (its arguments, defaults and an example).',
    args: [],
    rest: { name: 'command', doc: 'a command name, e.g. `help run`', kind: 'word', optional: true },
    example: 'help\nhelp run',
    run: (_sim, _args, rest) => {
      const all = commands();
      const one = rest === undefined ? undefined : all.find((c) => c.name === rest);
      return one ? helpFor(one) : helpIndex(all);
    },
  };
}
