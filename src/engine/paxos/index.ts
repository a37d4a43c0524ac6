// The Paxos system's one registration and its public read surface: the state and the per-agent views.
import { defineSystem } from '../define-system.ts';
import { paxos as paxosDef } from './system.ts';
import { paxosCommands } from './commands.ts';

export const paxos = defineSystem({ def: paxosDef, commands: paxosCommands });

export type { PaxosState } from './state.ts';
export type { PaxosMessage } from './messages.ts';
export { paxosAgentViews, paxosSummary, type PaxosAgentView } from './view.ts';
