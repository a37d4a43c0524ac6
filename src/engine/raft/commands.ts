// Scenario commands of Raft (lesson 10): start a cluster, tune it, time a server out, send client requests,
// grow and shrink the membership.
import { argNumber, argString, CommandError, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import { formatDuration } from '../core/duration.ts';
import type { SystemContext } from '../core/types.ts';
import { currentLeader, MAX_SERVERS, newServer, serverName, type RaftConfig, type RaftState } from './state.ts';
import { armLoad, resetElectionTimer, startElection, startPreVote } from './roles.ts';
import { addServer, clientRequest, removeServer } from './client.ts';
import { RAFT } from './system.ts';

const SETUP = 'raft.start servers=5\nrun until="raft.leader != none" max=5s';

const tuning = [
  { name: 'electionMin', type: 'duration', doc: 'shortest election timeout' },
  { name: 'electionMax', type: 'duration', doc: 'longest election timeout (each timeout is drawn between the two)' },
  { name: 'heartbeat', type: 'duration', doc: 'how often a leader sends AppendEntries when idle' },
  { name: 'batch', type: 'int', doc: 'most entries in one AppendEntries' },
  { name: 'prevote', type: 'bool', doc: 'ask for pre-votes before starting an election (dissertation §9.6)' },
  { name: 'lease', type: 'bool', doc: 'leader leases: followers that heard from a leader lately refuse to elect another, and a leader without a majority steps down' },
  { name: 'noop', type: 'bool', doc: 'a new leader appends an empty entry at once (§8)' },
  { name: 'load', type: 'duration', doc: 'a built-in client sends the leader a request (c1, c2, ...) this often; 0ms turns it off' },
  { name: 'brokenCommit', type: 'bool', doc: "BROKEN on purpose: commit an earlier term's entry by counting replicas (Figure 8)" },
] as const;

function applyTuning(cfg: RaftConfig, a: ArgValues): string[] {
  const changed: string[] = [];
  const set = <K extends keyof RaftConfig>(key: K, arg: string, v: RaftConfig[K] | undefined) => {
    if (v === undefined) return;
    cfg[key] = v;
    changed.push(`${arg}=${String(a[arg])}`);
  };
  set('electionMin', 'electionMin', a.electionMin as number | undefined);
  set('electionMax', 'electionMax', a.electionMax as number | undefined);
  set('heartbeat', 'heartbeat', a.heartbeat as number | undefined);
  set('maxBatch', 'batch', a.batch as number | undefined);
  set('preVote', 'prevote', a.prevote as boolean | undefined);
  set('lease', 'lease', a.lease as boolean | undefined);
  set('noop', 'noop', a.noop as boolean | undefined);
  set('load', 'load', a.load as number | undefined);
  set('brokenCommit', 'brokenCommit', a.brokenCommit as boolean | undefined);
  // Raising only the minimum past the maximum keeps the paper's shape: a range twice as wide as its start.
  if (a.electionMax === undefined && cfg.electionMax < cfg.electionMin) cfg.electionMax = 2 * cfg.electionMin;
  if (cfg.electionMin < 1) throw new CommandError('electionMin must be at least 1ms');
  if (cfg.electionMax < cfg.electionMin) {
    throw new CommandError(`electionMax=${formatDuration(cfg.electionMax)} is below electionMin=${formatDuration(cfg.electionMin)}; timeouts are drawn between the two`);
  }
  if (cfg.heartbeat < 1) throw new CommandError('heartbeat must be at least 1ms');
  if (cfg.maxBatch < 1) throw new CommandError('batch must be at least 1');
  return changed;
}

/** Runs `fn` as one input; what it does shows up as notes in the trace, so nothing is printed besides. */
function act(sim: Sim, label: string, fn: (st: RaftState, ctx: SystemContext) => unknown): void {
  sim.act<RaftState>(RAFT, label, (st, ctx) => { fn(st, ctx); });
}

/** `key=value` for the arguments given, durations written the way people type them (the input's label). */
function describeArgs(a: ArgValues, skip: readonly string[] = []): string {
  return Object.keys(a).filter((k) => a[k] !== undefined && !skip.includes(k)).map((k) => {
    const isDuration = tuning.some((t) => t.name === k && t.type === 'duration');
    return ` ${k}=${isDuration ? formatDuration(a[k] as number) : String(a[k])}`;
  }).join('');
}

/** A paused server (a long GC pause) runs nothing until it resumes, not even a client's request. */
function refuseIfPaused(sim: Sim, id: string): void {
  if (sim.nodes().find((n) => n.id === id)?.paused) throw new CommandError(`${id} is paused; it does nothing until resume node=${id}`);
}

const need = (st: RaftState, id: string) => {
  const s = st.servers[id];
  if (!s) throw new CommandError(`there is no Raft server '${id}'${st.order.length ? `; servers are ${st.order.join(',')}` : '; start some with raft.start servers=5'}`);
  return s;
};

export const raftCommands: CommandSpec[] = [
  {
    name: 'raft.start', sys: RAFT, summary: 'Start a Raft cluster of servers n1..nN, all followers in term 0 with empty logs.',
    args: [{ name: 'servers', type: 'int', default: '5', doc: `how many servers, 3 to ${MAX_SERVERS}` }, ...tuning],
    example: 'raft.start servers=5 electionMin=150ms electionMax=300ms',
    run: (sim, a) => {
      const n = argNumber(a, 'servers');
      if (n < 3 || n > MAX_SERVERS) throw new CommandError(`servers= must be 3 to ${MAX_SERVERS}, got ${n}`);
      sim.act<RaftState>(RAFT, `raft.start servers=${n}${describeArgs(a, ['servers'])}`, (st, ctx) => {
        if (st.order.length > 0) throw new CommandError('a Raft cluster is already running; use raft.add to grow it');
        applyTuning(st.config, a);
        for (let i = 1; i <= n; i++) {
          const id = serverName(i);
          ctx.addNode(id);
          st.servers[id] = newServer(id);
          st.order.push(id);
        }
        st.initialConfig = [...st.order];
        for (const id of st.order) resetElectionTimer(st, st.servers[id]!, ctx);
      });
    },
  },
  {
    name: 'raft.config', sys: RAFT, summary: 'Change timeouts or switch pre-vote, leases, no-op entries or the deliberately broken commit rule.',
    args: [...tuning],
    example: 'raft.config brokenCommit=true\nraft.config electionMin=300ms electionMax=600ms load=50ms', setup: 'raft.start servers=5',
    run: (sim, a) => {
      const desc = describeArgs(a);
      if (!desc) throw new CommandError(`give at least one of ${tuning.map((t) => `${t.name}=`).join(' ')}`);
      sim.act<RaftState>(RAFT, `raft.config${desc}`, (st, ctx) => {
        applyTuning(st.config, a);
        if (a.load !== undefined) for (const id of st.order) armLoad(st, st.servers[id]!, ctx);
      });
    },
  },
  {
    name: 'raft.timeout', sys: RAFT, summary: "Make a server's election timer fire now: it starts an election (or a pre-vote).",
    args: [{ name: 'node', type: 'node', required: true, doc: 'the server' }],
    example: 'raft.timeout node=n2', setup: 'raft.start servers=5',
    run: (sim, a) => {
      const id = argString(a, 'node');
      refuseIfPaused(sim, id);
      sim.act<RaftState>(RAFT, `raft.timeout node=${id}`, (st, ctx) => {
        const s = need(st, id);
        if (s.down) throw new CommandError(`${id} is down; restart it first`);
        if (s.role === 'leader') throw new CommandError(`${id} is the leader; a leader has no election timer`);
        if (st.config.preVote) startPreVote(st, s, ctx);
        else startElection(st, s, ctx);
      });
    },
  },
  {
    name: 'raft.request', sys: RAFT, summary: 'A client sends a command to a server (the leader by default); a follower redirects it to the leader it knows.',
    args: [
      { name: 'value', type: 'string', required: true, doc: 'the command, e.g. x=1 quoted, or a word' },
      { name: 'node', type: 'node', doc: 'the server the client asks (default: the current leader)' },
    ],
    example: 'raft.request value=x\nraft.request value=y node=n3', setup: SETUP,
    run: (sim, a) => {
      const value = argString(a, 'value');
      const node = a.node === undefined ? undefined : argString(a, 'node');
      const target = node ?? currentLeader(sim.state<RaftState>(RAFT))?.id;
      if (target === undefined) throw new CommandError('there is no leader; name a server with node= or run until="raft.leader != none"');
      refuseIfPaused(sim, target);
      act(sim, `raft.request value=${value}${node ? ` node=${node}` : ''}`, (st, ctx) => clientRequest(st, need(st, target), value, ctx));
    },
  },
  {
    name: 'raft.add', sys: RAFT, summary: 'Add a server to the cluster through the leader (one membership change at a time).',
    args: [{ name: 'node', type: 'node', required: true, doc: `the new server, n1..n${MAX_SERVERS}` }],
    example: 'raft.add node=n6', setup: `${SETUP}\nraft.request value=x\nrun until="raft.committed(x)" max=2s`,
    run: (sim, a) => {
      const id = argString(a, 'node');
      act(sim, `raft.add node=${id}`, (st, ctx) => addServer(st, id, ctx));
    },
  },
  {
    name: 'raft.remove', sys: RAFT, summary: 'Remove a server from the cluster through the leader (one membership change at a time).',
    args: [{ name: 'node', type: 'node', required: true, doc: 'the server to remove' }],
    example: 'raft.remove node=n5', setup: `${SETUP}\nraft.request value=x\nrun until="raft.committed(x)" max=2s`,
    run: (sim, a) => {
      const id = argString(a, 'node');
      act(sim, `raft.remove node=${id}`, (st, ctx) => removeServer(st, id, ctx));
    },
  },
];
