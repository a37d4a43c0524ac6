// The lab's addresses: a lesson step, a share link, the sandbox and the reference; anything else is a
// "not found" page, never a crash.
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/app/routes.ts';
import { formatSpeed, formatTime, niceCeil } from '../../../src/views/panels/format.ts';

describe('routes', () => {
  it('reads a lesson, its step (counted from 1) and a share code', () => {
    expect(parseRoute('#/lesson/01-events-vs-commands/5?share=abc.12345678')).toEqual({
      page: 'lesson', key: '01-events-vs-commands', step: 5, share: 'abc.12345678',
    });
    expect(parseRoute('#/lesson/00-town-square')).toEqual({ page: 'lesson', key: '00-town-square', step: 1 });
  });

  it('opens step 1 when the step is not a whole number from 1, and keeps what was asked so the page can say so', () => {
    for (const bad of ['0', '-2', '2.5', 'abc', '1e3', '9999999']) {
      expect(parseRoute(`#/lesson/00-town-square/${bad}`)).toEqual({ page: 'lesson', key: '00-town-square', step: 1, badStep: bad });
    }
    expect(parseRoute('#/lesson/00-town-square/')).toEqual({ page: 'lesson', key: '00-town-square', step: 1 });
    // A step past the lesson's end is a number here; the lesson page says the lesson has no such step.
    expect(parseRoute('#/lesson/00-town-square/999')).toEqual({ page: 'lesson', key: '00-town-square', step: 999 });
  });

  it('knows home, sandbox and reference, and calls anything else missing', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/sandbox')).toEqual({ page: 'sandbox' });
    expect(parseRoute('#/reference')).toEqual({ page: 'reference' });
    expect(parseRoute('#/lesson/a/1/extra')).toMatchObject({ page: 'missing' });
    expect(parseRoute('#/%E0%A4%A')).toMatchObject({ page: 'missing' });
  });
});

describe('panel formatting', () => {
  it('shows speeds below 1x as fractions, as the log-scale slider reads them', () => {
    expect(formatSpeed(0.01)).toBe('1/100×');
    expect(formatSpeed(0.1)).toBe('1/10×');
    expect(formatSpeed(1)).toBe('1×');
    expect(formatSpeed(100)).toBe('100×');
  });

  it('shows times in ms, seconds or minutes', () => {
    expect(formatTime(320)).toBe('320 ms');
    expect(formatTime(1000)).toBe('1 s');
    expect(formatTime(1030)).toBe('1.03 s');
    expect(formatTime(10_000)).toBe('10 s');
    expect(formatTime(20_500)).toBe('20.5 s');
    expect(formatTime(90_000)).toBe('1 min 30 s');
  });

  it('ends the timeline at a round number at or above the run', () => {
    expect(niceCeil(63)).toBe(100);
    expect(niceCeil(100)).toBe(100);
    expect(niceCeil(101)).toBe(200);
    expect(niceCeil(2600)).toBe(5000);
  });
});
