// Scenario commands of chapter 14 (lesson 14): the register, its clients, the payments, the checker.
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import { callOp } from './register.ts';
import { startPayments } from './payments.ts';
import { ADMISSION, bankOf, clientName, DELIVERIES, INITIAL, KEY, payerOf, replicaName, STAMPS, type AdmissionState, type RegisterMode, type Stamp } from './state.ts';
import { checkedOps, verdict } from './verdict.ts';

const VALUE = /^[A-Za-z0-9_-]{1,12}$/;

const describe = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${String(a[k])}`).join('');

function started(st: AdmissionState): void {
  if (st.replicaIds.length === 0) throw new CommandError('there is no register yet; start one with admission.start replicas=3 clients=2');
}

function clientOp(sim: Sim, a: ArgValues, f: 'read' | 'write'): void {
  const client = argString(a, 'client');
  const value = f === 'write' ? argString(a, 'value') : '';
  if (f === 'write' && !VALUE.test(value)) throw new CommandError(`value= must be 1 to 12 letters, digits, - or _, got '${value}'`);
  sim.act<AdmissionState>(ADMISSION, `admission.${f}${describe(a)}`, (st, ctx) => {
    started(st);
    if (!st.clientIds.includes(client)) throw new CommandError(`'${client}' is not a client; clients are ${st.clientIds.join(',')}`);
    const via = a.via as string | undefined;
    if (via !== undefined) {
      if (!st.replicaIds.includes(via)) throw new CommandError(`via= '${via}' is not a replica; replicas are ${st.replicaIds.join(',')}`);
      st.home[client] = via;
    }
    const busy = st.history.find((h) => h.client === client && h.status === 'pending');
    if (busy) throw new CommandError(`${client} is still waiting for its ${busy.input.f} #${busy.id} (a client does one operation at a time); run for a while first`);
    const num = Number(value);
    callOp(st, client, f === 'read' ? { f, key: KEY } : { f, key: KEY, value: value !== '' && String(num) === value ? num : value }, ctx);
  });
}

const clientArgs = [
  { name: 'client', type: 'string', required: true, doc: 'the client (c1, c2, ...)' },
  { name: 'via', type: 'string', doc: 'send it to this replica from now on (default: the client\'s own replica)' },
] as const;

export const admissionCommands: CommandSpec[] = [
  {
    name: 'admission.start', sys: ADMISSION,
    summary: 'Start a replicated register x on replicas r1..rN with clients c1..cM (client i talks to replica ((i-1) mod N)+1).',
    args: [
      { name: 'replicas', type: 'int', default: '3', doc: 'how many replicas, 1 to 7' },
      { name: 'clients', type: 'int', default: '2', doc: 'how many clients, 1 to 6' },
      { name: 'mode', type: 'enum', values: ['majority', 'available'], default: 'majority', doc: 'majority: quorum reads and writes that refuse without a majority; available: answer from the local replica, reconcile later' },
      { name: 'stamp', type: 'enum', values: STAMPS, default: 'wall', doc: 'available mode: order versions by the writer\'s wall clock (last-write-wins), a Lamport clock, or vector clocks (concurrent writes kept as siblings)' },
      { name: 'timeout', type: 'duration', default: '1s', doc: 'how long a coordinator waits for a majority before refusing' },
      { name: 'sync', type: 'duration', default: '1s', doc: 'available mode: how often each replica sends its copy to the others (anti-entropy)' },
    ],
    example: 'admission.start replicas=3 clients=2 mode=available stamp=vector',
    run: (sim, a) => {
      const n = argNumber(a, 'replicas');
      const m = argNumber(a, 'clients');
      if (!Number.isInteger(n) || n < 1 || n > 7) throw new CommandError(`replicas= must be 1 to 7, got ${n}`);
      if (!Number.isInteger(m) || m < 1 || m > 6) throw new CommandError(`clients= must be 1 to 6, got ${m}`);
      const timeout = argNumber(a, 'timeout');
      const sync = argNumber(a, 'sync');
      if (timeout < 10) throw new CommandError(`timeout= must be at least 10ms, got ${timeout}ms`);
      if (sync < 10) throw new CommandError(`sync= must be at least 10ms, got ${sync}ms`);
      sim.act<AdmissionState>(ADMISSION, `admission.start${describe(a)}`, (st, ctx) => {
        if (st.replicaIds.length > 0) throw new CommandError('the register is already running; a run has one register');
        st.mode = argString(a, 'mode') as RegisterMode;
        st.stamp = argString(a, 'stamp') as Stamp;
        st.timeout = timeout;
        st.sync = sync;
        for (let i = 1; i <= n; i++) {
          const id = replicaName(i);
          ctx.addNode(id);
          st.replicaIds.push(id);
          st.replicas[id] = { versions: [INITIAL], lamport: 0 };
          if (st.mode === 'available') ctx.setTimer(id, sync, 'sync');
        }
        for (let i = 1; i <= m; i++) {
          const id = clientName(i);
          ctx.addNode(id);
          st.clientIds.push(id);
          st.home[id] = replicaName(((i - 1) % n) + 1);
        }
      });
    },
  },
  {
    name: 'admission.write', sys: ADMISSION,
    summary: 'A client writes a value to x through its replica; the call and the answer go in the history.',
    args: [...clientArgs, { name: 'value', type: 'string', required: true, doc: 'the value (a number or a word)' }],
    example: 'admission.write client=c1 value=1', setup: 'admission.start',
    run: (sim, a) => clientOp(sim, a, 'write'),
  },
  {
    name: 'admission.read', sys: ADMISSION,
    summary: 'A client reads x through its replica; the call and the answer go in the history.',
    args: [...clientArgs],
    example: 'admission.read client=c2', setup: 'admission.start',
    run: (sim, a) => clientOp(sim, a, 'read'),
  },
  {
    name: 'admission.check', sys: ADMISSION, timeOnly: true,
    summary: 'Run the linearizability checker over the client history and print its verdict, naming the operation it cannot place.',
    args: [],
    example: 'admission.check', setup: 'admission.start\nadmission.write client=c1 value=1\nrun for=100ms',
    run: (sim) => {
      const st = sim.state<AdmissionState>(ADMISSION);
      const v = verdict(st);
      const ops = checkedOps(st.history);
      const lines = [`${ops.length} operations checked: ${v.verdict} (${v.explored} placements tried)`];
      if (v.verdict === 'linearizable') lines.push(`order: ${v.order.map((id) => `#${id}`).join(' ')}`);
      else {
        if (v.prefix.length) lines.push('longest legal order:', ...v.prefix.map((s) => `  ${s}`));
        if (v.offending) lines.push(`cannot come next: ${v.offending}`);
      }
      return lines;
    },
  },
  {
    name: 'admission.pay', sys: ADMISSION,
    summary: 'Three payers send the same payments to three banks: at-most-once, at-least-once, and at-least-once with idempotency keys.',
    args: [
      { name: 'count', type: 'int', default: '20', doc: 'payments per payer, 1 to 500' },
      { name: 'loss', type: 'prob', default: '0', doc: 'loss on each payer-bank link, both ways' },
      { name: 'spacing', type: 'duration', default: '50ms', doc: 'time between one payment and the next' },
      { name: 'retry', type: 'duration', default: '100ms', doc: 'how long a retrying payer waits for an acknowledgement' },
    ],
    example: 'admission.pay count=20 loss=20%',
    run: (sim, a) => {
      const count = argNumber(a, 'count');
      if (!Number.isInteger(count) || count < 1 || count > 500) throw new CommandError(`count= must be 1 to 500, got ${count}`);
      const loss = argNumber(a, 'loss');
      if (loss >= 1) throw new CommandError('loss= must be under 100%: with every message lost nothing is ever paid');
      const retry = argNumber(a, 'retry');
      if (retry < 10) throw new CommandError(`retry= must be at least 10ms, got ${retry}ms`);
      sim.act<AdmissionState>(ADMISSION, `admission.pay${describe(a)}`, (st, ctx) => {
        for (const d of DELIVERIES) { ctx.addNode(payerOf(d)); ctx.addNode(bankOf(d)); }
        st.retry = retry;
        startPayments(st, count, argNumber(a, 'spacing'), ctx);
      });
      for (const d of DELIVERIES) sim.setLink(payerOf(d), bankOf(d), { loss }, true);
    },
  },
];
