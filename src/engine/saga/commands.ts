// Scenario commands of the saga system (lesson 07).
import { argList, argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { formatDuration } from '../core/duration.ts';
import { COORDINATOR, MAX_SAGAS, MAX_STEPS, newShop, ORCHESTRATOR, type SagaState } from './state.ts';
import { startSaga } from './orchestrator.ts';
import { publishOrdered } from './choreography.ts';
import { beginTx } from './twopc.ts';
import { performRead } from './shop.ts';
import { SAGA } from './system.ts';

const NAME = /^[a-z][a-z0-9-]{0,23}$/;
const checkName = (what: string, v: string): string => {
  if (!NAME.test(v)) throw new CommandError(`${what} '${v}' must be a lower-case word (letters, digits, -), at most 24 characters`);
  if (v === ORCHESTRATOR || v === COORDINATOR) throw new CommandError(`'${v}' is the ${v === ORCHESTRATOR ? 'orchestrator' : '2PC coordinator'}; name the shop something else`);
  return v;
};

function ensureShop(st: SagaState, ctx: SystemContext, id: string): void {
  if (st.shops[id]) return;
  ctx.addNode(id);
  st.shops[id] = newShop(id);
  st.shopOrder.push(id);
}

const shopNamed = (st: SagaState, id: string) => {
  const s = st.shops[id];
  if (!s) throw new CommandError(`there is no shop '${id}'${st.shopOrder.length ? `; shops are ${st.shopOrder.join(',')}` : '; define a saga first: saga.define name=lunch steps=bakery,deli,fruit'}`);
  return s;
};

const upOrSay = (sim: Sim, node: string) => {
  if (sim.nodes().find((n) => n.id === node && !n.up)) throw new CommandError(`${node} is down; restart node=${node} first`);
};

const line = (a: ArgValues, names: string[]) => names.filter((k) => a[k] !== undefined).map((k) => {
  const v = a[k]!;
  return ` ${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'number' && ['timeout', 'retryDelay', 'work'].includes(k) ? formatDuration(v) : String(v)}`;
}).join('');

export const sagaCommands: CommandSpec[] = [
  {
    name: 'saga.define', sys: SAGA, summary: 'Define a saga: one step per shop, in order (each books, its compensation takes back); a pivot after which it only goes forward.',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the definition\'s name; its sagas are called name1, name2, ...' },
      { name: 'steps', type: 'strings', required: true, doc: `the shops, in order (1 to ${MAX_STEPS}, each once); created if new` },
      { name: 'pivot', type: 'string', default: 'none', doc: 'the go/no-go shop: the steps after it are retried until they succeed, never compensated' },
      { name: 'mode', type: 'enum', values: ['orchestrated', 'choreographed'], default: 'orchestrated', doc: 'the school directs each step, or each shop reacts to the previous one\'s event' },
      { name: 'timeout', type: 'duration', default: '300ms', doc: 'how long the orchestrator waits for a step\'s reply' },
      { name: 'retries', type: 'int', default: '2', doc: 'failed attempts a step before the pivot may retry before the saga compensates' },
      { name: 'retryDelay', type: 'duration', default: '50ms', doc: 'the wait before a retry (of a step or a compensation)' },
      { name: 'lock', type: 'bool', default: 'false', doc: 'semantic lock: bookings are PENDING (readers leave them out) until the saga completes' },
    ],
    example: 'saga.define name=lunch steps=bakery,deli,fruit pivot=deli',
    run: (sim, a) => {
      const name = checkName('the saga name', argString(a, 'name'));
      const steps = argList(a, 'steps').map((s) => checkName('shop', s));
      if (steps.length < 1 || steps.length > MAX_STEPS) throw new CommandError(`steps= takes 1 to ${MAX_STEPS} shops, got ${steps.length}`);
      const dup = steps.find((s, i) => steps.indexOf(s) !== i);
      if (dup) throw new CommandError(`${dup} appears twice in steps=; each shop does one step`);
      const pivotName = a.pivot === undefined ? 'none' : argString(a, 'pivot');
      const pivot = pivotName === 'none' ? -1 : steps.indexOf(pivotName);
      if (pivotName !== 'none' && pivot < 0) throw new CommandError(`pivot=${pivotName} is not one of the steps (${steps.join(',')}), or write pivot=none`);
      const timeout = a.timeout === undefined ? 300 : argNumber(a, 'timeout');
      const retries = a.retries === undefined ? 2 : argNumber(a, 'retries');
      const retryDelay = a.retryDelay === undefined ? 50 : argNumber(a, 'retryDelay');
      if (timeout < 1) throw new CommandError('timeout must be at least 1ms');
      if (retries < 0 || retries > 20) throw new CommandError(`retries= must be 0 to 20, got ${retries}`);
      if (retryDelay < 1) throw new CommandError('retryDelay must be at least 1ms');
      sim.act<SagaState>(SAGA, `saga.define name=${name} steps=${steps.join(',')}${line(a, ['pivot', 'mode', 'timeout', 'retries', 'retryDelay', 'lock'])}`, (st, ctx) => {
        if (st.defs[name]) throw new CommandError(`a saga named '${name}' is already defined`);
        ctx.addNode(ORCHESTRATOR);
        for (const s of steps) ensureShop(st, ctx, s);
        st.defs[name] = {
          name, steps, pivot, timeout, retries, retryDelay, lock: a.lock === true,
          mode: a.mode === 'choreographed' ? 'choreographed' : 'orchestrated',
        };
      });
    },
  },
  {
    name: 'saga.start', sys: SAGA, summary: 'Start sagas of a definition (the school orders lunches): named <definition>1, <definition>2, ...',
    args: [
      { name: 'def', type: 'string', required: true, doc: 'the definition' },
      { name: 'qty', type: 'int', default: '200', doc: 'lunches each step books' },
      { name: 'count', type: 'int', default: '1', doc: `how many sagas to start at once (at most ${MAX_SAGAS} in a run)` },
    ],
    example: 'saga.start def=lunch qty=200', setup: 'saga.define name=lunch steps=bakery,deli,fruit',
    run: (sim, a) => {
      const name = argString(a, 'def');
      const qty = a.qty === undefined ? 200 : argNumber(a, 'qty');
      const count = a.count === undefined ? 1 : argNumber(a, 'count');
      if (qty < 1) throw new CommandError(`qty= must be at least 1, got ${qty}`);
      if (count < 1) throw new CommandError(`count= must be at least 1, got ${count}`);
      upOrSay(sim, ORCHESTRATOR);
      sim.act<SagaState>(SAGA, `saga.start def=${name}${line(a, ['qty', 'count'])}`, (st, ctx) => {
        const def = st.defs[name];
        if (!def) throw new CommandError(`no saga is defined as '${name}'${Object.keys(st.defs).length ? `; defined: ${Object.keys(st.defs).join(',')}` : '; define one: saga.define name=lunch steps=bakery,deli,fruit'}`);
        if (st.sagaOrder.length + count > MAX_SAGAS) throw new CommandError(`at most ${MAX_SAGAS} sagas in a run`);
        const already = st.sagaOrder.filter((id) => st.sagas[id]!.def === name).length;
        for (let k = 1; k <= count; k++) {
          const id = `${name}${already + k}`;
          const run = st.sagas[id] = {
            id, def: name, mode: def.mode, qty, status: 'running' as const, steps: def.steps.map(() => 'pending' as const),
            cursor: 0, attempt: 0, failures: 0, history: [], timer: null,
          };
          st.sagaOrder.push(id);
          if (def.mode === 'orchestrated') startSaga(st, run, ctx);
          else publishOrdered(run, def.steps[0]!, ctx);
        }
      });
    },
  },
  {
    name: 'saga.shop', sys: SAGA, summary: 'Tune a shop: how long its work takes, how it takes a booking back, whether it remembers idempotency keys, whether it can take back at all.',
    args: [
      { name: 'name', type: 'node', required: true, doc: 'the shop' },
      { name: 'work', type: 'duration', doc: 'how long each action or compensation takes (a slow step)' },
      { name: 'undo', type: 'enum', values: ['commutative', 'restore'], doc: 'subtract the booking (commutes with others), or write back the value from before it' },
      { name: 'dedupe', type: 'bool', doc: 'remember each saga step\'s key so a repeat has no second effect' },
      { name: 'noundo', type: 'bool', doc: 'its action cannot be taken back (apples handed out)' },
    ],
    example: 'saga.shop name=deli work=500ms\nsaga.shop name=fruit noundo=true', setup: 'saga.define name=lunch steps=bakery,deli,fruit',
    run: (sim, a) => {
      const id = argString(a, 'name');
      const desc = line(a, ['work', 'undo', 'dedupe', 'noundo']);
      if (!desc) throw new CommandError('give at least one of work= undo= dedupe= noundo=');
      sim.act<SagaState>(SAGA, `saga.shop name=${id}${desc}`, (st) => {
        const shop = shopNamed(st, id);
        if (a.work !== undefined) shop.work = a.work as number;
        if (a.undo !== undefined) shop.undo = a.undo as 'commutative' | 'restore';
        if (a.dedupe !== undefined) shop.dedupe = a.dedupe as boolean;
        if (a.noundo !== undefined) shop.noUndo = a.noundo as boolean;
      });
    },
  },
  {
    name: 'saga.fail', sys: SAGA, summary: "Make a shop refuse its step: every time (the deli is out of bread), the next N attempts (a transient error), or stop; or fail its next N compensations.",
    args: [
      { name: 'shop', type: 'node', required: true, doc: 'the shop' },
      { name: 'times', type: 'string', default: 'always', doc: 'always, a number of attempts, or 0 to stop failing' },
      { name: 'undo', type: 'int', doc: 'also fail its next N compensations (they are retried until they succeed)' },
      { name: 'rate', type: 'prob', doc: 'also fail each attempt with this chance (a flaky shop), drawn from the seeded randomness' },
    ],
    example: 'saga.fail shop=deli\nsaga.fail shop=deli times=2\nsaga.fail shop=deli times=0 rate=10%', setup: 'saga.define name=lunch steps=bakery,deli,fruit',
    run: (sim, a) => {
      const id = argString(a, 'shop');
      const times = a.times === undefined ? 'always' : argString(a, 'times');
      const n = times === 'always' ? -1 : Number(times);
      if (times !== 'always' && (!Number.isInteger(n) || n < 0 || n > 1000)) throw new CommandError(`times= is always or a whole number 0 to 1000, got '${times}'`);
      const undo = a.undo === undefined ? undefined : argNumber(a, 'undo');
      if (undo !== undefined && (undo < 0 || undo > 1000)) throw new CommandError(`undo= must be 0 to 1000, got ${undo}`);
      const rate = a.rate === undefined ? undefined : (a.rate as number);
      sim.act<SagaState>(SAGA, `saga.fail shop=${id} times=${times}${undo === undefined ? '' : ` undo=${undo}`}${rate === undefined ? '' : ` rate=${rate}`}`, (st) => {
        const shop = shopNamed(st, id);
        shop.failAlways = n < 0;
        shop.failNext = Math.max(n, 0);
        if (undo !== undefined) shop.failUndo = undo;
        if (rate !== undefined) shop.failRate = rate;
      });
    },
  },
  {
    name: 'saga.read', sys: SAGA, summary: "Someone reads a shop's record (the canteen checks how many lunches are booked); it waits while a 2PC transaction holds the lock.",
    args: [
      { name: 'shop', type: 'node', required: true, doc: 'the shop' },
      { name: 'as', type: 'string', required: true, doc: 'a name for this read, to query it: saga.read(r1)' },
    ],
    example: 'saga.read shop=bakery as=r1', setup: 'saga.define name=lunch steps=bakery,deli,fruit',
    run: (sim, a) => {
      const id = argString(a, 'shop');
      const as = checkName('the read', argString(a, 'as'));
      upOrSay(sim, id);
      sim.act<SagaState>(SAGA, `saga.read shop=${id} as=${as}`, (st, ctx) => {
        const shop = shopNamed(st, id);
        if (st.reads[as]) throw new CommandError(`a read named '${as}' already happened; pick another name`);
        st.reads[as] = { id: as, shop: id, at: ctx.now, value: -1, hidden: 0, doneAt: null, included: [] };
        st.readOrder.push(as);
        if (shop.lock !== null) {
          shop.waiting.push({ from: id, msg: { type: 'Read', read: as }, since: ctx.now });
          ctx.note(id, `${as} waits: the record is locked by ${shop.lock}`);
        } else {
          performRead(st, shop, as, ctx);
        }
      });
    },
  },
  {
    name: 'saga.twopc', sys: SAGA, summary: 'Two-phase commit for contrast: the coordinator asks each shop to prepare (vote and lock), then commits or aborts.',
    args: [
      { name: 'id', type: 'string', required: true, doc: 'the transaction\'s name' },
      { name: 'shops', type: 'strings', required: true, doc: 'the participants (created if new)' },
      { name: 'qty', type: 'int', default: '200', doc: 'lunches each participant books on commit' },
    ],
    example: 'saga.twopc id=t1 shops=bakery,deli,fruit',
    run: (sim, a) => {
      const id = checkName('the transaction', argString(a, 'id'));
      const shops = argList(a, 'shops').map((s) => checkName('shop', s));
      const qty = a.qty === undefined ? 200 : argNumber(a, 'qty');
      if (shops.length < 1 || shops.length > MAX_STEPS) throw new CommandError(`shops= takes 1 to ${MAX_STEPS} participants, got ${shops.length}`);
      if (new Set(shops).size !== shops.length) throw new CommandError('each participant once in shops=');
      if (qty < 1) throw new CommandError(`qty= must be at least 1, got ${qty}`);
      upOrSay(sim, COORDINATOR);
      sim.act<SagaState>(SAGA, `saga.twopc id=${id} shops=${shops.join(',')}${line(a, ['qty'])}`, (st, ctx) => {
        if (st.txs[id]) throw new CommandError(`a transaction named '${id}' already exists`);
        ctx.addNode(COORDINATOR);
        for (const s of shops) ensureShop(st, ctx, s);
        const tx = st.txs[id] = { id, participants: shops, qty, startedAt: ctx.now, decision: null, decidedAt: null, votes: {}, timer: null };
        st.txOrder.push(id);
        beginTx(tx, ctx);
      });
    },
  },
];
