// The network between nodes: per-link latency (fixed, uniform or bell-shaped jitter), loss, duplication,
// reordering, and one-way cuts (a two-way partition is two one-way cuts). The simulator's send decides
// each message's fate from these: loss, then the delay, then duplication and the copy's delay.
import type { LinkSpec, NodeId } from './types.ts';
import { chancePpm, randInt, toPpm, type RngState } from './prng.ts';

export interface NetworkState {
  defaults: LinkSpec;
  /** Overrides per directed link, keyed `from>to`. */
  links: Record<string, Partial<LinkSpec>>;
  /** Directed links that deliver nothing, keyed `from>to`. */
  cuts: Record<string, true>;
}

export const DEFAULT_LINK: LinkSpec = { latency: 10, jitter: 0, dist: 'uniform', loss: 0, dup: 0, reorder: 0 };

export const linkKey = (from: NodeId, to: NodeId): string => `${from}>${to}`;

export function initialNetwork(overrides: Partial<LinkSpec> = {}): NetworkState {
  return { defaults: { ...DEFAULT_LINK, ...overrides }, links: {}, cuts: {} };
}

/** True when the record has any key: a fast path for the common case of no overrides and no cuts. */
export function hasAny(o: Record<string, unknown>): boolean {
  for (const _ in o) return true;
  return false;
}

export function linkSpec(net: NetworkState, from: NodeId, to: NodeId): LinkSpec {
  if (!hasAny(net.links)) return net.defaults;
  const o = net.links[linkKey(from, to)];
  return o ? { ...net.defaults, ...o } : net.defaults;
}

export const isCut = (net: NetworkState, from: NodeId, to: NodeId): boolean =>
  hasAny(net.cuts) && net.cuts[linkKey(from, to)] === true;

/** A link's spec resolved for sending: probabilities as parts per million, worked out once per change. */
export interface Route {
  readonly latency: number;
  readonly jitter: number;
  readonly normal: boolean;
  readonly lossPpm: number;
  readonly dupPpm: number;
  readonly reorderPpm: number;
}

export const routeOf = (spec: LinkSpec): Route => ({
  latency: spec.latency, jitter: spec.jitter, normal: spec.dist === 'normal',
  lossPpm: toPpm(spec.loss), dupPpm: toPpm(spec.dup), reorderPpm: spec.reorder > 0 ? toPpm(spec.reorder) : 0,
});

/** One copy's delay on a link: base latency, jitter, and the reorder hold-back, drawn in that order. */
export function routeDelay(r: Route, rng: RngState): number {
  let d = r.latency;
  if (r.jitter > 0) {
    d += r.normal
      ? Math.floor((randInt(rng, 0, r.jitter) + randInt(rng, 0, r.jitter) + randInt(rng, 0, r.jitter)) / 3)
      : randInt(rng, 0, r.jitter);
  }
  // A reordered message is held back long enough for later ones to overtake it.
  if (chancePpm(rng, r.reorderPpm)) d += randInt(rng, r.latency + 1, 2 * r.latency + r.jitter + 2);
  return Math.max(0, d);
}
