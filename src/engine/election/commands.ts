// Scenario commands of leader election (lesson 11): start a bully group, open the lock service with its
// storage, start clients that hold the lock and write, and turn the storage's fencing on or off.
import { argBool, argNumber, argString, CommandError, type CommandSpec } from '../core/command.ts';
import type { Sim } from '../core/sim.ts';
import type { SystemContext } from '../core/types.ts';
import { formatDuration } from '../core/duration.ts';
import { LOCKS, MAX_BULLY, MAX_CLIENTS, STORAGE, bullyName, type ElectionState } from './state.ts';
import { armCheck, startElection } from './bully.ts';
import { startClient } from './locks.ts';
import { ELECTION } from './system.ts';

function act(sim: Sim, label: string, fn: (st: ElectionState, ctx: SystemContext) => void): void {
  sim.act<ElectionState>(ELECTION, label, (st, ctx) => { st.now = ctx.now; fn(st, ctx); });
}

const positive = (name: string, v: number) => { if (v < 1) throw new CommandError(`${name}= must be at least 1ms, got ${v}ms`); return v; };

export const electionCommands: CommandSpec[] = [
  {
    name: 'election.bully', sys: ELECTION, summary: 'Start bully nodes b1..bN (higher number wins); each holds an election as it starts and pings its coordinator every heartbeat.',
    args: [
      { name: 'nodes', type: 'int', default: '5', doc: `how many nodes, 2 to ${MAX_BULLY}` },
      { name: 'timeout', type: 'duration', default: '300ms', doc: 'how long a node waits for an OK, and then for COORDINATOR, before acting' },
      { name: 'heartbeat', type: 'duration', default: '500ms', doc: 'how often a node pings its coordinator; a ping unanswered by the next one starts an election' },
    ],
    example: 'election.bully nodes=5 timeout=300ms',
    run: (sim, a) => {
      const n = argNumber(a, 'nodes');
      if (n < 2 || n > MAX_BULLY) throw new CommandError(`nodes= must be 2 to ${MAX_BULLY}, got ${n}`);
      const timeout = positive('timeout', argNumber(a, 'timeout'));
      const heartbeat = positive('heartbeat', argNumber(a, 'heartbeat'));
      act(sim, `election.bully nodes=${n} timeout=${formatDuration(timeout)} heartbeat=${formatDuration(heartbeat)}`, (st, ctx) => {
        if (st.bully.length) throw new CommandError('the bully nodes are already running');
        st.bullyConfig = { timeout, heartbeat };
        for (let r = 1; r <= n; r++) {
          const id = bullyName(r);
          if (sim.nodes().some((x) => x.id === id)) throw new CommandError(`the name ${id} is taken by another node`);
          ctx.addNode(id);
          st.bully.push({ id, rank: r, down: false, leader: null, phase: 'idle', round: 0, pingOut: 0, epoch: 0 });
        }
        for (const b of st.bully) { startElection(st, b, ctx); armCheck(st, b, ctx); }
      });
    },
  },
  {
    name: 'election.locks', sys: ELECTION, summary: 'Open the lock service `locks` (grants one lock with a lease) and the `storage` the holders write to.',
    args: [
      { name: 'ttl', type: 'duration', default: '2s', doc: 'the lease: without a keep-alive for this long the lock is free again' },
      { name: 'fencing', type: 'bool', default: 'false', doc: 'the storage rejects a write whose token is lower than the highest it accepted' },
    ],
    example: 'election.locks ttl=2s fencing=true',
    run: (sim, a) => {
      const ttl = positive('ttl', argNumber(a, 'ttl'));
      const fencing = argBool(a, 'fencing');
      act(sim, `election.locks ttl=${formatDuration(ttl)} fencing=${fencing}`, (st, ctx) => {
        if (st.locksUp || st.grants.length) throw new CommandError('the lock service is already open; change fencing with election.fencing');
        if (ttl < 30) throw new CommandError(`ttl=${ttl}ms is shorter than a round trip's worth of keep-alives; use 30ms or more`);
        ctx.addNode(LOCKS);
        ctx.addNode(STORAGE);
        Object.assign(st, { locksUp: true, storageOn: true, ttl, fencing });
      });
    },
  },
  {
    name: 'election.client', sys: ELECTION, summary: 'Start a client that acquires the lock, keeps its lease alive every TTL/3 and, while it holds it, writes to the storage.',
    args: [
      { name: 'name', type: 'node', default: 'c1', doc: 'the client' },
      { name: 'every', type: 'duration', default: '500ms', doc: 'how often it checks its lease and starts a write (or asks for the lock)' },
      { name: 'work', type: 'duration', default: '100ms', doc: 'the time between checking the lease and sending the write (it does not check again)' },
    ],
    example: 'election.client name=c1', setup: 'election.locks ttl=2s',
    run: (sim, a) => {
      const id = argString(a, 'name');
      const every = positive('every', argNumber(a, 'every'));
      const work = positive('work', argNumber(a, 'work'));
      act(sim, `election.client name=${id} every=${formatDuration(every)} work=${formatDuration(work)}`, (st, ctx) => {
        if (!st.locksUp && !st.grants.length) throw new CommandError('open the lock service first: election.locks ttl=2s');
        if (st.clients[id]) throw new CommandError(`${id} is already a client`);
        if (st.clientOrder.length >= MAX_CLIENTS) throw new CommandError(`at most ${MAX_CLIENTS} clients`);
        if (work >= every) throw new CommandError(`work=${formatDuration(work)} must be shorter than every=${formatDuration(every)}`);
        if (sim.nodes().some((x) => x.id === id)) throw new CommandError(`the name ${id} is taken by another node`);
        ctx.addNode(id);
        const c = { id, down: false, token: 0, believedUntil: 0, askedAt: 0, preparing: 0, every, work, chain: 0, writes: 0, rejected: 0, staleSends: 0 };
        st.clients[id] = c;
        st.clientOrder.push(id);
        startClient(st, c, ctx);
      });
    },
  },
  {
    name: 'election.fencing', sys: ELECTION, summary: 'Turn the storage\'s fencing-token check on or off.',
    args: [{ name: 'on', type: 'bool', default: 'true', doc: 'true: reject a write whose token is lower than the highest accepted' }],
    example: 'election.fencing on=true', setup: 'election.locks ttl=2s',
    run: (sim, a) => {
      const on = argBool(a, 'on');
      act(sim, `election.fencing on=${on}`, (st) => {
        if (!st.locksUp && !st.grants.length) throw new CommandError('open the lock service first: election.locks ttl=2s');
        st.fencing = on;
      });
    },
  },
  {
    name: 'election.ttl', sys: ELECTION, summary: 'Change the lease length; it applies from the next grant or keep-alive (and keep-alives go every third of it).',
    args: [{ name: 'ttl', type: 'duration', required: true, doc: 'the new lease length, 30ms or more' }],
    example: 'election.ttl ttl=1s', setup: 'election.locks ttl=2s',
    run: (sim, a) => {
      const ttl = positive('ttl', argNumber(a, 'ttl'));
      act(sim, `election.ttl ttl=${formatDuration(ttl)}`, (st) => {
        if (!st.locksUp && !st.grants.length) throw new CommandError('open the lock service first: election.locks ttl=2s');
        if (ttl < 30) throw new CommandError(`ttl=${ttl}ms is shorter than a round trip's worth of keep-alives; use 30ms or more`);
        st.ttl = ttl;
      });
    },
  },
];
