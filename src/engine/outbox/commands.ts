// Scenario commands of the outbox system (lesson 08): services in one of three designs, consumers with or
// without an inbox, saves with a chosen fault, a relay poll with a chosen crash, and the crash sweep.
import { argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { saveOrder } from './save.ts';
import { pump, startRelay } from './relay.ts';
import { serviceNamed } from './queries.ts';
import { sweepDesign } from './sweep.ts';
import { outboxSystem } from './system.ts';
import {
  BROKER, DESIGNS, OUTBOX, RELAY_KINDS, relayName, SAVE_FAULTS, type Design, type OutboxState, type RelayKind, type SaveFault, type Service,
} from './state.ts';

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${String(a[k])}`).join('');
const wrap = <T>(fn: () => T): T => { try { return fn(); } catch (e) { throw e instanceof CommandError ? e : new CommandError((e as Error).message); } };

function ownNode(sim: Sim, ctx: SystemContext, node: string): void {
  const other = sim.nodes().find((n) => n.id === node && n.sys !== OUTBOX);
  if (other) throw new CommandError(`'${node}' is already a ${other.sys} node; pick another name`);
  ctx.addNode(node);
}

function act(sim: Sim, label: string, fn: (s: OutboxState, ctx: SystemContext) => string[] | void): string[] {
  let out: string[] = [];
  sim.act<OutboxState>(OUTBOX, label, (s, ctx) => { out = fn(s, ctx) ?? []; });
  return out;
}

const upService = (s: OutboxState, name: string, ctx: SystemContext): Service => {
  const svc = wrap(() => serviceNamed(s, name));
  if (!ctx.isUp(svc.id)) throw new CommandError(`${svc.id} is down (crashed); restart it first: restart node=${svc.id}`);
  return svc;
};

const SETUP = 'outbox.service name=orders design=outbox\noutbox.consumer name=shipping inbox=true';

export const outboxCommands: CommandSpec[] = [
  {
    name: 'outbox.service', sys: OUTBOX,
    summary: 'Add a service that saves orders to its own database and publishes order events to the board, in one of three designs (again on an existing service: change its design, keeping its database).',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the service, also its node id' },
      { name: 'design', type: 'enum', values: DESIGNS, default: 'outbox', doc: 'db-then-publish and publish-then-db are dual writes; outbox writes the event row in the same transaction and a relay publishes it' },
      { name: 'relay', type: 'enum', values: RELAY_KINDS, default: 'polling', doc: 'the outbox relay: a polling publisher, or log tailing (change data capture, as Debezium)' },
      { name: 'interval', type: 'duration', default: '200ms', doc: 'polling: time between polls; tailing: the lag from a commit to reading it from the log' },
      { name: 'batch', type: 'int', default: '10', doc: 'rows the relay hands over at most per batch (1 to 1000)' },
    ],
    example: 'outbox.service name=orders design=outbox relay=polling interval=200ms',
    run: (sim, a) => act(sim, `outbox.service${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (name === BROKER) throw new CommandError(`'${BROKER}' is the board itself; give the service another name`);
      if (name.endsWith('-relay')) throw new CommandError(`names ending in -relay are kept for relays; give the service another name`);
      const design = opt<Design>(a, 'design') ?? 'outbox';
      const batch = opt<number>(a, 'batch') ?? 10;
      if (batch < 1 || batch > 1000) throw new CommandError('batch must be 1 to 1000');
      const interval = opt<number>(a, 'interval') ?? 200;
      if (interval < 1) throw new CommandError('interval must be at least 1ms');
      ownNode(sim, ctx, BROKER);
      ownNode(sim, ctx, name);
      let svc = s.services[name];
      if (!svc) {
        svc = { id: name, design, relay: null, orders: {}, orderIds: [], outbox: [], rowOf: {}, nextSeq: 1 };
        s.services[name] = svc;
        s.serviceOrder.push(name);
      }
      svc.design = design;
      const rid = relayName(name);
      if (design !== 'outbox') {
        if (svc.relay) { ctx.removeNode(rid); delete s.relays[rid]; svc.relay = null; }
        return [`${name}: ${design}`];
      }
      ownNode(sim, ctx, rid);
      const kind = opt<RelayKind>(a, 'relay') ?? 'polling';
      const old = s.relays[rid];
      if (old?.timer != null) ctx.cancelTimer(old.timer);
      s.relays[rid] = {
        id: rid, service: name, kind, interval, batch, position: old && old.kind === kind ? old.position : 0,
        inFlight: [], sentAt: 0, timer: null, polls: old?.polls ?? 0, sends: old?.sends ?? 0,
      };
      svc.relay = rid;
      if (ctx.isUp(rid)) startRelay(s, s.relays[rid]!, ctx);
      return [`${name}: outbox, relay ${rid} (${kind === 'polling' ? `polls every ${interval}ms` : `tails the log, ${interval}ms behind each commit`}, batches of ${batch})`];
    }),
  },
  {
    name: 'outbox.consumer', sys: OUTBOX,
    summary: 'Add a consumer that processes every event on the board; inbox=true records processed event ids and skips duplicates (again on an existing consumer: switch its inbox).',
    args: [
      { name: 'name', type: 'string', required: true, doc: 'the consumer, also its node id' },
      { name: 'inbox', type: 'bool', default: 'false', doc: 'an inbox table of processed event ids (an idempotent consumer)' },
    ],
    example: 'outbox.consumer name=shipping inbox=true',
    run: (sim, a) => act(sim, `outbox.consumer${words(a)}`, (s, ctx) => {
      const name = argString(a, 'name');
      if (name === BROKER || s.services[name] || s.relays[name]) throw new CommandError(`'${name}' is already taken in the outbox system; pick another name`);
      ownNode(sim, ctx, BROKER);
      ownNode(sim, ctx, name);
      const inbox = opt<boolean>(a, 'inbox') ?? false;
      const c = s.consumers[name];
      if (c) { c.inbox = inbox; return; }
      s.consumers[name] = { id: name, inbox, seen: [], lastVersion: {}, applied: 0, caught: 0, doubled: 0, disorder: 0 };
      s.consumerOrder.push(name);
    }),
  },
  {
    name: 'outbox.save', sys: OUTBOX,
    summary: 'The service saves an order (new: order.created; existing: order.<status>) and publishes its event as its design says, optionally cut by a fault.',
    args: [
      { name: 'service', type: 'string', required: true, doc: 'the service' },
      { name: 'order', type: 'string', required: true, doc: 'the order id (the aggregate); with count=3: o1, o2, o3 from order=o' },
      { name: 'status', type: 'string', doc: 'for an existing order, its new status (the event is order.<status>)' },
      { name: 'count', type: 'int', default: '1', doc: 'how many orders (1 to 100)' },
      { name: 'fault', type: 'enum', values: SAVE_FAULTS, default: 'none', doc: 'where the save fails: the service crashes before or right after its commit, or the commit fails (rollback)' },
    ],
    example: 'outbox.save service=orders order=o1', setup: SETUP,
    run: (sim, a) => {
      const fault = opt<SaveFault>(a, 'fault') ?? 'none';
      const n = opt<number>(a, 'count') ?? 1;
      if (n < 1 || n > 100) throw new CommandError('count must be 1 to 100');
      if (n > 1 && fault !== 'none') throw new CommandError('a fault cuts one save: use count=1 with fault=');
      let crashed: string | null = null;
      const out = act(sim, `outbox.save${words(a)}`, (s, ctx) => {
        const svc = upService(s, argString(a, 'service'), ctx);
        const base = argString(a, 'order');
        const status = opt<string>(a, 'status');
        if (n > 1 && status !== undefined) throw new CommandError('status= changes one existing order: use count=1');
        if (status !== undefined && !svc.orders[base]) throw new CommandError(`${svc.id} has no order ${base} to change; save it first without status=`);
        if (status === undefined && n === 1 && svc.orders[base]) throw new CommandError(`order ${base} already exists in ${svc.id}; give status=paid (or another) to change it`);
        const lines: string[] = [];
        for (let i = 1; i <= n; i++) {
          const order = n > 1 ? `${base}${i}` : base;
          if (n > 1 && svc.orders[order]) throw new CommandError(`order ${order} already exists in ${svc.id}`);
          const r = saveOrder(s, svc, order, status, fault, ctx);
          lines.push(`${svc.id}: ${r.record.outcome} ${r.record.event.type} ${order} v${r.record.event.version} (${r.record.event.id})`);
          if (r.crash) crashed = svc.id;
        }
        return lines;
      });
      if (crashed !== null) sim.crash(crashed);
      return out;
    },
  },
  {
    name: 'outbox.poll', sys: OUTBOX,
    summary: "Make the service's relay read its outbox now (a poll, or a log read), optionally crashing right after it hands the batch to the board.",
    args: [
      { name: 'service', type: 'string', required: true, doc: 'the service whose relay polls' },
      { name: 'crash', type: 'enum', values: ['none', 'after-send'], default: 'none', doc: 'after-send: the relay crashes after handing over the batch, before marking the rows published' },
    ],
    example: 'outbox.save service=orders order=o1\noutbox.poll service=orders crash=after-send', setup: SETUP,
    run: (sim, a) => {
      let crash: string | null = null;
      const out = act(sim, `outbox.poll${words(a)}`, (s, ctx) => {
        const svc = wrap(() => serviceNamed(s, argString(a, 'service')));
        const r = svc.relay ? s.relays[svc.relay] : undefined;
        if (!r) throw new CommandError(`${svc.id} has no relay: its design is ${svc.design} (set design=outbox)`);
        if (!ctx.isUp(r.id)) throw new CommandError(`${r.id} is down (crashed); restart it first: restart node=${r.id}`);
        if (r.inFlight.length > 0) throw new CommandError(`${r.id} is waiting for the board to acknowledge rows ${r.inFlight.join(',')}`);
        const rows = pump(s, r, ctx);
        if (opt<string>(a, 'crash') === 'after-send') crash = r.id;
        return [rows.length ? `${r.id}: handed ${rows.map((x) => x.event.id).join(',')} to the board` : `${r.id}: nothing to publish`];
      });
      if (crash !== null) sim.crash(crash);
      return out;
    },
  },
  {
    name: 'outbox.sweep', sys: OUTBOX,
    summary: "Run the service's design once per fault point (each save fault, and a relay crash after send) on fresh simulations with its consumers, and report lost, phantom and doubly applied events.",
    args: [{ name: 'service', type: 'string', required: true, doc: 'the service whose design is swept' }],
    example: 'outbox.sweep service=orders', setup: SETUP,
    run: (sim, a) => act(sim, `outbox.sweep${words(a)}`, (s) => {
      const svc = wrap(() => serviceNamed(s, argString(a, 'service')));
      const consumers = s.consumerOrder.map((id) => s.consumers[id]!);
      if (consumers.length === 0) throw new CommandError('add a consumer first (outbox.consumer name=shipping): the sweep checks what consumers apply');
      const relay = svc.relay ? s.relays[svc.relay]! : null;
      const r = sweepDesign(sim.seed, svc, relay, consumers, outboxSystem, outboxCommands);
      s.sweeps[svc.id] = r;
      const failures = r.lost + r.phantoms + r.doubled;
      return [...r.lines, `${svc.id} (${r.design}): ${r.runs} runs, ${failures === 0 ? 'no event lost, invented or applied twice' : `${failures} failure${failures === 1 ? '' : 's'}`}`];
    }),
  },
];
