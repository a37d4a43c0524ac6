// What the learner can do to the event store from its pictures: rebuild a projector's read model from
// position 0 with the fixed code. Each is a
// scenario command run through the lab store (console history, recorded inputs, share links).
import type { NodeStatus } from '../../engine/core/index.ts';
import type { EventStoreState } from '../../engine/eventstore/index.ts';
import { labStore } from '../../store/lab-store.ts';
import { run } from '../kit/menu.tsx';
import type { NodeAction } from '../registry.ts';

const esState = (): EventStoreState | null => {
  const sim = labStore.getState().session.sim;
  return sim.activeSystems().includes('eventstore') ? sim.state<EventStoreState>('eventstore') : null;
};
const projectorOf = (n: NodeStatus) => (n.sys === 'eventstore' ? esState()?.projectors[n.id] : undefined);

export const eventStoreActions: readonly NodeAction[] = [
  {
    id: 'eventstore.rebuild',
    label: (n) => `Rebuild ${n.id} from position 0${projectorOf(n)?.bug ? ' with the fixed code' : ''}`,
    applies: (n) => n.up && !n.paused && projectorOf(n) !== undefined,
    run: (n) => run(`eventstore.rebuild projector=${n.id} fix=true`),
  },
];
