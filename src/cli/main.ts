// The headless CLI: `npm run lab -- run <file> [--seed N] [--json] [--update]`, `check`, `docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { runTranscript, ScriptError } from '../script/transcript.ts';
import { referenceMarkdown } from '../script/reference.ts';
import { checkAll } from './check.ts';

const USAGE = `usage: npm run lab -- <command>
  run <file.lab> [--seed N] [--json] [--update]   run a scenario and print its transcript
  check                                           run every lesson's scripts, predictions and challenges
  docs                                            print the scenario language reference (Markdown)`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function run(args: string[]): number {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed');
  if (!file) { console.error(USAGE); return 2; }
  const seedText = flag(args, '--seed');
  if (seedText !== undefined && !/^\d+$/.test(seedText)) { console.error(`--seed expects a whole number, got '${seedText}'`); return 2; }
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { console.error(`cannot read ${file}`); return 2; }
  let result;
  try {
    result = runTranscript(text, file, seedText === undefined ? {} : { seed: Number(seedText) });
  } catch (e) {
    if (e instanceof ScriptError) { console.error(e.message); return 1; }
    throw e;
  }
  const { session } = result;
  if (args.includes('--update')) writeFileSync(file, result.updated);
  if (args.includes('--json')) {
    const sim = session.sim;
    const systems: Record<string, unknown> = {};
    for (const name of ['town', ...sim.nodes().map((n) => n.sys)]) if (sim.hasSystem(name)) systems[name] = sim.state(name);
    console.log(JSON.stringify({
      file, seed: session.seed, now: sim.now, events: sim.eventCount, traceHash: sim.traceHash(),
      violations: sim.violations().map((v) => sim.formatEvent(v)), failures: result.failures,
      state: { nodes: sim.nodes(), systems },
    }, null, 2));
  } else {
    process.stdout.write(result.updated);
    console.log(`# ${sim(session)}`);
  }
  for (const f of result.failures) console.error(f);
  return result.failures.length ? 1 : 0;
}

const sim = (s: { sim: { now: number; eventCount: number; traceHash(): string } }) =>
  `t=${s.sim.now}ms events=${s.sim.eventCount} traceHash=${s.sim.traceHash()}`;

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'run': return run(rest);
    case 'check': return checkAll();
    case 'docs': process.stdout.write(referenceMarkdown()); return 0;
    default: console.error(cmd ? `unknown command '${cmd}'\n${USAGE}` : USAGE); return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
