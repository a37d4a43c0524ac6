// Sandbox share links: a round trip keeps everything; a truncated, tampered, oversized, future-version
// or malformed link is refused with one specific sentence, never an exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checksum, encodeShare } from '../../../src/lessons/share.ts';
import {
  decodeSandboxShare, encodeSandboxShare, MAX_SANDBOX_LINK, MAX_SCENARIO_CHARS, type SandboxShareState,
} from '../../../src/app/sandbox/share.ts';
import { presetById } from '../../../src/app/sandbox/presets.ts';
import { topologyToScenario } from '../../../src/app/sandbox/to-scenario.ts';

const topology = presetById('work-queue')!.topology;
const STATE: SandboxShareState = {
  v: 1, sandbox: topologyToScenario(topology), seed: 7, t: 4200, view: 'tech', topology,
  inputs: [
    { line: 'crash node=w1   # “ünïcødé”', eventCount: 40, now: 1200 },
    { line: '# the moment this link shows', eventCount: 131, now: 4200 },
  ],
};

const forge = (data: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const body = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${body}.${checksum(body)}`;
};
const encoded = (s: SandboxShareState) => { const r = encodeSandboxShare(s); if (!r.ok) throw new Error(r.message); return r.value; };
const message = (text: string) => { const r = decodeSandboxShare(text); if (r.ok) throw new Error('expected the link to be refused'); return r.message; };

describe('sandbox share links', () => {
  it('round-trip the scenario, seed, inputs, cursor, view and topology', () => {
    const text = encoded(STATE);
    expect(text).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeSandboxShare(text)).toEqual({ ok: true, value: STATE });
    const { topology: _t, ...bare } = STATE;
    expect(decodeSandboxShare(encoded(bare))).toEqual({ ok: true, value: bare });
  });

  it('round-trip any scenario text and inputs (property)', () => {
    const line = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !/[\n\r]/.test(s));
    fc.assert(fc.property(fc.string({ maxLength: 800 }), fc.nat(999_999_999), fc.nat(3_600_000), fc.array(fc.record({ line, eventCount: fc.nat(500), now: fc.nat(9000) }), { maxLength: 10 }),
      (sandbox, seed, t, raw) => {
        const sorted = [...raw].sort((a, b) => a.eventCount - b.eventCount || a.now - b.now);
        const inputs = sorted.map((x, i) => ({ ...x, now: Math.max(...sorted.slice(0, i + 1).map((y) => y.now)) }));
        const state: SandboxShareState = { v: 1, sandbox, seed, t, view: 'split', inputs };
        expect(decodeSandboxShare(encoded(state))).toEqual({ ok: true, value: state });
      }));
  });

  it('say a truncated link is cut short or damaged, wherever it was cut', () => {
    const text = encoded(STATE);
    for (const cut of [1, 5, 9, text.length - 20, Math.floor(text.length / 2)]) {
      expect(message(text.slice(0, text.length - cut))).toMatch(/cut short|changed or damaged/);
    }
    expect(message(text.slice(0, text.indexOf('.') + 4))).toMatch(/cut short/);
  });

  it('say a tampered link was changed', () => {
    const text = encoded(STATE);
    const i = 10;
    const flipped = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
    expect(message(flipped)).toBe('The link has been changed or damaged since it was copied, so it cannot be trusted.');
    expect(message(`${text}%20`)).toMatch(/characters a Townboard link never has/);
  });

  it('refuse a link that is too big, and refuse to make one', () => {
    expect(message('A'.repeat(MAX_SANDBOX_LINK + 1))).toMatch(/too long .* at most 16384/);
    const big = { ...STATE, sandbox: 'x'.repeat(MAX_SCENARIO_CHARS + 1) };
    const r = encodeSandboxShare(big);
    expect(r.ok ? '' : r.message).toBe(`This sandbox cannot be shared: the scenario is ${MAX_SCENARIO_CHARS + 1} characters long; at most ${MAX_SCENARIO_CHARS}.`);
    const many = { ...STATE, inputs: Array.from({ length: 400 }, (_, i) => ({ line: `crash node=w1 ${'#'.repeat(40)}`, eventCount: i, now: i })) };
    const m = encodeSandboxShare(many);
    expect(m.ok ? '' : m.message).toMatch(/the link would be \d+ characters, more than 16384/);
  });

  it('say a link from a newer Townboard is newer', () => {
    expect(message(forge({ ...STATE, v: 2 }))).toBe('This link was made by a newer version of Townboard (link format 2; this lab reads format 1). Reload the page to get the latest lab, or ask for a new link.');
  });

  it('check the contents field by field', () => {
    expect(message(forge({ ...STATE, seed: -1 }))).toMatch(/the seed is missing or not a whole number/);
    expect(message(forge({ ...STATE, view: 'huge' }))).toMatch(/the view must be one of split, town, tech/);
    expect(message(forge({ ...STATE, extra: true }))).toMatch(/unknown field 'extra'/);
    expect(message(forge({ ...STATE, sandbox: 3 }))).toMatch(/the scenario text is missing/);
    expect(message(forge({ ...STATE, inputs: [{ line: 'a', eventCount: 5, now: 9 }, { line: 'b', eventCount: 2, now: 9 }] }))).toMatch(/input 2 happens before the input ahead of it/);
    expect(message(forge({ ...STATE, topology: { ...topology, kind: 'kafka' } }))).toMatch(/topology's kind must be one of/);
    expect(message(forge([1, 2]))).toMatch(/not a saved sandbox/);
  });

  it('point a lesson link to the lesson page', () => {
    const lesson = encodeShare({ v: 1, lesson: '00-town-square', step: 0, seed: 1, inputs: [], t: 0, view: 'split' })!;
    expect(message(lesson)).toMatch(/link to a lesson step, not to the sandbox/);
  });

  it('never throws on junk (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (junk) => { expect(decodeSandboxShare(junk).ok).toBe(false); }));
  });
});

describe('sandbox route', () => {
  it('reads the share code of #/sandbox?share=…', async () => {
    const { parseRoute } = await import('../../../src/app/routes.ts');
    expect(parseRoute('#/sandbox?share=abc.12345678')).toEqual({ page: 'sandbox', share: 'abc.12345678' });
    expect(parseRoute('#/sandbox')).toEqual({ page: 'sandbox' });
  });

  it('are bounded like lesson links: the cursor and the scenario\'s own lines, each with a sentence', () => {
    expect(encodeSandboxShare({ ...STATE, t: 50_000_000 })).toEqual({ ok: false, message: expect.stringMatching(/its time cursor is at 13 h 53 min 20 s of simulated time; a link may go at most 1 h 0 min/) });
    const long = { ...STATE, sandbox: `${STATE.sandbox}\nrun for=100000s` };
    const r = encodeSandboxShare(long);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/line \d+ of its scenario \(`run for=100000s`\) asks for for=27 h 46 min 40 s of simulated time/);
    // Many runs each within the bound add up: the scenario runs at once when the link opens.
    const many = encodeSandboxShare({ ...STATE, sandbox: `${STATE.sandbox}\n${'run for=59m\n'.repeat(3)}` });
    expect(many).toEqual({ ok: false, message: expect.stringMatching(/its scenario's run lines add up to more than 1 h 0 min of simulated time/) });
  });
});
