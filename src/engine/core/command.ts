// The shape of a scenario-language command. Core commands and each system's commands are declared with
// this one table shape; the parser, the console, the reference page and the test hook all read it.
import type { Sim } from './sim.ts';

export type ArgType =
  | 'duration' // 250ms, 2s, 1m -> integer ms
  | 'int'
  | 'number'
  | 'prob' // 0..1, or a percentage like 5%
  | 'node'
  | 'nodes' // comma-separated: n1,n2,n3
  | 'string'
  | 'strings' // comma-separated words
  | 'bool' // true/false, yes/no, on/off
  | 'enum' // one of `values`
  | 'condition'; // a condition, quoted when it has spaces: until="leader != none"

export interface ArgSpec {
  readonly name: string;
  readonly type: ArgType;
  readonly required?: boolean;
  /** Written as it would be typed, e.g. '10ms'. */
  readonly default?: string;
  readonly values?: readonly string[];
  readonly doc: string;
}

export type ArgValue = number | string | boolean | readonly string[];
export type ArgValues = Readonly<Record<string, ArgValue | undefined>>;

export interface CommandSpec {
  readonly name: string;
  /** The system the command belongs to; core commands leave it out. */
  readonly sys?: string;
  readonly summary: string;
  readonly args: readonly ArgSpec[];
  /** `expect` takes a whole condition after its name rather than key=value arguments; `help` takes one
   *  command name (`word`), which it may leave out (`optional`). */
  readonly rest?: { readonly name: string; readonly doc: string; readonly kind?: 'condition' | 'word'; readonly optional?: boolean };
  /** One line or a few, runnable on their own after `setup` (shown in the reference page). */
  readonly example: string;
  /** Lines the example needs first (for example creating the nodes it acts on). */
  readonly setup?: string;
  /** The command only moves time or looks (run, step, back, seek, expect, show, view, speed, help): it adds no
   *  input to the run. The lab records every other command that succeeds as an input (what share links
   *  replay), and only those fork the run when given at a past moment. */
  readonly timeOnly?: true;
  /** Runs the command. Returns lines to print (besides the trace lines it causes), or throws CommandError. */
  run(sim: Sim, args: ArgValues, rest: string | undefined): readonly string[] | void;
}

/** A command that parsed but cannot be carried out (unknown node, nothing to redrive, ...). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export const argNumber = (args: ArgValues, name: string): number => {
  const v = args[name];
  if (typeof v !== 'number') throw new CommandError(`missing number argument ${name}=`);
  return v;
};
export const argString = (args: ArgValues, name: string): string => {
  const v = args[name];
  if (typeof v !== 'string') throw new CommandError(`missing argument ${name}=`);
  return v;
};
export const argList = (args: ArgValues, name: string): readonly string[] => {
  const v = args[name];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) throw new CommandError(`missing list argument ${name}=`);
  return v as readonly string[];
};
export const argBool = (args: ArgValues, name: string, dflt = false): boolean => {
  const v = args[name];
  return typeof v === 'boolean' ? v : dflt;
};
