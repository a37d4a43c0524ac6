// The hash ring's one registration and its public read surface for the pictures.
import { defineSystem } from '../define-system.ts';
import { hashring as hashringDef } from './system.ts';
import { hashringCommands } from './commands.ts';

export const hashring = defineSystem({ def: hashringDef, commands: hashringCommands });

export type { HashRingState, HotKey } from './state.ts';
export { HASHRING } from './state.ts';
export { SCHEMES, type Scheme } from './schemes.ts';
export type { LoadStats, Movement } from './metrics.ts';
export { murmur3 } from './hash.ts';
export { jumpHash } from './jump.ts';
export { currentRing, keyItems, keyStats, keysPerNode, lastMovement, owners, replicasOf, requestsPerNode, expectedMoveFraction } from './selectors.ts';
export { arcShares, type Ring } from './ring.ts';
