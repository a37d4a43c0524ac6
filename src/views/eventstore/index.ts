// The event store's views, registered as one definition (src/views/registry.ts): the town hall's ledger
// with clerks and summary boards (town) and the log with checkpoints and read-model tables (technical),
// a "rebuild" action in each projector's menu (actions.ts), its inspector rows, and the lines a picture that does not
// know the event store writes.
import type { Sim } from '../../engine/core/index.ts';
import type { EventStoreState } from '../../engine/eventstore/index.ts';
import { STORE_NODE } from '../../engine/eventstore/index.ts';
import { defineSystemViews } from '../registry.ts';
import { eventStoreActions } from './actions.ts';
import { EventStoreTown } from './EventStoreTown.tsx';
import { EventStoreTech } from './EventStoreTech.tsx';
import { inspectEventStoreNode } from './inspect.ts';

const q = (sim: Sim, expr: string) => String(sim.query(expr));
const state = (sim: Sim) => sim.state<EventStoreState>('eventstore');

export default defineSystemViews({
  sys: 'eventstore',
  stage: { id: 'eventstore', title: 'Event store', Town: EventStoreTown, Tech: EventStoreTech },
  inspect: { node: inspectEventStoreNode },
  actions: eventStoreActions,
  summary: (sim, n) => {
    const st = state(sim);
    if (n.id === STORE_NODE) return [`${q(sim, 'eventstore.events')} events in ${st.streamOrder.length} streams`, `${q(sim, 'eventstore.conflicts')} conflicts · ${q(sim, 'eventstore.lostUpdates')} lost updates`];
    if (st.clerks[n.id]) return [`${q(sim, `eventstore.done(${n.id})`)} done · ${q(sim, `eventstore.retries(${n.id})`)} retries`, q(sim, `eventstore.result(${n.id})`)];
    if (st.projectors[n.id]) return [`checkpoint ${q(sim, `eventstore.checkpoint(${n.id})`)} · ${q(sim, `eventstore.lag(${n.id})`)} behind`];
    return ['event store node'];
  },
});
