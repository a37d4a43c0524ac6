// The commands every scenario has: time, stepping, faults, the network, clocks and expectations.
import { argBool, argList, argNumber, argString, CommandError, type CommandSpec } from '../engine/core/index.ts';
import { formatDuration } from '../engine/core/index.ts';
import { parseDurationArg } from './parser.ts';
import type { LinkSpec } from '../engine/core/index.ts';
import type { Sim } from '../engine/core/index.ts';
import { describeActuals, evaluate, parseCondition } from './condition.ts';

/** An `expect` whose condition is false: the message gives the actual values. */
export class ExpectationFailed extends Error {
  override readonly name = 'ExpectationFailed';
}

export function conditionHolds(sim: Sim, text: string, queryNames: ReadonlySet<string>): boolean {
  return evaluate(parseCondition(text, queryNames), (q) => sim.query(q));
}

const linkArgs = [
  { name: 'latency', type: 'duration', doc: 'one-way delay' },
  { name: 'jitter', type: 'duration', doc: 'extra random delay, 0..jitter' },
  { name: 'dist', type: 'enum', values: ['uniform', 'normal'], doc: 'shape of the jitter' },
  { name: 'loss', type: 'prob', doc: 'chance a message is lost' },
  { name: 'dup', type: 'prob', doc: 'chance a message is delivered twice' },
  { name: 'reorder', type: 'prob', doc: 'chance a message is held back so later ones overtake it' },
] as const;

function linkSpecFrom(args: Record<string, unknown>): Partial<LinkSpec> {
  const spec: Partial<LinkSpec> = {};
  for (const a of linkArgs) if (args[a.name] !== undefined) (spec as Record<string, unknown>)[a.name] = args[a.name];
  if (Object.keys(spec).length === 0) throw new CommandError(`give at least one of ${linkArgs.map((a) => `${a.name}=`).join(' ')}`);
  return spec;
}

const nodeArg = { name: 'node', type: 'node', required: true, doc: 'the node' } as const;
const SETUP = 'service name=bakery\nservice name=grocery';

export function coreCommands(queryNames: () => ReadonlySet<string>): CommandSpec[] {
  return [
    {
      name: 'run', timeOnly: true, summary: 'Advance simulated time: for a duration, or until a condition holds (at most max).',
      args: [
        { name: 'for', type: 'duration', doc: 'how long to run' },
        { name: 'until', type: 'condition', doc: 'stop as soon as this holds' },
        { name: 'max', type: 'duration', default: '60s', doc: 'give up on until= after this long' },
      ],
      example: 'run for=500ms\nrun until="now >= 2s" max=5s',
      run: (sim, args) => {
        if (args.for !== undefined && args.until !== undefined) throw new CommandError('give for= or until=, not both');
        if (args.until !== undefined) {
          const cond = argString(args, 'until');
          const ok = sim.runUntilTrue(() => conditionHolds(sim, cond, queryNames()), argNumber(args, 'max'));
          return ok ? [] : [`(gave up after max=${formatDuration(argNumber(args, 'max'))}: ${cond} still false)`];
        }
        if (args.for === undefined) throw new CommandError('run needs for= (a duration) or until= (a condition)');
        sim.runFor(argNumber(args, 'for'));
      },
    },
    {
      name: 'step', timeOnly: true, summary: 'Process the next n events, one at a time.',
      args: [{ name: 'n', type: 'int', default: '1', doc: 'how many events' }],
      example: 'step n=3', setup: `${SETUP}\ncall from=bakery to=grocery`,
      run: (sim, args) => { for (let i = 0; i < argNumber(args, 'n'); i++) if (!sim.step()) break; },
    },
    {
      name: 'back', timeOnly: true, summary: 'Step back n events (time travel; acting afterwards forks the run).',
      args: [{ name: 'n', type: 'int', default: '1', doc: 'how many events' }],
      example: 'back n=2', setup: `${SETUP}\ncall from=bakery to=grocery\nrun for=1s`,
      run: (sim, args) => {
        for (let i = 0; i < argNumber(args, 'n'); i++) sim.stepBack();
        return [`(back at t=${sim.now}ms, event ${sim.eventCount})`];
      },
    },
    {
      name: 'seek', timeOnly: true, summary: 'Jump to a moment, earlier or later (time travel).',
      args: [{ name: 't', type: 'duration', required: true, doc: 'the moment to go to' }],
      example: 'seek t=150ms', setup: `${SETUP}\ncall from=bakery to=grocery\nrun for=1s`,
      run: (sim, args) => { sim.seek(argNumber(args, 't')); return [`(at t=${sim.now}ms, event ${sim.eventCount})`]; },
    },
    { name: 'crash', summary: 'Crash a node: its volatile state is lost, durable state kept; it neither sends nor receives.',
      args: [nodeArg], example: 'crash node=grocery', setup: SETUP, run: (sim, a) => sim.crash(argString(a, 'node')) },
    { name: 'restart', summary: 'Restart a crashed node from its durable state.',
      args: [nodeArg], example: 'restart node=grocery', setup: `${SETUP}\ncrash node=grocery`, run: (sim, a) => sim.restart(argString(a, 'node')) },
    { name: 'pause', summary: 'Freeze a node (a long GC pause): its timers and arriving messages wait until resume.',
      args: [nodeArg], example: 'pause node=grocery', setup: SETUP, run: (sim, a) => sim.pause(argString(a, 'node')) },
    { name: 'resume', summary: 'Unfreeze a paused node; what waited now happens, late.',
      args: [nodeArg], example: 'resume node=grocery', setup: `${SETUP}\npause node=grocery`, run: (sim, a) => sim.resume(argString(a, 'node')) },
    {
      name: 'partition', summary: 'Cut the network between two groups of nodes, both ways or (oneway=true) only from a to b.',
      args: [
        { name: 'a', type: 'nodes', required: true, doc: 'one side, comma-separated' },
        { name: 'b', type: 'nodes', required: true, doc: 'the other side' },
        { name: 'oneway', type: 'bool', default: 'false', doc: 'cut only messages from a to b' },
      ],
      example: 'partition a=bakery b=grocery\npartition a=bakery b=grocery oneway=true', setup: SETUP,
      run: (sim, a) => sim.partition(argList(a, 'a'), argList(a, 'b'), argBool(a, 'oneway')),
    },
    {
      name: 'heal', summary: 'Heal partitions: all of them, or only between a and b.',
      args: [{ name: 'a', type: 'nodes', doc: 'one side' }, { name: 'b', type: 'nodes', doc: 'the other side' }],
      example: 'heal\nheal a=bakery b=grocery', setup: `${SETUP}\npartition a=bakery b=grocery`,
      run: (sim, a) => {
        if ((a.a === undefined) !== (a.b === undefined)) throw new CommandError('give both a= and b=, or neither to heal everything');
        sim.heal(a.a === undefined ? undefined : argList(a, 'a'), a.b === undefined ? undefined : argList(a, 'b'));
      },
    },
    {
      name: 'link', summary: 'Set latency, jitter, loss, duplication or reordering on one link (both ways unless oneway=true).',
      args: [
        { name: 'from', type: 'node', required: true, doc: 'one end' },
        { name: 'to', type: 'node', required: true, doc: 'the other end' },
        ...linkArgs,
        { name: 'oneway', type: 'bool', default: 'false', doc: 'only from -> to' },
      ],
      example: 'link from=bakery to=grocery latency=80ms loss=10%', setup: SETUP,
      run: (sim, a) => sim.setLink(argString(a, 'from'), argString(a, 'to'), linkSpecFrom(a), !argBool(a, 'oneway')),
    },
    {
      name: 'network', summary: 'Set the defaults for every link.',
      args: [...linkArgs], example: 'network latency=20ms jitter=10ms',
      run: (sim, a) => sim.setNetwork(linkSpecFrom(a)),
    },
    {
      name: 'skew', summary: "Set a node's clock: offset by a duration (may be negative) and drift in parts per million.",
      args: [
        nodeArg,
        { name: 'by', type: 'string', default: '0ms', doc: 'offset such as 500ms or -2s' },
        { name: 'drift', type: 'int', default: '0', doc: 'parts per million: 1000 runs 0.1% fast, -1000 slow' },
      ],
      example: 'skew node=grocery by=-2s drift=500', setup: SETUP,
      run: (sim, a) => {
        const by = argString(a, 'by');
        const neg = by.startsWith('-');
        const d = parseDurationArg(neg ? by.slice(1) : by);
        if ('problem' in d) throw new CommandError(`by= expects ${d.problem.replace(/^a duration/, 'a duration (a minus sign for behind)')}, got '${by}'`);
        sim.skew(argString(a, 'node'), neg ? -d.ms : d.ms, argNumber(a, 'drift'));
      },
    },
    {
      name: 'drop', summary: 'Drop one message that is in flight (its number is in the trace and the views).',
      args: [{ name: 'msg', type: 'int', required: true, doc: 'the message number' }],
      example: 'drop msg=1', setup: `${SETUP}\ncall from=bakery to=grocery`,
      run: (sim, a) => {
        try { sim.dropMessage(argNumber(a, 'msg')); } catch (e) { throw new CommandError((e as Error).message); }
      },
    },
    {
      name: 'expect', timeOnly: true, summary: 'Check a condition now; fails with the actual values when it is false.',
      args: [], rest: { name: 'a condition', doc: 'e.g. `expect now == 1s` or `expect dropped == 0 and violations == 0`' },
      example: 'expect violations == 0',
      run: (sim, _a, rest) => {
        const cond = parseCondition(rest ?? '', queryNames());
        const lookup = (q: string) => sim.query(q);
        if (!evaluate(cond, lookup)) throw new ExpectationFailed(`expect failed: ${rest} (${describeActuals(cond, lookup) || 'false'})`);
      },
    },
    {
      name: 'show', timeOnly: true, summary: 'Choose which trace lines a transcript prints (default: deliver,drop,note,fault,fork,violation).',
      args: [{ name: 'kinds', type: 'strings', required: true, doc: 'kinds to print, or all, or none' }],
      example: 'show kinds=note,fault', run: () => undefined,
    },
    // Page settings: the lab applies them (a lesson step can pick its pictures and pace); the CLI ignores them.
    {
      name: 'view', timeOnly: true, summary: 'Choose the pictures the lab shows: both side by side, the town only, or the technical view only (the CLI ignores it).',
      args: [{ name: 'mode', type: 'enum', values: ['both', 'town', 'tech'], required: true, doc: 'both, town or tech' }],
      example: 'view mode=tech', run: () => undefined,
    },
    {
      name: 'speed', timeOnly: true, summary: 'Set the playback speed in simulated time per real time, 0.01 to 100 (the CLI ignores it).',
      args: [{ name: 'x', type: 'number', required: true, doc: 'e.g. 0.25 for a quarter speed, 10 for ten times' }],
      example: 'speed x=0.25', run: (_sim, args) => {
        const x = args.x as number;
        if (!(x >= 0.01 && x <= 100)) throw new CommandError(`speed must be between 0.01 and 100, got ${x}`);
      },
    },
  ];
}
