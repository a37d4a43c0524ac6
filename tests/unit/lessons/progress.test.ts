import { describe, expect, it } from 'vitest';
import {
  emptyProgress, loadProgress, markLessonDone, PROGRESS_KEY, recordChallenge, recordPrediction, recordStep, saveProgress, SET_ASIDE_KEY,
  type ProgressStorage,
} from '../../../src/lessons/progress.ts';

function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => { data.set(k, v); },
    removeItem: (k) => { data.delete(k); },
  };
}

describe('progress storage', () => {
  it('saves and loads what the learner did', () => {
    const store = memoryStorage();
    let p = recordStep(emptyProgress(), '00-town-square', 3);
    p = recordStep(p, '00-town-square', 1); // going back does not lose the furthest step
    p = recordPrediction(p, '00-town-square', 1, 2, true);
    p = recordChallenge(markLessonDone(p, '00-town-square'), '00-town-square', 4);
    expect(saveProgress(store, p)).toEqual({ ok: true });
    const loaded = loadProgress(store);
    expect(loaded.notice).toBeUndefined();
    expect(loaded.progress.lessons['00-town-square']).toEqual({ step: 3, done: true, predictions: { 1: { choice: 2, correct: true } }, challenges: { 4: true } });
  });

  it('starts empty, without a notice, when nothing was saved', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress() });
  });

  const damaged: [string, string, RegExp][] = [
    ['not JSON', '{"v":1,"lessons":', /not valid JSON/],
    ['a future version', JSON.stringify({ v: 9, lessons: {} }), /newer version of Townboard \(format 9\)/],
    ['a wrong shape', JSON.stringify({ v: 1, lessons: { '00-town-square': { step: 'three', done: false, predictions: {}, challenges: {} } } }), /lesson 00-town-square has no valid step/],
    ['a bad prediction', JSON.stringify({ v: 1, lessons: { '00-town-square': { step: 1, done: false, predictions: { 1: { choice: -1, correct: true } }, challenges: {} } } }), /damaged prediction at '1'/],
    ['a bad lesson name', JSON.stringify({ v: 1, lessons: { '<script>': { step: 1, done: false, predictions: {}, challenges: {} } } }), /'<script>' is not a lesson/],
    ['something enormous', JSON.stringify({ v: 1, lessons: {}, pad: 'x'.repeat(300_000) }), /far too large/],
  ];
  for (const [name, raw, reason] of damaged) {
    it(`sets aside ${name} with a notice, and starts fresh`, () => {
      const store = memoryStorage({ [PROGRESS_KEY]: raw });
      const r = loadProgress(store);
      expect(r.progress).toEqual(emptyProgress());
      expect(r.notice).toMatch(reason);
      expect(r.notice).toContain(`set aside under '${SET_ASIDE_KEY}'`);
      expect(store.data.get(SET_ASIDE_KEY)).toBe(raw);
      expect(store.data.has(PROGRESS_KEY)).toBe(false);
    });
  }

  it('never throws when storage is missing, refuses to read, or is full', () => {
    const refusing: ProgressStorage = {
      getItem: () => { throw new DOMException('denied', 'SecurityError'); },
      setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
      removeItem: () => { throw new DOMException('denied', 'SecurityError'); },
    };
    expect(loadProgress(null).notice).toMatch(/does not let the lab save/);
    expect(loadProgress(refusing).notice).toMatch(/could not be read/);
    expect(saveProgress(refusing, emptyProgress())).toEqual({ ok: false, notice: expect.stringMatching(/full or switched off/) });
    const readOnly = { ...memoryStorage({ [PROGRESS_KEY]: 'garbage' }), setItem: refusing.setItem };
    expect(loadProgress(readOnly).notice).toMatch(/could not be set aside either/);
  });
});
