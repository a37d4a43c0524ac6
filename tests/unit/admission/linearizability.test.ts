// The linearizability checker against hand-made histories (written here in the shapes of the classic cases
// Knossos' and Porcupine's suites check, not copied from them) and a property: any history produced by an
// atomic register, with each operation's window stretched around its moment of effect, is linearizable, and
// the order the checker returns is a legal sequential run that keeps real-time order (Herlihy & Wing 1990).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../../src/engine/admission/linearizability.ts';
import { describeRegisterOp, registerModel, type RegisterInput, type RegisterOp, type RegisterOutput, type RegisterValue } from '../../../src/engine/admission/register-model.ts';

let nextId = 0;
const w = (client: string, call: number, ret: number, value: RegisterValue, key = 'x'): RegisterOp =>
  ({ id: nextId++, client, call, ret, input: { f: 'write', key, value }, output: {} });
const r = (client: string, call: number, ret: number, value: RegisterValue, key = 'x'): RegisterOp =>
  ({ id: nextId++, client, call, ret, input: { f: 'read', key }, output: { value } });
const cas = (client: string, call: number, ret: number, expect: RegisterValue, value: RegisterValue, ok: boolean): RegisterOp =>
  ({ id: nextId++, client, call, ret, input: { f: 'cas', key: 'x', expect, value }, output: { ok } });

const check = (ops: RegisterOp[]) => checkLinearizable(registerModel(0), ops);

describe('linearizable histories', () => {
  it('a write then a read of its value, one after the other', () => {
    const a = w('c1', 0, 10, 1); const b = r('c2', 20, 30, 1);
    expect(check([a, b])).toMatchObject({ verdict: 'linearizable', order: [a.id, b.id] });
  });

  it('a read concurrent with a write may see the old value or the new one', () => {
    expect(check([w('c1', 0, 50, 1), r('c2', 10, 20, 0)]).verdict).toBe('linearizable');
    expect(check([w('c1', 0, 50, 1), r('c2', 10, 20, 1)]).verdict).toBe('linearizable');
  });

  it('an operation returning at the very millisecond another is called counts as concurrent with it', () => {
    expect(check([w('c1', 0, 10, 1), r('c2', 10, 20, 0)]).verdict).toBe('linearizable');
  });

  it('the order found places a read after the write it saw, even when the write was called later', () => {
    const wr = w('c1', 5, 40, 7); const rd = r('c2', 0, 30, 7);
    const res = check([rd, wr]);
    expect(res.verdict).toBe('linearizable');
    expect(res.order).toEqual([wr.id, rd.id]);
  });

  it('a write that never answered may have happened: a later read of its value is legal, and so is one of the old', () => {
    expect(check([w('c1', 0, Infinity, 3), r('c2', 100, 110, 3)]).verdict).toBe('linearizable');
    expect(check([w('c1', 0, Infinity, 3), r('c2', 100, 110, 0)]).verdict).toBe('linearizable');
  });

  it('keys are independent: each is checked alone', () => {
    expect(check([w('c1', 0, 10, 1, 'x'), w('c2', 0, 10, 2, 'y'), r('c3', 20, 30, 1, 'x'), r('c3', 40, 50, 2, 'y')]).verdict).toBe('linearizable');
  });
});

describe('histories that are not linearizable, with the operation to blame', () => {
  it('a stale read: the write finished before the read began, yet the read saw the old value', () => {
    const wr = w('c1', 0, 10, 1); const rd = r('c2', 20, 30, 0);
    expect(check([wr, rd])).toMatchObject({ verdict: 'not-linearizable', longest: [wr.id], blocked: rd.id });
  });

  it('a new-then-old inversion: two reads during one write, the later one going back to the old value', () => {
    const wr = w('c1', 0, 100, 1); const r1 = r('c2', 10, 20, 1); const r2 = r('c3', 30, 40, 0);
    const res = check([wr, r1, r2]);
    expect(res.verdict).toBe('not-linearizable');
    expect(res.blocked).toBe(r2.id);
  });

  it('two compare-and-sets from the same value both succeeding', () => {
    expect(check([cas('c1', 0, 10, 0, 1, true), cas('c2', 0, 10, 0, 2, true)]).verdict).toBe('not-linearizable');
    expect(check([cas('c1', 0, 10, 0, 1, true), cas('c2', 0, 10, 0, 2, false)]).verdict).toBe('linearizable');
  });

  it('a read of a value nobody wrote', () => {
    expect(check([w('c1', 0, 10, 1), r('c2', 0, 10, 5)]).verdict).toBe('not-linearizable');
  });

  it('two clients that each read the other\'s write as not yet done (the classic split-brain register)', () => {
    // c1 writes 1 then reads 1; c2 writes 2 then reads 2; both writes finished before both reads began.
    const res = check([w('c1', 0, 10, 1), w('c2', 0, 10, 2), r('c1', 20, 30, 1), r('c2', 20, 30, 2)]);
    expect(res.verdict).toBe('not-linearizable');
  });

  it('describes an operation in words', () => {
    expect(describeRegisterOp(r('c2', 40, 75, 1))).toBe('c2 read x -> 1 [40..75 ms]');
    expect(describeRegisterOp(w('c1', 0, Infinity, 3))).toBe('c1 write x = 3 [0..no answer ms]');
  });

  it('refuses an operation that returns before it is called', () => {
    expect(() => check([r('c1', 10, 5, 0)])).toThrow(/returns \(5\) before it is called \(10\)/);
  });

  it('gives up, saying so, when the budget of placements runs out', () => {
    const ops = Array.from({ length: 12 }, (_, i) => w(`c${i}`, 0, 100, i));
    ops.push(r('c99', 200, 210, 99));
    expect(checkLinearizable(registerModel(0), ops, 50).verdict).toBe('gave-up');
  });
});

/** An atomic register run: each operation takes effect at its own moment, inside a random window. */
const atomicHistory = fc.array(
  fc.record({ client: fc.integer({ min: 0, max: 4 }), write: fc.boolean(), value: fc.integer({ min: 0, max: 3 }),
    before: fc.integer({ min: 0, max: 30 }), after: fc.integer({ min: 0, max: 30 }) }),
  { minLength: 1, maxLength: 25 },
).map((steps) => {
  let value: RegisterValue = 0;
  const busyUntil = new Map<number, number>();
  const ops: RegisterOp[] = [];
  steps.forEach((s, k) => {
    const at = k * 10; // the moment of effect: strictly increasing
    const call = Math.max(at - s.before, busyUntil.get(s.client) ?? -Infinity);
    if (call > at) return; // this client is still busy: skip the operation
    const ret = at + s.after;
    busyUntil.set(s.client, ret + 1);
    const input: RegisterInput = s.write ? { f: 'write', key: 'x', value: s.value } : { f: 'read', key: 'x' };
    const output: RegisterOutput = s.write ? {} : { value };
    if (s.write) value = s.value;
    ops.push({ id: k, client: `c${s.client}`, call, ret, input, output });
  });
  return ops;
});

describe('property', () => {
  it('every history of an atomic register is linearizable, and the order found is legal and keeps real time', () => {
    fc.assert(fc.property(atomicHistory, (ops) => {
      const res = check(ops);
      expect(res.verdict).toBe('linearizable');
      const byId = new Map(ops.map((o) => [o.id, o]));
      const model = registerModel(0);
      let state = model.init();
      res.order.forEach((id, i) => {
        const op = byId.get(id)!;
        const step = model.step(state, op.input, op.output);
        expect(step.ok).toBe(true);
        state = step.state;
        for (const later of res.order.slice(i + 1)) expect(byId.get(later)!.ret).toBeGreaterThanOrEqual(op.call);
      });
      expect(res.order.length).toBe(ops.length);
    }), { numRuns: 300 });
  });
});
