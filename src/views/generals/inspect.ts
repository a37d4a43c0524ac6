// What the inspector says about a general (its decision, what reached it) and the valley (what the enemy
// caught and what it is ordered to catch).
import type { Sim } from '../../engine/core/index.ts';
import { VALLEY, type GeneralsState } from '../../engine/generals/index.ts';
import type { Inspection } from '../registry.ts';
import { DECISION_WORDS, generalsPicture, messengerWords } from './model.ts';

export function inspectGenerals(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('generals')) return null;
  const st = sim.state<GeneralsState>('generals');
  if (id === VALLEY) {
    return {
      title: 'The valley (the enemy)',
      rows: [
        ['ordered caught', st.ambush.length ? st.ambush.map((k) => `#${k}`).join(', ') : 'none'],
        ['random loss', `${Math.round(st.loss * 100)} %`],
        ['caught so far', st.messengers.filter((m) => m.fate === 'caught').map((m) => `#${m.k}`).join(', ') || 'none'],
      ],
    };
  }
  const g = generalsPicture(st, sim).generals.find((x) => x.id === id);
  if (!g) return null;
  return {
    title: `General ${id}`,
    rows: [
      ['decision', DECISION_WORDS[g.decision]],
      ['rule', 'attack at dawn only if every messenger owed to me arrived'],
      ['messengers owed', `${g.got} of ${g.owed} arrived`],
      ...st.messengers.filter((m) => m.to === id || m.from === id).map((m): [string, string] => [`messenger ${m.k}`, messengerWords(m)]),
    ],
  };
}
