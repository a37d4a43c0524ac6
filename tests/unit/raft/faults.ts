// Random fault schedules for the property tests (clock skew and drift too, which Raft's safety must not need): what fast-check generates, and a driver that applies a
// schedule to a Raft cluster, stops the faults, and then checks the cluster recovers.
import fc from 'fast-check';
import { createSim, type Sim } from '../../../src/engine/core/sim.ts';
import { CommandError } from '../../../src/engine/core/command.ts';
import { raft } from '../../../src/engine/raft/system.ts';
import type { SystemDef } from '../../../src/engine/core/types.ts';
import { raftCommands } from '../../../src/engine/raft/commands.ts';
import { clientRequest } from '../../../src/engine/raft/client.ts';
import type { RaftState } from '../../../src/engine/raft/state.ts';

export type Fault =
  | { kind: 'crash' | 'restart' | 'pause' | 'resume' | 'request' | 'add' | 'remove'; node: string }
  | { kind: 'partition'; side: string[]; oneway: boolean }
  | { kind: 'heal' }
  | { kind: 'skew'; node: string; by: number; drift: number }
  | { kind: 'net'; loss: number; dup: number; reorder: number };

export interface Schedule {
  seed: number;
  servers: number;
  prevote: boolean;
  lease: boolean;
  noop: boolean;
  steps: { gap: number; fault: Fault }[];
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);

/** Faults on servers n1..nN; membership changes may also add n(N+1) or remove anyone, one at a time. */
export function faultArb(n: number): fc.Arbitrary<Fault> {
  const node = fc.constantFrom(...ids(n));
  // Requests are the most common step, so logs grow, diverge under partitions and must be reconciled.
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('request' as const), node }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('crash' as const, 'restart' as const, 'pause' as const, 'resume' as const), node }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), side: fc.subarray(ids(n), { minLength: 1, maxLength: n - 1 }), oneway: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), node, by: fc.integer({ min: -500, max: 500 }), drift: fc.integer({ min: -100_000, max: 100_000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('add' as const, 'remove' as const), node: fc.constantFrom(...ids(n + 1)) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('net' as const), loss: fc.integer({ min: 0, max: 30 }), dup: fc.integer({ min: 0, max: 20 }), reorder: fc.integer({ min: 0, max: 30 }) }) },
  );
}

export function scheduleArb(n: number): fc.Arbitrary<Schedule> {
  return fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    servers: fc.constant(n),
    prevote: fc.boolean(),
    lease: fc.boolean(),
    noop: fc.boolean(),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 250 }), fault: faultArb(n) }), { minLength: 10, maxLength: 60 }),
  });
}

const start = raftCommands.find((c) => c.name === 'raft.start')!;
const up = (sim: Sim, id: string) => sim.nodes().find((x) => x.id === id)!;

function request(sim: Sim, node: string, value: string): void {
  try {
    sim.act<RaftState>('raft', `raft.request value=${value} node=${node}`, (st, ctx) => { clientRequest(st, st.servers[node]!, value, ctx); });
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
  }
}

function apply(sim: Sim, f: Fault, k: number): void {
  switch (f.kind) {
    case 'crash': if (up(sim, f.node).up) sim.crash(f.node); return;
    case 'restart': if (!up(sim, f.node).up) sim.restart(f.node); return;
    case 'pause': if (up(sim, f.node).up && !up(sim, f.node).paused) sim.pause(f.node); return;
    case 'resume': if (up(sim, f.node).paused) sim.resume(f.node); return;
    case 'request': if (up(sim, f.node).up && !up(sim, f.node).paused) request(sim, f.node, `v${k}`); return;
    case 'add':
    case 'remove':
      try { raftCommands.find((c) => c.name === `raft.${f.kind}`)!.run(sim, { node: f.node }, undefined); } catch (e) { if (!(e instanceof CommandError)) throw e; }
      return;
    case 'partition': {
      const rest = sim.nodes().map((x) => x.id).filter((x) => !f.side.includes(x));
      sim.partition(f.side, rest, f.oneway);
      return;
    }
    case 'heal': sim.heal(); return;
    case 'skew': sim.skew(f.node, f.by, f.drift); return;
    case 'net': sim.setNetwork({ loss: f.loss / 100, dup: f.dup / 100, reorder: f.reorder / 100 }); return;
  }
}

export interface Outcome {
  sim: Sim;
  /** Simulated ms from the end of the faults until a leader existed and a new request was committed, or null. */
  recoveredIn: number | null;
}

/**
 * Applies the schedule, then stops every fault and waits (at most `bound` ms) for a leader and a commit.
 * `system` replaces the Raft system (the same one with instrumented checks, say); `brokenCommit` switches on
 * the deliberately wrong commit rule.
 */
export function runSchedule(sc: Schedule, bound = 10_000, opts: { system?: SystemDef<RaftState>; brokenCommit?: boolean } = {}): Outcome {
  const sim = createSim({ seed: sc.seed, systems: [opts.system ?? raft], snapshotEvery: 1_000_000 });
  const broken = opts.brokenCommit ? { brokenCommit: true } : {};
  start.run(sim, { servers: sc.servers, prevote: sc.prevote, lease: sc.lease, noop: sc.noop, ...broken }, undefined);
  sc.steps.forEach((step, k) => {
    sim.runFor(step.gap);
    apply(sim, step.fault, k);
  });
  // The faults stop: heal every link, clean the network, restart and resume every server.
  sim.heal();
  sim.setNetwork({ loss: 0, dup: 0, reorder: 0 });
  for (const n of sim.nodes()) {
    if (!n.up) sim.restart(n.id);
    else if (n.paused) sim.resume(n.id);
  }
  const calm = sim.now;
  const st = () => sim.state<RaftState>('raft');
  // A client that keeps asking whoever leads until its command is committed.
  while (sim.now - calm < bound) {
    if (!sim.runUntilTrue(() => sim.query('raft.leader') !== 'none', bound - (sim.now - calm))) break;
    request(sim, String(sim.query('raft.leader')), 'final');
    if (sim.runUntilTrue(() => st().audit.committedCommands.includes('final'), 1_000)) {
      return { sim, recoveredIn: sim.now - calm };
    }
  }
  return { sim, recoveredIn: null };
}
