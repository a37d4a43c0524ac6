// The checker's reading of the recorded client history. A write that never answered (refused or timed out)
// may still have taken effect, so it goes in with no return (`ret: Infinity`), as Jepsen's checkers read
// an indeterminate operation; a read that never answered constrains nothing and is left out.
import { checkLinearizable, type CheckResult } from './linearizability.ts';
import { describeRegisterOp, registerModel, type RegisterOp } from './register-model.ts';
import type { AdmissionState, HistOp } from './state.ts';

export function checkedOps(history: readonly HistOp[]): RegisterOp[] {
  return history
    .filter((h) => h.status === 'ok' || h.input.f !== 'read')
    .map((h) => ({
      id: h.id, client: h.client, call: h.call, ret: h.status === 'ok' ? h.ret : Infinity, input: h.input,
      output: h.input.f === 'read' ? { value: h.value ?? null } : {},
    }));
}

export interface AdmissionVerdict extends CheckResult {
  /** The operation the search could not place, in words, or null. */
  offending: string | null;
  /** The longest legal order found, in words (when not linearizable). */
  prefix: string[];
}

const memo = new WeakMap<readonly HistOp[], { sig: string; v: AdmissionVerdict }>();

/** The verdict on the history so far (memoised on the history's settled operations). */
export function verdict(st: AdmissionState): AdmissionVerdict {
  const sig = st.history.map((h) => `${h.status}${h.ret}`).join(',');
  const hit = memo.get(st.history);
  if (hit && hit.sig === sig) return hit.v;
  const ops = checkedOps(st.history);
  const r = checkLinearizable(registerModel(null), ops, 200_000);
  const byId = new Map(ops.map((o) => [o.id, o]));
  const say = (id: number) => describeRegisterOp(byId.get(id)!);
  const v: AdmissionVerdict = { ...r, offending: r.blocked === null ? null : say(r.blocked), prefix: r.longest.map(say) };
  memo.set(st.history, { sig, v });
  return v;
}
