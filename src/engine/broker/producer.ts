// rabbit.producer: a publisher node publishing to an exchange at a steady rate (src/engine/producer).
import { CommandError } from '../core/command.ts';
import { rateProducer, type HasRateProducers } from '../producer/rate.ts';
import { BROKER, RABBIT, type RabbitState } from './state.ts';

export const rabbitProducer = rateProducer<RabbitState & HasRateProducers>({
  command: 'rabbit.producer', sys: RABBIT, serviceNode: BROKER,
  summary: 'Start a publisher node that publishes to an exchange every so often, cycling through routing keys.',
  target: { name: 'exchange', type: 'string', required: true, doc: "the exchange ('' is not allowed: bind a queue to a named exchange)" },
  keys: { name: 'key', type: 'strings', doc: 'routing keys, used in turn (key=order.created,order.paid)' },
  example: 'rabbit.producer name=p1 exchange=orders key=order.created,order.paid every=100ms count=10',
  setup: 'rabbit.exchange name=orders type=topic',
  check(s, exchange) {
    if (!s.exchanges[exchange]) throw new CommandError(`no exchange named '${exchange}'`);
  },
  register(s, name) { if (!s.producers.includes(name)) s.producers.push(name); },
  send(_s, p, body, key, ctx) {
    ctx.send(p.name, BROKER, { type: 'Publish', exchange: p.target, key: key ?? '', body, headers: {}, ttlMs: null, persistent: true });
  },
});
