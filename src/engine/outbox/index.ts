// The outbox system's one registration and its public read surface (for the views).
import { defineSystem } from '../define-system.ts';
import { outboxSystem } from './system.ts';
import { outboxCommands } from './commands.ts';

export const outbox = defineSystem({ def: outboxSystem, commands: outboxCommands });

export {
  BROKER, OUTBOX, relayName, describeEvent, type OutboxState, type Service as OutboxService, type Relay as OutboxRelay,
  type Consumer as OutboxConsumer, type OutboxRow, type BoardEntry, type OutEvent, type SaveRecord,
} from './state.ts';
export { pendingRows } from './relay.ts';
