// One system's whole registration: its SystemDef (initial state, handlers, invariants, queries, message
// format) and its scenario commands. Each system folder's index.ts makes one; systems.ts lists them, and the
// parser, the reference page, the lessons and the sim read everything from that list.
import type { CommandSpec } from './core/command.ts';
import type { Invariant, Query, SystemDef } from './core/types.ts';

export interface SystemDefinition<S> {
  /** The system's name: its folder under src/engine, its trace `sys`, its commands' `sys`, a lesson's `systems:` word. */
  readonly name: string;
  readonly def: SystemDef<S>;
  readonly commands: readonly CommandSpec[];
  readonly queries: readonly Query<S>[];
  readonly invariants: readonly Invariant<S>[];
}

export function defineSystem<S>(parts: { readonly def: SystemDef<S>; readonly commands: readonly CommandSpec[] }): SystemDefinition<S> {
  const { def, commands } = parts;
  return Object.freeze({ name: def.name, def, commands, queries: def.queries ?? [], invariants: def.invariants ?? [] });
}
