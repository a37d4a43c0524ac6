// The saga system's views, registered as one definition (src/views/registry.ts): the school's checklist
// and the shops (town), the execution history, step states and 2PC participants (technical), the inspector's
// rows, "make this shop fail" in each shop's menu, and the lines a picture that does not know sagas writes.
import type { Sim } from '../../engine/core/index.ts';
import { COORDINATOR, ORCHESTRATOR } from '../../engine/saga/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { inspectSagaNode } from './inspect.ts';
import { SagaTown } from './SagaTown.tsx';
import { SagaTech } from './SagaTech.tsx';

const q = (sim: Sim, expr: string) => String(sim.query(expr));
const isShop = (id: string) => id !== ORCHESTRATOR && id !== COORDINATOR;

export default defineSystemViews({
  sys: 'saga',
  stage: { id: 'saga', title: 'Sagas', Town: SagaTown, Tech: SagaTech },
  inspect: { node: inspectSagaNode },
  actions: [
    { id: 'saga.fail', label: (n) => `Make ${n.id} refuse every order`, applies: (n) => n.sys === 'saga' && isShop(n.id), run: (n) => run(`saga.fail shop=${n.id}`) },
    { id: 'saga.fail.stop', label: (n) => `Let ${n.id} succeed again`, applies: (n) => n.sys === 'saga' && isShop(n.id), run: (n) => run(`saga.fail shop=${n.id} times=0`) },
  ],
  summary: (sim, n) => {
    if (n.id === ORCHESTRATOR) return [`${q(sim, 'saga.ended')} sagas ended`];
    if (n.id === COORDINATOR) return ['2PC coordinator'];
    return [`booked ${q(sim, `saga.value(${n.id})`)}`, `lock ${q(sim, `saga.locked(${n.id})`)}`];
  },
});
