import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checksum, decodeShare, encodeShare, tryEncodeShare, MAX_LINK_TIME, MAX_SHARE_CHARS, type ShareState,
} from '../../../src/lessons/share.ts';

const STATE: ShareState = {
  v: 1, lesson: '01-events-vs-commands', step: 4, seed: 7, t: 830, view: 'split',
  inputs: [
    { line: 'fanout from=app topic=TaskCreated mode=calls', eventCount: 12, now: 0 },
    { line: 'crash node=analytics   # ünïcødé “quotes” 🔥', eventCount: 15, now: 380 },
  ],
};

/** Re-encodes a body the way encodeShare does, so a test can forge a well-formed link with other contents. */
const forge = (data: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  const body = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${body}.${checksum(body)}`;
};

const message = (text: string) => {
  const r = decodeShare(text);
  if (r.ok) throw new Error('expected the link to be rejected');
  return r.message;
};

describe('share links', () => {
  it('round-trip the exact moment, including non-ASCII commands', () => {
    const text = encodeShare(STATE)!;
    expect(text).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeShare(text)).toEqual({ ok: true, value: STATE });
  });

  it('round-trip any valid state (property)', () => {
    const input = fc.record({ line: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !/[\n\r]/.test(s)), eventCount: fc.nat(1000), now: fc.nat(MAX_LINK_TIME) });
    fc.assert(fc.property(
      fc.record({
        lesson: fc.constantFrom('00-town-square', '01-events-vs-commands', '14-honest-admission'),
        step: fc.nat(30), seed: fc.nat(), t: fc.nat(MAX_LINK_TIME), view: fc.constantFrom('split', 'town', 'tech') as fc.Arbitrary<ShareState['view']>,
        inputs: fc.array(input, { maxLength: 20 }),
      }),
      (partial) => {
        const inputs = [...partial.inputs].sort((a, b) => a.eventCount - b.eventCount).map((x, i, all) => ({ ...x, now: all.slice(0, i + 1).reduce((m, y) => Math.max(m, y.now), 0) }));
        const state: ShareState = { v: 1, ...partial, inputs };
        expect(decodeShare(encodeShare(state)!)).toEqual({ ok: true, value: state });
      },
    ));
  });

  it('say a truncated link is cut short, wherever it was cut', () => {
    const text = encodeShare(STATE)!;
    for (const keep of [text.length - 1, text.length - 8, text.indexOf('.'), 40, 3]) {
      expect(message(text.slice(0, keep))).toMatch(/cut short/);
    }
  });

  it('say a tampered link was changed, whether the data or the checksum was edited', () => {
    const text = encodeShare(STATE)!;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    expect(message(flip(text, 10))).toMatch(/changed or damaged/);
    const otherSum = text.slice(-8).replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(message(text.slice(0, -8) + otherSum)).toMatch(/changed or damaged/);
    expect(message(text.replace('.', '%2E'))).toMatch(/characters a Townboard link never has/);
  });

  it('explain a link from a future version instead of misreading it', () => {
    expect(message(forge({ ...STATE, v: 3, extra: 'new field' }))).toMatch(/newer version of Townboard \(link format 3; this lab reads format 2\)/);
  });

  it('refuse oversized links before decoding them, and refuse to make one', () => {
    expect(message('A'.repeat(MAX_SHARE_CHARS + 1))).toMatch(/too long/);
    const many = { ...STATE, inputs: Array.from({ length: 300 }, (_, i) => ({ line: `publish from=app topic=Topic${i} # padding padding`, eventCount: i, now: i })) };
    expect(encodeShare(many)).toBeNull();
    expect(tryEncodeShare(many)).toEqual({ ok: false, message: expect.stringMatching(/with 300 commands typed, the link would be \d+ characters, more than 8192/) });
    expect(tryEncodeShare({ ...STATE, view: 'wide' as never })).toEqual({ ok: false, message: expect.stringMatching(/cannot be shared: the view must be one of/) });
  });

  it('validate every field strictly, each with its own sentence', () => {
    const cases: [unknown, RegExp][] = [
      [[1, 2], /not a saved moment/],
      [{ ...STATE, admin: true }, /unknown field 'admin'/],
      [{ ...STATE, v: 0 }, /format version is 0/],
      [{ ...STATE, lesson: '../etc/passwd' }, /lesson name/],
      [{ ...STATE, step: -1 }, /step number/],
      [{ ...STATE, step: 1.5 }, /step number/],
      [{ ...STATE, seed: '7' }, /seed/],
      [{ ...STATE, t: -5 }, /time cursor/],
      [{ ...STATE, view: 'both' }, /view must be one of split, town, tech/],
      [{ ...STATE, inputs: 'crash node=a' }, /list of inputs/],
      [{ ...STATE, inputs: [{ line: '', eventCount: 0, now: 0 }] }, /input 1 has no command/],
      [{ ...STATE, inputs: [{ line: 'run for=1s\ncrash node=a', eventCount: 0, now: 0 }] }, /longer than one line/],
      [{ ...STATE, inputs: [{ line: 'heal', eventCount: 0, now: 0, html: '<b>' }] }, /input 1 has an unknown field 'html'/],
      [{ ...STATE, inputs: [{ line: 'heal', eventCount: 5, now: 10 }, { line: 'heal', eventCount: 2, now: 10 }] }, /input 2 happens before/],
    ];
    for (const [data, expected] of cases) expect(message(forge(data)), JSON.stringify(data)).toMatch(expected);
    expect(message('')).toMatch(/empty/);
  });

  it('version 2 carries the speed, the prediction and the challenge; version 1 links still open as they were', () => {
    const v2: ShareState = { ...STATE, v: 2, speed: 0.05, predict: { choice: 2, locked: true }, challenge: { solved: true, hints: 2 } };
    expect(decodeShare(encodeShare(v2)!)).toEqual({ ok: true, value: v2 });
    expect(decodeShare(forge(STATE))).toEqual({ ok: true, value: STATE });
    expect(message(forge({ ...STATE, speed: 0.05 }))).toMatch(/unknown field 'speed'/);
    expect(message(forge({ ...v2, speed: 500 }))).toMatch(/speed must be a number from 0.01 to 100/);
    expect(message(forge({ ...v2, predict: { choice: 9, locked: true } }))).toMatch(/prediction must be a choice from 0 to 5/);
    expect(message(forge({ ...v2, challenge: { solved: 'yes', hints: 1 } }))).toMatch(/challenge must say whether it was solved/);
  });

  it("a prediction's run still playing when the link was copied says so; only a locked-in one can be playing", () => {
    const playing: ShareState = { ...STATE, v: 2, speed: 0.25, predict: { choice: 1, locked: true, running: true } };
    expect(decodeShare(encodeShare(playing)!)).toEqual({ ok: true, value: playing });
    expect(message(forge({ ...playing, predict: { choice: 1, locked: false, running: true } }))).toMatch(/only if locked/);
    expect(message(forge({ ...playing, predict: { choice: 1, locked: true, running: 'yes' } }))).toMatch(/whether its run was still playing/);
    expect(message(forge({ ...playing, predict: { choice: 1, locked: true, running: false } }))).toMatch(/whether its run was still playing/);
  });

  it('bound what a link may ask for: simulated time, events and long commands, each with a sentence', () => {
    // The hand-made links that froze a tab: t=50000000 and an input running 100000 s.
    expect(message(forge({ ...STATE, t: 50_000_000 }))).toBe(
      "The link's contents are not valid: its time cursor is at 13 h 53 min 20 s of simulated time; a link may go at most 1 h 0 min (so that opening it cannot freeze the page).");
    // Settings that only configure time (a queue's retention, here 96 h) are not asked-for time.
    expect(decodeShare(forge({ ...STATE, inputs: [{ line: 'sqs.queue name=q retention=96h', eventCount: 1, now: 1 }] })).ok).toBe(true);
    expect(message(forge({ ...STATE, inputs: [{ line: 'run until="now > 5h" max=5h', eventCount: 1, now: 1 }] }))).toMatch(/asks for max=5 h 0 min/);
    const run = { ...STATE, inputs: [...STATE.inputs, { line: 'run for=100000s', eventCount: 20, now: 400 }] };
    expect(message(forge(run))).toMatch(/input 3 \(`run for=100000s`\) asks for for=27 h 46 min 40 s of simulated time; a link may ask for at most 1 h 0 min/);
    const steps = { ...STATE, inputs: [{ line: 'step n=99999999', eventCount: 0, now: 0 }] };
    expect(message(forge(steps))).toMatch(/input 1 \(`step n=99999999`\) asks for 99999999 events; a link may ask for at most 2000000/);
    const late = { ...STATE, inputs: [{ line: 'crash node=a', eventCount: 3, now: MAX_LINK_TIME + 1 }] };
    expect(message(forge(late))).toMatch(/input 1's moment is at 1 h 0 min 0.001 s of simulated time/);
    const many = { ...STATE, inputs: [{ line: 'crash node=a', eventCount: 3_000_000, now: 5 }] };
    expect(message(forge(many))).toMatch(/input 1's moment is after 3000000 events; a link may ask for at most 2000000/);
    // A moment at the bound itself is fine, and a learner cannot make a link past it either.
    expect(decodeShare(forge({ ...STATE, t: MAX_LINK_TIME })).ok).toBe(true);
    expect(tryEncodeShare({ ...STATE, t: MAX_LINK_TIME + 1 })).toEqual({ ok: false, message: expect.stringMatching(/^This moment cannot be shared: its time cursor is at 1 h 0 min 0.001 s/) });
  });
});
