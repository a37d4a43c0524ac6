// sqs.producer: a producer node sending SendMessage to a queue at a steady rate (src/engine/producer).
import { CommandError } from '../core/command.ts';
import { rateProducer, type HasRateProducers } from '../producer/rate.ts';
import { SQS, SQS_NODE, type SqsState } from './state.ts';

export const sqsProducer = rateProducer<SqsState & HasRateProducers>({
  command: 'sqs.producer', sys: SQS, serviceNode: SQS_NODE,
  summary: 'Start a producer node that sends a message to a queue every so often (FIFO: cycling through groups).',
  target: { name: 'queue', type: 'string', required: true, doc: 'the queue' },
  keys: { name: 'group', type: 'strings', doc: 'FIFO message groups, used in turn (group=a,b)' },
  example: 'sqs.producer name=p1 queue=orders every=200ms count=20', setup: 'sqs.queue name=orders',
  check(s, queue, groups) {
    const q = s.queues[queue];
    if (!q) throw new CommandError(`no queue named '${queue}'`);
    if (groups.length && !q.fifo) throw new CommandError(`${queue} is a standard queue: message groups are for FIFO queues`);
    if (!groups.length && q.fifo) throw new CommandError(`${queue} is a FIFO queue: say which message group(s) with group=`);
  },
  register(s, name) { if (!s.producers.includes(name)) s.producers.push(name); },
  send(_s, p, body, group, ctx) {
    // A FIFO producer without content-based dedup gives each message its own id, as SDKs do.
    ctx.send(p.name, SQS_NODE, { type: 'SendMessage', queue: p.target, body, group, dedup: group === null ? null : `${p.name}-${body}` });
  },
});
