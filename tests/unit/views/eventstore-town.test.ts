// The event store's town picture without a browser: the clerks' moods (deciding, writing, refused because
// someone wrote first), the bookmark ribbon on the ledger line a projection has read up to (the blank next
// line when it is caught up), the gap of unread lines, and every part inside the pane with words 11 px or
// more that fit their space at the sizes the lessons use.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { EventStoreState } from '../../../src/engine/eventstore/index.ts';
import { eventStorePicture } from '../../../src/views/eventstore/model.ts';
import { bookmarkWords, clerkMood, clerkWords, ledgerWords, lineY, projectionKind, shownLines, townLayout } from '../../../src/views/eventstore/town-layout.ts';
import { firstFit, textWidth } from '../../../src/views/shared/measure.ts';

function run(lines: string[]) {
  const s = createSession(1);
  const pic = () => eventStorePicture(s.sim.state<EventStoreState>('eventstore'), s.sim);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return { s, pic };
}

describe('event store town: clerks', () => {
  it('shows a clerk deciding, then writing, then refused with a conflict when another wrote first', () => {
    const { s, pic } = run([
      'eventstore.append stream=account-1 type=Opened', 'eventstore.append stream=account-1 type=Deposited amount=100',
      'eventstore.clerk name=ann think=400ms onConflict=fail', 'eventstore.clerk name=bob think=100ms onConflict=fail',
      'eventstore.do clerk=ann cmd=withdraw stream=account-1 amount=30', 'eventstore.do clerk=bob cmd=withdraw stream=account-1 amount=40', 'run for=60ms',
    ]);
    expect(pic().clerks.map(clerkMood)).toEqual(['thinking', 'thinking']);
    expect(clerkWords(pic().clerks[0]!)[0]).toBe('thinking: withdraw 30 account-1, read to v1');
    s.exec('run for=2s');
    const [ann, bob] = pic().clerks;
    expect(clerkMood(bob!)).toBe('idle');
    expect(clerkWords(bob!)[0]).toBe('Withdrawn written in account-1 (v2)');
    // The store refuses ann's append: she read version 1 and bob wrote version 2 first (expected-version check).
    expect(clerkMood(ann!)).toBe('conflict');
    expect(clerkWords(ann!).at(-1)).toBe('✗ conflict');
  });
});

describe('event store town: the ledger and its bookmarks', () => {
  const { s, pic } = run(['eventstore.projector name=slow kind=balances work=200ms batch=2', 'eventstore.projector name=orders kind=orders',
    'eventstore.append stream=account-1 type=Deposited amount=1 count=6', 'run for=500ms']);
  it('puts a ribbon under the last line a projection has read, so the unread lines are the gap to the blank next line', () => {
    const p = pic();
    const l = townLayout({ width: 1280, height: 800 }, p);
    const slow = p.projectors.find((r) => r.id === 'slow')!;
    expect(slow.lag).toBeGreaterThan(0);
    expect(lineY(l, p, p.total)! - lineY(l, p, slow.checkpoint)!).toBe(slow.lag * l.lineH);
    expect(lineY(l, p, p.total)).toBe(l.lineTop + shownLines(l, p).length * l.lineH);
    expect(bookmarkWords(slow).at(-1)).toBe(`${slow.lag} unread`);
    expect(projectionKind(slow)).toBe('bank');
    expect(projectionKind(p.projectors[1]!)).toBe('bakery');
  });
  it('drops a bookmark scrolled above the ledger lines shown, and always keeps the last line blank for the next entry', () => {
    s.exec('eventstore.append stream=account-1 type=Deposited amount=1 count=60');
    const p = pic();
    const l = townLayout({ width: 450, height: 340 }, p);
    expect(shownLines(l, p).length).toBe(l.lines - 1);
    expect(shownLines(l, p).at(-1)!.pos).toBe(p.total - 1);
    expect(lineY(l, p, 0)).toBeNull();
  });
});

describe('event store town: layout', () => {
  const { pic } = run(['eventstore.projector name=balances kind=balances', 'eventstore.projector name=orders kind=orders', 'eventstore.clerk name=ann', 'eventstore.clerk name=bob',
    'eventstore.do clerk=ann cmd=open stream=account-1', 'eventstore.do clerk=bob cmd=place stream=book-rye amount=24', 'run for=1s']);
  // 1280x800 Town only; a lesson's pane with both pictures; the presenter's 1024x768; a phone's 390 px.
  it.each([[1280, 800], [900, 700], [450, 340], [1000, 560], [370, 300]])('keeps every part inside a %ix%i pane, words 11 px or more that fit', (w, h) => {
    const p = pic();
    const l = townLayout({ width: w, height: h }, p);
    expect(l.fontSize - 1).toBeGreaterThanOrEqual(11);
    const boxes = [l.hall, l.book, ...Object.values(l.clerks), ...Object.values(l.buildings).flatMap((b) => [b.box, b.board])];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(w);
      expect(b.y + b.h).toBeLessThanOrEqual(h);
    }
    expect(l.lineTop + l.lines * l.lineH).toBeLessThanOrEqual(l.book.y + l.book.h);
    // Every list of phrasings has one that fits its space whole (the shortest is never cut).
    const fs = l.fontSize - 1;
    for (const c of p.clerks) expect(textWidth(clerkWords(c).at(-1)!, fs, { bold: true })).toBeLessThanOrEqual(l.clerks[c.id]!.w - 40);
    for (const r of p.projectors) {
      const b = l.buildings[r.id]!;
      expect(textWidth(bookmarkWords(r).at(-1)!, fs)).toBeLessThanOrEqual(b.box.w - b.drawing - 10);
      expect(b.boardRows).toBeGreaterThanOrEqual(1);
    }
    for (const r of p.log) expect(textWidth(firstFit(ledgerWords(r).slice(1, -1), l.book.w - 20 - 36 - fs * 2.2, fs), fs)).toBeLessThanOrEqual(l.book.w - 56 - fs * 2.2);
  });
});
