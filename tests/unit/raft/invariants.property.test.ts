// The engine's incremental safety checks against the from-scratch reference (reference-invariants.ts), the
// etcd-raft way: real code vs dumb code on random inputs, message for message. Four ways in: random fault
// schedules (the broken commit rule on or off) with both checked after every event, the same with the checks
// asked only now and then (so many events pass between two looks), and random edits of a cluster's state,
// made the way Raft makes them and the ways it never does (overwrites in place, logs replaced, copies); and
// the Figure 8 run with the broken rule, where the real checks fire, stepped through event by event.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterState } from './fake-ctx.ts';
import { toFigure8c, toFigure8d } from './figure8-steps.ts';
import { prefixHash, referenceChecks } from './reference-invariants.ts';
import { runSchedule, scheduleArb } from './faults.ts';
import { raft } from '../../../src/engine/raft/system.ts';
import { raftInvariants } from '../../../src/engine/raft/invariants.ts';
import { appendEntry, truncateLog } from '../../../src/engine/raft/log.ts';
import { recordLeader, type LogEntry, type RaftState } from '../../../src/engine/raft/state.ts';
import { clonePlain } from '../../../src/engine/core/clone.ts';
import type { SystemDef } from '../../../src/engine/core/types.ts';

const SEED = Number(process.env.FC_SEED ?? 20261201);

/** Every disagreement between the engine's check and the reference, and how often each was non-null. */
interface Tally { mismatches: string[]; fired: Record<string, number>; compared: number }
const tally = (): Tally => ({ mismatches: [], fired: {}, compared: 0 });

function compare(st: RaftState, t: Tally, where: string): void {
  for (const inv of raftInvariants) {
    const got = inv.check(st);
    const want = referenceChecks[inv.name]!(st);
    t.compared++;
    if (want !== null) t.fired[inv.name] = (t.fired[inv.name] ?? 0) + 1;
    if (got !== want && t.mismatches.length < 5) t.mismatches.push(`${where} ${inv.name}: engine ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`);
  }
}

/** Raft whose invariants also compare themselves with the reference, on every `every`-th event only (the
 *  kernel still asks after each; in between, the last answer stands, so the engine's checks skip events). */
function instrumented(t: Tally, every: number): SystemDef<RaftState> {
  let calls = 0;
  let last: (string | null)[] = raftInvariants.map(() => null);
  return {
    ...raft,
    invariants: raftInvariants.map((inv, k) => ({
      ...inv,
      check: (st: RaftState) => {
        if (k === 0 && calls++ % every === 0) {
          compare(st, t, `event ${calls}`);
          last = raftInvariants.map((i) => i.check(st));
        }
        return last[k]!;
      },
    })),
  };
}

function underFaults(servers: number, every: () => fc.Arbitrary<number>, numRuns: number) {
  const t = tally();
  fc.assert(
    fc.property(scheduleArb(servers), fc.boolean(), every(), fc.integer({ min: 0, max: 1000 }), (sc, brokenCommit, k, back) => {
      const { sim } = runSchedule(sc, 3_000, { system: instrumented(t, k), brokenCommit });
      // A seek back and a run forward again: the checks meet restored copies of the state.
      sim.seek(Math.floor((sim.now * back) / 1000));
      sim.runFor(300);
      expect(t.mismatches, `seed ${sc.seed}`).toEqual([]);
    }),
    { numRuns, seed: SEED },
  );
  expect(t.compared).toBeGreaterThan(0);
  return t;
}

// ---- random edits --------------------------------------------------------------------------------------

type Edit =
  | { op: 'append'; s: number; copy: number; term: number }
  | { op: 'truncate'; s: number; at: number }
  | { op: 'overwrite'; s: number; at: number; term: number }
  | { op: 'replace'; s: number }
  | { op: 'role'; s: number; leader: boolean; down: boolean }
  | { op: 'term'; s: number; term: number }
  | { op: 'elect'; s: number }
  | { op: 'stamp'; s: number; at: number }
  | { op: 'commit'; s: number; at: number; term: number }
  | { op: 'apply'; s: number; at: number }
  | { op: 'clone' };

const small = fc.integer({ min: 0, max: 8 });
const frac = fc.integer({ min: 0, max: 100 });
const term = fc.integer({ min: 1, max: 5 });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('append' as const), s: small, copy: small, term }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), s: small, at: frac }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('overwrite' as const), s: small, at: frac, term }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), s: small }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('role' as const), s: small, leader: fc.boolean(), down: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('term' as const), s: small, term }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('elect' as const), s: small }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('stamp' as const), s: small, at: frac }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('commit' as const), s: small, at: frac, term: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('apply' as const), s: small, at: frac }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clone' as const }) },
);

let nextId = 1;
const entry = (t: number): LogEntry => ({ term: t, command: `e${nextId}`, id: nextId++ });
const pick = (len: number, percent: number) => Math.floor((len * percent) / 100);

/** Applies one edit; returns the state to go on with (a copy after 'clone', as a snapshot restore makes). */
function applyEdit(st: RaftState, e: Edit): RaftState {
  if (e.op === 'clone') return clonePlain(st);
  const s = st.servers[st.order[e.s % st.order.length]!]!;
  const a = st.audit;
  switch (e.op) {
    case 'append': {
      // Mostly the entry another server holds at that index, so logs agree, disagree and agree again.
      const other = st.servers[st.order[e.copy % st.order.length]!]!;
      const theirs = other.log[s.log.length];
      appendEntry(s, theirs && e.term > 1 ? theirs : entry(e.term));
      break;
    }
    case 'truncate': truncateLog(s, pick(s.log.length, e.at)); break;
    case 'overwrite': {
      if (s.log.length === 0) break;
      s.log[pick(s.log.length - 1, e.at)] = entry(e.term);
      s.logVersion++;
      break;
    }
    case 'replace': s.log = s.log.slice(); s.logVersion++; break;
    case 'role': s.role = e.leader ? 'leader' : 'follower'; s.down = e.down; break;
    case 'term': s.currentTerm = e.term; break;
    case 'elect':
      recordLeader(a, s.currentTerm, s.id);
      a.leaderLog[s.id] = { term: s.currentTerm, len: s.log.length, hash: prefixHash(s.log, s.log.length) };
      break;
    case 'stamp': {
      const len = pick(s.log.length, e.at);
      a.leaderLog[s.id] = { term: s.currentTerm, len, hash: prefixHash(s.log, len) };
      break;
    }
    case 'commit': {
      const upTo = pick(s.log.length, e.at);
      for (let i = a.committedIds.length; i < upTo; i++) {
        const x = s.log[i]!;
        a.committedIds.push(x.id);
        a.committedCommands.push(x.command);
        a.committedInTerm.push(e.term);
        a.committedText.push(`${x.command}, term ${x.term}`);
      }
      break;
    }
    case 'apply': {
      s.lastApplied = pick(s.log.length, e.at);
      for (let i = a.appliedIds.length; i < s.lastApplied; i++) {
        a.appliedIds.push(s.log[i]!.id);
        a.appliedText.push(`${s.log[i]!.command} (term ${s.log[i]!.term}) by ${s.id}`);
      }
      break;
    }
  }
  return st;
}

describe('incremental safety checks agree with the from-scratch reference', () => {
  it('3 and 5 servers under random faults, either commit rule, checked after every event', () => {
    underFaults(3, () => fc.constant(1), 25);
    underFaults(5, () => fc.constant(1), 25);
  }, 120_000);

  it('5 servers under random faults, checked only every few events', () => {
    underFaults(5, () => fc.integer({ min: 2, max: 40 }), 25);
  }, 120_000);

  it('the Figure 8 run with the broken rule, stepped back to the start and then forward event by event', () => {
    const s = toFigure8c(true);
    toFigure8d(s);
    const t = tally();
    const end = s.sim.eventCount;
    s.sim.seek(0);
    while (s.sim.eventCount < end && s.sim.step()) compare(s.sim.state<RaftState>('raft'), t, `event ${s.sim.eventCount}`);
    expect(t.mismatches).toEqual([]);
    expect(t.fired['state-machine-safety']).toBeGreaterThan(0);
    expect(t.fired['leader-completeness']).toBeGreaterThan(0);
  });

  it('random edits of 3 to 9 servers, Raft-like and not, each check firing and clearing', () => {
    const t = tally();
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.array(editArb, { minLength: 30, maxLength: 150 }), (n, edits) => {
        let st = clusterState(n);
        compare(st, t, 'start');
        edits.forEach((e, k) => {
          st = applyEdit(st, e);
          compare(st, t, `edit ${k} ${JSON.stringify(e)}`);
        });
        expect(t.mismatches).toEqual([]);
      }),
      { numRuns: 300, seed: SEED },
    );
    // The edits reach every check's failing side, not only its silent one.
    for (const inv of raftInvariants) expect(t.fired[inv.name] ?? 0, inv.name).toBeGreaterThan(20);
  }, 120_000);
});
