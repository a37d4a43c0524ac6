// The two generals' views, registered as one definition (src/views/registry.ts): the hills and the valley
// (town), the messengers' timeline (technical), an "ambush" action on the valley, the inspector's rows and
// the lines a picture that does not know the generals writes.
import type { Sim } from '../../engine/core/index.ts';
import { VALLEY, type GeneralsState } from '../../engine/generals/index.ts';
import { defineSystemViews } from '../registry.ts';
import { labStore } from '../../store/lab-store.ts';
import { run } from '../kit/menu.tsx';
import { DECISION_WORDS } from './model.ts';
import { inspectGenerals } from './inspect.ts';
import { GeneralsTech } from './GeneralsTech.tsx';
import { GeneralsTown } from './GeneralsTown.tsx';

const q = (sim: Sim, expr: string) => String(sim.query(expr));

/** The next messenger the enemy can still order caught: the first not yet past the valley nor ordered. */
function nextCatchable(sim: Sim): number | null {
  if (!sim.activeSystems().includes('generals')) return null;
  const st = sim.state<GeneralsState>('generals');
  const m = st.messengers.find((x) => (x.fate === 'unsent' || (x.fate === 'crossing' && !x.pastValley)) && !st.ambush.includes(x.k));
  return m ? m.k : null;
}

/** The protocol's last messenger, if the enemy can still order it caught. */
function lastCatchable(sim: Sim): number | null {
  if (!sim.activeSystems().includes('generals')) return null;
  const st = sim.state<GeneralsState>('generals');
  const m = st.messengers[st.messengers.length - 1];
  return m && (m.fate === 'unsent' || (m.fate === 'crossing' && !m.pastValley)) && !st.ambush.includes(m.k) ? m.k : null;
}

/** The run the menu acts on: the store's. */
const catchable = () => nextCatchable(labStore.getState().session.sim);
const lastOne = () => lastCatchable(labStore.getState().session.sim);

export default defineSystemViews({
  sys: 'generals',
  stage: { id: 'generals', title: 'Two generals', Town: GeneralsTown, Tech: GeneralsTech },
  inspect: { node: (sim, id) => inspectGenerals(sim, id) },
  actions: [{
    id: 'generals.ambush',
    label: () => `Order messenger ${catchable() ?? ''} caught in the valley (ambush)`,
    applies: (n) => n.sys === 'generals' && n.id === VALLEY && catchable() !== null,
    run: () => { const k = catchable(); if (k !== null) run(`generals.ambush messenger=${k}`); },
  }, {
    id: 'generals.ambush-last',
    label: () => `Order the last messenger (${lastOne() ?? ''}) caught`,
    applies: (n) => n.sys === 'generals' && n.id === VALLEY && lastOne() !== null && lastOne() !== catchable(),
    run: () => { const k = lastOne(); if (k !== null) run(`generals.ambush messenger=${k}`); },
  }],
  summary: (sim, n) => {
    if (n.id === VALLEY) return [`caught ${q(sim, 'generals.caught')} of ${q(sim, 'generals.messengers')}`];
    const d = q(sim, `generals.decision(${n.id})`) as keyof typeof DECISION_WORDS;
    return [`${DECISION_WORDS[d] ?? d}`];
  },
});
