// Share links: the exact moment of a lesson (lesson, step, seed, the learner's inputs, the time cursor,
// the view) as `<base64url JSON>.<checksum>`. Decoding never throws: a truncated, tampered, oversized or
// future-version link gives one specific sentence, and the page opens the lesson at its start instead.
import { LESSON_ID } from './ids.ts';
import { language } from '../script/language.ts';
import { parseLine } from '../script/parser.ts';

/** Version 2 added the lesson's speed and the prediction's and challenge's state (and, optionally, that the
 *  prediction's run was still playing towards its verdict); version 1 links still open. */
export const SHARE_VERSION = 2;
/** Longest link text accepted (the part after `#s=` or wherever the page keeps it). */
export const MAX_SHARE_CHARS = 8192;
export const MAX_SHARE_INPUTS = 400;
export const MAX_INPUT_LINE = 500;
/** The furthest a link may take the simulation (its cursor, its inputs' moments, any duration in its
 *  commands): far beyond any lesson, yet opening it stays a matter of seconds, never a frozen tab. */
export const MAX_LINK_TIME = 3_600_000;
/** The most events a link may ask to reach (an input's moment, `step n=`, `back n=`). */
export const MAX_LINK_EVENTS = 2_000_000;

export interface ShareInput { line: string; eventCount: number; now: number }

export interface ShareState {
  v: 1 | 2;
  lesson: string;
  step: number;
  seed: number;
  inputs: ShareInput[];
  t: number;
  view: 'split' | 'town' | 'tech';
  /** v2: playback speed, simulated ms per real ms (0.01..100). */
  speed?: number;
  /** v2: the learner's answer to the step's prediction, whether it was locked in, and (`running`) whether
   *  its run was still on its way to the verdict: the link reopens it playing, the verdict shown at its end. */
  predict?: { choice: number; locked: boolean; running?: boolean };
  /** v2: whether the step's challenge was solved, and how many hints were open. */
  challenge?: { solved: boolean; hints: number };
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

const VIEWS = ['split', 'town', 'tech'] as const;
const KEYS = ['v', 'lesson', 'step', 'seed', 'inputs', 't', 'view'];
const KEYS_V2 = [...KEYS, 'speed', 'predict', 'challenge'];
const INPUT_KEYS = ['line', 'eventCount', 'now'];

/** FNV-1a, 32 bits, as 8 hex digits: enough to notice a damaged or edited link (not a signature). */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function toBase64Url(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): string | null {
  if (text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The link text for a moment, or why it cannot be made (an invalid state, or too many inputs to fit). */
export function tryEncodeShare(state: ShareState): Decoded<string> {
  const problem = validate(state);
  if (problem) return { ok: false, message: `This moment cannot be shared: ${problem}.` };
  const body = toBase64Url(JSON.stringify(state));
  const text = `${body}.${checksum(body)}`;
  if (text.length > MAX_SHARE_CHARS) {
    return { ok: false, message: `This moment cannot be shared: with ${state.inputs.length} commands typed, the link would be ${text.length} characters, more than ${MAX_SHARE_CHARS}. Reset the step and try again with fewer.` };
  }
  return { ok: true, value: text };
}

/** The link text for a moment, or null when it cannot be made (tryEncodeShare says why). Never throws. */
export function encodeShare(state: ShareState): string | null {
  const r = tryEncodeShare(state);
  return r.ok ? r.value : null;
}

const CUT = 'The link looks cut short (part of it is missing); copy the whole link and try again.';
const DAMAGED = 'The link has been changed or damaged since it was copied, so it cannot be trusted.';

/** Opens `<base64url JSON>.<checksum>` up to the parsed JSON: one sentence when it is empty, too long,
 *  cut short, mangled or damaged. Shared by the lesson codec and the sandbox's (src/app/sandbox/share.ts). */
export function openEnvelope(text: string, maxChars = MAX_SHARE_CHARS): Decoded<unknown> {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: 'The link is empty: there is no saved moment in it.' };
  if (raw.length > maxChars) return { ok: false, message: `The link is too long (${raw.length} characters; at most ${maxChars}), so it was not opened.` };
  if (!/^[A-Za-z0-9_-]+(\.[0-9a-f]{0,8})?$/.test(raw)) return { ok: false, message: 'The link contains characters a Townboard link never has; it may have been edited or mangled.' };
  const dot = raw.indexOf('.');
  if (dot < 0 || raw.length - dot - 1 < 8) return { ok: false, message: CUT };
  const body = raw.slice(0, dot);
  if (checksum(body) !== raw.slice(dot + 1)) return { ok: false, message: DAMAGED };
  const json = fromBase64Url(body);
  if (json === null) return { ok: false, message: DAMAGED };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, message: DAMAGED };
  }
}

/** The sentence for a link whose format version is newer than this lab reads, or null. */
export function newerVersion(data: unknown, readable: number): string | null {
  if (isObject(data) && typeof data.v === 'number' && Number.isInteger(data.v) && data.v > readable) {
    return `This link was made by a newer version of Townboard (link format ${data.v}; this lab reads format ${readable}). Reload the page to get the latest lab, or ask for a new link.`;
  }
  return null;
}

export function decodeShare(text: string): Decoded<ShareState> {
  const opened = openEnvelope(text);
  if (!opened.ok) return opened;
  const data = opened.value;
  const newer = newerVersion(data, SHARE_VERSION);
  if (newer) return { ok: false, message: newer };
  const problem = validate(data);
  if (problem) return { ok: false, message: `The link's contents are not valid: ${problem}.` };
  return { ok: true, value: data as ShareState };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown, max = Number.MAX_SAFE_INTEGER): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/** Strict schema check by hand: null when `x` is a valid ShareState, else what is wrong. */
export function validate(x: unknown): string | null {
  if (!isObject(x)) return 'it is not a saved moment';
  if (x.v !== 1 && x.v !== SHARE_VERSION) return `the format version is ${JSON.stringify(x.v)}, expected 1 or ${SHARE_VERSION}`;
  const extra = Object.keys(x).find((k) => !(x.v === 1 ? KEYS : KEYS_V2).includes(k));
  if (extra !== undefined) return `it has an unknown field '${extra}'`;
  if (typeof x.lesson !== 'string' || !LESSON_ID.test(x.lesson) || x.lesson.length > 64) return 'the lesson name is missing or malformed';
  if (!isCount(x.step, 999)) return 'the step number is missing or not a whole number from 0 to 999';
  if (!isCount(x.seed, 0xffffffff)) return 'the seed is missing or not a whole number from 0 to 4294967295';
  if (!isCount(x.t)) return 'the time cursor is missing or not a whole number of milliseconds';
  if (x.t > MAX_LINK_TIME) return tooLate('its time cursor', x.t);
  if (typeof x.view !== 'string' || !(VIEWS as readonly string[]).includes(x.view)) return `the view must be one of ${VIEWS.join(', ')}`;
  if (x.speed !== undefined && !(typeof x.speed === 'number' && x.speed >= 0.01 && x.speed <= 100)) return 'the speed must be a number from 0.01 to 100';
  if (x.predict !== undefined) {
    const p = x.predict;
    if (!isObject(p) || Object.keys(p).some((k) => k !== 'choice' && k !== 'locked' && k !== 'running') || !isCount(p.choice, 5) || typeof p.locked !== 'boolean'
      || (p.running !== undefined && (p.running !== true || !p.locked))) return 'the prediction must be a choice from 0 to 5, whether it was locked in, and (only if locked) whether its run was still playing';
  }
  if (x.challenge !== undefined) {
    const c = x.challenge;
    if (!isObject(c) || Object.keys(c).some((k) => k !== 'solved' && k !== 'hints') || typeof c.solved !== 'boolean' || !isCount(c.hints, 10)) return 'the challenge must say whether it was solved and how many hints (0 to 10) were open';
  }
  return validateInputs(x.inputs);
}

/** "1h 0m 0s" rather than 3600000 ms: what a learner can read in a sentence. */
export function readableTime(ms: number): string {
  if (ms < 60_000) return `${ms / 1000} s`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = (ms % 60_000) / 1000;
  return [h > 0 ? `${h} h` : '', `${m} min`, rest > 0 ? `${rest} s` : ''].filter(Boolean).join(' ');
}
export const tooLate = (what: string, ms: number) =>
  `${what} is at ${readableTime(ms)} of simulated time; a link may go at most ${readableTime(MAX_LINK_TIME)} (so that opening it cannot freeze the page)`;

/** A script's lines together (a sandbox link's scenario, run at once when it opens): the simulated time its
 *  `run` lines ask for, added up, must stay within a link's bound. What is wrong, or null. */
export function scriptTooLong(lines: readonly string[], what: string): string | null {
  let total = 0;
  for (const line of lines) {
    let cmd;
    try { cmd = parseLine(language, line); } catch { continue; }
    if (cmd?.spec.name !== 'run') continue;
    total += ((cmd.args.until !== undefined ? cmd.args.max : cmd.args.for) as number | undefined) ?? 0;
    if (total > MAX_LINK_TIME) return `${what}'s run lines add up to more than ${readableTime(MAX_LINK_TIME)} of simulated time, the most a link may ask for`;
  }
  return null;
}

/** The arguments that move simulated time (a queue's retention or a timeout only configures it). */
const MOVES_TIME: Record<string, readonly string[]> = { run: ['for', 'max'], seek: ['t'] };

/** A command in a link asking for more time or events than a link may: what is wrong, or null. Lines that
 *  do not parse are left to the replay, which reports them with the language's own message. */
export function commandTooBig(line: string, n: string): string | null {
  let cmd;
  try { cmd = parseLine(language, line); } catch { return null; }
  if (!cmd) return null;
  for (const a of cmd.spec.args) {
    const v = cmd.args[a.name];
    // `run until=` gives up after max= (60 s unless given), so its max counts only with until=.
    const moves = MOVES_TIME[cmd.spec.name]?.includes(a.name) && (a.name !== 'max' || cmd.args.until !== undefined);
    if (moves && typeof v === 'number' && v > MAX_LINK_TIME) return `${n} (\`${line.trim()}\`) asks for ${a.name}=${readableTime(v)} of simulated time; a link may ask for at most ${readableTime(MAX_LINK_TIME)}`;
    if (a.type === 'int' && a.name === 'n' && typeof v === 'number' && v > MAX_LINK_EVENTS) return `${n} (\`${line.trim()}\`) asks for ${v} events; a link may ask for at most ${MAX_LINK_EVENTS}`;
  }
  return null;
}

/** The inputs of a saved moment: null when valid, else what is wrong. */
export function validateInputs(inputs: unknown): string | null {
  if (!Array.isArray(inputs)) return 'the list of inputs is missing';
  if (inputs.length > MAX_SHARE_INPUTS) return `it has ${inputs.length} inputs; at most ${MAX_SHARE_INPUTS}`;
  let last = { eventCount: 0, now: 0 };
  for (const [i, input] of (inputs as unknown[]).entries()) {
    const n = `input ${i + 1}`;
    if (!isObject(input)) return `${n} is not an input`;
    const bad = Object.keys(input).find((k) => !INPUT_KEYS.includes(k));
    if (bad !== undefined) return `${n} has an unknown field '${bad}'`;
    if (typeof input.line !== 'string' || input.line.trim() === '') return `${n} has no command`;
    if (input.line.length > MAX_INPUT_LINE || /[\n\r]/.test(input.line)) return `${n}'s command is longer than one line of ${MAX_INPUT_LINE} characters`;
    if (!isCount(input.eventCount) || !isCount(input.now)) return `${n} has no valid moment (eventCount and now must be whole numbers)`;
    if (input.now > MAX_LINK_TIME) return tooLate(`${n}'s moment`, input.now);
    if (input.eventCount > MAX_LINK_EVENTS) return `${n}'s moment is after ${input.eventCount} events; a link may ask for at most ${MAX_LINK_EVENTS}`;
    const big = commandTooBig(input.line, n);
    if (big) return big;
    if (input.eventCount < last.eventCount || input.now < last.now) return `${n} happens before the input ahead of it`;
    last = { eventCount: input.eventCount, now: input.now };
  }
  return null;
}
