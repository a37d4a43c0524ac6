// Single-decree Paxos ("Paxos Made Simple", Lamport 2001) as plain data. Every server plays all three
// roles, as in the paper's §2.4 and Ongaro's lecture: it is an acceptor and a learner, and it proposes when
// a client asks it to.
import type { NodeId, Time, TimerId } from '../core/types.ts';

export type ProposerPhase = 'idle' | 'prepare' | 'accept' | 'backoff' | 'done';

export interface Promise1b {
  from: NodeId;
  /** The highest proposal this acceptor had accepted (0 and null: none). */
  acceptedN: number;
  acceptedValue: string | null;
}

export interface Proposer {
  phase: ProposerPhase;
  /** The client's value this proposer was asked to get chosen. */
  want: string | null;
  /** Current proposal number and the value sent in its phase 2 (null before phase 2). */
  n: number;
  value: string | null;
  promises: Promise1b[];
  accepts: NodeId[];
  /** Proposal numbers must exceed this (the highest number a refusal told us about). */
  mustExceed: number;
  timer: TimerId | null;
  /** How many rounds (phase 1 attempts) it has started: duelling proposers run these up. */
  rounds: number;
}

export interface PaxosAgent {
  readonly id: NodeId;
  /** 0-based position; proposal numbers are round * N + index, unique per proposer. */
  readonly index: number;
  down: boolean;
  // ---- acceptor, durable (an acceptor that forgets its promise breaks safety)
  promised: number;
  acceptedN: number;
  acceptedValue: string | null;
  /** The highest round this server has used as a proposer, durable so it never reuses a number. */
  lastRound: number;
  // ---- learner
  learned: string | null;
  // ---- proposer, volatile
  proposer: Proposer;
}

export interface PaxosConfig {
  /** After being pre-empted, wait a random 0..backoff ms before retrying (0: retry at once, which duels). */
  backoff: Time;
  /** Retry a round that made no progress for this long (lost messages). */
  timeout: Time;
  /** A distinguished proposer: the others forward their values to it and never start rounds (§2.4). */
  leader: NodeId | null;
  /** Deliberately wrong: phase 2 proposes the proposer's own value, ignoring values the promises carried. */
  brokenValue: boolean;
  /** The FLP adversary (adversary.ts): hold each Accept up to this many ms, until a higher Prepare
   *  arrives. Absent or 0: off (absent in every run that never switches it on). */
  adversary?: number;
}

export interface PaxosState {
  config: PaxosConfig;
  agents: Record<NodeId, PaxosAgent>;
  order: NodeId[];
  /** Audit (no agent sees it): who accepted which proposal, so "chosen" can be checked from the outside. */
  accepted: Record<string, { value: string; by: NodeId[] }>;
  /** The adversary's held Accepts and its counter; created when it first holds one. */
  held?: import('./adversary.ts').HeldAccept[];
  heldSeq?: number;
}

export const initialPaxosState = (): PaxosState => ({
  config: { backoff: 0, timeout: 300, leader: null, brokenValue: false }, agents: {}, order: [], accepted: {},
});

export const idleProposer = (): Proposer => ({
  phase: 'idle', want: null, n: 0, value: null, promises: [], accepts: [], mustExceed: 0, timer: null, rounds: 0,
});

export function newAgent(id: NodeId, index: number): PaxosAgent {
  return { id, index, down: false, promised: 0, acceptedN: 0, acceptedValue: null, lastRound: 0, learned: null, proposer: idleProposer() };
}

export const majority = (st: PaxosState): number => Math.floor(st.order.length / 2) + 1;

/** Values accepted by a majority under one proposal number: the chosen ones (at most one when Paxos is right). */
export function chosenValues(st: PaxosState): string[] {
  const need = majority(st);
  const out: string[] = [];
  for (const n in st.accepted) {
    const a = st.accepted[n]!;
    if (a.by.length >= need && !out.includes(a.value)) out.push(a.value);
  }
  return out;
}

export const agentName = (i: number): NodeId => `s${i}`;
export const MAX_AGENTS = 9;
