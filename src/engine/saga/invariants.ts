// Live detectors. Each is noticed at the event that breaks it (recorded in `st.detected`), so the check
// after every event is a lookup, even with ten thousand sagas running.
import type { Invariant } from '../core/types.ts';
import { bookingKey, type SagaRun, type SagaState, type Shop } from './state.ts';

export const INVARIANTS = {
  atomicity: 'semantic-atomicity',
  once: 'once-in-effect',
  twoPc: 'two-pc-agreement',
  dirty: 'no-dirty-read',
  lost: 'no-lost-update',
} as const;

export function detect(st: SagaState, name: string, problem: string): void {
  st.detected[name] ??= problem;
}

/** A saga just ended: completed means every step's booking stands; compensated means none does. */
export function checkEnd(st: SagaState, run: SagaRun): void {
  const def = st.defs[run.def]!;
  def.steps.forEach((shopId, i) => {
    const b = st.shops[shopId]!.bookings[bookingKey(run.id, i)];
    const stands = b?.state === 'done';
    if (run.status === 'done' && !stands) detect(st, INVARIANTS.atomicity, `${run.id} completed but ${shopId} holds no booking for it`);
    if (run.status === 'compensated' && stands) detect(st, INVARIANTS.atomicity, `${run.id} ended compensated but ${shopId}'s booking still stands (some steps done, not compensated)`);
  });
}

/** Count an effect of an action or compensation for one key; a second one, or an undo without a do, is a fault. */
export function countEffect(st: SagaState, shop: Shop, saga: string, step: number, what: 'do' | 'undo', qty: number, now: number): void {
  const key = `${shop.id}:${bookingKey(saga, step)}`;
  const e = (st.effects[key] ??= { do: 0, undo: 0 });
  e[what]++;
  st.audit.push({ key, what, t: now });
  shop.expected += what === 'do' ? qty : -qty;
  if (what === 'do' && e.do > 1) detect(st, INVARIANTS.once, `${shop.id} booked ${saga} step ${step + 1} ${e.do} times`);
  if (what === 'undo' && e.undo > 1) detect(st, INVARIANTS.once, `${shop.id} took back ${saga} step ${step + 1} ${e.undo} times`);
  if (what === 'undo' && e.do === 0) detect(st, INVARIANTS.once, `${shop.id} compensated ${saga} step ${step + 1}, which never ran`);
  const run = st.sagas[saga];
  if (what === 'do' && run?.status === 'compensated') detect(st, INVARIANTS.atomicity, `${shop.id} booked for ${saga} after it ended compensated`);
  if (what === 'undo') {
    for (const r of st.dirtyWatch[bookingKey(saga, step)] ?? []) detect(st, INVARIANTS.dirty, `${r} read ${shop.id} counting ${saga}'s booking, which was then compensated`);
    if (shop.value !== shop.expected) detect(st, INVARIANTS.lost, `${shop.id} holds ${shop.value} but its standing bookings add up to ${shop.expected}: an update was lost`);
  }
}

/** A participant just learned an outcome: no two participants of one transaction may disagree. */
export function checkTx(st: SagaState, txId: string): void {
  const tx = st.txs[txId];
  if (!tx) return;
  const states = tx.participants.map((p) => st.shops[p]!.tx[txId]);
  if (states.includes('committed') && states.includes('aborted')) detect(st, INVARIANTS.twoPc, `${txId}: one participant committed while another aborted`);
}

const inv = (name: string, description: string): Invariant<SagaState> => ({ name, description, check: (st) => st.detected[name] ?? null });

export const sagaInvariants: readonly Invariant<SagaState>[] = [
  inv(INVARIANTS.atomicity, 'a saga ends with all its steps done, or with every done step compensated'),
  inv(INVARIANTS.once, 'each action and each compensation takes effect at most once, and a compensation only after its action'),
  inv(INVARIANTS.twoPc, 'no 2PC participant commits a transaction another participant aborted'),
  inv(INVARIANTS.dirty, 'nobody reads a booking that is later compensated'),
  inv(INVARIANTS.lost, "a compensation leaves a shop's value equal to its standing bookings (no lost update)"),
];
