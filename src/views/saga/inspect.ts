// What the inspector says about a saga node: the orchestrator's sagas, the coordinator's decisions, a
// shop's record (value, PENDING bookings, idempotency keys remembered, its votes and lock).
import type { Sim } from '../../engine/core/index.ts';
import { COORDINATOR, ORCHESTRATOR, visibleValue, type SagaState } from '../../engine/saga/index.ts';
import type { Inspection } from '../registry.ts';

export function inspectSagaNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('saga')) return null;
  const st = sim.state<SagaState>('saga');
  if (id === ORCHESTRATOR) {
    const last = st.sagaOrder.slice(-6);
    return {
      title: 'Orchestrator school',
      rows: [
        ['sagas', st.sagaOrder.length],
        ...last.map((s): [string, unknown] => [s, `${st.sagas[s]!.status}; steps ${st.sagas[s]!.steps.join(', ')}`]),
        ['saga log', 'durable: a restart resumes each unfinished saga from it'],
      ],
    };
  }
  if (id === COORDINATOR) {
    return { title: '2PC coordinator', rows: st.txOrder.slice(-6).map((t): [string, unknown] => [t, st.txs[t]!.decision ?? 'undecided (not logged)']) };
  }
  const shop = st.shops[id];
  if (!shop) return null;
  return {
    title: `Shop ${id}`,
    rows: [
      ['booked', shop.value],
      ['visible to readers', visibleValue(shop)],
      ['bookings remembered (keys)', Object.keys(shop.bookings).length],
      ['takes back by', shop.undo === 'restore' ? 'restoring the old value' : 'subtracting (commutative)'],
      ['idempotency keys', shop.dedupe ? 'remembered' : 'NOT remembered: a repeat books twice'],
      ['can take back', !shop.noUndo],
      ['failing', shop.failAlways ? 'every order' : shop.failNext ? `the next ${shop.failNext}` : null],
      ['work', `${shop.work}ms`],
      ['2PC lock', shop.lock],
      ['waiting for the lock', shop.waiting.length || null],
      ['2PC votes', Object.keys(shop.tx).map((t) => `${t} ${shop.tx[t]}`).join(', ') || null],
    ],
  };
}
