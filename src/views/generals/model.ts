// The two generals' picture as plain data: each general's hill with its decision, the messengers with
// their fates in words, and the battle's outcome. Pure: tested in Node.
import type { Sim } from '../../engine/core/index.ts';
import { EAST, outcomeOf, WEST, type Decision, type GeneralsState, type Messenger, type Outcome } from '../../engine/generals/index.ts';

export interface GeneralView { id: string; decision: Decision; owed: number; got: number }
export interface MessengerView { k: number; from: string; to: string; fate: Messenger['fate']; sentAt: number | null; doneAt: number | null; words: string }
export interface GeneralsPicture {
  started: boolean; rounds: number; startedAt: number; dawn: number; now: number;
  generals: GeneralView[]; messengers: MessengerView[]; outcome: Outcome; outcomeWords: string;
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  'undecided': 'before dawn: nobody has decided',
  'both-attack': 'both attack together: victory',
  'neither-attacks': 'neither attacks: safe, but no battle',
  'east-alone': 'east attacks alone and is beaten',
  'west-alone': 'west attacks alone and is beaten',
};

export const DECISION_WORDS: Record<Decision, string> = { undecided: 'waits for dawn', attack: 'attacks', hold: 'holds' };

export function messengerWords(m: Pick<Messenger, 'k' | 'from' | 'to' | 'fate' | 'caughtBy'>): string {
  const what = m.k === 1 ? 'the plan' : `confirmation of ${m.k - 1}`;
  const fate = {
    unsent: 'not sent (the chain stopped before it)', crossing: 'crossing the valley', arrived: 'arrived',
    caught: m.caughtBy === 'ambush' ? 'caught by the enemy (ordered)' : 'caught in the lossy valley', late: 'still out at dawn: too late',
  }[m.fate];
  return `Messenger ${m.k} (${what}) ${m.from}→${m.to}: ${fate}`;
}

export function generalsPicture(st: GeneralsState, sim: Sim): GeneralsPicture {
  const outcome = outcomeOf(st);
  return {
    started: st.started, rounds: st.rounds, startedAt: st.startedAt, dawn: st.dawn, now: sim.now,
    generals: [WEST, EAST].map((id) => {
      const owed = st.messengers.filter((m) => m.to === id);
      return { id, decision: st.decisions[id]!, owed: owed.length, got: owed.filter((m) => m.fate === 'arrived').length };
    }),
    messengers: st.messengers.map((m) => ({ k: m.k, from: m.from, to: m.to, fate: m.fate, sentAt: m.sentAt, doneAt: m.doneAt, words: messengerWords(m) })),
    outcome, outcomeWords: OUTCOME_WORDS[outcome],
  };
}

/** A general in words: its decision and what reached it. */
export const generalWords = (g: GeneralView) => `General ${g.id} ${DECISION_WORDS[g.decision]}: ${g.got} of ${g.owed} messenger(s) owed to it arrived`;
