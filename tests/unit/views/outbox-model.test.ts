// The outbox pictures' model and layout, without a browser: what each picture must show a student (the
// published flag and the relay's position, the dual write's failure points and what went wrong, the
// board's duplicates and phantoms, the inbox) and that every box fits the pane with words of 11 px or more.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { OutboxState } from '../../../src/engine/outbox/index.ts';
import { outboxPicture } from '../../../src/views/outbox/model.ts';
import { outboxLayout } from '../../../src/views/outbox/layout.ts';

function picture(lines: string[]) {
  const s = createSession(2);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return outboxPicture(s.sim.state<OutboxState>('outbox'), s.sim);
}

describe('outbox picture model', () => {
  it('shows unpublished rows, the row in flight, then the published flag and the relay position once acknowledged', () => {
    const base = ['outbox.service name=orders design=outbox interval=100ms', 'outbox.consumer name=c inbox=true', 'outbox.save service=orders order=o1'];
    const before = picture(base);
    expect(before.services[0]!.rows.map((r) => [r.id, r.published])).toEqual([['e1', false]]);
    const sending = picture([...base, 'run for=105ms']);
    expect(sending.services[0]!.rows[0]!.inFlight).toBe(true);
    expect(sending.services[0]!.relay!.words.map((w) => w[0])).toEqual(['sent rows 1', 'awaiting the ack']);
    const after = picture([...base, 'run for=150ms']);
    expect(after.services[0]!.rows[0]!.published).toBe(true);
    expect(after.services[0]!.relay!.position).toBe(1);
    expect(after.consumers[0]!.seen).toEqual(['e1']);
  });

  it("marks a dual write's two writes, and says LOST or PHANTOM where it went wrong", () => {
    const lost = picture(['outbox.service name=orders design=db-then-publish', 'outbox.consumer name=c', 'outbox.save service=orders order=o1 fault=crash-after-commit']);
    expect(lost.services[0]!.failure).toMatchObject({ first: '① commit', second: '② publish', between: 'crash between ① and ②: event LOST' });
    expect([lost.services[0]!.lost, lost.services[0]!.up]).toEqual([1, false]);
    expect(lost.alarms[0]).toBe('✕ 1 LOST event');
    const phantom = picture(['outbox.service name=orders design=publish-then-db', 'outbox.consumer name=c', 'outbox.save service=orders order=o1 fault=rollback', 'run for=50ms']);
    expect(phantom.board.entries[0]).toMatchObject({ id: 'e1', phantom: true });
    expect(phantom.alarms[0]).toBe('✕ 1 PHANTOM event');
  });

  it('marks a duplicate on the board and counts what the inbox caught', () => {
    const p = picture(['outbox.service name=orders', 'outbox.consumer name=c inbox=true', 'outbox.save service=orders order=o1',
      'outbox.poll service=orders crash=after-send', 'run for=50ms', 'restart node=orders-relay', 'run for=500ms']);
    expect(p.board.entries.map((e) => e.duplicate)).toEqual([false, true]);
    expect(p.consumers[0]).toMatchObject({ applied: 1, caught: 1, doubled: 0 });
    expect(p.alarms).toEqual(['1 duplicate publish, 1 caught by inboxes']);
  });
});

describe('outbox layout', () => {
  const p = picture(['outbox.service name=orders', 'outbox.service name=billing design=db-then-publish', 'outbox.consumer name=shipping inbox=true',
    'outbox.consumer name=mail', 'outbox.save service=orders order=o1 fault=crash-after-commit', 'run for=300ms']);
  for (const size of [{ width: 1280, height: 800 }, { width: 640, height: 360 }, { width: 420, height: 300 }]) {
    it(`fits every box inside ${size.width}x${size.height} without overlaps, words 11 px or more`, () => {
      const l = outboxLayout(size, p);
      expect(l.fontSize - 1, 'the smaller lines are one size down').toBeGreaterThanOrEqual(11);
      const boxes = [...Object.values(l.services), ...Object.values(l.relays), l.board, ...Object.values(l.consumers)];
      for (const b of boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(size.width + 0.5);
        expect(b.y + b.h).toBeLessThanOrEqual(size.height + 0.5);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!, b = boxes[j]!;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `boxes ${i} and ${j} overlap`).toBe(true);
      }
    });
  }
});

describe('the sweep in the picture', () => {
  it("shows the last sweep's verdict in the alarm strip", () => {
    const bad = picture(['outbox.service name=orders design=db-then-publish', 'outbox.consumer name=c', 'outbox.sweep service=orders']);
    expect(bad.alarms).toEqual(['✕ sweep of orders: 1 failure in 4 crash points']);
    const good = picture(['outbox.service name=orders', 'outbox.consumer name=c inbox=true', 'outbox.sweep service=orders']);
    expect(good.alarms).toEqual(['✓ sweep of orders: 5 crash points, none lost, invented or doubled']);
  });
});
