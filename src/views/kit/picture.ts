// A system's picture: a pure model of its state (no React, no DOM; tested in Node) worked out once per
// state of the run however many panes (town, technical) ask for it.
import type { Sim } from '../../engine/core/index.ts';

/**
 * Builds a picture from a system's state (or, for a family of systems drawn together, from the states of
 * those the run uses, by name, in the order the run first used them). A module-level function: it is the
 * cache's key.
 */
export type PictureFn<S, P> = (state: S, sim: Sim) => P;

interface Cached { sys: string; sim: Sim; version: number; now: number; picture: unknown }
const cache = new WeakMap<PictureFn<never, unknown>, Cached>();

/** The states of the systems of `family` the run uses, by name, in the order it first used them. */
export function familyStates(sim: Sim, family: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(sim.activeSystems().filter((s) => family.includes(s)).map((s) => [s, sim.state<unknown>(s)]));
}

/**
 * The picture of system `sys` (or of the family of systems) at the store's `version`, or null when the run
 * uses none of them. One cached picture per function: the town and technical panes, re-rendered in one
 * frame, share it.
 */
export function pictureAt<S, P>(sys: string | readonly string[], fn: PictureFn<S, P>, sim: Sim, version: number): P | null {
  const key = fn as PictureFn<never, unknown>;
  const name = typeof sys === 'string' ? sys : sys.join(',');
  const hit = cache.get(key);
  if (hit && hit.sys === name && hit.sim === sim && hit.version === version && hit.now === sim.now) return hit.picture as P | null;
  let picture: P | null = null;
  if (typeof sys === 'string') {
    if (sim.activeSystems().includes(sys)) picture = fn(sim.state<S>(sys), sim);
  } else {
    const states = familyStates(sim, sys);
    if (Object.keys(states).length > 0) picture = fn(states as S, sim);
  }
  cache.set(key, { sys: name, sim, version, now: sim.now, picture });
  return picture;
}
