// Choreographed sagas: no coordinator. The school publishes Ordered; each shop listens to the previous
// shop's StepDone, does its step and publishes its own; a shop that gives up publishes StepFailed to the
// previous shop, which takes its booking back and publishes StepCompensated further back, down to the
// school (microservices.io "Saga", choreography-based). Where a saga stands is nowhere in one place: the
// history kept here is an outside observer's, not any node's.
import type { NodeId, SystemContext } from '../core/types.ts';
import type { SagaMessage } from './messages.ts';
import { applyAction, applyUndo } from './shop.ts';
import { checkEnd } from './invariants.ts';
import { ORCHESTRATOR, type HistoryEntry, type SagaRun, type SagaState, type Shop } from './state.ts';

const observe = (run: SagaRun, ctx: SystemContext, e: Omit<HistoryEntry, 't'>): void => { run.history.push({ t: ctx.now, ...e }); };

/** Who listens to whom: shop i hears i-1's StepDone (the school's Ordered for the first) and i+1's StepFailed/StepCompensated. */
export function listenGraph(steps: readonly NodeId[]): { from: NodeId; to: NodeId; event: string }[] {
  const edges: { from: NodeId; to: NodeId; event: string }[] = [];
  steps.forEach((s, i) => {
    edges.push({ from: i === 0 ? ORCHESTRATOR : steps[i - 1]!, to: s, event: i === 0 ? 'Ordered' : 'StepDone' });
    edges.push({ from: s, to: i === 0 ? ORCHESTRATOR : steps[i - 1]!, event: 'StepFailed / StepCompensated' });
  });
  edges.push({ from: steps[steps.length - 1]!, to: ORCHESTRATOR, event: 'StepDone' });
  return edges;
}

const upstream = (steps: readonly NodeId[], i: number): NodeId => (i === 0 ? ORCHESTRATOR : steps[i - 1]!);

export function publishOrdered(run: SagaRun, first: NodeId, ctx: SystemContext): void {
  observe(run, ctx, { kind: 'SagaStarted', note: `${run.qty} lunches` });
  ctx.send(ORCHESTRATOR, first, { type: 'Ordered', saga: run.id } satisfies SagaMessage);
}

/** A shop tries its step (attempt k); on failure it retries locally, then gives up and tells upstream. */
export function choreoTry(st: SagaState, shop: Shop, run: SagaRun, step: number, ctx: SystemContext): void {
  const def = st.defs[run.def]!;
  if (run.steps[step] === 'pending') { run.steps[step] = 'started'; run.failures = 0; observe(run, ctx, { kind: 'StepStarted', step, attempt: 1 }); }
  const r = applyAction(st, shop, run.id, step, run.qty, def.lock, ctx);
  if (r.ok) {
    run.steps[step] = 'done';
    observe(run, ctx, { kind: 'StepCompleted', step });
    const next = step + 1 < def.steps.length ? def.steps[step + 1]! : ORCHESTRATOR;
    ctx.send(shop.id, next, { type: 'StepDone', saga: run.id, step } satisfies SagaMessage);
    return;
  }
  run.failures++;
  observe(run, ctx, { kind: 'StepFailed', step, note: r.reason });
  const retriable = def.pivot >= 0 && step > def.pivot;
  if (retriable || run.failures <= def.retries) {
    ctx.setTimer(shop.id, def.retryDelay, 'choreo-retry', { saga: run.id, step });
    return;
  }
  run.steps[step] = 'failed';
  ctx.send(shop.id, upstream(def.steps, step), { type: 'StepFailed', saga: run.id, step } satisfies SagaMessage);
}

/** Heard a failure or compensation from downstream: take this shop's booking back and pass it upstream. */
export function choreoUndo(st: SagaState, shop: Shop, run: SagaRun, step: number, ctx: SystemContext): void {
  const def = st.defs[run.def]!;
  if (run.status === 'running') { run.status = 'compensating'; observe(run, ctx, { kind: 'CompensationStarted', step }); }
  run.steps[step] = 'compensating';
  const r = applyUndo(st, shop, run.id, step, ctx);
  if (r === 'failed') { ctx.setTimer(shop.id, def.retryDelay, 'choreo-undo', { saga: run.id, step }); return; }
  run.steps[step] = r === 'undone' ? 'compensated' : 'stuck';
  observe(run, ctx, { kind: r === 'undone' ? 'StepCompensated' : 'StepNotCompensable', step });
  ctx.send(shop.id, upstream(def.steps, step), { type: 'StepCompensated', saga: run.id, step } satisfies SagaMessage);
}

/** The school hears the end: the last StepDone, or the first shop's StepFailed / StepCompensated. */
export function choreoSchoolHears(st: SagaState, run: SagaRun, msg: SagaMessage, ctx: SystemContext): void {
  if (run.status === 'done' || run.status === 'compensated') return;
  if (msg.type === 'StepDone') {
    run.status = 'done';
    observe(run, ctx, { kind: 'SagaCompleted' });
    checkEnd(st, run);
    const def = st.defs[run.def]!;
    if (def.lock) def.steps.forEach((shop, i) => ctx.send(ORCHESTRATOR, shop, { type: 'Confirm', saga: run.id, step: i } satisfies SagaMessage));
    ctx.note(ORCHESTRATOR, `${run.id} completed (the school heard the last shop)`);
  } else if (msg.type === 'StepFailed' || msg.type === 'StepCompensated') {
    run.status = 'compensated';
    observe(run, ctx, { kind: 'SagaCompensated' });
    checkEnd(st, run);
    ctx.note(ORCHESTRATOR, `${run.id} compensated (the school heard it back)`);
  }
}
