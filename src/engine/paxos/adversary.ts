// The FLP adversary (Fischer, Lynch and Paterson 1985: in an asynchronous system a consensus protocol has an
// admissible run that never decides, in which every message is still delivered eventually). For duelling
// Paxos proposers the schedule is simple: hold each Accept at its acceptor until a higher Prepare has
// reached that acceptor, then hand the Accept over (now too old: it is refused). Every message is
// delivered, no later than `adversary` ms after it arrived; nothing is lost. Off unless switched on
// (`paxos.config adversary=...`), so runs without it are unchanged.
import type { NodeId, SystemContext } from '../core/types.ts';
import type { PaxosMessage } from './messages.ts';
import type { PaxosState } from './state.ts';

export interface HeldAccept { id: number; at: NodeId; from: NodeId; msg: Extract<PaxosMessage, { type: 'Accept' }> }

/** Messages the adversary holds now, in the order it took them (created on first use). */
export const heldAccepts = (st: PaxosState): HeldAccept[] => (st.held ??= []);

/** Should the adversary hold this message? Only Accepts, and only when it is switched on. */
export const adversaryTakes = (st: PaxosState, msg: PaxosMessage): boolean => (st.config.adversary ?? 0) > 0 && msg.type === 'Accept';

export function hold(st: PaxosState, at: NodeId, from: NodeId, msg: Extract<PaxosMessage, { type: 'Accept' }>, ctx: SystemContext): void {
  st.heldSeq = (st.heldSeq ?? 0) + 1;
  const id = st.heldSeq;
  heldAccepts(st).push({ id, at, from, msg });
  ctx.note(at, `adversary holds Accept n=${msg.n} from ${from} at ${at} until a higher Prepare reaches ${at} (at most ${st.config.adversary}ms)`);
  ctx.setTimer(at, st.config.adversary!, 'adversary-release', id);
}

/** Hand over the held Accepts at `at` that `pick` selects, in arrival order, through `deliver`. */
export function release(st: PaxosState, at: NodeId, pick: (h: HeldAccept) => boolean, deliver: (h: HeldAccept) => void): void {
  const list = heldAccepts(st);
  const out = list.filter((h) => h.at === at && pick(h));
  if (out.length === 0) return;
  st.held = list.filter((h) => !out.includes(h));
  for (const h of out) deliver(h);
}
