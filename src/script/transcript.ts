// Transcript files (etcd-raft's datadriven style): blocks of commands separated by blank lines; a block
// may end with `----` and the output it is expected to print. Running a file compares or rewrites them.
import { parseScript, ScriptError } from './parser.ts';
import { language } from './language.ts';
import { createSession, type Session } from './runner.ts';

export interface Block {
  /** 1-based line of the block's first command. */
  line: number;
  commands: string[];
  /** Lines after `----`, or null when the block does not record its output. */
  expected: string[] | null;
}

export interface BlockResult {
  block: Block;
  actual: string[];
  /** The first failure in the block: file line and message. */
  failure?: { line: number; message: string };
}

export interface TranscriptResult {
  blocks: BlockResult[];
  session: Session;
  /** file:line: message for every failed expect, command error or invariant violation. */
  failures: string[];
  /** The file with every recorded output replaced by what actually happened. */
  updated: string;
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let inOutput = false;
  text.split('\n').forEach((line, idx) => {
    if (line.trim() === '') { cur = null; inOutput = false; return; }
    if (!cur) { cur = { line: idx + 1, commands: [], expected: null }; blocks.push(cur); }
    if (inOutput) cur.expected!.push(line);
    else if (line.trim() === '----') { cur.expected = []; inOutput = true; }
    else cur.commands.push(line);
  });
  return blocks;
}

/** The seed a file asks for with a first line like `# seed: 7`, else the fallback. */
export function seedOf(text: string, fallback: number): number {
  const m = /^#\s*seed:\s*(\d+)/m.exec(text);
  return m ? Number(m[1]) : fallback;
}

export function runTranscript(text: string, file: string, opts: { seed?: number } = {}): TranscriptResult {
  const blocks = splitBlocks(text);
  // Parse the whole file first so a typo on line 40 is reported before anything runs.
  parseScript(language, blocks.map((b) => b.commands.join('\n')).join('\n'), file);
  const session = createSession(opts.seed ?? seedOf(text, 1));
  const results: BlockResult[] = [];
  const failures: string[] = [];
  let stopped = false;
  for (const block of blocks) {
    const actual: string[] = [];
    let failure: BlockResult['failure'];
    block.commands.forEach((raw, k) => {
      if (stopped) return;
      const lineNo = block.line + k;
      let r;
      try {
        r = session.exec(raw, lineNo);
      } catch (e) {
        if (e instanceof ScriptError) r = { output: [], violations: [], error: e.message };
        else throw e;
      }
      actual.push(...r.output);
      if (r.error) {
        actual.push(`error: ${r.error}`);
        failure ??= { line: lineNo, message: r.error };
        failures.push(`${file}:${lineNo}: ${r.error}`);
        stopped = true;
      }
      for (const v of r.violations) failures.push(`${file}:${lineNo}: ${v}`);
    });
    results.push({ block, actual, ...(failure ? { failure } : {}) });
  }
  return { blocks: results, session, failures, updated: render(results) };
}

function render(results: BlockResult[]): string {
  return results.map(({ block, actual }) => {
    const lines = [...block.commands];
    if (block.expected !== null) lines.push('----', ...actual);
    return lines.join('\n');
  }).join('\n\n') + '\n';
}

export { ScriptError };
