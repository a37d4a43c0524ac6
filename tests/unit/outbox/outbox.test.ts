// The outbox system's rules, each with its source: the dual write's two failures and the transactional
// outbox (microservices.io, "Pattern: Transactional outbox": "atomically update the database and send
// messages"), the polling publisher and log tailing relays ("Pattern: Polling publisher", "Pattern:
// Transaction log tailing", Debezium's outbox event router), and the idempotent consumer's inbox
// ("Pattern: Idempotent Consumer"). Plus the commands' refusals, each a specific sentence.
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from '../sqs/lab.ts';
import type { OutboxState } from '../../../src/engine/outbox/state.ts';

const state = (s: ReturnType<typeof lab>) => s.sim.state<OutboxState>('outbox');

describe('the dual write', () => {
  it('db-then-publish: a crash between commit and publish leaves the order saved and its event lost', () => {
    const s = lab();
    s.run('outbox.service name=orders design=db-then-publish\noutbox.consumer name=shipping');
    s.run('outbox.save service=orders order=o1 fault=crash-after-commit\nrun for=1s');
    expect(s.q('outbox.status(orders, o1)')).toBe('placed');
    expect(s.q('outbox.lost')).toBe(1);
    expect(s.q('outbox.board')).toBe(0);
    expect(s.q('outbox.applied(shipping)')).toBe(0);
  });

  it('publish-then-db: a rollback after the publish leaves an event for an order that does not exist', () => {
    const s = lab();
    s.run('outbox.service name=orders design=publish-then-db\noutbox.consumer name=shipping');
    s.run('outbox.save service=orders order=o1 fault=rollback\nrun for=1s');
    expect(s.q('outbox.status(orders, o1)')).toBe('none');
    expect(s.q('outbox.phantoms')).toBe(1);
    expect(s.q('outbox.applied(shipping)')).toBe(1);
  });

  it('db-then-publish survives a rollback (it never publishes) and publish-then-db a crash after its commit', () => {
    const a = lab();
    a.run('outbox.service name=orders design=db-then-publish\noutbox.consumer name=c');
    a.run('outbox.save service=orders order=o1 fault=rollback\nrun for=1s');
    expect([a.q('outbox.lost'), a.q('outbox.phantoms'), a.q('outbox.board')]).toEqual([0, 0, 0]);
    const b = lab();
    b.run('outbox.service name=orders design=publish-then-db\noutbox.consumer name=c');
    b.run('outbox.save service=orders order=o1 fault=crash-after-commit\nrun for=1s');
    expect([b.q('outbox.lost'), b.q('outbox.phantoms'), b.q('outbox.applied(c)')]).toEqual([0, 0, 1]);
  });
});

describe('the transactional outbox', () => {
  it('commits the order and its event row together, or neither', () => {
    const s = lab();
    s.run('outbox.service name=orders design=outbox\noutbox.consumer name=c');
    s.run('outbox.save service=orders order=o1 fault=crash-before-commit');
    expect([s.q('outbox.orders(orders)'), s.q('outbox.rows(orders)')]).toEqual([0, 0]);
    s.run('restart node=orders\noutbox.save service=orders order=o2 fault=crash-after-commit');
    expect([s.q('outbox.orders(orders)'), s.q('outbox.rows(orders)')]).toEqual([1, 1]);
  });

  it('the polling relay publishes on its next poll even when the service is down, and marks the row published', () => {
    const s = lab();
    s.run('outbox.service name=orders design=outbox interval=200ms\noutbox.consumer name=c');
    s.run('outbox.save service=orders order=o1 fault=crash-after-commit\nrun for=190ms');
    expect(s.q('outbox.applied(c)')).toBe(0);
    s.run('run for=40ms');
    expect([s.q('outbox.applied(c)'), s.q('outbox.unpublished(orders)'), s.q('outbox.position(orders)')]).toEqual([1, 0, 1]);
    expect(state(s).services['orders']!.outbox[0]!.published).toBe(true);
  });

  it('publishes at least once: a relay crash before marking sends the batch again, and the inbox skips it', () => {
    const s = lab();
    s.run('outbox.service name=orders design=outbox\noutbox.consumer name=c inbox=true\noutbox.consumer name=d');
    s.run('outbox.save service=orders order=o1\noutbox.poll service=orders crash=after-send\nrun for=100ms\nrestart node=orders-relay\nrun for=1s');
    expect(s.q('outbox.duplicates')).toBe(1);
    expect([s.q('outbox.applied(c)'), s.q('outbox.caught(c)'), s.q('outbox.doubled(c)')]).toEqual([1, 1, 0]);
    expect([s.q('outbox.applied(d)'), s.q('outbox.doubled(d)')]).toEqual([1, 1]);
    expect(violationsOf(s)).toEqual([]);
  });

  it('log tailing reads the log after its committed offset and leaves the rows untouched', () => {
    const s = lab();
    s.run('outbox.service name=orders design=outbox relay=tailing interval=5ms\noutbox.consumer name=c');
    s.run('outbox.save service=orders order=o count=4\nrun for=4ms');
    expect(s.q('outbox.applied(c)')).toBe(0);
    s.run('run for=100ms');
    expect([s.q('outbox.position(orders)'), s.q('outbox.applied(c)')]).toEqual([4, 4]);
    expect(state(s).services['orders']!.outbox.every((r) => !r.published)).toBe(true);
  });

  it('a batch the board never acknowledges is sent again after the acknowledgement timeout', () => {
    const s = lab();
    s.run('outbox.service name=orders design=outbox relay=tailing interval=5ms\noutbox.consumer name=c inbox=true');
    s.run('crash node=broker\noutbox.save service=orders order=o1\nrun for=500ms\nrestart node=broker\nrun for=2s');
    expect([s.q('outbox.applied(c)'), s.q('outbox.position(orders)')]).toEqual([1, 1]);
  });

  it("keeps each order's events in version order (rows in insertion order, one batch at a time)", () => {
    const s = lab();
    s.run('outbox.service name=orders design=outbox batch=1 interval=20ms\noutbox.consumer name=c inbox=true');
    s.run('outbox.save service=orders order=o1\noutbox.save service=orders order=o1 status=paid\noutbox.save service=orders order=o1 status=shipped\nrun for=1s');
    expect([s.q('outbox.applied(c)'), s.q('outbox.disorder(c)')]).toEqual([3, 0]);
    expect(state(s).consumers['c']!.lastVersion['o1']).toBe(3);
  });
});

describe('the sweep', () => {
  it('finds the lost event of db-then-publish, the phantoms of publish-then-db and nothing for the outbox with an inbox', () => {
    const s = lab();
    s.run('outbox.consumer name=c inbox=true');
    s.run('outbox.service name=a design=db-then-publish\noutbox.sweep service=a');
    s.run('outbox.service name=b design=publish-then-db\noutbox.sweep service=b');
    s.run('outbox.service name=x design=outbox\noutbox.sweep service=x');
    expect([state(s).sweeps['a']!.lost, state(s).sweeps['b']!.phantoms]).toEqual([1, 2]);
    expect([s.q('outbox.sweepRuns(x)'), s.q('outbox.sweepFailures(x)')]).toEqual([5, 0]);
  });

  it('leaves the run it is asked from untouched but for its result', () => {
    const s = lab();
    s.run('outbox.service name=orders\noutbox.consumer name=c inbox=true\nrun for=1s');
    const now = s.sim.now;
    s.run('outbox.sweep service=orders');
    expect(s.sim.now).toBe(now);
    expect(s.q('outbox.board')).toBe(0);
  });
});

describe('refusals', () => {
  const err = (script: string) => { try { lab().run(script); return ''; } catch (e) { return (e as Error).message; } };
  it('says what is wrong', () => {
    expect(err('outbox.save service=nope order=o1')).toContain("no outbox service named 'nope'");
    expect(err('outbox.service name=orders\noutbox.save service=orders order=o1\noutbox.save service=orders order=o1')).toContain('order o1 already exists in orders; give status=');
    expect(err('outbox.service name=orders\noutbox.save service=orders order=o1 status=paid')).toContain('has no order o1 to change');
    expect(err('outbox.service name=orders design=db-then-publish\noutbox.poll service=orders')).toContain('orders has no relay: its design is db-then-publish');
    expect(err('outbox.service name=orders\noutbox.save service=orders order=o1 fault=crash-after-commit\noutbox.save service=orders order=o2')).toContain('orders is down (crashed); restart it first');
    expect(err('outbox.service name=orders\noutbox.sweep service=orders')).toContain('add a consumer first');
    expect(err('outbox.service name=broker')).toContain("'broker' is the board itself");
    expect(err('outbox.service name=orders\noutbox.save service=orders order=o count=2 fault=rollback')).toContain('a fault cuts one save');
  });
});

describe('changing design', () => {
  it("keeps the old design's failures as they were: the outbox invariants judge only saves made with the outbox", () => {
    const s = lab();
    s.run('outbox.service name=orders design=db-then-publish\noutbox.consumer name=c');
    s.run('outbox.save service=orders order=o1 fault=crash-after-commit\nrestart node=orders');
    s.run('outbox.service name=orders design=outbox\noutbox.save service=orders order=o2\nrun for=1s');
    expect([s.q('outbox.lost'), s.q('outbox.applied(c)')]).toEqual([1, 1]);
    expect(violationsOf(s)).toEqual([]);
  });
});
