// The discovery system's one registration and its public read surface: the state and the view selectors.
import { defineSystem } from '../define-system.ts';
import { discovery as discoveryDef } from './system.ts';
import { discoveryCommands } from './commands.ts';

export const discovery = defineSystem({ def: discoveryDef, commands: discoveryCommands });

export type { DiscoveryState, Listing, Client, Member, MemberAudit, ClientMode, Policy } from './state.ts';
export { ALIVE, SUSPECT, DEAD, STATE_NAMES, REGISTRY, BALANCER, memberName, suspicionTimeout, disseminationBound } from './state.ts';
export type { DiscoveryMessage, Update } from './messages.ts';
export { formatDiscoveryMessage } from './messages.ts';
export { handedOut } from './directory.ts';
