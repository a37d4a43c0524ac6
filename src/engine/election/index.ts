// The election system's one registration and its public read surface: the state and the view selectors.
import { defineSystem } from '../define-system.ts';
import { election as electionDef } from './system.ts';
import { electionCommands } from './commands.ts';

export const election = defineSystem({ def: electionDef, commands: electionCommands });

export type { ElectionState, BullyNode, BullyConfig, Lease, LockClient, StoredWrite } from './state.ts';
export { LOCKS, STORAGE, liveHolder, selfLeaders } from './state.ts';
export type { ElectionMessage } from './messages.ts';
export { formatElectionMessage } from './messages.ts';
