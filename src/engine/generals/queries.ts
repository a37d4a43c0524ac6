// What conditions, predictions and pictures read from the two generals: `expect generals.outcome == both-attack`.
import type { Query } from '../core/types.ts';
import { disagree, GENERALS, outcomeOf, type GeneralsState } from './state.ts';

const general = (st: GeneralsState, id: string | undefined): string => {
  if (!id || !GENERALS.includes(id)) throw new Error(`no general named '${id}'; the generals are ${GENERALS.join(' and ')}`);
  return id;
};

const messenger = (st: GeneralsState, k: string | undefined) => {
  const m = st.messengers[Number(k) - 1];
  if (!m) throw new Error(`no messenger ${k}; the protocol sends ${st.messengers.length ? `messengers 1 to ${st.messengers.length}` : 'none yet (generals.start)'}`);
  return m;
};

export const generalsQueries: readonly Query<GeneralsState>[] = [
  {
    name: 'generals.outcome', params: [], example: 'expect generals.outcome == both-attack',
    description: 'after dawn: both-attack, neither-attacks, east-alone or west-alone (a lone attack is a defeat); undecided before',
    get: (st) => outcomeOf(st),
  },
  {
    name: 'generals.disagree', params: [], example: 'expect generals.disagree == false',
    description: 'true once one general has attacked alone',
    get: (st) => disagree(outcomeOf(st)),
  },
  {
    name: 'generals.decision', params: ['general'], example: 'expect generals.decision(east) == attack',
    description: "the general's decision: undecided before dawn, then attack or hold",
    get: (st, [g]) => st.decisions[general(st, g)]!,
  },
  {
    name: 'generals.fate', params: ['messenger'], example: 'expect generals.fate(2) == arrived',
    description: 'what became of messenger k: unsent, crossing, arrived, caught, or late (still on the way at dawn)',
    get: (st, [k]) => messenger(st, k).fate,
  },
  { name: 'generals.messengers', params: [], example: 'expect generals.messengers == 3', description: 'how many messengers the protocol sends (the plan and its confirmations)', get: (st) => st.messengers.length },
  { name: 'generals.arrived', params: [], example: 'expect generals.arrived == 3', description: 'messengers that reached the other hill before dawn', get: (st) => st.messengers.filter((m) => m.fate === 'arrived').length },
  { name: 'generals.caught', params: [], example: 'expect generals.caught == 0', description: 'messengers the enemy caught in the valley (ordered or by loss)', get: (st) => st.messengers.filter((m) => m.fate === 'caught').length },
];
