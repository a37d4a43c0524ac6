// Scenario commands of single-decree Paxos (lesson 10).
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import { formatDuration } from '../core/duration.ts';
import { agentName, MAX_AGENTS, newAgent, type PaxosConfig, type PaxosState } from './state.ts';
import { propose } from './proposer.ts';
import { PAXOS } from './system.ts';

const tuning = [
  { name: 'backoff', type: 'duration', doc: 'after being pre-empted, wait a random 0..backoff before retrying (0ms: at once, so proposers duel)' },
  { name: 'timeout', type: 'duration', doc: 'retry a round that made no progress for this long' },
  { name: 'leader', type: 'string', doc: 'the distinguished proposer (the others forward to it), or none' },
  { name: 'brokenValue', type: 'bool', doc: 'BROKEN on purpose: phase 2 ignores the values the promises carried' },
  { name: 'adversary', type: 'duration', doc: 'the FLP adversary: hold each Accept until a higher Prepare reaches its acceptor, at most this long (0ms: off)' },
] as const;

function applyTuning(st: PaxosState, a: ArgValues): void {
  const cfg: PaxosConfig = st.config;
  if (a.backoff !== undefined) cfg.backoff = a.backoff as number;
  if (a.timeout !== undefined) cfg.timeout = a.timeout as number;
  if (a.brokenValue !== undefined) cfg.brokenValue = a.brokenValue as boolean;
  if (a.adversary !== undefined) cfg.adversary = a.adversary as number;
  if (a.leader !== undefined) {
    const l = a.leader as string;
    if (l !== 'none' && st.order.length > 0 && !st.agents[l]) throw new CommandError(`there is no Paxos server '${l}'; servers are ${st.order.join(',')}`);
    cfg.leader = l === 'none' ? null : l;
  }
  if (cfg.timeout < 1) throw new CommandError('timeout must be at least 1ms');
}

/** `key=value` for the arguments given, durations written the way people type them (the input's label). */
const describe = (a: ArgValues, skip: string[] = []) =>
  Object.keys(a).filter((k) => a[k] !== undefined && !skip.includes(k)).map((k) => {
    const isDuration = tuning.some((t) => t.name === k && t.type === 'duration');
    return ` ${k}=${isDuration ? formatDuration(a[k] as number) : String(a[k])}`;
  }).join('');

export const paxosCommands: CommandSpec[] = [
  {
    name: 'paxos.start', sys: PAXOS, summary: 'Start single-decree Paxos on servers s1..sN; each is an acceptor and a learner, and proposes when asked.',
    args: [{ name: 'servers', type: 'int', default: '5', doc: `how many servers, 3 to ${MAX_AGENTS}` }, ...tuning],
    example: 'paxos.start servers=5',
    run: (sim, a) => {
      const n = argNumber(a, 'servers');
      if (n < 3 || n > MAX_AGENTS) throw new CommandError(`servers= must be 3 to ${MAX_AGENTS}, got ${n}`);
      sim.act<PaxosState>(PAXOS, `paxos.start servers=${n}${describe(a, ['servers'])}`, (st, ctx) => {
        if (st.order.length > 0) throw new CommandError('Paxos servers are already running');
        for (let i = 1; i <= n; i++) {
          const id = agentName(i);
          ctx.addNode(id);
          st.agents[id] = newAgent(id, i - 1);
          st.order.push(id);
        }
        applyTuning(st, a);
      });
    },
  },
  {
    name: 'paxos.config', sys: PAXOS, summary: 'Change the retry backoff or timeout, name a distinguished proposer, switch on the broken value rule or the FLP adversary.',
    args: [...tuning], example: 'paxos.config leader=s1\npaxos.config backoff=40ms', setup: 'paxos.start servers=5',
    run: (sim, a) => {
      const desc = describe(a);
      if (!desc) throw new CommandError(`give at least one of ${tuning.map((t) => `${t.name}=`).join(' ')}`);
      sim.act<PaxosState>(PAXOS, `paxos.config${desc}`, (st) => applyTuning(st, a));
    },
  },
  {
    name: 'paxos.propose', sys: PAXOS, summary: 'A client asks a server to get a value chosen: it runs phase 1 then phase 2 (or forwards to the distinguished proposer).',
    args: [
      { name: 'node', type: 'node', required: true, doc: 'the server that proposes' },
      { name: 'value', type: 'string', required: true, doc: 'the value it would like chosen' },
    ],
    example: 'paxos.propose node=s1 value=x', setup: 'paxos.start servers=5',
    run: (sim, a) => {
      const id = argString(a, 'node');
      const value = argString(a, 'value');
      if (sim.nodes().find((n) => n.id === id)?.paused) throw new CommandError(`${id} is paused; it does nothing until resume node=${id}`);
      sim.act<PaxosState>(PAXOS, `paxos.propose node=${id} value=${value}`, (st, ctx) => {
        const ag = st.agents[id];
        if (!ag) throw new CommandError(`there is no Paxos server '${id}'${st.order.length ? `; servers are ${st.order.join(',')}` : '; start some with paxos.start servers=5'}`);
        if (ag.down) throw new CommandError(`${id} is down; restart it first`);
        propose(st, ag, value, ctx);
      });
    },
  },
];
