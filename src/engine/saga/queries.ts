// What conditions, predictions and goals can read from the saga system.
import type { Query } from '../core/types.ts';
import { bookingKey, visibleValue, type SagaRun, type SagaState, type Shop } from './state.ts';

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

/** A saga not started yet reads as `none` (so a goal can name the saga a learner is about to start). */
const maybeRun = (st: SagaState, id: string | undefined): SagaRun | null => st.sagas[id ?? ''] ?? null;

export const sagaQueries: readonly Query<SagaState>[] = [
  { name: 'saga.status', params: ['saga'], example: 'expect saga.status(lunch1) == compensated', description: 'running, compensating, done or compensated (none: no saga of that name yet)', get: (st, [id]) => maybeRun(st, id)?.status ?? 'none' },
  {
    name: 'saga.step', params: ['saga', 'shop'], example: 'expect saga.step(lunch1, bakery) == compensated',
    description: 'the step at that shop: pending, started, done, failed, timed-out, compensating, compensated or stuck (cannot be taken back); none before the saga starts',
    get: (st, [id, shop]) => { const r = maybeRun(st, id); return r ? r.steps[stepIndex(st, r, shop)]! : 'none'; },
  },
  {
    name: 'saga.compensated', params: ['saga'], example: 'expect saga.compensated(lunch1) == "bakery"',
    description: 'the shops whose step was taken back, in the order they were (comma-separated), or none',
    get: (st, [id]) => {
      const r = maybeRun(st, id);
      if (!r) return 'none';
      const steps = st.defs[r.def]!.steps;
      return r.history.filter((h) => h.kind === 'StepCompensated').map((h) => steps[h.step!]).join(',') || 'none';
    },
  },
  {
    name: 'saga.resumed', params: ['saga'], example: 'expect saga.resumed(lunch1) == compensating',
    description: 'what a restarted orchestrator last resumed the saga from its log doing: running or compensating (none: never)',
    get: (st, [id]) => [...(maybeRun(st, id)?.history ?? [])].reverse().find((h) => h.kind === 'Resumed')?.note ?? 'none',
  },
  {
    name: 'saga.bookings', params: ['saga', 'shop'], example: 'expect saga.bookings(lunch1, deli) == 1',
    description: "how many times the saga's action took effect at the shop (more than 1: booked twice)",
    get: (st, [id, shop]) => { const r = maybeRun(st, id); return r ? st.effects[`${shopOf(st, shop).id}:${bookingKey(r.id, stepIndex(st, r, shop))}`]?.do ?? 0 : 0; },
  },
  { name: 'saga.ended', params: [], example: 'run until="saga.ended == 2" max=5s', description: 'how many sagas have ended (done or compensated)', get: (st) => st.sagaOrder.filter((id) => { const s = st.sagas[id]!.status; return s === 'done' || s === 'compensated'; }).length },
  {
    name: 'saga.count', params: ['status'], example: 'expect saga.count(compensated) == 1', description: 'how many sagas are running, compensating, done or compensated',
    get: (st, [status]) => st.sagaOrder.filter((id) => st.sagas[id]!.status === status).length,
  },
  { name: 'saga.value', params: ['shop'], example: 'expect saga.value(bakery) == 200', description: 'lunches booked at the shop (PENDING ones included)', get: (st, [shop]) => shopOf(st, shop).value },
  { name: 'saga.visible', params: ['shop'], example: 'expect saga.visible(bakery) == 0', description: 'what a reader sees at the shop: the value less PENDING bookings', get: (st, [shop]) => visibleValue(shopOf(st, shop)) },
  {
    name: 'saga.read', params: ['reader'], example: 'expect saga.read(r1) == 200', description: 'the value a reader read (-1 while it waits for a lock; none: no read of that name yet)',
    get: (st, [id]) => st.reads[id ?? '']?.value ?? 'none',
  },
  {
    name: 'saga.hidden', params: ['reader'], example: 'expect saga.hidden(r1) == 200', description: 'PENDING lunches the read left out (a semantic lock at work; none: no read of that name yet)',
    get: (st, [id]) => st.reads[id ?? '']?.hidden ?? 'none',
  },
  {
    name: 'saga.readwait', params: ['reader'], example: 'expect saga.readwait(r1) < 100ms', description: 'how long the reader waited for its value (-1 while still waiting; none: no read of that name yet)',
    get: (st, [id]) => { const r = st.reads[id ?? '']; return !r ? 'none' : r.doneAt === null ? -1 : r.doneAt - r.at; },
  },
  {
    name: 'saga.tx', params: ['tx'], example: 'expect saga.tx(t1) == commit', description: "the 2PC coordinator's logged decision: undecided, commit or abort (none: no transaction of that name)",
    get: (st, [id]) => { const t = st.txs[id ?? '']; return !t ? 'none' : t.decision ?? 'undecided'; },
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
