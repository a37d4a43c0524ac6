// The hash ring: membership and settings (state.ts), five placement schemes over the same keys
// (schemes.ts), and Handoff messages carrying moved keys to their new nodes (membership.ts).
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { formatHandoff, type Handoff } from './messages.ts';
import { boundedCapacity } from './schemes.ts';
import { keyItems, keysPerNode, owners } from './selectors.ts';
import { hashringQueries } from './queries.ts';
import { HASHRING, initialHashRingState, type HashRingState } from './state.ts';

/** Placements already checked to give every key a member (placements are memoised, so each is checked once). */
const checked = new WeakSet<Int32Array>();

const invariants: readonly Invariant<HashRingState>[] = [
  {
    name: 'every-key-placed', description: 'while the ring has members, every scheme gives every key a member',
    check: (st) => {
      if (st.nodes.length === 0) return null;
      for (const s of ['modulo', 'ring', 'rendezvous', 'jump', 'bounded'] as const) {
        const o = owners(st, s);
        if (checked.has(o)) continue;
        for (let i = 0; i < o.length; i++) if (!(o[i]! >= 0 && o[i]! < st.nodes.length)) return `${keyItems(st).items.names[i]} has no node under ${s}`;
        checked.add(o);
      }
      return null;
    },
  },
  {
    name: 'bounded-under-capacity', description: 'with bounded loads no node holds more than ceil((1+eps) keys / nodes)',
    check: (st) => {
      if (st.nodes.length === 0) return null;
      const cap = boundedCapacity(keyItems(st).items.names.length, st.nodes.length, st.eps);
      const loads = keysPerNode(st, 'bounded');
      const over = loads.findIndex((l) => l > cap);
      return over < 0 ? null : `${st.nodes[over]} holds ${loads[over]} keys, over the capacity ${cap}`;
    },
  },
];

export const hashring: SystemDef<HashRingState> = {
  name: HASHRING,
  initialState: initialHashRingState,
  onMessage(st, node, _from, m: Message, ctx) {
    const msg = m as unknown as Handoff;
    if (msg.type !== 'Handoff') return;
    st.received[node] = (st.received[node] ?? 0) + msg.keys;
    ctx.note(node, `received ${msg.keys} key${msg.keys === 1 ? '' : 's'}`);
  },
  onTimer() {},
  invariants,
  queries: hashringQueries,
  formatMessage: (m) => formatHandoff(m as unknown as Handoff),
};
