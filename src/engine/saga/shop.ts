// A shop's local transactions: a saga step's action and compensation, keyed by `saga/step` so a repeat has
// no second effect (chapter 05's idempotency keys), and a compensation that arrives before its action leaves
// a tombstone so the late action is refused. Reads, and the 2PC lock that makes everything else wait.
import type { SystemContext } from '../core/types.ts';
import { countEffect } from './invariants.ts';
import { bookingKey, visibleValue, type SagaState, type Shop } from './state.ts';

export type ActResult = { ok: true } | { ok: false; reason: string };

/** The action: book qty (PENDING under the semantic lock). */
export function applyAction(st: SagaState, shop: Shop, saga: string, step: number, qty: number, pending: boolean, ctx: SystemContext): ActResult {
  const key = bookingKey(saga, step);
  const had = shop.bookings[key];
  if (had && shop.dedupe) {
    if (had.state === 'done') return { ok: true };
    return { ok: false, reason: 'already compensated' };
  }
  if (shop.failAlways || shop.failNext > 0 || (shop.failRate > 0 && ctx.rng.chance(shop.failRate))) {
    const reason = shop.failAlways ? 'refused' : 'transient error';
    if (shop.failNext > 0) shop.failNext--;
    ctx.note(shop.id, `fails ${saga} step ${step + 1} (${reason})`);
    return { ok: false, reason };
  }
  shop.bookings[key] = { qty, before: shop.value, state: 'done', pending };
  shop.value += qty;
  countEffect(st, shop, saga, step, 'do', qty, ctx.now);
  ctx.note(shop.id, `books ${qty} for ${saga}${pending ? ' (PENDING)' : ''}: now ${shop.value}`);
  return { ok: true };
}

export type UndoResult = 'undone' | 'failed' | 'not-undoable';

/** The compensation: take the booking back (subtract, or write the before-image back under `restore`). */
export function applyUndo(st: SagaState, shop: Shop, saga: string, step: number, ctx: SystemContext): UndoResult {
  const key = bookingKey(saga, step);
  const b = shop.bookings[key];
  if (!b) {
    shop.bookings[key] = { qty: 0, before: shop.value, state: 'cancelled', pending: false };
    ctx.note(shop.id, `has nothing to take back for ${saga}; remembers it is cancelled`);
    return 'undone';
  }
  if (b.state !== 'done' && shop.dedupe) return 'undone';
  if (shop.noUndo && b.state === 'done') return 'not-undoable';
  if (shop.failUndo > 0) { shop.failUndo--; return 'failed'; }
  if (b.state === 'cancelled') return 'undone';
  shop.value = shop.undo === 'restore' ? b.before : shop.value - b.qty;
  b.state = 'undone';
  b.pending = false;
  countEffect(st, shop, saga, step, 'undo', b.qty, ctx.now);
  ctx.note(shop.id, `takes back ${b.qty} for ${saga}: now ${shop.value}`);
  return 'undone';
}

/** The saga completed: clear the PENDING flag. */
export function confirm(shop: Shop, saga: string, step: number): void {
  const b = shop.bookings[bookingKey(saga, step)];
  if (b) b.pending = false;
}

/** A reader reads the shop's value now, noting which unfinished sagas' bookings it counted. */
export function performRead(st: SagaState, shop: Shop, readId: string, ctx: SystemContext): void {
  const r = st.reads[readId]!;
  r.value = visibleValue(shop);
  r.hidden = shop.value - r.value;
  r.doneAt = ctx.now;
  r.included = Object.keys(shop.bookings).filter((k) => {
    const b = shop.bookings[k]!;
    const run = st.sagas[k.slice(0, k.lastIndexOf('/'))];
    return b.state === 'done' && !b.pending && run !== undefined && run.status !== 'done';
  });
  for (const k of r.included) (st.dirtyWatch[k] ??= []).push(readId);
  ctx.note(shop.id, `${readId} reads ${r.value}${r.at < ctx.now ? ` after waiting ${ctx.now - r.at}ms` : ''}`);
}
