// The saga pictures' model and layout, without a browser: the checklist says which steps were taken back
// and where the pivot is; the history reads like Temporal's; choreography has its listen graph; 2PC hands
// go up; the layout keeps words at 11 px or more and the panel clear of the shops at the page's sizes.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { SagaState } from '../../../src/engine/saga/index.ts';
import { sagaPicture, sagaMessageLook } from '../../../src/views/saga/model.ts';
import { sagaLayout } from '../../../src/views/saga/layout.ts';
import { checklistLines } from '../../../src/views/saga/SagaTown.tsx';
import { historyLines, machineLines } from '../../../src/views/saga/SagaTech.tsx';

const picture = (lines: string[]) => {
  const s = createSession(1);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return sagaPicture(s.sim.state<SagaState>('saga'), s.sim);
};

describe('saga picture', () => {
  it('the checklist marks the bakery taken back after the deli fails, and the pivot', () => {
    const pic = picture(['saga.define name=lunch steps=bakery,deli,fruit pivot=fruit', 'saga.fail shop=deli', 'saga.start def=lunch', 'run for=2s']);
    const text = checklistLines(pic).map((l) => l.text);
    expect(text[0]).toBe('lunch1: 200 lunches · compensated');
    expect(text).toContain('↩ bakery: taken back');
    expect(text).toContain('✗ deli: said no');
    expect(text).toContain('☐ fruit: not asked yet  ◆ pivot');
  });

  it('the history reads as an execution history, the state machine shows where each step is', () => {
    const pic = picture(['saga.define name=lunch steps=bakery,deli', 'saga.fail shop=deli', 'saga.start def=lunch', 'run for=2s']);
    const h = historyLines(pic, 40);
    expect(h[0]).toBe('lunch1 (orchestrated) · compensated');
    expect(h).toContain('0ms SagaStarted');
    expect(h.some((l) => /CompensationStarted 2 deli/.test(l))).toBe(true);
    expect(h.some((l) => /StepCompensated 1 bakery/.test(l))).toBe(true);
    expect(machineLines(pic)).toContain('● compensated: bakery');
    expect(historyLines(pic, 4)).toHaveLength(4);
  });

  it('a choreographed saga has a listen graph; nobody holds its checklist', () => {
    const pic = picture(['saga.define name=lunch steps=bakery,deli,fruit mode=choreographed', 'saga.start def=lunch', 'run for=20ms']);
    expect(pic.listen.filter((e) => e.event === 'StepDone').map((e) => `${e.from}>${e.to}`)).toEqual(['bakery>deli', 'deli>fruit', 'fruit>school']);
    expect(checklistLines(pic)[1]!.text).toMatch(/nobody holds this list/);
  });

  it('2PC participants that voted yes are in doubt with their lock while the coordinator is down', () => {
    const pic = picture(['saga.twopc id=t1 shops=bakery,deli', 'run until="saga.prepared(t1) == 2" max=1s', 'crash node=coordinator', 'run for=2s']);
    expect(pic.coordinator.down).toBe(true);
    expect(pic.shops.map((s) => [s.id, s.lock, s.votes[0]!.state])).toEqual([['bakery', 't1', 'prepared'], ['deli', 't1', 'prepared']]);
    expect(checklistLines(pic).map((l) => l.text)).toContain('council t1: 2 hands up, waiting');
  });

  it('compensation messages are drawn as going backwards, in their own colour', () => {
    const undo = sagaMessageLook({ type: 'Undo', saga: 'lunch1', step: 0, attempt: 1 });
    const doIt = sagaMessageLook({ type: 'Do', saga: 'lunch1', step: 0, qty: 200, attempt: 1, pending: false });
    expect(undo.dir).toBe('back');
    expect(undo.town).toBe('take it back');
    expect(undo.colour).not.toBe(doIt.colour);
  });
});

describe('saga layout', () => {
  for (const size of [{ width: 425, height: 350 }, { width: 640, height: 420 }, { width: 1240, height: 700 }]) {
    for (const picture of ['town', 'tech'] as const) {
      it(`${picture} at ${size.width}x${size.height}: 11 px words, the panel above the shops, shops apart`, () => {
        const l = sagaLayout(size, ['bakery', 'deli', 'fruit'], true, true, picture);
        expect(l.fontSize).toBeGreaterThanOrEqual(11);
        expect(l.panelLines).toBeGreaterThanOrEqual(3);
        const shopTop = Math.min(...Object.values(l.shops).map((p) => p.y)) - (picture === 'tech' ? l.card.h / 2 : l.s * 0.5);
        expect(l.panel.y + l.panel.h).toBeLessThanOrEqual(shopTop);
        const xs = Object.values(l.shops).map((p) => p.x);
        expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(picture === 'tech' ? l.card.w : l.s);
        expect(l.panel.x + l.panel.w).toBeLessThanOrEqual(size.width);
      });
    }
  }
});
