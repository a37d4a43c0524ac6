// The sequential specification the checker holds a replicated register to: one value per key, starting at
// `initial`; a read answers the current value, a write replaces it, a compare-and-set replaces it only
// when it equals `expect` and says whether it did. Keys are independent, so a history is checked one key
// at a time. An operation whose answer never came (a client timed out) is recorded with `ret: Infinity`:
// it may take effect at any moment after its call, or never (a write), which is how Jepsen's checkers read
// an indeterminate operation; a read that never answered constrains nothing and can be left out.
import type { Model, Operation } from './linearizability.ts';

export type RegisterValue = string | number | null;

export type RegisterInput =
  | { f: 'read'; key: string }
  | { f: 'write'; key: string; value: RegisterValue }
  | { f: 'cas'; key: string; expect: RegisterValue; value: RegisterValue };

/** What the client saw: a read's value, a compare-and-set's success (a write's output is ignored). */
export interface RegisterOutput { value?: RegisterValue; ok?: boolean }

export type RegisterOp = Operation<RegisterInput, RegisterOutput>;

export function registerModel(initial: RegisterValue = null): Model<RegisterValue, RegisterInput, RegisterOutput> {
  return {
    init: () => initial,
    step(state, input, output) {
      switch (input.f) {
        case 'read': return { ok: output.value === state, state };
        case 'write': return { ok: true, state: input.value };
        case 'cas': {
          const hit = state === input.expect;
          if (output.ok !== undefined && output.ok !== hit) return { ok: false, state };
          return { ok: true, state: hit ? input.value : state };
        }
      }
    },
    key: (state) => JSON.stringify(state),
    partition(ops) {
      const byKey = new Map<string, Operation<RegisterInput, RegisterOutput>[]>();
      for (const op of ops) {
        const list = byKey.get(op.input.key) ?? [];
        list.push(op);
        byKey.set(op.input.key, list);
      }
      return [...byKey.values()];
    },
  };
}

/** One operation in words, for the checker's verdict: `c2 read x -> 1 [40..75 ms]`. */
export function describeRegisterOp(op: RegisterOp): string {
  const i = op.input;
  const what = i.f === 'read' ? `read ${i.key} -> ${String(op.output.value)}`
    : i.f === 'write' ? `write ${i.key} = ${String(i.value)}`
      : `cas ${i.key} ${String(i.expect)} -> ${String(i.value)}${op.output.ok === undefined ? '' : op.output.ok ? ' (done)' : ' (refused)'}`;
  const until = Number.isFinite(op.ret) ? `${op.ret}` : 'no answer';
  return `${op.client} ${what} [${op.call}..${until} ms]`;
}
