// rabbit.producer: a publisher node publishing to an exchange at a steady rate (src/engine/producer).
import { CommandError, type ArgValue } from '../core/command.ts';
import { rateProducer, type HasRateProducers } from '../producer/rate.ts';
import { BROKER, RABBIT, type RabbitState } from './state.ts';

/** "k=v" pairs -> { k: v } (checked when the producer starts, so sending never throws). */
function headersOf(value: ArgValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const pairs = value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
  for (const pair of pairs as readonly string[]) {
    const at = pair.indexOf('=');
    if (at < 1) throw new CommandError(`header '${pair}' should look like name=value`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

export const rabbitProducer = rateProducer<RabbitState & HasRateProducers>({
  command: 'rabbit.producer', sys: RABBIT, serviceNode: BROKER,
  summary: 'Start a publisher node that publishes to an exchange every so often, cycling through routing keys.',
  target: { name: 'exchange', type: 'string', required: true, doc: "the exchange ('' is not allowed: bind a queue to a named exchange)" },
  keys: { name: 'key', type: 'strings', doc: 'routing keys, used in turn (key=order.created,order.paid)' },
  extraArgs: [{ name: 'headers', type: 'strings', doc: 'message headers for a headers exchange: name=value pairs' }],
  example: 'rabbit.producer name=p1 exchange=orders key=order.created,order.paid every=100ms count=10',
  setup: 'rabbit.exchange name=orders type=topic',
  check(s, exchange, _keys, extra) {
    if (!s.exchanges[exchange]) throw new CommandError(`no exchange named '${exchange}'`);
    headersOf(extra.headers);
  },
  register(s, name) { if (!s.producers.includes(name)) s.producers.push(name); },
  send(_s, p, body, key, ctx) {
    ctx.send(p.name, BROKER, { type: 'Publish', exchange: p.target, key: key ?? '', body, headers: headersOf(p.extra.headers), ttlMs: null, persistent: true });
  },
});
