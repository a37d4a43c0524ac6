// The pub/sub system's one registration and its public read surface.
import { defineSystem } from '../define-system.ts';
import { pubsubSystem } from './system.ts';
import { pubsubCommands } from './commands.ts';

export const pubsub = defineSystem({ def: pubsubSystem, commands: pubsubCommands });

export { PUBSUB_NODE, type PubsubState } from './state.ts';
export { pubsubMessageViews } from './queries.ts';
