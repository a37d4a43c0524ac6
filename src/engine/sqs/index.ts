// The SQS system's one registration and its public read surface.
import { defineSystem } from '../define-system.ts';
import { sqsSystem } from './system.ts';
import { sqsCommands } from './commands.ts';

export const sqs = defineSystem({ def: sqsSystem, commands: sqsCommands });

export { SQS_NODE, type SqsState } from './state.ts';
export { sqsMessageViews } from './message-view.ts';
export type { MessageView } from '../delivery/index.ts';
