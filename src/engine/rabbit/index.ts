// The RabbitMQ system's one registration and its public read surface.
import { defineSystem } from '../define-system.ts';
import { rabbitSystem } from './system.ts';
import { rabbitCommands } from './commands.ts';

export const rabbit = defineSystem({ def: rabbitSystem, commands: rabbitCommands });

export { BROKER, type ExchangeType, type RabbitState, type RouteHop } from './state.ts';
export { describeBinding } from './routing.ts';
export { rabbitMessageViews } from './queries.ts';
