// The Kafka system's one registration and its public read surface: the state's types and the selectors
// the pictures are built on (partition lanes, lag, the acked-records audit, the queries' definitions).
import { defineSystem } from '../define-system.ts';
import { kafkaSystem } from './system.ts';
import { kafkaCommands } from './commands.ts';

export const kafka = defineSystem({ def: kafkaSystem, commands: kafkaCommands });

export type { Group, KafkaState, KRecord, Rebalance, Replica } from './state.ts';
export { partitionLanes } from './selectors.ts';
export { groupTopics, partitionLag } from './lag.ts';
export { partitionsOf } from './cluster.ts';
export { missingAcked } from './audit.ts';
export { recordAt } from './log.ts';
export { kafkaQueries } from './queries.ts';
