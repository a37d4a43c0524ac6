// The two generals' protocol: east sends the plan, each arrival is answered by the next confirmation until
// the protocol's last messenger, and at dawn each general applies the decision rule (state.ts). Every
// messenger crosses the valley (a node), where the enemy catches the ones it was ordered to, or at random.
import type { Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { formatGeneralsMessage, type GeneralsMessage } from './messages.ts';
import { decides, GENERALS, initialGeneralsState, outcomeOf, VALLEY, type GeneralsState } from './state.ts';
import { generalsQueries } from './queries.ts';

export const GENERALS_SYS = 'generals';

/** A general sends messenger k (its number decides who sends it and to whom). */
export function sendMessenger(st: GeneralsState, k: number, ctx: SystemContext): void {
  const m = st.messengers[k - 1];
  if (!m || m.fate !== 'unsent') return;
  m.fate = 'crossing';
  m.sentAt = ctx.now;
  ctx.send(m.from, VALLEY, { type: 'Messenger', k, of: st.messengers.length, to: m.to } satisfies GeneralsMessage);
}

function inValley(st: GeneralsState, msg: GeneralsMessage, ctx: SystemContext): void {
  const m = st.messengers[msg.k - 1];
  if (!m || m.fate !== 'crossing') return;
  const ordered = st.ambush.includes(msg.k);
  if (ordered || (st.loss > 0 && ctx.rng.chance(st.loss))) {
    m.fate = 'caught';
    m.caughtBy = ordered ? 'ambush' : 'loss';
    m.doneAt = ctx.now;
    ctx.note(VALLEY, `the enemy catches messenger ${msg.k} (${ordered ? 'ordered' : 'the valley is lossy'})`);
    return;
  }
  m.pastValley = true;
  ctx.send(VALLEY, msg.to, msg);
}

function onHill(st: GeneralsState, g: NodeId, msg: GeneralsMessage, ctx: SystemContext): void {
  const m = st.messengers[msg.k - 1];
  if (!m || m.fate !== 'crossing') {
    if (m?.fate === 'late') ctx.note(g, `messenger ${msg.k} arrives after dawn: too late, ${g} has decided`);
    return;
  }
  m.fate = 'arrived';
  m.doneAt = ctx.now;
  if (msg.k < st.messengers.length) sendMessenger(st, msg.k + 1, ctx);
}

function atDawn(st: GeneralsState, g: NodeId, ctx: SystemContext): void {
  if (st.decisions[g] !== 'undecided') return;
  for (const m of st.messengers) if (m.to === g && m.fate === 'crossing') { m.fate = 'late'; m.doneAt = ctx.now; }
  const d = decides(st, g);
  st.decisions[g] = d;
  const owed = st.messengers.filter((m) => m.to === g);
  const got = owed.filter((m) => m.fate === 'arrived').length;
  ctx.note(g, `at dawn ${g} ${d === 'attack' ? 'attacks' : 'holds'}: ${got} of the ${owed.length} messenger(s) sent to it arrived`);
  const o = outcomeOf(st);
  if (o !== 'undecided') ctx.note(undefined, `the battle: ${o.replace('-', ' ')}`);
}

export const generals: SystemDef<GeneralsState> = {
  name: GENERALS_SYS,
  initialState: initialGeneralsState,
  onMessage(st, node, _from, m: Message, ctx) {
    const msg = m as unknown as GeneralsMessage;
    if (msg.type !== 'Messenger') return;
    if (node === VALLEY) inValley(st, msg, ctx);
    else if (GENERALS.includes(node)) onHill(st, node, msg, ctx);
  },
  onTimer(st, node, name, _data, ctx) {
    if (name === 'dawn') atDawn(st, node, ctx);
  },
  // Disagreement is what the chapter shows, not a bug of the lab: no invariant fires on it.
  invariants: [
    {
      name: 'decides-by-the-rule', description: 'a general attacks only if every messenger the protocol sent to it arrived',
      check: (st) => {
        for (const g of GENERALS) {
          if (st.decisions[g] === 'attack' && decides(st, g) !== 'attack') return `${g} attacked without all its messengers`;
        }
        return null;
      },
    },
  ],
  queries: generalsQueries,
  formatMessage: formatGeneralsMessage,
};
