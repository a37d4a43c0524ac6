// The orchestrator (the school's coordinator): runs each saga's steps in order, retries a failed step, and
// when a step before or at the pivot gives up, compensates the steps that may have happened in reverse
// order, retrying each compensation until it succeeds. Every decision is written to the saga's durable log
// first, so a restarted orchestrator resumes from the log (microservices.io "Saga"; Temporal's saga sample).
import type { SystemContext } from '../core/types.ts';
import type { SagaMessage } from './messages.ts';
import { checkEnd } from './invariants.ts';
import { ORCHESTRATOR, type HistoryEntry, type SagaRun, type SagaState } from './state.ts';

const log = (run: SagaRun, ctx: SystemContext, e: Omit<HistoryEntry, 't'>): void => { run.history.push({ t: ctx.now, ...e }); };

const defOf = (st: SagaState, run: SagaRun) => st.defs[run.def]!;

function clearTimer(run: SagaRun, ctx: SystemContext): void {
  if (run.timer !== null) ctx.cancelTimer(run.timer);
  run.timer = null;
}

function sendStep(st: SagaState, run: SagaRun, ctx: SystemContext): void {
  const def = defOf(st, run);
  const i = run.cursor;
  run.attempt++;
  run.steps[i] = 'started';
  log(run, ctx, { kind: 'StepStarted', step: i, attempt: run.attempt });
  const msg: SagaMessage = { type: 'Do', saga: run.id, step: i, qty: run.qty, attempt: run.attempt, pending: def.lock };
  ctx.send(ORCHESTRATOR, def.steps[i]!, msg);
  clearTimer(run, ctx);
  run.timer = ctx.setTimer(ORCHESTRATOR, def.timeout, 'timeout', { saga: run.id, attempt: run.attempt });
}

function sendUndo(st: SagaState, run: SagaRun, ctx: SystemContext): void {
  const def = defOf(st, run);
  run.attempt++;
  run.steps[run.cursor] = 'compensating';
  const msg: SagaMessage = { type: 'Undo', saga: run.id, step: run.cursor, attempt: run.attempt };
  ctx.send(ORCHESTRATOR, def.steps[run.cursor]!, msg);
  clearTimer(run, ctx);
  run.timer = ctx.setTimer(ORCHESTRATOR, def.timeout, 'timeout', { saga: run.id, attempt: run.attempt });
}

export function startSaga(st: SagaState, run: SagaRun, ctx: SystemContext): void {
  log(run, ctx, { kind: 'SagaStarted', note: `${run.qty} lunches` });
  run.cursor = 0;
  sendStep(st, run, ctx);
}

/** The highest step that may have happened and is not yet compensated: the next to take back. */
export function nextToCompensate(run: SagaRun): number {
  for (let i = run.steps.length - 1; i >= 0; i--) {
    const s = run.steps[i];
    if (s === 'done' || s === 'timed-out' || s === 'compensating') return i;
  }
  return -1;
}

function compensateNext(st: SagaState, run: SagaRun, ctx: SystemContext): void {
  const i = nextToCompensate(run);
  if (i < 0) {
    clearTimer(run, ctx);
    run.status = 'compensated';
    log(run, ctx, { kind: 'SagaCompensated' });
    checkEnd(st, run);
    ctx.note(ORCHESTRATOR, `${run.id} compensated`);
    return;
  }
  run.cursor = i;
  run.attempt = 0;
  sendUndo(st, run, ctx);
}

function giveUp(st: SagaState, run: SagaRun, ctx: SystemContext, why: 'failed' | 'timed-out'): void {
  run.steps[run.cursor] = why;
  run.status = 'compensating';
  log(run, ctx, { kind: 'CompensationStarted', step: run.cursor });
  ctx.note(ORCHESTRATOR, `${run.id} gives up on step ${run.cursor + 1} (${defOf(st, run).steps[run.cursor]}): compensating`);
  compensateNext(st, run, ctx);
}

function stepDone(st: SagaState, run: SagaRun, ctx: SystemContext): void {
  const def = defOf(st, run);
  clearTimer(run, ctx);
  run.steps[run.cursor] = 'done';
  log(run, ctx, { kind: 'StepCompleted', step: run.cursor, attempt: run.attempt });
  if (run.cursor + 1 < def.steps.length) {
    run.cursor++;
    run.attempt = 0;
    run.failures = 0;
    sendStep(st, run, ctx);
    return;
  }
  run.status = 'done';
  log(run, ctx, { kind: 'SagaCompleted' });
  checkEnd(st, run);
  ctx.note(ORCHESTRATOR, `${run.id} completed`);
  if (def.lock) def.steps.forEach((shop, i) => ctx.send(ORCHESTRATOR, shop, { type: 'Confirm', saga: run.id, step: i } satisfies SagaMessage));
}

/** A failure or a timeout of the current forward step: retry, or give up and compensate. */
function stepFailed(st: SagaState, run: SagaRun, ctx: SystemContext, kind: 'failed' | 'timed-out', reason: string): void {
  const def = defOf(st, run);
  clearTimer(run, ctx);
  run.failures++;
  log(run, ctx, { kind: kind === 'failed' ? 'StepFailed' : 'StepTimedOut', step: run.cursor, attempt: run.attempt, note: reason });
  const retriable = def.pivot >= 0 && run.cursor > def.pivot;
  if (retriable || run.failures <= def.retries) {
    run.timer = ctx.setTimer(ORCHESTRATOR, def.retryDelay, 'retry', { saga: run.id, attempt: run.attempt });
    return;
  }
  giveUp(st, run, ctx, kind);
}

export function onOrchestratorMessage(st: SagaState, msg: SagaMessage, ctx: SystemContext): void {
  if (!('saga' in msg)) return;
  const run = st.sagas[msg.saga];
  if (!run || run.mode !== 'orchestrated' || !('attempt' in msg) || msg.step !== run.cursor) return;
  if (run.status === 'running') {
    if (msg.type === 'Done') stepDone(st, run, ctx);
    else if (msg.type === 'Failed' && msg.attempt === run.attempt) stepFailed(st, run, ctx, 'failed', msg.reason);
    return;
  }
  if (run.status !== 'compensating') return;
  // Any attempt's Undone settles the step (a slow shop's reply may come after a resend); only the current
  // attempt's failure schedules a retry.
  if (msg.type === 'Undone' || msg.type === 'NotUndoable') {
    clearTimer(run, ctx);
    run.steps[run.cursor] = msg.type === 'Undone' ? 'compensated' : 'stuck';
    log(run, ctx, { kind: msg.type === 'Undone' ? 'StepCompensated' : 'StepNotCompensable', step: run.cursor });
    if (msg.type === 'NotUndoable') ctx.note(ORCHESTRATOR, `${run.id}: step ${run.cursor + 1} cannot be taken back`);
    compensateNext(st, run, ctx);
  } else if (msg.type === 'UndoFailed' && msg.attempt === run.attempt) {
    clearTimer(run, ctx);
    run.timer = ctx.setTimer(ORCHESTRATOR, defOf(st, run).retryDelay, 'retry', { saga: run.id, attempt: run.attempt });
  }
}

export function onOrchestratorTimer(st: SagaState, name: string, data: unknown, ctx: SystemContext): void {
  const { saga, attempt } = data as { saga: string; attempt: number };
  const run = st.sagas[saga];
  if (!run || run.attempt !== attempt) return;
  run.timer = null;
  if (run.status === 'running') {
    if (name === 'timeout') stepFailed(st, run, ctx, 'timed-out', `no reply within ${defOf(st, run).timeout}ms`);
    else sendStep(st, run, ctx);
  } else if (run.status === 'compensating') {
    sendUndo(st, run, ctx); // a compensation is retried until it succeeds, whether it failed or timed out
  }
}

/** Restarted: resume every unfinished saga from its log (the step in progress is sent again; shops dedupe it). */
export function resumeFromLog(st: SagaState, ctx: SystemContext): void {
  for (const id of st.sagaOrder) {
    const run = st.sagas[id]!;
    if (run.mode !== 'orchestrated' || run.status === 'done' || run.status === 'compensated') continue;
    log(run, ctx, { kind: 'Resumed', step: run.cursor, note: run.status });
    ctx.note(ORCHESTRATOR, `resumes ${id} from its log at step ${run.cursor + 1} (${run.status})`);
    if (run.status === 'running') sendStep(st, run, ctx);
    else sendUndo(st, run, ctx);
  }
}
