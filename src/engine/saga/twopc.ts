// Two-phase commit for contrast (Gray & Reuter, "Transaction Processing", ch. 10; Bernstein, Hadzilacos &
// Goodman, "Concurrency Control and Recovery", ch. 7). The coordinator asks every participant to prepare; a
// participant that votes yes writes its vote and keeps its lock until it learns the decision, and may not
// decide alone. The coordinator writes the decision before sending it. A coordinator that crashes after
// the prepares leaves the participants in doubt, holding their locks, until it returns; on restart it
// resends logged decisions and aborts what it had not decided (presumed abort).
import type { NodeId, SystemContext } from '../core/types.ts';
import type { SagaMessage } from './messages.ts';
import { checkTx } from './invariants.ts';
import { COORDINATOR, type SagaState, type Shop, type TwoPcTx } from './state.ts';

export function beginTx(tx: TwoPcTx, ctx: SystemContext): void {
  for (const p of tx.participants) ctx.send(COORDINATOR, p, { type: 'Prepare', tx: tx.id, qty: tx.qty } satisfies SagaMessage);
  tx.timer = ctx.setTimer(COORDINATOR, VOTE_TIMEOUT, 'vote-timeout', { tx: tx.id });
}

/** How long the coordinator waits for votes, and an in-doubt participant between questions. */
export const VOTE_TIMEOUT = 1000;
export const ASK_EVERY = 500;

function decide(tx: TwoPcTx, commit: boolean, ctx: SystemContext): void {
  if (tx.decision !== null) return;
  tx.decision = commit ? 'commit' : 'abort';
  tx.decidedAt = ctx.now;
  if (tx.timer !== null) ctx.cancelTimer(tx.timer);
  tx.timer = null;
  ctx.note(COORDINATOR, `${tx.id}: decision ${tx.decision} (logged)`);
  for (const p of tx.participants) ctx.send(COORDINATOR, p, { type: 'Decision', tx: tx.id, commit } satisfies SagaMessage);
}

export function onCoordinatorMessage(st: SagaState, from: NodeId, msg: SagaMessage, ctx: SystemContext): void {
  if (msg.type !== 'Vote' && msg.type !== 'Ask') return;
  const tx = st.txs[msg.tx];
  if (!tx) return;
  if (msg.type === 'Ask') {
    if (tx.decision !== null) ctx.send(COORDINATOR, from, { type: 'Decision', tx: tx.id, commit: tx.decision === 'commit' } satisfies SagaMessage);
    return;
  }
  if (tx.decision !== null) return;
  tx.votes[from] = msg.yes ? 'yes' : 'no';
  if (!msg.yes) decide(tx, false, ctx);
  else if (tx.participants.every((p) => tx.votes[p] === 'yes')) decide(tx, true, ctx);
}

export function onCoordinatorTimer(st: SagaState, data: unknown, ctx: SystemContext): void {
  const tx = st.txs[(data as { tx: string }).tx];
  if (!tx || tx.decision !== null) return;
  tx.timer = null;
  ctx.note(COORDINATOR, `${tx.id}: not every vote came within ${VOTE_TIMEOUT}ms`);
  decide(tx, false, ctx);
}

/** Restarted: resend logged decisions; abort every transaction with none (its votes were volatile). */
export function coordinatorRestarts(st: SagaState, ctx: SystemContext): void {
  for (const id of st.txOrder) {
    const tx = st.txs[id]!;
    if (tx.decision === null) { ctx.note(COORDINATOR, `${id}: no decision in the log; presumed abort`); decide(tx, false, ctx); }
    else for (const p of tx.participants) ctx.send(COORDINATOR, p, { type: 'Decision', tx: id, commit: tx.decision === 'commit' } satisfies SagaMessage);
  }
}

/** A participant's side: prepare (vote, and lock), or learn the decision (apply, and unlock). Returns true when it released its lock. */
export function onParticipantMessage(st: SagaState, shop: Shop, msg: SagaMessage, ctx: SystemContext): boolean {
  if (msg.type === 'Prepare') {
    if (shop.tx[msg.tx]) return false;
    const no = shop.failAlways || shop.failNext > 0;
    if (shop.failNext > 0) shop.failNext--;
    if (no) {
      shop.tx[msg.tx] = 'aborted';
      checkTx(st, msg.tx);
      ctx.send(shop.id, COORDINATOR, { type: 'Vote', tx: msg.tx, yes: false } satisfies SagaMessage);
      return false;
    }
    shop.tx[msg.tx] = 'prepared';
    shop.lock = msg.tx;
    ctx.note(shop.id, `prepared ${msg.tx}: vote yes logged, record locked`);
    ctx.send(shop.id, COORDINATOR, { type: 'Vote', tx: msg.tx, yes: true } satisfies SagaMessage);
    ctx.setTimer(shop.id, ASK_EVERY, 'in-doubt', { tx: msg.tx });
    return false;
  }
  if (msg.type === 'Decision') {
    const was = shop.tx[msg.tx];
    if (was === 'committed' || (was === 'aborted' && !msg.commit)) return false;
    shop.tx[msg.tx] = msg.commit ? 'committed' : 'aborted';
    if (msg.commit) { shop.value += st.txs[msg.tx]!.qty; shop.expected += st.txs[msg.tx]!.qty; }
    checkTx(st, msg.tx);
    ctx.note(shop.id, `${msg.commit ? 'commits' : 'aborts'} ${msg.tx}`);
    if (shop.lock === msg.tx) { shop.lock = null; return true; }
  }
  return false;
}

/** Still prepared with no decision: in doubt; ask the coordinator again (it may be down). */
export function participantInDoubt(shop: Shop, data: unknown, ctx: SystemContext): void {
  const tx = (data as { tx: string }).tx;
  if (shop.tx[tx] !== 'prepared') return;
  ctx.send(shop.id, COORDINATOR, { type: 'Ask', tx } satisfies SagaMessage);
  ctx.setTimer(shop.id, ASK_EVERY, 'in-doubt', { tx });
}
