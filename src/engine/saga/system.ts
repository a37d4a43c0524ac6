// The saga system: routes each message to the orchestrator, the 2PC coordinator or a shop. A shop does its
// work after `work` ms, and a shop whose record a prepared 2PC transaction has locked makes every other
// request wait until the lock is released.
import type { Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { formatSagaMessage, type SagaMessage } from './messages.ts';
import { COORDINATOR, initialSagaState, ORCHESTRATOR, type SagaState, type Shop } from './state.ts';
import { onOrchestratorMessage, onOrchestratorTimer, resumeFromLog } from './orchestrator.ts';
import { choreoSchoolHears, choreoTry, choreoUndo } from './choreography.ts';
import { coordinatorRestarts, onCoordinatorMessage, onCoordinatorTimer, onParticipantMessage, participantInDoubt } from './twopc.ts';
import { applyAction, applyUndo, confirm, performRead } from './shop.ts';
import { sagaInvariants } from './invariants.ts';
import { sagaQueries } from './queries.ts';

export const SAGA = 'saga';

const WORK = new Set(['Do', 'Undo', 'Ordered', 'StepDone', 'StepFailed', 'StepCompensated']);

/** Does this request have to wait for the 2PC lock? Everything but the lock holder's own messages does. */
function mustWait(shop: Shop, msg: SagaMessage): boolean {
  if (shop.lock === null) return false;
  if (msg.type === 'Decision' || msg.type === 'Confirm') return false;
  return !(msg.type === 'Prepare' && msg.tx === shop.lock);
}

function shopHandles(st: SagaState, shop: Shop, from: NodeId, msg: SagaMessage, ctx: SystemContext): void {
  if (mustWait(shop, msg)) {
    shop.waiting.push({ from, msg, since: ctx.now });
    if (msg.type === 'Read') ctx.note(shop.id, `${msg.read} waits: the record is locked by ${shop.lock}`);
    return;
  }
  switch (msg.type) {
    case 'Read': performRead(st, shop, msg.read, ctx); return;
    case 'Confirm': confirm(shop, msg.saga, msg.step); return;
    case 'Prepare': case 'Decision':
      if (onParticipantMessage(st, shop, msg, ctx)) drainWaiting(st, shop, ctx);
      return;
    default:
      if (WORK.has(msg.type) && shop.work > 0) ctx.setTimer(shop.id, shop.work, 'work', { from, msg });
      else doWork(st, shop, from, msg, ctx);
  }
}

function drainWaiting(st: SagaState, shop: Shop, ctx: SystemContext): void {
  while (shop.lock === null && shop.waiting.length > 0) {
    const w = shop.waiting.shift()!;
    shopHandles(st, shop, w.from, w.msg as SagaMessage, ctx);
  }
}

function doWork(st: SagaState, shop: Shop, from: NodeId, msg: SagaMessage, ctx: SystemContext): void {
  const stepHere = (saga: string) => st.defs[st.sagas[saga]?.def ?? '']?.steps.indexOf(shop.id) ?? -1;
  switch (msg.type) {
    case 'Do': {
      const r = applyAction(st, shop, msg.saga, msg.step, msg.qty, msg.pending, ctx);
      const reply: SagaMessage = r.ok ? { type: 'Done', saga: msg.saga, step: msg.step, attempt: msg.attempt }
        : { type: 'Failed', saga: msg.saga, step: msg.step, attempt: msg.attempt, reason: r.reason };
      ctx.send(shop.id, from, reply);
      return;
    }
    case 'Undo': {
      const r = applyUndo(st, shop, msg.saga, msg.step, ctx);
      const type = r === 'undone' ? 'Undone' : r === 'failed' ? 'UndoFailed' : 'NotUndoable';
      ctx.send(shop.id, from, { type, saga: msg.saga, step: msg.step, attempt: msg.attempt } satisfies SagaMessage);
      return;
    }
    case 'Ordered': case 'StepDone': {
      const i = stepHere(msg.saga);
      if (i >= 0) choreoTry(st, shop, st.sagas[msg.saga]!, i, ctx);
      return;
    }
    case 'StepFailed': case 'StepCompensated': {
      const i = stepHere(msg.saga);
      if (i >= 0 && i === msg.step - 1) choreoUndo(st, shop, st.sagas[msg.saga]!, i, ctx);
      return;
    }
    default:
  }
}

export const sagaSystem: SystemDef<SagaState> = {
  name: SAGA,
  initialState: initialSagaState,
  onMessage(st, node, from, m: Message, ctx) {
    const msg = m as unknown as SagaMessage;
    if (node === ORCHESTRATOR) {
      if (st.orchestratorDown) return;
      const run = 'saga' in msg ? st.sagas[msg.saga] : undefined;
      if (run?.mode === 'choreographed') choreoSchoolHears(st, run, msg, ctx);
      else onOrchestratorMessage(st, msg, ctx);
      return;
    }
    if (node === COORDINATOR) { if (!st.coordinatorDown) onCoordinatorMessage(st, from, msg, ctx); return; }
    const shop = st.shops[node];
    if (shop && !shop.down) shopHandles(st, shop, from, msg, ctx);
  },
  onTimer(st, node, name, data, ctx) {
    if (node === ORCHESTRATOR) { onOrchestratorTimer(st, name, data, ctx); return; }
    if (node === COORDINATOR) { onCoordinatorTimer(st, data, ctx); return; }
    const shop = st.shops[node];
    if (!shop) return;
    const d = data as { from: NodeId; msg: SagaMessage; saga: string; step: number; tx: string };
    if (name === 'work') doWork(st, shop, d.from, d.msg, ctx);
    else if (name === 'choreo-retry') choreoTry(st, shop, st.sagas[d.saga]!, d.step, ctx);
    else if (name === 'choreo-undo') choreoUndo(st, shop, st.sagas[d.saga]!, d.step, ctx);
    else if (name === 'in-doubt') participantInDoubt(shop, data, ctx);
  },
  // The saga log, the decisions, a shop's bookings, votes and locks are on disk; timers and work in progress are not.
  onCrash(st, node, ctx) {
    if (node === ORCHESTRATOR) {
      st.orchestratorDown = true;
      for (const id of st.sagaOrder) st.sagas[id]!.timer = null;
      ctx.note(node, 'crashed: the saga log survives; timers and replies in flight are lost');
    } else if (node === COORDINATOR) {
      st.coordinatorDown = true;
      for (const id of st.txOrder) { const tx = st.txs[id]!; tx.votes = {}; tx.timer = null; }
      ctx.note(node, 'crashed: logged decisions survive; votes received so far are lost');
    } else if (st.shops[node]) st.shops[node]!.down = true;
  },
  onRestart(st, node, ctx) {
    if (node === ORCHESTRATOR) { st.orchestratorDown = false; resumeFromLog(st, ctx); return; }
    if (node === COORDINATOR) { st.coordinatorDown = false; coordinatorRestarts(st, ctx); return; }
    const shop = st.shops[node];
    if (!shop) return;
    shop.down = false;
    for (const tx in shop.tx) if (shop.tx[tx] === 'prepared') participantInDoubt(shop, { tx }, ctx);
  },
  invariants: sagaInvariants,
  queries: sagaQueries,
  formatMessage: formatSagaMessage,
};
