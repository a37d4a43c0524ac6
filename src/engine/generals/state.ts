// The two generals ("Some Constraints and Tradeoffs in the Design of Network Communications", Akkoyunlu,
// Ekanadham and Huber 1975; named by Gray 1978) as plain data. Two generals on two hills send messengers
// across a valley held by the enemy. The protocol is finite: the plan and then `rounds` confirmations, each
// messenger answering the one before. Nothing here is volatile: the lab never crashes a general.
import type { NodeId, Time } from '../core/types.ts';

export const EAST: NodeId = 'east';
export const WEST: NodeId = 'west';
export const VALLEY: NodeId = 'valley';
export const GENERALS: readonly NodeId[] = [EAST, WEST];
export const MAX_ROUNDS = 20;

export type Decision = 'undecided' | 'attack' | 'hold';

/** What became of messenger k: still to leave, on the way, arrived, caught in the valley, or still on the
 *  way at dawn (dropped by hand on its last leg, or slow). */
export type MessengerFate = 'unsent' | 'crossing' | 'arrived' | 'caught' | 'late';

export interface Messenger {
  /** 1-based: 1 carries the plan, 2.. carry confirmations. */
  readonly k: number;
  readonly from: NodeId;
  readonly to: NodeId;
  fate: MessengerFate;
  /** Through the valley and on the far slope (the enemy's ambush can no longer reach it). */
  pastValley: boolean;
  sentAt: Time | null;
  doneAt: Time | null;
  /** Why it was caught: the enemy's ambush order, or the valley's loss. */
  caughtBy: 'ambush' | 'loss' | null;
}

export interface GeneralsState {
  started: boolean;
  /** Confirmation rounds after the plan: the protocol sends rounds + 1 messengers in all. */
  rounds: number;
  /** When the protocol started, and the simulated time at which both generals must decide. */
  startedAt: Time;
  dawn: Time;
  /** Chance that the valley catches a messenger without an order (0..1). */
  loss: number;
  /** Messenger numbers the enemy has ordered caught. */
  ambush: number[];
  messengers: Messenger[];
  decisions: Record<NodeId, Decision>;
}

export const initialGeneralsState = (): GeneralsState => ({
  started: false, rounds: 0, startedAt: 0, dawn: 0, loss: 0, ambush: [], messengers: [], decisions: { [EAST]: 'undecided', [WEST]: 'undecided' },
});

/** East sends the odd messengers (the plan first), west the even ones. */
export const senderOf = (k: number): NodeId => (k % 2 === 1 ? EAST : WEST);
export const receiverOf = (k: number): NodeId => (k % 2 === 1 ? WEST : EAST);
export const otherGeneral = (g: NodeId): NodeId => (g === EAST ? WEST : EAST);

/** The decision rule of the finite protocol: a general attacks at dawn only if every messenger the
 *  protocol sends to it arrived (east, who makes the plan, needs only the confirmations). */
export function decides(st: GeneralsState, g: NodeId): Decision {
  const owed = st.messengers.filter((m) => m.to === g);
  return owed.every((m) => m.fate === 'arrived') ? 'attack' : 'hold';
}

export type Outcome = 'undecided' | 'both-attack' | 'neither-attacks' | 'east-alone' | 'west-alone';

export function outcomeOf(st: GeneralsState): Outcome {
  const e = st.decisions[EAST];
  const w = st.decisions[WEST];
  if (e === 'undecided' || w === 'undecided') return 'undecided';
  if (e === 'attack' && w === 'attack') return 'both-attack';
  if (e === 'hold' && w === 'hold') return 'neither-attacks';
  return e === 'attack' ? 'east-alone' : 'west-alone';
}

/** The generals disagree: one attacks alone and is beaten. */
export const disagree = (o: Outcome): boolean => o === 'east-alone' || o === 'west-alone';
