// The discovery system: routes each message and timer to the registry, the balancer, an instance, a client
// or a SWIM member, keeps the audit's clock, and declares the live detectors.
import type { Invariant, Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { formatDiscoveryMessage, type DiscoveryMessage } from './messages.ts';
import { BALANCER, REGISTRY, initialDiscoveryState, type DiscoveryState, type Member } from './state.ts';
import {
  balancerMessage, balancerTimer, clientMessage, clientTimer, instanceMessage, instanceTimer, registryCheckTimeout,
  registryMessage, registryTimer, startBeating,
} from './directory.ts';
import { auditSwim, crashMember, restartMember, swimMessage, swimTimer } from './swim.ts';
import { discoveryQueries } from './queries.ts';

export const DISCOVERY = 'discovery';

function memberOf(st: DiscoveryState, node: NodeId): Member | undefined {
  if (node.charCodeAt(0) !== 109 /* m */) return undefined;
  const m = st.members[Number(node.slice(1)) - 1];
  return m && m.id === node ? m : undefined;
}

function tick(st: DiscoveryState, ctx: SystemContext): void {
  st.now = ctx.now;
  auditSwim(st);
}

const invariants: readonly Invariant<DiscoveryState>[] = [
  {
    name: 'routed-past-ttl',
    description: 'no request is routed to an instance the registry dropped longer ago than the router\'s TTL (plus 100ms for the lookup\'s trip)',
    check: (st) => st.lastStaleRoute,
  },
  {
    name: 'live-member-declared-dead',
    description: 'no SWIM member that is running (perhaps paused, perhaps behind lossy links) is declared dead',
    check: (st) => st.lastFalsePositive,
  },
  {
    name: 'membership-converges',
    description: 'running members do not disagree about a member for longer than the dissemination bound',
    check: (st) => st.lingering,
  },
];

export const discovery: SystemDef<DiscoveryState> = {
  name: DISCOVERY,
  initialState: initialDiscoveryState,
  onMessage(st, node, from, m: Message, ctx) {
    tick(st, ctx);
    const msg = m as unknown as DiscoveryMessage;
    const member = memberOf(st, node);
    if (member) { if (!member.down) swimMessage(st, member, from, msg, ctx); return; }
    if (node === REGISTRY) { if (st.registryUp) registryMessage(st, from, msg, ctx); return; }
    if (node === BALANCER) { if (st.balancer?.up) balancerMessage(st, from, msg, ctx); return; }
    const inst = st.instances[node];
    if (inst) { if (!inst.down) instanceMessage(st, node, from, msg, ctx); return; }
    const c = st.clients[node];
    if (c && !c.down) clientMessage(st, c, msg, ctx);
  },
  onTimer(st, node, name, data, ctx) {
    tick(st, ctx);
    const member = memberOf(st, node);
    if (member) { if (!member.down) swimTimer(st, member, name, data, ctx); return; }
    if (node === REGISTRY) {
      if (!st.registryUp) return;
      if (name === 'check-timeout') registryCheckTimeout(st, data as { id: NodeId; seq: number }, ctx);
      else registryTimer(st, name, data, ctx);
      return;
    }
    if (node === BALANCER) { if (st.balancer?.up) balancerTimer(st, name, data, ctx); return; }
    const inst = st.instances[node];
    if (inst) { if (!inst.down) instanceTimer(st, node, name, ctx); return; }
    const c = st.clients[node];
    if (c && !c.down) clientTimer(st, c, name, data, ctx);
  },
  // Volatile: a member's view and rumours, a client's cache and outstanding requests, the balancer's list.
  // Durable: the registry's listings (Consul keeps its catalog in Raft), a member's incarnation.
  onCrash(st, node, ctx) {
    tick(st, ctx);
    const member = memberOf(st, node);
    if (member) { if (!member.down) crashMember(st, member); return; }
    if (node === REGISTRY) { st.registryUp = false; return; }
    if (node === BALANCER && st.balancer) { Object.assign(st.balancer, { up: false, list: [], pending: {}, outstanding: {} }); return; }
    const inst = st.instances[node];
    if (inst) { inst.down = true; return; }
    const c = st.clients[node];
    if (c) Object.assign(c, { down: true, cache: [], cacheUntil: 0, resolving: false, waiting: 0, outstanding: [] });
  },
  onRestart(st, node, ctx) {
    tick(st, ctx);
    const member = memberOf(st, node);
    if (member) { if (member.down) restartMember(st, member, ctx); return; }
    if (node === REGISTRY) {
      st.registryUp = true;
      // Listings survived; their expiry and check timers did not: arm them again.
      for (const id of Object.keys(st.listings)) {
        ctx.setTimer(REGISTRY, Math.max(0, st.listings[id]!.expiresAt - st.now), 'expire', id);
        if (st.config.checkInterval > 0) ctx.setTimer(REGISTRY, st.config.checkInterval, 'check', id);
      }
      return;
    }
    if (node === BALANCER && st.balancer) { st.balancer.up = true; ctx.setTimer(BALANCER, 0, 'refresh'); return; }
    const inst = st.instances[node];
    if (inst) { inst.down = false; inst.leaving = false; startBeating(st, node, ctx); return; }
    const c = st.clients[node];
    if (c) { c.down = false; ctx.setTimer(c.id, c.rate, 'tick'); }
  },
  invariants,
  queries: discoveryQueries,
  formatMessage: formatDiscoveryMessage,
};
