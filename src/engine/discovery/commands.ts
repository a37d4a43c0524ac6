// Scenario commands of service discovery (lesson 12): open the directory with its instances, add and
// deregister instances, start clients of each kind, start and tune a SWIM group.
import { argBool, argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { formatDuration } from '../core/duration.ts';
import { BALANCER, MAX_MEMBERS, REGISTRY, type ClientMode, type DiscoveryState, type Policy, type SwimConfig } from './state.ts';
import { startBeating } from './directory.ts';
import { startSwim } from './swim.ts';
import { DISCOVERY } from './system.ts';

const MAX_INSTANCES = 12;
const MAX_CLIENTS = 8;

const swimTuning = [
  { name: 'probeInterval', type: 'duration', doc: 'memberlist ProbeInterval: each member probes one other this often (LAN default 1s)' },
  { name: 'probeTimeout', type: 'duration', doc: 'memberlist ProbeTimeout: wait this long for an ack before asking others (default 500ms)' },
  { name: 'indirectChecks', type: 'int', doc: 'memberlist IndirectChecks: members asked to ping indirectly (default 3)' },
  { name: 'suspicionMult', type: 'int', doc: 'memberlist SuspicionMult: suspicion timeout = mult × max(1, log10 N) × ProbeInterval (default 4)' },
  { name: 'retransmitMult', type: 'int', doc: 'memberlist RetransmitMult: each rumour is sent mult × ceil(log10(N+1)) times (default 4)' },
  { name: 'gossipInterval', type: 'duration', doc: 'memberlist GossipInterval: rumours are gossiped this often (default 200ms)' },
  { name: 'gossipNodes', type: 'int', doc: 'memberlist GossipNodes: members gossiped to each interval (default 3)' },
  { name: 'piggyback', type: 'int', doc: 'most rumours carried by one packet (the lab\'s stand-in for the UDP packet size; default 8)' },
] as const;

const directoryArgs = [
  { name: 'ttl', type: 'duration', doc: 'a registration lives this long after its last heartbeat (default 3s)' },
  { name: 'heartbeat', type: 'duration', doc: 'how often an instance renews its registration (default 1s)' },
  { name: 'checks', type: 'duration', doc: 'the registry health-checks every instance this often; 0ms turns checks off (default off)' },
  { name: 'checkTimeout', type: 'duration', doc: 'a check unanswered this long marks the instance critical (default 500ms)' },
] as const;

function describeArgs(a: ArgValues, specs: readonly { name: string; type: string }[], skip: readonly string[] = []): string {
  return Object.keys(a).filter((k) => a[k] !== undefined && !skip.includes(k)).map((k) => {
    const isDuration = specs.some((t) => t.name === k && t.type === 'duration');
    return ` ${k}=${isDuration ? formatDuration(a[k] as number) : String(a[k])}`;
  }).join('');
}

function applySwim(cfg: SwimConfig, a: ArgValues): void {
  for (const t of swimTuning) {
    const v = a[t.name];
    if (v === undefined) continue;
    if ((v as number) < (t.name === 'indirectChecks' ? 0 : 1)) throw new CommandError(`${t.name} must be at least ${t.name === 'indirectChecks' ? 0 : 1}`);
    cfg[t.name] = v as number;
  }
  if (cfg.probeTimeout >= cfg.probeInterval) {
    throw new CommandError(`probeTimeout=${formatDuration(cfg.probeTimeout)} must be shorter than probeInterval=${formatDuration(cfg.probeInterval)}: the indirect probes need the rest of the period`);
  }
}

function applyDirectory(st: DiscoveryState, a: ArgValues): void {
  const c = st.config;
  if (a.ttl !== undefined) c.ttl = a.ttl as number;
  if (a.heartbeat !== undefined) c.heartbeat = a.heartbeat as number;
  if (a.checks !== undefined) c.checkInterval = a.checks as number;
  if (a.checkTimeout !== undefined) c.checkTimeout = a.checkTimeout as number;
  if (c.ttl < 1 || c.heartbeat < 1) throw new CommandError('ttl and heartbeat must be at least 1ms');
  if (c.checkInterval > 0 && c.checkTimeout >= c.checkInterval) throw new CommandError('checkTimeout must be shorter than checks (the check interval)');
}

const instanceName = (i: number) => `api${i}`;

function needInstance(st: DiscoveryState, id: string) {
  const inst = st.instances[id];
  if (!inst) throw new CommandError(`there is no instance '${id}'${st.instanceOrder.length ? `; instances are ${st.instanceOrder.join(',')}` : '; start some with discovery.start instances=3'}`);
  return inst;
}

function act(sim: Sim, label: string, fn: (st: DiscoveryState, ctx: SystemContext) => void): void {
  sim.act<DiscoveryState>(DISCOVERY, label, (st, ctx) => { st.now = ctx.now; fn(st, ctx); });
}

export const discoveryCommands: CommandSpec[] = [
  {
    name: 'discovery.start', sys: DISCOVERY, summary: 'Open the town directory (the registry) with instances api1..apiN that register and heartbeat.',
    args: [{ name: 'instances', type: 'int', default: '3', doc: `how many instances, 1 to ${MAX_INSTANCES}` }, ...directoryArgs],
    example: 'discovery.start instances=3 ttl=3s heartbeat=1s',
    run: (sim, a) => {
      const n = argNumber(a, 'instances');
      if (n < 1 || n > MAX_INSTANCES) throw new CommandError(`instances= must be 1 to ${MAX_INSTANCES}, got ${n}`);
      act(sim, `discovery.start instances=${n}${describeArgs(a, directoryArgs, ['instances'])}`, (st, ctx) => {
        if (st.registryUp || st.instanceOrder.length) throw new CommandError('the directory is already open; add instances with discovery.add');
        applyDirectory(st, a);
        ctx.addNode(REGISTRY);
        st.registryUp = true;
        for (let i = 1; i <= n; i++) {
          const id = instanceName(i);
          ctx.addNode(id);
          st.instances[id] = { id, down: false, leaving: false, served: 0 };
          st.instanceOrder.push(id);
          startBeating(st, id, ctx);
        }
      });
    },
  },
  {
    name: 'discovery.add', sys: DISCOVERY, summary: 'A new instance starts, registers and heartbeats.',
    args: [{ name: 'node', type: 'node', required: true, doc: 'its name, e.g. api4' }],
    example: 'discovery.add node=api4', setup: 'discovery.start instances=3',
    run: (sim, a) => {
      const id = argString(a, 'node');
      act(sim, `discovery.add node=${id}`, (st, ctx) => {
        if (!st.registryUp) throw new CommandError('open the directory first: discovery.start instances=3');
        if (st.instances[id]) throw new CommandError(`${id} is already an instance`);
        if (st.instanceOrder.length >= MAX_INSTANCES) throw new CommandError(`at most ${MAX_INSTANCES} instances`);
        if (sim.nodes().some((x) => x.id === id)) throw new CommandError(`the name ${id} is taken by another node`);
        ctx.addNode(id);
        st.instances[id] = { id, down: false, leaving: false, served: 0 };
        st.instanceOrder.push(id);
        startBeating(st, id, ctx);
      });
    },
  },
  {
    name: 'discovery.deregister', sys: DISCOVERY, summary: 'An instance shuts down gracefully: it deregisters at once and stops heartbeating (it still answers what arrives).',
    args: [{ name: 'node', type: 'node', required: true, doc: 'the instance' }],
    example: 'discovery.deregister node=api2', setup: 'discovery.start instances=3\nrun for=100ms',
    run: (sim, a) => {
      const id = argString(a, 'node');
      act(sim, `discovery.deregister node=${id}`, (st, ctx) => {
        const inst = needInstance(st, id);
        if (inst.down) throw new CommandError(`${id} is down; a crashed instance cannot deregister (its TTL will run out)`);
        inst.leaving = true;
        st.messages++;
        ctx.send(id, REGISTRY, { type: 'Deregister' });
      });
    },
  },
  {
    name: 'discovery.client', sys: DISCOVERY, summary: 'Start a client that sends requests: client-side discovery, through the balancer lb, or through DNS.',
    args: [
      { name: 'name', type: 'node', default: 'c1', doc: 'the client' },
      { name: 'mode', type: 'enum', values: ['client', 'server', 'dns'], default: 'client', doc: 'client: look the list up and balance yourself; server: ask the balancer lb; dns: resolve through DNS' },
      { name: 'policy', type: 'enum', values: ['rr', 'random', 'least'], default: 'rr', doc: 'round robin, random, or least outstanding requests' },
      { name: 'rate', type: 'duration', default: '100ms', doc: 'time between requests' },
      { name: 'timeout', type: 'duration', default: '300ms', doc: 'a request unanswered this long has failed' },
      { name: 'ttl', type: 'duration', default: '1s', doc: 'how long a looked-up list is used: the refresh period (client, server) or the DNS record TTL (dns)' },
      { name: 'pin', type: 'bool', default: 'false', doc: 'dns only: keep the first answer for ever (a JVM with networkaddress.cache.ttl=-1)' },
    ],
    example: 'discovery.client name=c1 mode=dns ttl=5s', setup: 'discovery.start instances=3',
    run: (sim, a) => {
      const id = argString(a, 'name');
      const mode = argString(a, 'mode') as ClientMode;
      const policy = argString(a, 'policy') as Policy;
      const rate = argNumber(a, 'rate');
      const timeout = argNumber(a, 'timeout');
      const ttl = argNumber(a, 'ttl');
      const pin = argBool(a, 'pin');
      if (rate < 1 || timeout < 1) throw new CommandError('rate and timeout must be at least 1ms');
      if (pin && mode !== 'dns') throw new CommandError('pin=true is about DNS caching; use it with mode=dns');
      const label = `discovery.client name=${id} mode=${mode} policy=${policy} rate=${formatDuration(rate)} timeout=${formatDuration(timeout)} ttl=${formatDuration(ttl)}${pin ? ' pin=true' : ''}`;
      act(sim, label, (st, ctx) => {
        if (!st.registryUp) throw new CommandError('open the directory first: discovery.start instances=3');
        if (st.clients[id]) throw new CommandError(`${id} is already a client`);
        if (st.clientOrder.length >= MAX_CLIENTS) throw new CommandError(`at most ${MAX_CLIENTS} clients`);
        if (sim.nodes().some((x) => x.id === id)) throw new CommandError(`the name ${id} is taken by another node`);
        ctx.addNode(id);
        st.clients[id] = {
          id, mode, policy, rate, timeout, ttl, pin, down: false, cache: [], cacheUntil: 0, resolving: false, waiting: 0, rr: 0,
          outstanding: [], sent: 0, ok: 0, failed: 0, lookups: 0,
        };
        st.clientOrder.push(id);
        if (mode === 'server' && !st.balancer) {
          ctx.addNode(BALANCER);
          st.balancer = { up: true, policy, refresh: ttl, list: [], rr: 0, outstanding: {}, pending: {}, lookups: 0 };
          ctx.setTimer(BALANCER, 0, 'refresh');
        }
        ctx.setTimer(id, rate, 'tick');
      });
    },
  },
  {
    name: 'discovery.swim', sys: DISCOVERY, summary: "Start a SWIM gossip group m1..mN with memberlist's LAN defaults unless tuned.",
    args: [{ name: 'members', type: 'int', default: '8', doc: `how many members, 2 to ${MAX_MEMBERS}` }, ...swimTuning],
    example: 'discovery.swim members=16 suspicionMult=4',
    run: (sim, a) => {
      const n = argNumber(a, 'members');
      if (n < 2 || n > MAX_MEMBERS) throw new CommandError(`members= must be 2 to ${MAX_MEMBERS}, got ${n}`);
      act(sim, `discovery.swim members=${n}${describeArgs(a, swimTuning, ['members'])}`, (st, ctx) => {
        if (st.members.length) throw new CommandError('a SWIM group is already running; tune it with discovery.tune');
        applySwim(st.swim, a);
        startSwim(st, n, ctx);
      });
    },
  },
  {
    name: 'discovery.tune', sys: DISCOVERY, summary: 'Change the SWIM parameters or the directory\'s TTL, heartbeat and checks while running.',
    args: [...swimTuning, ...directoryArgs],
    example: 'discovery.tune suspicionMult=6', setup: 'discovery.swim members=8',
    run: (sim, a) => {
      const desc = describeArgs(a, [...swimTuning, ...directoryArgs]);
      if (!desc) throw new CommandError(`give at least one of ${[...swimTuning, ...directoryArgs].map((t) => `${t.name}=`).join(' ')}`);
      act(sim, `discovery.tune${desc}`, (st, ctx) => {
        const swim = { ...st.swim };
        applySwim(swim, a);
        st.swim = swim;
        const checksWereOff = st.config.checkInterval === 0;
        applyDirectory(st, a);
        // Checks switched on: start checking every listing (a running check re-arms itself).
        if (checksWereOff && st.config.checkInterval > 0 && st.registryUp) {
          for (const id of Object.keys(st.listings)) ctx.setTimer(REGISTRY, st.config.checkInterval, 'check', id);
        }
      });
    },
  },
];
