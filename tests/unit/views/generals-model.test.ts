// The two generals' picture model and layout: what the pictures say about each general and messenger.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { GeneralsState } from '../../../src/engine/generals/index.ts';
import { generalsPicture, generalWords } from '../../../src/views/generals/model.ts';
import { techLayout, townLayout } from '../../../src/views/generals/layout.ts';

const picture = (lines: string[]) => {
  const s = createSession(1);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return generalsPicture(s.sim.state<GeneralsState>('generals'), s.sim);
};

describe('the two generals picture', () => {
  it('says which messenger was caught, who attacks alone, and what reached each general', () => {
    const pic = picture(['generals.start rounds=2 dawn=1s', 'generals.ambush messenger=3', 'run for=1s']);
    expect(pic.outcomeWords).toBe('east attacks alone and is beaten');
    expect(pic.messengers.map((m) => m.words)).toEqual([
      'Messenger 1 (the plan) east→west: arrived',
      'Messenger 2 (confirmation of 1) west→east: arrived',
      'Messenger 3 (confirmation of 2) east→west: caught by the enemy (ordered)',
    ]);
    expect(pic.generals.map(generalWords)).toEqual([
      'General west holds: 1 of 2 messenger(s) owed to it arrived',
      'General east attacks: 1 of 1 messenger(s) owed to it arrived',
    ]);
  });

  it('a chain stopped early leaves the rest unsent, and the timeline spans start to dawn', () => {
    const pic = picture(['run for=200ms', 'generals.start rounds=3 dawn=500ms', 'generals.ambush messenger=2', 'run for=600ms']);
    expect(pic.messengers.map((m) => m.fate)).toEqual(['arrived', 'caught', 'unsent', 'unsent']);
    const l = techLayout({ width: 800, height: 400 }, pic.dawn - pic.startedAt, pic.messengers.length);
    expect(l.timeX(0)).toBe(l.left);
    expect(l.timeX(500)).toBe(l.right);
  });

  it('puts the hills apart and the valley between them, below both', () => {
    const l = townLayout({ width: 1024, height: 500 });
    expect(l.west.x).toBeLessThan(l.valley.x);
    expect(l.valley.x).toBeLessThan(l.east.x);
    expect(l.valley.y).toBeGreaterThan(l.west.y);
    expect(l.fontSize).toBeGreaterThanOrEqual(11);
  });
});
