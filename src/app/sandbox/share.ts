// Sandbox share links: the scenario text, the seed, the learner's inputs since it loaded (each with its
// moment), the time cursor, the view and, when the text came from the builder, the builder's topology.
// Same envelope as lesson links (src/lessons/share.ts: base64url JSON plus a checksum); decoding never
// throws and says in one sentence why a link cannot be opened.
import {
  commandTooBig, MAX_LINK_TIME, scriptTooLong, newerVersion, openEnvelope, toBase64Url, checksum, tooLate, validateInputs, type Decoded, type ShareInput,
} from '../lessons-api.ts';
import { topologyShapeProblem } from './shape.ts';
import type { Topology } from './model.ts';

export const SANDBOX_SHARE_VERSION = 1;
/** Longest sandbox link code accepted: a scenario is longer than a lesson's few typed commands. */
export const MAX_SANDBOX_LINK = 16_384;
export const MAX_SCENARIO_CHARS = 8_000;

export interface SandboxShareState {
  v: 1;
  /** The scenario text exactly as it was run. */
  sandbox: string;
  seed: number;
  inputs: ShareInput[];
  t: number;
  view: 'split' | 'town' | 'tech';
  topology?: Topology;
}

const KEYS = ['v', 'sandbox', 'seed', 'inputs', 't', 'view', 'topology'];
const VIEWS = ['split', 'town', 'tech'];
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown, max = Number.MAX_SAFE_INTEGER): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/** Null when `x` is a valid SandboxShareState, else what is wrong. */
export function validateSandboxShare(x: unknown): string | null {
  if (!isObject(x)) return 'it is not a saved sandbox';
  const extra = Object.keys(x).find((k) => !KEYS.includes(k));
  if (extra !== undefined) return `it has an unknown field '${extra}'`;
  if (x.v !== SANDBOX_SHARE_VERSION) return `the format version is ${JSON.stringify(x.v)}, expected ${SANDBOX_SHARE_VERSION}`;
  if (typeof x.sandbox !== 'string') return 'the scenario text is missing';
  if (x.sandbox.length > MAX_SCENARIO_CHARS) return `the scenario is ${x.sandbox.length} characters long; at most ${MAX_SCENARIO_CHARS}`;
  if (!isCount(x.seed, 999_999_999)) return 'the seed is missing or not a whole number from 0 to 999999999';
  if (!isCount(x.t)) return 'the time cursor is missing or not a whole number of milliseconds';
  // The same bounds as a lesson link (src/lessons/share.ts), for the cursor and the scenario's own lines.
  if (x.t > MAX_LINK_TIME) return tooLate('its time cursor', x.t);
  const lines = x.sandbox.split('\n');
  for (const [i, line] of lines.entries()) {
    const big = commandTooBig(line, `line ${i + 1} of its scenario`);
    if (big) return big;
  }
  const long = scriptTooLong(lines, 'its scenario');
  if (long) return long;
  if (typeof x.view !== 'string' || !VIEWS.includes(x.view)) return `the view must be one of ${VIEWS.join(', ')}`;
  if (x.topology !== undefined) {
    const problem = topologyShapeProblem(x.topology);
    if (problem) return problem;
  }
  return validateInputs(x.inputs);
}

export function encodeSandboxShare(state: SandboxShareState): Decoded<string> {
  const problem = validateSandboxShare(state);
  if (problem) return { ok: false, message: `This sandbox cannot be shared: ${problem}.` };
  const body = toBase64Url(JSON.stringify(state));
  const text = `${body}.${checksum(body)}`;
  if (text.length > MAX_SANDBOX_LINK) {
    return { ok: false, message: `This sandbox cannot be shared: the link would be ${text.length} characters, more than ${MAX_SANDBOX_LINK}. Shorten the scenario or reset the run (${state.inputs.length} commands typed) and try again.` };
  }
  return { ok: true, value: text };
}

export function decodeSandboxShare(text: string): Decoded<SandboxShareState> {
  const opened = openEnvelope(text, MAX_SANDBOX_LINK);
  if (!opened.ok) return opened;
  const newer = newerVersion(opened.value, SANDBOX_SHARE_VERSION);
  if (newer) return { ok: false, message: newer };
  if (isObject(opened.value) && 'lesson' in opened.value) return { ok: false, message: 'This is a link to a lesson step, not to the sandbox; open it under #/lesson/… instead.' };
  const problem = validateSandboxShare(opened.value);
  if (problem) return { ok: false, message: `The link's contents are not valid: ${problem}.` };
  return { ok: true, value: opened.value as SandboxShareState };
}
