// Every system the lab knows: one definition per system folder (its index.ts), in this order. The sim's
// system list and the scenario command table are derived from it. A sim instantiates a system's state
// lazily, the first time a command or query of that system touches it.
import type { SystemDef } from './core/types.ts';
import type { CommandSpec } from './core/command.ts';
import type { SystemDefinition } from './define-system.ts';
import { town } from './town/index.ts';
import { raft } from './raft/index.ts';
import { paxos } from './paxos/index.ts';
import { kafka } from './kafka/index.ts';
import { sqs } from './sqs/index.ts';
import { rabbit } from './rabbit/index.ts';
import { pubsub } from './pubsub/index.ts';
import { stream } from './stream/index.ts';
import { resilience } from './resilience/index.ts';
import { eventstore } from './eventstore/index.ts';
import { hashring } from './hashring/index.ts';
import { outbox } from './outbox/index.ts';
import { discovery } from './discovery/index.ts';
import { saga } from './saga/index.ts';
import { admission } from './admission/index.ts';
import { election } from './election/index.ts';
import { generals } from './generals/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const systems: readonly SystemDefinition<any>[] = [town, raft, paxos, kafka, sqs, rabbit, pubsub, stream, eventstore, hashring, outbox, discovery, saga, resilience, election, admission, generals];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allSystems: readonly SystemDef<any>[] = systems.map((s) => s.def);

export const systemCommands: readonly CommandSpec[] = systems.flatMap((s) => s.commands);
