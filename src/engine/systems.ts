// Every system the lab knows, and the scenario commands each adds. A sim instantiates a system's state
// lazily, the first time a command or query of that system touches it.
import type { SystemDef } from './core/types.ts';
import type { CommandSpec } from './core/command.ts';
import { townBoard } from './town/system.ts';
import { townCommands } from './town/commands.ts';
import { raft } from './raft/system.ts'; import { raftCommands } from './raft/commands.ts';
import { paxos } from './paxos/system.ts'; import { paxosCommands } from './paxos/commands.ts';
import { kafkaSystem } from './kafka/system.ts'; import { kafkaCommands } from './kafka/commands.ts';
import { sqsSystem } from './sqs/system.ts'; import { sqsCommands } from './sqs/commands.ts';
import { rabbitSystem } from './rabbit/system.ts'; import { rabbitCommands } from './rabbit/commands.ts';
import { pubsubSystem } from './pubsub/system.ts'; import { pubsubCommands } from './pubsub/commands.ts';
import { streamSystem } from './stream/system.ts'; import { streamCommands } from './stream/commands.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allSystems: readonly SystemDef<any>[] = [
  townBoard,
  raft,
  paxos,
  kafkaSystem,
  sqsSystem,
  rabbitSystem,
  pubsubSystem,
  streamSystem,
];

export const systemCommands: readonly CommandSpec[] = [
  ...townCommands,
  ...raftCommands,
  ...paxosCommands,
  ...kafkaCommands,
  ...sqsCommands,
  ...rabbitCommands,
  ...pubsubCommands,
  ...streamCommands,
];
