// The scenario language: core commands plus every system's, and every query conditions can read.
import { allSystems, systemCommands } from '../engine/systems.ts';
import { CORE_QUERIES } from '../engine/core/index.ts';
import type { CommandSpec } from '../engine/core/index.ts';
import { coreCommands } from './core-commands.ts';
import { helpCommand } from './help.ts';
import { createLanguage, type Language } from './parser.ts';

export interface QueryDoc {
  name: string;
  params: readonly string[];
  description: string;
  example: string;
  sys?: string;
}

export const allQueries: readonly QueryDoc[] = [
  ...CORE_QUERIES,
  ...allSystems.flatMap((d) => (d.queries ?? []).map((q) => ({ name: q.name, params: q.params, description: q.description, example: q.example, sys: d.name as string }))),
];

const queryNames = new Set(allQueries.map((q) => q.name));

export const allCommands: readonly CommandSpec[] = [
  ...coreCommands(() => queryNames), ...systemCommands, helpCommand(() => allCommands),
];

export const language: Language = createLanguage(allCommands, queryNames);
