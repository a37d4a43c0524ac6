// pubsub.producer: a publisher node publishing to a topic at a steady rate (src/engine/producer).
import { CommandError } from '../core/command.ts';
import { rateProducer, type HasRateProducers } from '../producer/rate.ts';
import { PUBSUB, PUBSUB_NODE, type PubsubState } from './state.ts';

export const pubsubProducer = rateProducer<PubsubState & HasRateProducers>({
  command: 'pubsub.producer', sys: PUBSUB, serviceNode: PUBSUB_NODE,
  summary: 'Start a publisher node that publishes to a topic every so often.',
  target: { name: 'topic', type: 'string', required: true, doc: 'the topic' },
  example: 'pubsub.producer name=p1 topic=orders every=100ms count=10', setup: 'pubsub.topic name=orders',
  check(s, topic) {
    if (!s.topics[topic]) throw new CommandError(`no topic named '${topic}'`);
  },
  register(s, name) { if (!s.publishers.includes(name)) s.publishers.push(name); },
  send(_s, p, body, _key, ctx) {
    ctx.send(p.name, PUBSUB_NODE, { type: 'Publish', topic: p.target, body });
  },
});
