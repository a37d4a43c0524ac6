// Every kafka.* scenario command.
import type { CommandSpec } from '../core/command.ts';
import { clusterCommands } from './commands-cluster.ts';
import { clientCommands } from './commands-clients.ts';

export const kafkaCommands: readonly CommandSpec[] = [...clusterCommands, ...clientCommands];
