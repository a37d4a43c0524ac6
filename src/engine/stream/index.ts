// The stream system's one registration and its public read surface.
import { defineSystem } from '../define-system.ts';
import { streamSystem } from './system.ts';
import { streamCommands } from './commands.ts';

export const stream = defineSystem({ def: streamSystem, commands: streamCommands });

export { STREAM_NODE, type StreamState } from './state.ts';
export { lagOf } from './log.ts';
