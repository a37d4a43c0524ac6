// The town directory and the people who use it. Instances register and heartbeat (a TTL check in Consul's
// words, a lease renewal in Eureka's); the registry drops a listing whose TTL ran out and, when active checks
// are on, marks one critical when it misses a check. Clients find instances three ways: client-side (a cached
// list refreshed every `ttl`, balanced by the client), server-side (the balancer `lb` holds the list and
// picks), or DNS (an answer cached for its record TTL, as a stub resolver does).
import type { NodeId, SystemContext } from '../core/types.ts';
import type { DiscoveryMessage } from './messages.ts';
import { BALANCER, REGISTRY, ROUTE_GRACE, type Client, type DiscoveryState, type Policy } from './state.ts';

const send = (st: DiscoveryState, ctx: SystemContext, from: NodeId, to: NodeId, msg: DiscoveryMessage) => {
  st.messages++;
  ctx.send(from, to, msg);
};

// ---------------------------------------------------------------- the registry

/** What the registry hands out: listed and passing its check (Consul's `?passing`), in registration order. */
export const handedOut = (st: DiscoveryState): NodeId[] =>
  st.instanceOrder.filter((id) => st.listings[id]?.health === 'passing');

function drop(st: DiscoveryState, instance: NodeId, why: string, ctx: SystemContext): void {
  if (!st.listings[instance]) return;
  delete st.listings[instance];
  st.goneAt[instance] = st.now;
  ctx.note(REGISTRY, `drops ${instance}: ${why}`);
}

function renew(st: DiscoveryState, instance: NodeId, ctx: SystemContext): void {
  const l = st.listings[instance];
  if (l) {
    l.expiresAt = st.now + st.config.ttl;
    l.lastBeat = st.now;
    return;
  }
  st.listings[instance] = { instance, registeredAt: st.now, expiresAt: st.now + st.config.ttl, lastBeat: st.now, health: 'passing', checkPending: null };
  delete st.goneAt[instance];
  ctx.note(REGISTRY, `lists ${instance} until t=${st.now + st.config.ttl}ms`);
  ctx.setTimer(REGISTRY, st.config.ttl, 'expire', instance);
  if (st.config.checkInterval > 0) ctx.setTimer(REGISTRY, st.config.checkInterval, 'check', instance);
}

export function registryMessage(st: DiscoveryState, from: NodeId, msg: DiscoveryMessage, ctx: SystemContext): void {
  switch (msg.type) {
    case 'Register': case 'Heartbeat': if (st.instances[from]) renew(st, from, ctx); return;
    case 'Deregister': drop(st, from, 'deregistered', ctx); return;
    case 'CheckOk': {
      const l = st.listings[from];
      if (!l || l.checkPending !== msg.seq) return;
      l.checkPending = null;
      if (l.health === 'critical') {
        l.health = 'passing';
        delete st.goneAt[from];
        ctx.note(REGISTRY, `${from} passes its check again`);
      }
      return;
    }
    case 'Lookup': send(st, ctx, REGISTRY, from, { type: 'Listing', instances: handedOut(st) }); return;
    case 'DnsQuery': {
      const ttl = st.clients[from]?.ttl ?? 0;
      send(st, ctx, REGISTRY, from, { type: 'DnsAnswer', instances: handedOut(st), ttl });
      return;
    }
    default: return;
  }
}

export function registryTimer(st: DiscoveryState, name: string, data: unknown, ctx: SystemContext): void {
  const id = data as NodeId;
  const l = st.listings[id];
  if (!l) return;
  if (name === 'expire') {
    if (st.now >= l.expiresAt) drop(st, id, `its TTL ran out (last heartbeat t=${l.lastBeat}ms)`, ctx);
    else ctx.setTimer(REGISTRY, l.expiresAt - st.now, 'expire', id);
  } else if (name === 'check') {
    if (st.config.checkInterval === 0) return;
    const seq = ++st.checkSeq;
    l.checkPending = seq;
    send(st, ctx, REGISTRY, id, { type: 'Check', seq });
    ctx.setTimer(REGISTRY, st.config.checkTimeout, 'check-timeout', { id, seq });
    ctx.setTimer(REGISTRY, st.config.checkInterval, 'check', id);
  }
}

export function registryCheckTimeout(st: DiscoveryState, data: { id: NodeId; seq: number }, ctx: SystemContext): void {
  const l = st.listings[data.id];
  if (!l || l.checkPending !== data.seq) return;
  l.checkPending = null;
  if (l.health === 'passing') {
    l.health = 'critical';
    st.goneAt[data.id] = st.now;
    ctx.note(REGISTRY, `${data.id} fails its check: critical, no longer handed out`);
  }
}

// ---------------------------------------------------------------- instances

export function instanceMessage(st: DiscoveryState, id: NodeId, from: NodeId, msg: DiscoveryMessage, ctx: SystemContext): void {
  if (msg.type === 'Check') send(st, ctx, id, from, { type: 'CheckOk', seq: msg.seq });
  else if (msg.type === 'Request') {
    st.instances[id]!.served++;
    send(st, ctx, id, from, { type: 'Response', id: msg.id });
  }
}

export function startBeating(st: DiscoveryState, id: NodeId, ctx: SystemContext): void {
  send(st, ctx, id, REGISTRY, { type: 'Register' });
  ctx.setTimer(id, st.config.heartbeat, 'heartbeat');
}

export function instanceTimer(st: DiscoveryState, id: NodeId, name: string, ctx: SystemContext): void {
  const inst = st.instances[id]!;
  if (name !== 'heartbeat' || inst.leaving) return;
  send(st, ctx, id, REGISTRY, { type: 'Heartbeat' });
  ctx.setTimer(id, st.config.heartbeat, 'heartbeat');
}

// ---------------------------------------------------------------- load balancing

function pick(list: readonly NodeId[], policy: Policy, rr: { rr: number }, load: (id: NodeId) => number, ctx: SystemContext): NodeId | null {
  if (list.length === 0) return null;
  if (policy === 'random') return ctx.rng.pick(list);
  if (policy === 'least') {
    // Least outstanding requests; ties go round-robin so equal instances share the work.
    const start = rr.rr++ % list.length;
    let best = list[start]!;
    for (let k = 1; k < list.length; k++) {
      const c = list[(start + k) % list.length]!;
      if (load(c) < load(best)) best = c;
    }
    return best;
  }
  return list[rr.rr++ % list.length]!;
}

/** The live detector's measure: a router sent work to an instance the registry dropped more than its TTL ago. */
function checkRoute(st: DiscoveryState, router: NodeId, instance: NodeId, ttl: number): void {
  const gone = st.goneAt[instance];
  if (gone === undefined || st.now - gone <= ttl + ROUTE_GRACE) return;
  st.staleRoutes++;
  st.lastStaleRoute = `${router} sent a request to ${instance} at t=${st.now}ms, ${st.now - gone}ms after the registry dropped it (its TTL is ${ttl}ms)`;
}

// ---------------------------------------------------------------- clients

function lookup(st: DiscoveryState, c: Client, ctx: SystemContext): void {
  if (c.resolving) return;
  c.resolving = true;
  c.lookups++;
  send(st, ctx, c.id, REGISTRY, c.mode === 'dns' ? { type: 'DnsQuery' } : { type: 'Lookup' });
}

function fire(st: DiscoveryState, c: Client, ctx: SystemContext): void {
  const id = st.nextRequest++;
  if (c.mode === 'server') {
    c.sent++;
    c.outstanding.push({ id, instance: BALANCER, sentAt: st.now });
    send(st, ctx, c.id, BALANCER, { type: 'Request', id });
    ctx.setTimer(c.id, c.timeout, 'request-timeout', id);
    return;
  }
  const load = (x: NodeId) => c.outstanding.filter((o) => o.instance === x).length;
  const target = pick(c.cache, c.policy, c, load, ctx);
  if (target === null) { c.sent++; c.failed++; return; }
  checkRoute(st, c.id, target, c.ttl);
  c.sent++;
  c.outstanding.push({ id, instance: target, sentAt: st.now });
  send(st, ctx, c.id, target, { type: 'Request', id });
  ctx.setTimer(c.id, c.timeout, 'request-timeout', id);
}

const cacheFresh = (st: DiscoveryState, c: Client): boolean => (c.pin && c.cacheUntil > 0) || st.now < c.cacheUntil;

export function clientTimer(st: DiscoveryState, c: Client, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'tick') {
    ctx.setTimer(c.id, c.rate, 'tick');
    if (c.mode === 'server' || cacheFresh(st, c)) { fire(st, c, ctx); return; }
    c.waiting++;
    lookup(st, c, ctx);
  } else if (name === 'request-timeout') {
    const i = c.outstanding.findIndex((o) => o.id === data);
    if (i < 0) return;
    c.outstanding.splice(i, 1);
    c.failed++;
  }
}

export function clientMessage(st: DiscoveryState, c: Client, msg: DiscoveryMessage, ctx: SystemContext): void {
  if (msg.type === 'Listing' || msg.type === 'DnsAnswer') {
    c.resolving = false;
    c.cache = [...msg.instances];
    // A DNS answer is trusted for its record TTL; a client-side list until the next refresh.
    c.cacheUntil = st.now + (msg.type === 'DnsAnswer' ? msg.ttl : c.ttl);
    const waiting = c.waiting;
    c.waiting = 0;
    for (let k = 0; k < waiting; k++) fire(st, c, ctx);
  } else if (msg.type === 'Response') {
    const i = c.outstanding.findIndex((o) => o.id === msg.id);
    if (i < 0) return;
    c.outstanding.splice(i, 1);
    c.ok++;
  }
}

// ---------------------------------------------------------------- the server-side balancer

export function balancerMessage(st: DiscoveryState, from: NodeId, msg: DiscoveryMessage, ctx: SystemContext): void {
  const b = st.balancer!;
  if (msg.type === 'Listing') { b.list = [...msg.instances]; return; }
  if (msg.type === 'Request') {
    const target = pick(b.list, b.policy, b, (x) => b.outstanding[x] ?? 0, ctx);
    if (target === null) return;
    checkRoute(st, BALANCER, target, b.refresh);
    const fwd = st.nextRequest++;
    b.pending[fwd] = { client: from, id: msg.id, instance: target };
    b.outstanding[target] = (b.outstanding[target] ?? 0) + 1;
    send(st, ctx, BALANCER, target, { type: 'Request', id: fwd });
    ctx.setTimer(BALANCER, 2000, 'forget', fwd);
  } else if (msg.type === 'Response') {
    const p = b.pending[msg.id];
    if (!p) return;
    delete b.pending[msg.id];
    b.outstanding[p.instance] = Math.max(0, (b.outstanding[p.instance] ?? 1) - 1);
    send(st, ctx, BALANCER, p.client, { type: 'Response', id: p.id });
  }
}

export function balancerTimer(st: DiscoveryState, name: string, data: unknown, ctx: SystemContext): void {
  const b = st.balancer!;
  if (name === 'refresh') {
    b.lookups++;
    send(st, ctx, BALANCER, REGISTRY, { type: 'Lookup' });
    ctx.setTimer(BALANCER, b.refresh, 'refresh');
  } else if (name === 'forget') {
    const p = b.pending[data as number];
    if (!p) return;
    delete b.pending[data as number];
    b.outstanding[p.instance] = Math.max(0, (b.outstanding[p.instance] ?? 1) - 1);
  }
}
