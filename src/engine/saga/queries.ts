// What conditions, predictions and goals can read from the saga system.
import type { Query } from '../core/types.ts';
import { bookingKey, visibleValue, type SagaRun, type SagaState, type Shop } from './state.ts';

const sagaRun = (st: SagaState, id: string | undefined): SagaRun => {
  const r = st.sagas[id ?? ''];
  if (!r) throw new Error(`no saga named '${id}'${st.sagaOrder.length ? `; sagas are ${st.sagaOrder.slice(0, 8).join(',')}` : '; start one with saga.start'}`);
  return r;
};
const shopOf = (st: SagaState, id: string | undefined): Shop => {
  const s = st.shops[id ?? ''];
  if (!s) throw new Error(`no shop named '${id}'${st.shopOrder.length ? `; shops are ${st.shopOrder.join(',')}` : '; define a saga with saga.define'}`);
  return s;
};
const stepIndex = (st: SagaState, run: SagaRun, shop: string | undefined): number => {
  const i = st.defs[run.def]!.steps.indexOf(shop ?? '');
  if (i < 0) throw new Error(`${run.id} has no step at '${shop}'; its steps are ${st.defs[run.def]!.steps.join(',')}`);
  return i;
};

export const sagaQueries: readonly Query<SagaState>[] = [
  { name: 'saga.status', params: ['saga'], example: 'expect saga.status(lunch1) == compensated', description: 'running, compensating, done or compensated', get: (st, [id]) => sagaRun(st, id).status },
  {
    name: 'saga.step', params: ['saga', 'shop'], example: 'expect saga.step(lunch1, bakery) == compensated',
    description: 'the step at that shop: pending, started, done, failed, timed-out, compensating, compensated or stuck (cannot be taken back)',
    get: (st, [id, shop]) => { const r = sagaRun(st, id); return r.steps[stepIndex(st, r, shop)]!; },
  },
  {
    name: 'saga.compensated', params: ['saga'], example: 'expect saga.compensated(lunch1) == "bakery"',
    description: 'the shops whose step was taken back, in the order they were (comma-separated), or none',
    get: (st, [id]) => {
      const r = sagaRun(st, id);
      const steps = st.defs[r.def]!.steps;
      return r.history.filter((h) => h.kind === 'StepCompensated').map((h) => steps[h.step!]).join(',') || 'none';
    },
  },
  {
    name: 'saga.bookings', params: ['saga', 'shop'], example: 'expect saga.bookings(lunch1, deli) == 1',
    description: "how many times the saga's action took effect at the shop (more than 1: booked twice)",
    get: (st, [id, shop]) => { const r = sagaRun(st, id); return st.effects[`${shopOf(st, shop).id}:${bookingKey(r.id, stepIndex(st, r, shop))}`]?.do ?? 0; },
  },
  { name: 'saga.ended', params: [], example: 'run until="saga.ended == 2" max=5s', description: 'how many sagas have ended (done or compensated)', get: (st) => st.sagaOrder.filter((id) => { const s = st.sagas[id]!.status; return s === 'done' || s === 'compensated'; }).length },
  { name: 'saga.value', params: ['shop'], example: 'expect saga.value(bakery) == 200', description: 'lunches booked at the shop (PENDING ones included)', get: (st, [shop]) => shopOf(st, shop).value },
  { name: 'saga.visible', params: ['shop'], example: 'expect saga.visible(bakery) == 0', description: 'what a reader sees at the shop: the value less PENDING bookings', get: (st, [shop]) => visibleValue(shopOf(st, shop)) },
  {
    name: 'saga.read', params: ['reader'], example: 'expect saga.read(r1) == 200', description: 'the value a reader read (-1 while it waits for a lock)',
    get: (st, [id]) => { const r = st.reads[id ?? '']; if (!r) throw new Error(`no read named '${id}'; read with saga.read shop=bakery as=${id}`); return r.value; },
  },
  {
    name: 'saga.readwait', params: ['reader'], example: 'expect saga.readwait(r1) < 100ms', description: 'how long the reader waited for its value (-1 while still waiting)',
    get: (st, [id]) => { const r = st.reads[id ?? '']; if (!r) throw new Error(`no read named '${id}'`); return r.doneAt === null ? -1 : r.doneAt - r.at; },
  },
  {
    name: 'saga.tx', params: ['tx'], example: 'expect saga.tx(t1) == commit', description: "the 2PC coordinator's logged decision: undecided, commit or abort",
    get: (st, [id]) => { const t = st.txs[id ?? '']; if (!t) throw new Error(`no 2PC transaction named '${id}'; start one with saga.twopc`); return t.decision ?? 'undecided'; },
  },
  {
    name: 'saga.participant', params: ['tx', 'shop'], example: 'expect saga.participant(t1, deli) == prepared',
    description: "a participant's state in a 2PC transaction: working (not yet voted), prepared (in doubt until told), committed or aborted",
    get: (st, [tx, shop]) => shopOf(st, shop).tx[tx ?? ''] ?? 'working',
  },
  {
    name: 'saga.prepared', params: ['tx'], example: 'run until="saga.prepared(t1) == 3" max=1s', description: 'how many participants have voted yes and hold their lock for the transaction',
    get: (st, [tx]) => { const t = st.txs[tx ?? '']; return t ? t.participants.filter((p) => st.shops[p]!.tx[t.id] === 'prepared').length : 0; },
  },
  { name: 'saga.locked', params: ['shop'], example: 'expect saga.locked(bakery) == none', description: "the 2PC transaction holding the shop's lock, or none", get: (st, [shop]) => shopOf(st, shop).lock ?? 'none' },
];
