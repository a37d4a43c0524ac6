// The queue pictures' model: the queue systems the run uses (stream, RabbitMQ, SQS, pub/sub), in the order
// it first used them, each one's model, and the longest text a chip shows. Pure: both panes share one per
// state of the run (the kit's useStagePicture), and the layouts take it from here.
import type { Sim } from '../../engine/core/index.ts';
import type { SqsState } from '../../engine/sqs/index.ts';
import type { RabbitState } from '../../engine/rabbit/index.ts';
import type { PubsubState } from '../../engine/pubsub/index.ts';
import type { StreamState } from '../../engine/stream/index.ts';
import type { QueueSys } from './ids.ts';
import { sqsModel, type SqsChip, type SqsModel } from './model-sqs.ts';
import { rabbitModel, type RabbitModel } from './model-rabbit.ts';
import { pubsubModel, type PubsubModel } from './model-pubsub.ts';
import { streamModel, type StreamModel } from './model-stream.ts';

export type QueueStates = { sqs?: SqsState; rabbit?: RabbitState; pubsub?: PubsubState; stream?: StreamState };
export type Models = { sqs?: SqsModel; rabbit?: RabbitModel; pubsub?: PubsubModel; stream?: StreamModel };

export interface QueuesPicture {
  /** The queue systems this run uses, in the order it first used them. */
  systems: QueueSys[];
  models: Models;
  /** The longest text a chip shows, so chips are wide enough for it. */
  longest: number;
}

export const NO_QUEUES: QueuesPicture = { systems: [], models: {}, longest: 3 };

/** The text of an SQS chip: a FIFO message's group goes before its body. */
export const chipText = (c: SqsChip) => (c.group !== null ? `${c.group.slice(0, 5)}:${c.body}` : c.body);

export function queuesPicture(states: QueueStates, sim: Sim): QueuesPicture {
  const nodes = sim.nodes();
  const models: Models = {};
  const systems = Object.keys(states) as QueueSys[];
  if (states.sqs) models.sqs = sqsModel(states.sqs, nodes);
  if (states.rabbit) models.rabbit = rabbitModel(states.rabbit, nodes);
  if (states.pubsub) models.pubsub = pubsubModel(states.pubsub, nodes);
  if (states.stream) models.stream = streamModel(states.stream, nodes);
  return { systems, models, longest: longestText(models) };
}

function longestText(models: Models): number {
  const bodies = [
    ...(models.sqs?.queues.flatMap((q) => q.msgs.map(chipText)) ?? []),
    ...(models.rabbit?.queues.flatMap((q) => [...q.ready, ...q.unacked].map((c) => c.body)) ?? []),
    ...(models.pubsub?.subs.flatMap((q) => q.msgs.map((c) => c.body)) ?? []),
    ...(models.stream?.topics.flatMap((t) => t.records.map((r) => `${r.offset} ${r.body}`)) ?? []),
  ];
  return Math.max(3, ...bodies.map((b) => b.length));
}
