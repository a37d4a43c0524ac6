// A scenario session: one sim plus the language. Lessons, the console, share links, the test hook and the
// CLI all run commands through here, so they all drive the engine the same way.
import { createSim, type Sim } from '../engine/core/index.ts';
import { CommandError } from '../engine/core/index.ts';
import type { TraceKind } from '../engine/core/index.ts';
import { allSystems } from '../engine/systems.ts';
import { language } from './language.ts';
import { parseLine, ScriptError, type ParsedCommand } from './parser.ts';
import { ExpectationFailed } from './core-commands.ts';

export const DEFAULT_SHOWN: readonly TraceKind[] = ['deliver', 'drop', 'note', 'fault', 'fork', 'violation'];
const ALL_KINDS: readonly TraceKind[] = ['send', 'deliver', 'drop', 'timer', 'note', 'fault', 'input', 'fork', 'violation'];

export interface ExecResult {
  /** Trace lines the command caused (filtered by `show`) and anything it printed. */
  readonly output: string[];
  /** Set when the command could not be parsed or carried out, or an expectation failed. */
  readonly error?: string;
  readonly kind?: 'syntax' | 'command' | 'expect';
  /** Invariant violations that happened during the command. */
  readonly violations: string[];
  /** The command acted at a past moment, so the run forked: the old future was discarded (the trace's
   *  `fork` entry, whatever `show` prints). */
  readonly forked: boolean;
  /** A page setting the command asked for (`view`, `speed`): the lab applies it, the CLI ignores it. */
  readonly setting?: PageSetting;
}

export interface PageSetting {
  view?: 'both' | 'town' | 'tech';
  speed?: number;
}

export interface Session {
  readonly sim: Sim;
  readonly seed: number;
  exec(line: string, lineNo?: number): ExecResult;
  execParsed(cmd: ParsedCommand): ExecResult;
  /** Evaluates a condition or a single query against the current state. */
  shown: readonly TraceKind[];
}

/** What a command printed: the trace entries since index `before` (filtered by `show`), then its own lines. */
export function resultSince(sim: Sim, shown: readonly TraceKind[], before: number, printed: readonly string[]): ExecResult {
  const fresh = sim.traceSince(before);
  const lines = fresh.filter((e) => shown.includes(e.kind)).map((e) => sim.formatEvent(e));
  const violations = fresh.filter((e) => e.kind === 'violation').map((e) => sim.formatEvent(e));
  return { output: [...lines, ...printed], violations, forked: fresh.some((e) => e.kind === 'fork') };
}

/** The result of a line that ran nothing (a blank line, a comment) or could not run: nothing changed. */
export const nothingRan = (error?: string, kind?: ExecResult['kind']): ExecResult =>
  ({ output: [], violations: [], forked: false, ...(error !== undefined ? { error, kind } : {}) });

export function createSession(seed: number): Session {
  const sim = createSim({ seed, systems: allSystems });
  let shown: readonly TraceKind[] = DEFAULT_SHOWN;

  function execParsed(cmd: ParsedCommand): ExecResult {
    const before = sim.traceLength;
    const output: string[] = [];
    let error: string | undefined;
    let kind: ExecResult['kind'];
    try {
      if (cmd.spec.name === 'show') {
        const kinds = cmd.args.kinds as readonly string[];
        if (kinds.includes('all')) shown = ALL_KINDS;
        else if (kinds.includes('none')) shown = [];
        else {
          const bad = kinds.find((k) => !ALL_KINDS.includes(k as TraceKind));
          if (bad) throw new CommandError(`unknown kind '${bad}': use ${ALL_KINDS.join(', ')}, all or none`);
          shown = kinds as TraceKind[];
        }
      } else {
        const printed = sim.asTyped(cmd.text.replace(/\s+/g, ' '), () => cmd.spec.run(sim, cmd.args, cmd.rest));
        if (printed) output.push(...printed);
      }
    } catch (e) {
      if (e instanceof ExpectationFailed) { error = e.message; kind = 'expect'; }
      else if (e instanceof CommandError || e instanceof Error) { error = `${cmd.spec.name}: ${e.message}`; kind = 'command'; }
      else throw e;
    }
    const setting: PageSetting | undefined = error !== undefined ? undefined
      : cmd.spec.name === 'view' ? { view: cmd.args.mode as PageSetting['view'] }
      : cmd.spec.name === 'speed' ? { speed: cmd.args.x as number } : undefined;
    const r = resultSince(sim, shown, before, output);
    return { ...r, ...(error !== undefined ? { error, kind } : {}), ...(setting ? { setting } : {}) };
  }

  return {
    sim,
    seed,
    get shown() { return shown; },
    execParsed,
    exec(line, lineNo = 1) {
      let cmd: ParsedCommand | null;
      try {
        cmd = parseLine(language, line, lineNo);
      } catch (e) {
        if (e instanceof ScriptError) return nothingRan(e.message, 'syntax');
        throw e;
      }
      if (!cmd) return nothingRan();
      return execParsed(cmd);
    },
  };
}
