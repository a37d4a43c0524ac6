// What conditions, predictions and views can read from discovery: `expect discovery.failed(c1) <= 5`.
import type { Query } from '../core/types.ts';
import { handedOut } from './directory.ts';
import {
  DEAD, SUSPECT, STATE_NAMES, disseminationBound, memberIndex, retransmitLimit, suspicionTimeout, type Client, type DiscoveryState,
} from './state.ts';

const client = (st: DiscoveryState, id: string | undefined): Client => {
  const c = st.clients[id ?? ''];
  if (!c) throw new Error(`no client named '${id}'${st.clientOrder.length ? `; clients are ${st.clientOrder.join(',')}` : '; start one with discovery.client'}`);
  return c;
};

const sumClients = (st: DiscoveryState, f: (c: Client) => number) => st.clientOrder.reduce((s, id) => s + f(st.clients[id]!), 0);
const orMinus = (t: number | null, from: number | null) => (t === null || from === null ? -1 : t - from);

export const discoveryQueries: readonly Query<DiscoveryState>[] = [
  {
    name: 'discovery.listed', params: ['instance?'], example: 'expect discovery.listed(api2) == false',
    description: 'with an instance: whether the registry hands it out (listed and passing); without: how many it hands out',
    get: (st, [id]) => (id ? handedOut(st).includes(id) : handedOut(st).length),
  },
  {
    name: 'discovery.expires', params: ['instance'], example: 'expect discovery.expires(api1) > now',
    description: "when the instance's registration expires (ms), or -1 when it is not listed",
    get: (st, [id]) => st.listings[id ?? '']?.expiresAt ?? -1,
  },
  {
    name: 'discovery.sent', params: ['client?'], example: 'expect discovery.sent(c1) >= 10',
    description: 'requests sent (by one client, or by all)', get: (st, [id]) => (id ? client(st, id).sent : sumClients(st, (c) => c.sent)),
  },
  {
    name: 'discovery.failed', params: ['client?'], example: 'expect discovery.failed(c1) <= 5',
    description: 'requests that failed: unanswered within the timeout, or with nowhere to go (by one client, or by all)',
    get: (st, [id]) => (id ? client(st, id).failed : sumClients(st, (c) => c.failed)),
  },
  {
    name: 'discovery.ok', params: ['client?'], example: 'expect discovery.ok(c1) > 0',
    description: 'requests answered (by one client, or by all)', get: (st, [id]) => (id ? client(st, id).ok : sumClients(st, (c) => c.ok)),
  },
  {
    name: 'discovery.lookups', params: ['client?'], example: 'expect discovery.lookups(c1) <= 3',
    description: 'lookups sent to the registry (by one client, or by all clients and the balancer)',
    get: (st, [id]) => (id ? client(st, id).lookups : sumClients(st, (c) => c.lookups) + (st.balancer?.lookups ?? 0)),
  },
  {
    name: 'discovery.served', params: ['instance'], example: 'expect discovery.served(api1) > 0',
    description: 'requests the instance has answered', get: (st, [id]) => st.instances[id ?? '']?.served ?? 0,
  },
  {
    name: 'discovery.staleRoutes', params: [], example: 'expect discovery.staleRoutes == 0',
    description: "requests routed to an instance the registry had dropped longer ago than the router's TTL",
    get: (st) => st.staleRoutes,
  },
  {
    name: 'discovery.view', params: ['observer', 'member'], example: 'expect discovery.view(m1, m3) == dead',
    description: "what one SWIM member believes of another: alive, suspect or dead",
    get: (st, [o, s]) => STATE_NAMES[st.members[memberIndex(st, o)]!.view[memberIndex(st, s)]!],
  },
  {
    name: 'discovery.incarnation', params: ['member'], example: 'expect discovery.incarnation(m2) == 1',
    description: "the member's own incarnation number (raised each time it refutes a rumour or rejoins)",
    get: (st, [m]) => st.members[memberIndex(st, m)]!.incarnation,
  },
  {
    name: 'discovery.knowDead', params: ['member'], example: 'expect discovery.knowDead(m3) == 7',
    description: 'how many running members (other than it) believe the member dead',
    get: (st, [m]) => st.audit[memberIndex(st, m)]!.counts[DEAD],
  },
  {
    name: 'discovery.suspects', params: ['member'], example: 'run until="discovery.suspects(m3) > 0" max=10s',
    description: 'how many running members (other than it) suspect the member',
    get: (st, [m]) => st.audit[memberIndex(st, m)]!.counts[SUSPECT],
  },
  {
    name: 'discovery.allKnow', params: ['member'], example: 'run until="discovery.allKnow(m3)" max=20s',
    description: 'whether every running member (other than it) believes the member dead',
    get: (st, [m]) => st.audit[memberIndex(st, m)]!.allDeadAt !== null,
  },
  {
    name: 'discovery.detectTime', params: ['member'], example: 'expect discovery.detectTime(m3) <= 6s',
    description: 'ms from its crash until the first member declared it dead, or -1',
    get: (st, [m]) => { const a = st.audit[memberIndex(st, m)]!; return orMinus(a.firstDeadAt, a.crashedAt); },
  },
  {
    name: 'discovery.spreadTime', params: ['member'], example: 'expect discovery.spreadTime(m3) <= 8s',
    description: 'ms from its crash until every running member believed it dead, or -1',
    get: (st, [m]) => { const a = st.audit[memberIndex(st, m)]!; return orMinus(a.allDeadAt, a.crashedAt); },
  },
  {
    name: 'discovery.falsePositives', params: [], example: 'expect discovery.falsePositives == 0',
    description: 'times a member declared a running member dead (by its own suspicion timeout)', get: (st) => st.falsePositives,
  },
  {
    name: 'discovery.suspicionTimeout', params: [], example: 'expect discovery.suspicionTimeout == 4s',
    description: "the suspicion timeout for the group's size: SuspicionMult × max(1, log10 N) × ProbeInterval",
    get: (st) => suspicionTimeout(st.swim, st.members.length),
  },
  {
    name: 'discovery.retransmits', params: [], example: 'expect discovery.retransmits == 8',
    description: 'how many times each rumour is sent: RetransmitMult × ceil(log10(N+1))', get: (st) => retransmitLimit(st.swim, st.members.length),
  },
  {
    name: 'discovery.bound', params: [], example: 'expect discovery.bound > 4s',
    description: 'how long running members may disagree about a member before the convergence check fires',
    get: (st) => disseminationBound(st.swim, st.members.length),
  },
  { name: 'discovery.members', params: [], example: 'expect discovery.members == 8', description: 'how many SWIM members there are (running or not)', get: (st) => st.members.length },
  { name: 'discovery.running', params: [], example: 'expect discovery.running == 7', description: 'how many SWIM members are running', get: (st) => st.running },
];
