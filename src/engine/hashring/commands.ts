// Scenario commands of the hash ring (lesson 09).
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import { join, leave } from './membership.ts';
import { SCHEMES, type Scheme } from './schemes.ts';
import { HASHRING, MAX_KEYS, MAX_NODES, MAX_VNODES, nodeName, rackName, type HashRingState } from './state.ts';

const NAME = /^[A-Za-z][\w-]{0,15}$/;
const checkName = (what: string, v: string) => {
  if (!NAME.test(v)) throw new CommandError(`${what} '${v}' must be a letter then up to 15 letters, digits, - or _`);
};

const settings = [
  { name: 'vnodes', type: 'int', doc: `tokens (virtual nodes) per node on the ring, 1 to ${MAX_VNODES}` },
  { name: 'replicas', type: 'int', doc: 'copies of each key: the preference list\'s length (1 to 5)' },
  { name: 'placement', type: 'enum', values: ['distinct', 'rack'], doc: 'replicas on the next distinct nodes, or on distinct racks while any rack is unused' },
  { name: 'eps', type: 'number', doc: 'bounded loads\' slack: capacity is ceil((1+eps) keys / nodes), eps 0.01 to 4' },
  { name: 'keys', type: 'int', doc: `how many keys (k0, k1, ...), 1 to ${MAX_KEYS}` },
  { name: 'scheme', type: 'enum', values: SCHEMES, doc: 'the scheme the cluster runs (its handoffs and the town\'s parcels follow it)' },
] as const;

function applySettings(st: HashRingState, a: ArgValues): void {
  const int = (name: string, lo: number, hi: number) => {
    const v = a[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new CommandError(`${name}= must be a whole number from ${lo} to ${hi}, got ${String(v)}`);
    return v;
  };
  st.vnodes = int('vnodes', 1, MAX_VNODES) ?? st.vnodes;
  st.replicas = int('replicas', 1, 5) ?? st.replicas;
  st.keys = int('keys', 1, MAX_KEYS) ?? st.keys;
  if (a.eps !== undefined) {
    const e = a.eps as number;
    if (!(e >= 0.01 && e <= 4)) throw new CommandError(`eps= must be from 0.01 to 4, got ${e}`);
    st.eps = e;
  }
  if (a.placement !== undefined) st.placement = a.placement as 'distinct' | 'rack';
  if (a.scheme !== undefined) st.scheme = a.scheme as Scheme;
}

/** `key=value` for the arguments given (the input's label). */
const describe = (a: ArgValues, skip: string[] = []) =>
  Object.keys(a).filter((k) => a[k] !== undefined && !skip.includes(k)).map((k) => ` ${k}=${String(a[k])}`).join('');

const started = (st: HashRingState) => {
  if (st.nodes.length === 0 && st.keys === 0) throw new CommandError('there is no ring yet; start one with hashring.start nodes=4');
};

export const hashringCommands: CommandSpec[] = [
  {
    name: 'hashring.start', sys: HASHRING,
    summary: 'Start a ring of nodes h1..hN holding keys k0..k(m-1), placed by five schemes side by side.',
    args: [
      { name: 'nodes', type: 'int', default: '4', doc: `how many nodes, 1 to ${MAX_NODES}` },
      { name: 'racks', type: 'int', default: '1', doc: 'racks r1..rR; node i goes in rack ((i-1) mod R)+1' },
      ...settings,
    ],
    example: 'hashring.start nodes=4 keys=1000 vnodes=8',
    run: (sim, a) => {
      const n = argNumber(a, 'nodes');
      const racks = argNumber(a, 'racks');
      if (!Number.isInteger(n) || n < 1 || n > MAX_NODES) throw new CommandError(`nodes= must be 1 to ${MAX_NODES}, got ${n}`);
      if (!Number.isInteger(racks) || racks < 1 || racks > n) throw new CommandError(`racks= must be 1 to the number of nodes (${n}), got ${racks}`);
      sim.act<HashRingState>(HASHRING, `hashring.start${describe(a)}`, (st, ctx) => {
        if (st.nodes.length > 0) throw new CommandError('the ring is already running; add nodes with hashring.join');
        st.keys = 1000;
        applySettings(st, a);
        for (let i = 1; i <= n; i++) {
          const id = nodeName(i);
          ctx.addNode(id);
          st.nodes.push(id);
          st.racks[id] = rackName(((i - 1) % racks) + 1);
          st.received[id] = 0;
        }
      });
    },
  },
  {
    name: 'hashring.join', sys: HASHRING,
    summary: 'A node joins the ring: every scheme re-places the keys, and the moved ones are handed off to their new nodes.',
    args: [
      { name: 'node', type: 'string', doc: 'its name (default: the next free h<number>)' },
      { name: 'rack', type: 'string', default: 'r1', doc: 'its rack' },
    ],
    example: 'hashring.join node=h5', setup: 'hashring.start nodes=4',
    run: (sim, a) => {
      const rack = argString(a, 'rack');
      checkName('a rack', rack);
      const given = a.node as string | undefined;
      if (given !== undefined) checkName('a node name', given);
      sim.act<HashRingState>(HASHRING, `hashring.join${describe(a)}`, (st, ctx) => {
        started(st);
        if (st.nodes.length >= MAX_NODES) throw new CommandError(`the ring already has ${MAX_NODES} nodes, the lab's limit`);
        let id = given;
        if (id === undefined) { let i = st.nodes.length + 1; while (st.nodes.includes(nodeName(i))) i++; id = nodeName(i); }
        if (st.nodes.includes(id)) throw new CommandError(`${id} is already on the ring`);
        if (sim.nodes().some((x) => x.id === id && x.sys !== HASHRING)) throw new CommandError(`${id} is another system's node; pick another name`);
        join(st, id, rack, ctx);
      });
    },
  },
  {
    name: 'hashring.leave', sys: HASHRING,
    summary: 'A node leaves the ring (decommissioned): it hands each of its keys to the key\'s new node.',
    args: [{ name: 'node', type: 'string', required: true, doc: 'the node that leaves' }],
    example: 'hashring.leave node=h2', setup: 'hashring.start nodes=4',
    run: (sim, a) => {
      const id = argString(a, 'node');
      sim.act<HashRingState>(HASHRING, `hashring.leave node=${id}`, (st, ctx) => {
        started(st);
        if (!st.nodes.includes(id)) throw new CommandError(`'${id}' is not on the ring; members are ${st.nodes.join(',') || 'none'}`);
        if (st.nodes.length === 1) throw new CommandError(`${id} is the last node; a ring needs at least one`);
        leave(st, id, ctx);
      });
    },
  },
  {
    name: 'hashring.config', sys: HASHRING,
    summary: 'Change virtual nodes, replicas and their placement, bounded loads\' eps, the number of keys or the scheme the cluster runs.',
    args: [...settings],
    example: 'hashring.config vnodes=64\nhashring.config replicas=3 placement=rack', setup: 'hashring.start nodes=4 racks=2',
    run: (sim, a) => {
      const desc = describe(a);
      if (!desc) throw new CommandError(`give at least one of ${settings.map((s) => `${s.name}=`).join(' ')}`);
      sim.act<HashRingState>(HASHRING, `hashring.config${desc}`, (st) => { started(st); applySettings(st, a); });
    },
  },
  {
    name: 'hashring.hot', sys: HASHRING,
    summary: 'Make a key hot (many requests), split it into sub-keys on different nodes, or put a cache in front of it.',
    args: [
      { name: 'key', type: 'string', required: true, doc: 'the key, k0..k(m-1)' },
      { name: 'weight', type: 'int', default: '1000', doc: 'its requests (an ordinary key draws 1)' },
      { name: 'split', type: 'int', default: '1', doc: 'split it into this many sub-keys (1 to 64), each drawing weight/split' },
      { name: 'cache', type: 'bool', default: 'off', doc: 'serve it from a cache in front of the nodes' },
    ],
    example: 'hashring.hot key=k7 weight=1000\nhashring.hot key=k7 weight=1000 split=8', setup: 'hashring.start nodes=4',
    run: (sim, a) => {
      const key = argString(a, 'key');
      const weight = argNumber(a, 'weight');
      const split = argNumber(a, 'split');
      if (weight < 1 || weight > 1_000_000) throw new CommandError(`weight= must be 1 to 1000000, got ${weight}`);
      if (split < 1 || split > 64) throw new CommandError(`split= must be 1 to 64, got ${split}`);
      sim.act<HashRingState>(HASHRING, `hashring.hot${describe(a)}`, (st) => {
        started(st);
        const m = /^k(\d+)$/.exec(key);
        if (!m || Number(m[1]) >= st.keys || String(Number(m[1])) !== m[1]) throw new CommandError(`no key '${key}'; keys are k0..k${st.keys - 1}`);
        st.hot[key] = { weight, split, cached: a.cache === true };
      });
    },
  },
];
