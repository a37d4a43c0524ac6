// stream.producer: a producer node appending to a topic's log at a steady rate (src/engine/producer).
import { CommandError } from '../core/command.ts';
import { rateProducer, type HasRateProducers } from '../producer/rate.ts';
import { STREAM, STREAM_NODE, type StreamState } from './state.ts';

export const streamProducer = rateProducer<StreamState & HasRateProducers>({
  command: 'stream.producer', sys: STREAM, serviceNode: STREAM_NODE,
  summary: "Start a producer node that appends a record to a topic's log every so often.",
  target: { name: 'topic', type: 'string', required: true, doc: 'the topic' },
  example: 'stream.producer name=p1 topic=orders every=100ms count=10', setup: 'stream.topic name=orders',
  check(s, topic) {
    if (!s.topics[topic]) throw new CommandError(`no topic named '${topic}'`);
  },
  register(s, name) { if (!s.producers.includes(name)) s.producers.push(name); },
  send(_s, p, body, _key, ctx) {
    ctx.send(p.name, STREAM_NODE, { type: 'Append', topic: p.target, body });
  },
});
