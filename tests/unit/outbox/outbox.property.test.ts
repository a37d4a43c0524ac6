// The outbox's promise (microservices.io, "Pattern: Transactional outbox"; the relay publishes "at least
// once"): under any schedule of save faults, relay and board crashes, and a lossy link between relay and
// board, every committed event reaches the board, no rolled-back one does, duplicates appear only as
// duplicates, the consumer's inbox applies each event exactly once, and each order's events apply in
// version order. The dual write, under the same faults, loses or invents events (the reason it exists).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lab, violationsOf } from '../sqs/lab.ts';
import type { OutboxState } from '../../../src/engine/outbox/state.ts';
import { tally } from '../../../src/engine/outbox/detect.ts';

const FAULTS = ['none', 'crash-before-commit', 'crash-after-commit', 'rollback'] as const;
const op = fc.oneof(
  fc.record({ k: fc.constant('save' as const), order: fc.integer({ min: 1, max: 3 }), fault: fc.constantFrom(...FAULTS) }),
  fc.record({ k: fc.constant('poll-crash' as const) }),
  fc.record({ k: fc.constantFrom('crash-relay' as const, 'crash-broker' as const, 'restart' as const) }),
  fc.record({ k: fc.constant('run' as const), ms: fc.integer({ min: 1, max: 700 }) }),
);

function play(design: string, relay: string, ops: readonly unknown[], seed: number) {
  const s = lab(seed);
  s.run(`outbox.service name=orders design=${design} relay=${relay} interval=50ms batch=2\noutbox.consumer name=c inbox=true`);
  if (design === 'outbox') s.run('link from=orders-relay to=broker loss=0.3');
  const st = () => s.sim.state<OutboxState>('outbox');
  const up = (n: string) => s.sim.nodes().find((x) => x.id === n)?.up === true;
  for (const o of ops as { k: string; order?: number; fault?: string; ms?: number }[]) {
    switch (o.k) {
      case 'save': {
        if (!up('orders')) s.run('restart node=orders');
        const id = `o${o.order}`;
        const exists = st().services['orders']!.orders[id] !== undefined;
        s.run(`outbox.save service=orders order=${id}${exists ? ' status=paid' : ''} fault=${o.fault}`);
        break;
      }
      case 'poll-crash':
        if (design === 'outbox' && up('orders-relay') && st().relays['orders-relay']!.inFlight.length === 0) s.run('outbox.poll service=orders crash=after-send');
        break;
      case 'crash-relay': if (design === 'outbox') s.run('crash node=orders-relay'); break;
      case 'crash-broker': s.run('crash node=broker'); break;
      case 'restart': for (const n of s.sim.nodes()) if (!n.up) s.run(`restart node=${n.id}`); break;
      case 'run': s.run(`run for=${o.ms}ms`); break;
    }
  }
  for (const n of s.sim.nodes()) if (!n.up) s.run(`restart node=${n.id}`);
  if (design === 'outbox') s.run('link from=orders-relay to=broker loss=0');
  s.run('run for=10s');
  return { s, st: st() };
}

describe('the transactional outbox under any crash schedule (property)', () => {
  for (const relay of ['polling', 'tailing']) {
    it(`${relay}: loses nothing, invents nothing, and the inbox applies each event once in order`, () => {
      fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const { s, st } = play('outbox', relay, ops, seed);
        const t = tally(st);
        expect(t.lost, 'committed events missing from the board').toBe(0);
        expect(t.phantoms, 'rolled-back events on the board').toBe(0);
        const onBoard = new Set(st.board.map((b) => b.event.id));
        const committed = st.saves.filter((r) => r.outcome === 'committed').map((r) => r.event.id);
        expect([...onBoard].sort()).toEqual([...committed].sort());
        expect(st.board.filter((b) => !b.duplicate).length).toBe(committed.length);
        const c = st.consumers['c']!;
        expect([c.applied, c.doubled, c.disorder]).toEqual([committed.length, 0, 0]);
        expect(c.caught).toBe(st.duplicates);
        expect(violationsOf(s)).toEqual([]);
      }), { numRuns: 60 });
    });
  }

  it('the dual writes, under the same faults, lose (db first) or invent (publish first) an event whenever that fault is drawn', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 15 }), (ops) => {
      for (const design of ['db-then-publish', 'publish-then-db']) {
        const { st } = play(design, 'polling', ops.filter((o) => o.k !== 'crash-broker'), 1);
        const t = tally(st);
        const cut = (ops as { k: string; fault?: string }[]).filter((o) => o.k === 'save').map((o) => o.fault);
        if (design === 'db-then-publish') expect(t.lost).toBe(cut.filter((f) => f === 'crash-after-commit').length);
        else expect(t.phantoms).toBe(cut.filter((f) => f === 'crash-before-commit' || f === 'rollback').length);
        expect(st.saves.length).toBe(cut.length);
      }
    }), { numRuns: 40 });
  });
});
