// Pure: what the discovery pictures draw, from the state. The directory (listings with their expiry, each
// instance's truth beside what the registry says), the clients' cached lists, and the SWIM group: every
// member's view of every other as a grid, which members disagree, and the rumour the town is whispering.
import type { Sim } from '../../engine/core/index.ts';
import {
  DEAD, STATE_NAMES, SUSPECT, disseminationBound, handedOut, suspicionTimeout, type DiscoveryState,
} from '../../engine/discovery/index.ts';

export type Belief = 'alive' | 'suspect' | 'dead';

export interface ListingRow {
  id: string;
  /** What the registry says. */
  listed: boolean;
  health: 'passing' | 'critical' | 'gone';
  /** Ms until the registration expires (listed only). */
  expiresIn: number | null;
  expiresAt: number | null;
  /** The truth: the instance is running. */
  up: boolean;
  leaving: boolean;
  served: number;
}

export interface ClientRow {
  id: string;
  mode: 'client' | 'server' | 'dns';
  policy: string;
  cache: string[];
  /** Ms the cached list is still trusted for; null: none cached (or pinned for ever). */
  freshFor: number | null;
  pinned: boolean;
  sent: number;
  ok: number;
  failed: number;
  lookups: number;
  /** Instances in its cache that are no longer running (it will send them work that fails). */
  stale: string[];
}

export interface MemberCell { id: string; down: boolean; incarnation: number }

export interface SwimPicture {
  members: MemberCell[];
  /** beliefs[observer][subject] as a letter: a alive, s suspect, d dead. */
  beliefs: string[];
  /** Per subject: running observers who believe alive, suspect, dead. */
  counts: [number, number, number][];
  disagreeing: number[];
  /** The member the town whispers about: the last one suspected or declared dead, if any. */
  rumour: { subject: number; heard: boolean[]; belief: Belief } | null;
  suspicionTimeout: number;
  bound: number;
  falsePositives: number;
}

export interface DiscoveryPicture {
  now: number;
  ttl: number;
  registryUp: boolean;
  listings: ListingRow[];
  clients: ClientRow[];
  balancer: { up: boolean; list: string[] } | null;
  staleRoutes: number;
  swim: SwimPicture | null;
}

export const NO_DISCOVERY: DiscoveryPicture = {
  now: 0, ttl: 0, registryUp: false, listings: [], clients: [], balancer: null, staleRoutes: 0, swim: null,
};

const LETTER = ['a', 's', 'd'] as const;

function swimPicture(st: DiscoveryState): SwimPicture | null {
  const n = st.members.length;
  if (n === 0) return null;
  const beliefs = st.members.map((m) => m.view.map((v, i) => (i === m.index ? 'a' : LETTER[v])).join(''));
  const counts = st.audit.map((a) => [...a.counts] as [number, number, number]);
  const disagreeing = st.audit.flatMap((a, i) => (a.disagreeSince !== null ? [i] : []));
  // The rumour: a member some running member does not believe alive, preferring one still spreading.
  let subject = disagreeing.find((i) => counts[i]![1] + counts[i]![2] > 0) ?? -1;
  if (subject < 0) subject = counts.findIndex((c) => c[1] + c[2] > 0);
  let rumour: SwimPicture['rumour'] = null;
  if (subject >= 0) {
    const c = counts[subject]!;
    const belief: Belief = c[2] > 0 ? 'dead' : 'suspect';
    const code = belief === 'dead' ? DEAD : SUSPECT;
    rumour = { subject, belief, heard: st.members.map((m) => m.index !== subject && m.view[subject] === code) };
  }
  return {
    members: st.members.map((m) => ({ id: m.id, down: m.down, incarnation: m.incarnation })),
    beliefs, counts, disagreeing, rumour,
    suspicionTimeout: suspicionTimeout(st.swim, n), bound: disseminationBound(st.swim, n), falsePositives: st.falsePositives,
  };
}

export function discoveryPicture(st: DiscoveryState, sim: Sim): DiscoveryPicture {
  const now = sim.now;
  const out = new Set(handedOut(st));
  const listings: ListingRow[] = st.instanceOrder.map((id) => {
    const l = st.listings[id];
    const inst = st.instances[id]!;
    return {
      id, listed: out.has(id), health: l ? l.health : 'gone', expiresIn: l ? Math.max(0, l.expiresAt - now) : null,
      expiresAt: l?.expiresAt ?? null, up: !inst.down, leaving: inst.leaving, served: inst.served,
    };
  });
  const clients: ClientRow[] = st.clientOrder.map((id) => {
    const c = st.clients[id]!;
    const cache = c.mode === 'server' ? (st.balancer?.list ?? []) : c.cache;
    return {
      id, mode: c.mode, policy: c.policy, cache: [...cache], pinned: c.pin,
      freshFor: c.mode === 'server' || c.pin || c.cacheUntil <= now ? null : c.cacheUntil - now,
      sent: c.sent, ok: c.ok, failed: c.failed, lookups: c.lookups,
      stale: cache.filter((x) => st.instances[x]?.down),
    };
  });
  return {
    now, ttl: st.config.ttl, registryUp: st.registryUp, listings, clients,
    balancer: st.balancer ? { up: st.balancer.up, list: [...st.balancer.list] } : null,
    staleRoutes: st.staleRoutes, swim: swimPicture(st),
  };
}

export const beliefName = (letter: string): Belief => (letter === 'd' ? 'dead' : letter === 's' ? 'suspect' : 'alive');
export const stateWord = (i: number): string => STATE_NAMES[i] ?? 'alive';

/** "until 5.0s (in 1.2s)" for a listing's expiry stamp. */
export function expiryWords(row: ListingRow): string {
  if (row.health === 'gone') return 'not listed';
  if (row.health === 'critical') return 'critical: not handed out';
  return `until ${((row.expiresAt ?? 0) / 1000).toFixed(1)}s`;
}

export function cacheWords(c: ClientRow): string {
  const list = c.cache.length ? c.cache.join(' ') : '(nothing yet)';
  if (c.mode === 'server') return `via lb: ${list}`;
  const fresh = c.pinned ? 'pinned for ever' : c.freshFor === null ? 'expired' : `${(c.freshFor / 1000).toFixed(1)}s left`;
  return `${list} · ${fresh}`;
}

/** Shorter ways to write a client's cached list, for a narrow box. */
export function cacheShort(c: ClientRow): string[] {
  const list = c.cache.join(' ');
  const fresh = c.pinned ? 'pinned' : c.freshFor === null ? 'expired' : `${(c.freshFor / 1000).toFixed(1)}s`;
  return c.mode === 'server' ? [list, `${c.cache.length} listed`] : [list, `${list} ${fresh}`, `${c.cache.length} cached · ${fresh}`, `${c.cache.length} cached`];
}

/** The registry's line for a listing, and shorter ways to say it. */
export function listingLine(l: ListingRow): { text: string; short: string[]; colour: string } {
  const mark = l.health === 'passing' ? '✓' : l.health === 'critical' ? '✕' : '–';
  const until = l.expiresAt === null ? '' : `${(l.expiresAt / 1000).toFixed(1)}s`;
  const short = l.health === 'passing' ? [`${l.id} ✓ ${until}`, `${l.id} ✓`] : l.health === 'critical' ? [`${l.id} ✕ critical`, `${l.id} ✕`] : [`${l.id} gone`, `${l.id} –`];
  return { text: `${l.id} ${mark} ${expiryWords(l)}`, short, colour: l.listed ? '#1d1d1f' : '#6b6b70' };
}

export const modeWords: Record<ClientRow['mode'], string> = { client: 'client-side', server: 'via balancer', dns: 'DNS' };
