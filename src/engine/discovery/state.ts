// Service discovery (lesson 12) as plain data: the town directory (a registry with TTL'd registrations and
// health checks), service instances that register and heartbeat, clients that find them (client-side with a
// cached list, through a server-side balancer, or through DNS with a record TTL), and a SWIM gossip
// membership group as in HashiCorp's memberlist. Every crash loses a node's volatile state; what survives
// is said beside each field.
import type { NodeId, Time } from '../core/types.ts';

export const REGISTRY = 'registry';
export const BALANCER = 'lb';
export const MAX_MEMBERS = 512;

// ---------------------------------------------------------------- the directory

export type Health = 'passing' | 'critical';

export interface Listing {
  instance: NodeId;
  registeredAt: Time;
  /** A registration lives until this moment unless a heartbeat pushes it on (Consul's TTL check, Eureka's lease). */
  expiresAt: Time;
  lastBeat: Time;
  /** The registry's own health check: critical listings are not handed out (Consul's passing-only query). */
  health: Health;
  /** A check sent and not yet answered (its number), or null. */
  checkPending: number | null;
}

export interface DirectoryConfig {
  ttl: Time;
  heartbeat: Time;
  /** Active health checks by the registry; 0ms: none. */
  checkInterval: Time;
  checkTimeout: Time;
}

export interface Instance {
  id: NodeId;
  down: boolean;
  /** Deregistered gracefully: serves what arrives but no longer heartbeats. */
  leaving: boolean;
  served: number;
}

// ---------------------------------------------------------------- clients

export type ClientMode = 'client' | 'server' | 'dns';
export type Policy = 'rr' | 'random' | 'least';

export interface Outstanding {
  id: number;
  instance: NodeId;
  sentAt: Time;
}

export interface Client {
  id: NodeId;
  mode: ClientMode;
  policy: Policy;
  /** Between two requests. */
  rate: Time;
  /** A request unanswered this long has failed. */
  timeout: Time;
  /** How long a looked-up list is trusted: the refresh period (client-side) or the record TTL (DNS). */
  ttl: Time;
  /** DNS answers kept for ever (a JVM with networkaddress.cache.ttl=-1). */
  pin: boolean;
  down: boolean;
  // ---- volatile
  cache: NodeId[];
  cacheUntil: Time;
  /** A lookup in flight: requests wait for its answer. */
  resolving: boolean;
  waiting: number;
  rr: number;
  outstanding: Outstanding[];
  // ---- counters (the lab's, not the client's; they survive a crash)
  sent: number;
  ok: number;
  failed: number;
  lookups: number;
}

export interface Balancer {
  up: boolean;
  policy: Policy;
  refresh: Time;
  list: NodeId[];
  rr: number;
  /** Requests forwarded and not yet answered, per instance (least outstanding). */
  outstanding: Record<NodeId, number>;
  /** Forwarded request id -> the client and the client's request id. */
  pending: Record<number, { client: NodeId; id: number; instance: NodeId }>;
  lookups: number;
}

// ---------------------------------------------------------------- SWIM

/** A member's view of another, in memberlist's words. */
export const ALIVE = 0;
export const SUSPECT = 1;
export const DEAD = 2;
export type MemberState = typeof ALIVE | typeof SUSPECT | typeof DEAD;
export const STATE_NAMES = ['alive', 'suspect', 'dead'] as const;

export interface SwimConfig {
  probeInterval: Time;
  probeTimeout: Time;
  indirectChecks: number;
  suspicionMult: number;
  retransmitMult: number;
  gossipInterval: Time;
  gossipNodes: number;
  /** Most updates piggybacked on one packet (memberlist fills a UDP packet; the lab counts updates). */
  piggyback: number;
}

/** memberlist's DefaultLANConfig (config.go). */
export const LAN_DEFAULTS: SwimConfig = {
  probeInterval: 1000, probeTimeout: 500, indirectChecks: 3, suspicionMult: 4, retransmitMult: 4,
  gossipInterval: 200, gossipNodes: 3, piggyback: 8,
};

/** One rumour in a member's broadcast queue (memberlist's TransmitLimitedQueue). */
export interface Rumour {
  subject: number;
  state: MemberState;
  inc: number;
  transmits: number;
}

export interface Probe {
  target: number;
  seq: number;
  acked: boolean;
  indirect: boolean;
}

export interface Member {
  id: NodeId;
  index: number;
  down: boolean;
  /** Own incarnation number: kept across a restart here (a simplification, see the README). */
  incarnation: number;
  // ---- volatile
  /** This member's view of every member, by index: state and incarnation. */
  view: MemberState[];
  incs: number[];
  queue: Rumour[];
  probeOrder: number[];
  probePos: number;
  probe: Probe | null;
  seq: number;
  /** Indirect probes run for others: my seq -> the asker and its seq. */
  relays: Record<number, { asker: NodeId; seq: number }>;
}

/** What the lab measures about each member (ground truth beside the members' beliefs). */
export interface MemberAudit {
  crashedAt: Time | null;
  firstSuspectAt: Time | null;
  firstDeadAt: Time | null;
  allDeadAt: Time | null;
  /** Running observers (other than the member itself) per believed state: alive, suspect, dead. */
  counts: [number, number, number];
  disagreeSince: Time | null;
}

export interface DiscoveryState {
  /** Simulated time of the last handler, so invariants can judge durations. */
  now: Time;
  config: DirectoryConfig;
  registryUp: boolean;
  listings: Record<NodeId, Listing>;
  /** When the registry stopped handing an instance out (expired, deregistered, failed its check). */
  goneAt: Record<NodeId, Time>;
  instances: Record<NodeId, Instance>;
  instanceOrder: NodeId[];
  checkSeq: number;
  clients: Record<NodeId, Client>;
  clientOrder: NodeId[];
  balancer: Balancer | null;
  nextRequest: number;
  /** Requests routed to an instance the registry had dropped longer ago than the router's TTL allows. */
  staleRoutes: number;
  lastStaleRoute: string | null;
  // ---- SWIM
  swim: SwimConfig;
  members: Member[];
  running: number;
  audit: MemberAudit[];
  falsePositives: number;
  lastFalsePositive: string | null;
  /** A member the running members have disagreed about for longer than the dissemination bound. */
  lingering: string | null;
  nextAudit: Time;
  messages: number;
}

export function initialDiscoveryState(): DiscoveryState {
  return {
    now: 0, config: { ttl: 3000, heartbeat: 1000, checkInterval: 0, checkTimeout: 500 },
    registryUp: false, listings: {}, goneAt: {}, instances: {}, instanceOrder: [], checkSeq: 0,
    clients: {}, clientOrder: [], balancer: null, nextRequest: 1, staleRoutes: 0, lastStaleRoute: null,
    swim: { ...LAN_DEFAULTS }, members: [], running: 0, audit: [], falsePositives: 0, lastFalsePositive: null,
    lingering: null, nextAudit: 0, messages: 0,
  };
}

export const memberName = (i: number): NodeId => `m${i + 1}`;

export function memberIndex(st: DiscoveryState, id: string | undefined): number {
  const m = /^m(\d+)$/.exec(id ?? '');
  const i = m ? Number(m[1]) - 1 : -1;
  if (i < 0 || i >= st.members.length) {
    throw new Error(`no SWIM member named '${id}'${st.members.length ? `; members are m1..m${st.members.length}` : '; start some with discovery.swim members=8'}`);
  }
  return i;
}

/** memberlist util.go suspicionTimeout: SuspicionMult × max(1, log10(N)) × ProbeInterval. */
export function suspicionTimeout(cfg: SwimConfig, n: number): Time {
  const scale = Math.max(1, Math.log10(Math.max(1, n)));
  return Math.floor((cfg.suspicionMult * Math.floor(scale * 1000) * cfg.probeInterval) / 1000);
}

/** memberlist util.go retransmitLimit: RetransmitMult × ceil(log10(N + 1)). */
export function retransmitLimit(cfg: SwimConfig, n: number): number {
  return cfg.retransmitMult * Math.ceil(Math.log10(n + 1));
}

/** How long running members may disagree about a member before the lab calls it a failure to converge:
 *  the suspicion timeout, one probe period to notice, and every retransmission of the rumour spread over
 *  gossip rounds (the lab's bound, not memberlist's). */
export function disseminationBound(cfg: SwimConfig, n: number): Time {
  const rounds = Math.ceil(retransmitLimit(cfg, n) / Math.max(1, cfg.gossipNodes)) + Math.ceil(Math.log2(Math.max(2, n)));
  return suspicionTimeout(cfg, n) + 2 * cfg.probeInterval + rounds * cfg.gossipInterval;
}

/** How long after the registry drops an instance a router of this kind may still use it. */
export const ROUTE_GRACE = 100;
