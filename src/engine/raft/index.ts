// The Raft system's one registration and its public read surface: the state and the per-server views.
import { defineSystem } from '../define-system.ts';
import { raft as raftDef } from './system.ts';
import { raftCommands } from './commands.ts';

export const raft = defineSystem({ def: raftDef, commands: raftCommands });

export { majorityOf, type RaftState } from './state.ts';
export type { RaftMessage } from './messages.ts';
export { raftClusterView, raftServerViews, type RaftServerView } from './view.ts';
