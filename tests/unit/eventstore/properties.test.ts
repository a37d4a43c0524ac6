// Event sourcing's invariants over random histories (fast-check):
// - a projector's table equals a from-scratch fold of the log up to its checkpoint, at every checkpoint,
//   whatever the batch size, the polling and the moments it crashes (Marten's async daemon keeps a
//   projection's progress with its documents, so a crash replays only what was not saved);
// - snapshots never change the state a load folds (Axon and Marten: a snapshot is the fold up to a version);
// - upcasting a v1 event on read gives the same state as having written it as v2, and never changes the stored event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, upcast } from '../../../src/engine/eventstore/aggregates.ts';
import { projectAll } from '../../../src/engine/eventstore/projections.ts';
import { loadAggregate } from '../../../src/engine/eventstore/store.ts';
import type { StoredEvent } from '../../../src/engine/eventstore/state.ts';
import { lab } from './lab.ts';

const accountOp = fc.oneof(
  fc.record({ k: fc.constant('dep' as const), acct: fc.integer({ min: 1, max: 3 }), amount: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ k: fc.constant('wd' as const), acct: fc.integer({ min: 1, max: 3 }), amount: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ k: fc.constant('place' as const), order: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 5 }), v1: fc.boolean(), item: fc.constantFrom('rye', 'spelt') }),
  fc.record({ k: fc.constant('cancel' as const), order: fc.integer({ min: 1, max: 4 }) }),
);
type Op = typeof accountOp extends fc.Arbitrary<infer T> ? T : never;

const line = (o: Op): string => {
  switch (o.k) {
    case 'dep': return `eventstore.append stream=account-${o.acct} type=Deposited amount=${o.amount}`;
    case 'wd': return `eventstore.append stream=account-${o.acct} type=Withdrawn amount=${o.amount}`;
    case 'place': return `eventstore.append stream=book-b type=OrderPlaced order=o${o.order} item=${o.item} ${o.v1 ? `dozens=${o.n}` : `qty=${o.n * 12}`}`;
    case 'cancel': return `eventstore.append stream=book-b type=OrderCancelled order=o${o.order}`;
  }
};

describe('event store (property)', () => {
  it('every projection equals a from-scratch fold of the log at every checkpoint, through crashes', () => {
    fc.assert(fc.property(
      fc.array(accountOp, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 5, max: 400 }), { maxLength: 4 }),
      (ops, batch, crashes) => {
        const s = lab();
        s.run(`eventstore.projector name=p1 kind=balances batch=${batch} work=7ms poll=50ms\neventstore.projector name=p2 kind=orders batch=${batch} work=3ms poll=80ms\neventstore.projector name=p3 kind=activity batch=${batch}`);
        ops.forEach((o, i) => { s.run(line(o)); if (i % 5 === 4) s.run('run for=30ms'); });
        const check = () => {
          const st = s.st();
          for (const id of st.projectorOrder) {
            const p = st.projectors[id]!;
            const replay = projectAll(p.kind, st.log, p.checkpoint, true).table;
            for (const k of new Set([...Object.keys(p.table), ...Object.keys(replay)])) expect(p.table[k] ?? 0, `${id} ${k} at checkpoint ${p.checkpoint}`).toBe(replay[k] ?? 0);
          }
        };
        for (const t of crashes) {
          const seen = new Set<number>();
          s.sim.runUntilTrue(() => { const c = s.st().projectors.p1!.checkpoint; if (!seen.has(c)) { seen.add(c); check(); } return false; }, s.sim.now + t);
          s.run('crash node=p1\ncrash node=p2\nrun for=20ms\nrestart node=p1\nrestart node=p2');
        }
        s.run('run for=3s');
        check();
        expect(s.q('eventstore.lag(p1)')).toBe(0);
        expect(s.q('eventstore.lag(p2)')).toBe(0);
      }), { numRuns: 40 });
  });

  it('snapshots never change the state a load folds', () => {
    fc.assert(fc.property(fc.array(accountOp, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (ops, every) => {
      const plain = lab();
      const snap = lab();
      snap.run(`eventstore.snapshots every=${every}`);
      for (const o of ops) { plain.run(line(o)); snap.run(line(o)); }
      for (const stream of plain.st().streamOrder) {
        const a = loadAggregate(plain.st(), stream);
        const b = loadAggregate(snap.st(), stream);
        expect(a.snapshot).toBeNull();
        const domain = stream.startsWith('book-') ? 'book' : 'account';
        expect(fold(domain, b.events, true, b.snapshot?.state)).toEqual(fold(domain, a.events, true));
        expect(b.events.length).toBeLessThanOrEqual(a.events.length);
        expect(snap.q(`eventstore.state(${stream})`)).toBe(plain.q(`eventstore.state(${stream})`));
      }
    }), { numRuns: 60 });
  });

  it('upcasting a v1 event gives the state of the same event written as v2, and the stored event stays as written', () => {
    fc.assert(fc.property(fc.array(accountOp, { minLength: 1, maxLength: 30 }), (ops) => {
      const old = lab();
      const today = lab();
      for (const o of ops) { old.run(line(o)); today.run(line(o.k === 'place' ? { ...o, v1: false } : o)); }
      const frozen = old.st().log.map((e) => JSON.stringify(e));
      expect(old.q('eventstore.state(book-b)')).toBe(today.q('eventstore.state(book-b)'));
      for (const kind of ['orders', 'activity'] as const) expect(projectAll(kind, old.st().log, old.st().log.length, true).table).toEqual(projectAll(kind, today.st().log, today.st().log.length, true).table);
      expect(old.st().log.map((e) => JSON.stringify(e))).toEqual(frozen);
      expect(old.st().log.filter((e: StoredEvent) => e.schema === 1).every((e) => upcast(e).data.qty === Number(e.data.dozens) * 12 && e.data.qty === undefined)).toBe(true);
    }), { numRuns: 60 });
  });
});
