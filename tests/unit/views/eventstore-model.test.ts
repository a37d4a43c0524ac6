// The event store pictures' model and layout, without a browser: what the learner reads off the stage
// (streams with versions and states, the log with global positions, a clerk's step, each projector's
// checkpoint and lag, a buggy projector's drift) and where it goes (every column inside the pane, words
// 12 px or more at 1280x800, checkpoints marked on the rows they point at).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { EventStoreState } from '../../../src/engine/eventstore/index.ts';
import { eventStorePicture, describePicture, messageWords } from '../../../src/views/eventstore/model.ts';
import { eventStoreLayout, rowY } from '../../../src/views/eventstore/layout.ts';

function run(lines: string[]) {
  const s = createSession(1);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return { s, pic: eventStorePicture(s.sim.state<EventStoreState>('eventstore'), s.sim) };
}

describe('event store picture', () => {
  it('shows streams, the log as today reads it, and each projector behind by what it has not applied', () => {
    const { pic } = run([
      'eventstore.projector name=slow kind=balances work=1s bug=true', 'eventstore.append stream=account-1 type=Opened',
      'eventstore.append stream=account-1 type=Deposited amount=40', 'eventstore.append stream=book-rye type=OrderPlaced dozens=1', 'run for=300ms',
    ]);
    expect(pic.streams).toEqual([{ name: 'account-1', version: 1, state: 'balance 40', value: 40, snapshot: null }, { name: 'book-rye', version: 0, state: '12 loaves on 1 order', value: 12, snapshot: null }]);
    expect(pic.log.map((r) => `@${r.pos} ${r.words}${r.v1 ? ' v1' : ''}`)).toEqual(['@0 Opened', '@1 Deposited amount=40', '@2 OrderPlaced order=o1 item=rye qty=12 v1']);
    expect(pic.projectors[0]).toMatchObject({ id: 'slow', checkpoint: 0, lag: 3, bug: true });
    expect(describePicture(pic, true)).toContain("The town hall's ledger: 3 events in 2 streams");
  });

  it("says what a clerk is doing with the version it read, and a buggy projector's drift once it has applied", () => {
    const { s, pic } = run([
      'eventstore.append stream=account-1 type=Opened', 'eventstore.append stream=account-1 type=Deposited amount=50',
      'eventstore.clerk name=ann think=500ms', 'eventstore.do clerk=ann cmd=withdraw stream=account-1 amount=20', 'run for=100ms',
    ]);
    expect(pic.clerks[0]!.doing).toBe('thinking withdraw 20 account-1 (read v1)');
    s.exec('eventstore.projector name=b kind=balances bug=true');
    s.exec('run for=2s');
    const after = eventStorePicture(s.sim.state<EventStoreState>('eventstore'), s.sim);
    expect(after.projectors[0]).toMatchObject({ checkpoint: 3, lag: 0, drift: 1, rows: [['account-1', 70]] });
  });

  it('words a conflict as the store says it', () => {
    expect(messageWords({ type: 'Conflict', stream: 'account-1', req: 1, error: 'WrongExpectedVersion: stream account-1 expected version 1, actual version 2' }, false).words)
      .toBe('WrongExpectedVersion: stream account-1 expected version 1, actual version 2');
  });
});

describe('event store layout', () => {
  const { pic } = run(['eventstore.projector name=p1 kind=balances', 'eventstore.projector name=p2 kind=orders', 'eventstore.clerk name=ann',
    'eventstore.append stream=account-1 type=Deposited amount=1 count=60', 'run for=500ms']);
  it.each([[1280, 800], [640, 420], [420, 300]])('keeps every column inside a %ix%i pane, words 12 px or more', (w, h) => {
    const l = eventStoreLayout({ width: w, height: h }, pic);
    expect(l.fontSize).toBeGreaterThanOrEqual(12);
    for (const b of [l.clerkCol, l.logCol, l.projCol, l.store, ...Object.values(l.clerks), ...Object.values(l.projectors)]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(Math.max(300, w));
      expect(b.y + b.h).toBeLessThanOrEqual(Math.max(200, h));
    }
    expect(l.logTop + l.logRows * l.lineH).toBeLessThanOrEqual(Math.max(200, h));
  });
  it('marks a caught-up checkpoint one row past the last shown, and an old one not at all once it scrolls out', () => {
    const l = eventStoreLayout({ width: 1280, height: 800 }, pic);
    const shown = Math.min(l.logRows, pic.log.length);
    expect(rowY(l, pic, 60)).toBe(l.logTop + shown * l.lineH);
    expect(rowY(l, pic, 0)).toBeNull();
  });
});
