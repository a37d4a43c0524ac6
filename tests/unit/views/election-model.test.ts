// The election pictures' model and layout from real runs: the paused holder's lease drawn expired with its
// pause and its stale write marked lost (no fencing) or rejected (fencing), the crier asleep yet still the
// crier, and every row placed inside the pane with words at 11 px or more.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { ElectionState } from '../../../src/engine/election/index.ts';
import { electionPictureOf } from '../../../src/views/election/model.ts';
import { electionLayout, MIN_FONT } from '../../../src/views/election/layout.ts';

function picture(lines: string[]) {
  const s = createSession(1);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return electionPictureOf(s.sim.state<ElectionState>('election'), s.sim);
}

const PAUSE = ['election.client name=c1', 'run for=50ms', 'election.client name=c2', 'run until="election.preparing(c1)" max=5s', 'pause node=c1', 'run for=3s', 'resume node=c1', 'run for=200ms'];

describe('the election picture', () => {
  it('draws the paused holder: its lease expired, its pause, and its late write lost over c2\'s', () => {
    const pic = picture(['election.locks ttl=2s', ...PAUSE]);
    const c1 = pic.rows.find((r) => r.id === 'c1')!;
    expect(c1.leases[0]).toMatchObject({ rev: 1, expired: true, from: 10, to: 2010 });
    expect(c1.pauses).toEqual([{ from: 500, to: 3500 }]);
    expect(c1.writes.at(-1)).toMatchObject({ token: 1, verdict: 'lost' });
    const storage = pic.rows.find((r) => r.id === 'storage')!;
    expect(storage.tech[0]![0]).toBe('highest token 2 · fencing off');
    expect(storage.town[1]![0]).toBe('1 page overwritten by a stale key');
    expect(pic.problems.some((p) => /newer holder's write is lost/.test(p[0]!))).toBe(true);
    expect(pic.rows.find((r) => r.id === 'locks')!.town[0]![0]).toMatch(/^key office: key #2 lent to c2, due in/);
  });

  it('with fencing the same write is marked rejected and the clerk says it checks numbers', () => {
    const pic = picture(['election.locks ttl=2s fencing=true', ...PAUSE]);
    expect(pic.rows.find((r) => r.id === 'c1')!.writes.at(-1)).toMatchObject({ token: 1, verdict: 'rejected' });
    expect(pic.rows.find((r) => r.id === 'storage')!.town[0]![0]).toBe('the clerk checks key numbers: highest 2');
  });

  it('a paused crier is asleep in the town but still the crier in its own mind', () => {
    const pic = picture(['election.bully nodes=3', 'run for=1s', 'pause node=b3', 'run for=2s']);
    const b3 = pic.rows.find((r) => r.id === 'b3')!;
    expect(b3.paused).toBe(true);
    expect(b3.town[0]![0]).toBe('asleep, still the crier');
    expect(pic.rows.find((r) => r.id === 'b1')!.town[0]![0]).toBe('listens to b2');
  });

  it('lays every row inside the pane, words at 11 px or more, at a lesson pane and a phone', () => {
    for (const size of [{ width: 640, height: 420 }, { width: 360, height: 300 }, { width: 1280, height: 800 }]) {
      const l = electionLayout(size, 5, 2, true);
      expect(l.fontSize).toBeGreaterThanOrEqual(MIN_FONT);
      for (const r of l.rows) expect(r.y + r.h).toBeLessThanOrEqual(size.height);
      expect(l.card.x + l.card.w).toBeLessThanOrEqual(size.width);
    }
  });
});
