// The election system: routes each message and timer to a bully node, the lock service, a client or the
// storage, and declares the live detectors.
import type { Invariant, Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { formatElectionMessage, type ElectionMessage } from './messages.ts';
import { LOCKS, STORAGE, initialElectionState, selfLeaders, type BullyNode, type ElectionState } from './state.ts';
import { bullyMessage, bullyTimer, crashBully, restartBully } from './bully.ts';
import { clientMessage, clientTimer, crashClient, locksMessage, locksTimer, startClient, storageMessage } from './locks.ts';
import { electionQueries } from './queries.ts';

export const ELECTION = 'election';

const bullyOf = (st: ElectionState, node: NodeId): BullyNode | undefined => st.bully.find((b) => b.id === node);

function tick(st: ElectionState, ctx: SystemContext): void {
  st.now = ctx.now;
}

const invariants: readonly Invariant<ElectionState>[] = [
  {
    name: 'two-leaders',
    description: 'no two nodes act as leader at once: two bully nodes that are up each believing it is coordinator, or a client writing as holder while the lock service has given the lock to another (or let its lease expire)',
    check: (st) => {
      const both = selfLeaders(st);
      if (both.length > 1) return `${both.join(' and ')} each believe they are coordinator at t=${st.now}ms`;
      return st.twoLeaders;
    },
  },
  {
    name: 'stale-write-accepted',
    description: 'the storage never accepts a write whose token is older than a write it already accepted (that would lose the newer holder\'s write)',
    check: (st) => st.staleAccepted,
  },
  {
    name: 'lease-renewed-after-expiry',
    description: 'the lock service never renews a lease after it expired (etcd refuses: the lease is gone, the holder must acquire again)',
    check: (st) => st.lateRenewal,
  },
];

export const election: SystemDef<ElectionState> = {
  name: ELECTION,
  initialState: initialElectionState,
  onMessage(st, node, from, m: Message, ctx) {
    tick(st, ctx);
    const msg = m as unknown as ElectionMessage;
    const b = bullyOf(st, node);
    if (b) { if (!b.down) bullyMessage(st, b, from, msg, ctx); return; }
    if (node === LOCKS) { if (st.locksUp) locksMessage(st, from, msg, ctx); return; }
    if (node === STORAGE) { if (st.storageOn) storageMessage(st, from, msg, ctx); return; }
    const c = st.clients[node];
    if (c && !c.down) clientMessage(st, c, msg, ctx);
  },
  onTimer(st, node, name, data, ctx) {
    tick(st, ctx);
    const b = bullyOf(st, node);
    if (b) { if (!b.down) bullyTimer(st, b, name, data, ctx); return; }
    if (node === LOCKS) { if (st.locksUp) locksTimer(st, name, data, ctx); return; }
    const c = st.clients[node];
    if (c && !c.down) clientTimer(st, c, name, data, ctx);
  },
  // Volatile: a bully node's view, a client's belief. Durable: the lock service's lease and revision, the
  // storage's value and log (etcd keeps leases in its replicated log; a lease's clock restarts with it).
  onCrash(st, node, ctx) {
    tick(st, ctx);
    const b = bullyOf(st, node);
    if (b) { crashBully(b); return; }
    if (node === LOCKS) { st.locksUp = false; return; }
    if (node === STORAGE) { st.storageOn = false; return; }
    const c = st.clients[node];
    if (c) crashClient(c);
  },
  onRestart(st, node, ctx) {
    tick(st, ctx);
    const b = bullyOf(st, node);
    if (b) { if (b.down) restartBully(st, b, ctx); return; }
    if (node === LOCKS) {
      st.locksUp = true;
      // etcd restarts a lease's countdown on a new leader: the lease gets its full TTL again.
      const l = st.lease;
      if (l && !st.expiries.some((e) => e.rev === l.rev)) { l.expiresAt = Math.max(l.expiresAt, st.now + st.ttl); ctx.setTimer(LOCKS, l.expiresAt - st.now, 'expire', l.rev); }
      return;
    }
    if (node === STORAGE) { st.storageOn = true; return; }
    const c = st.clients[node];
    if (c && c.down) { c.down = false; startClient(st, c, ctx); }
  },
  invariants,
  queries: electionQueries,
  formatMessage: formatElectionMessage,
};
