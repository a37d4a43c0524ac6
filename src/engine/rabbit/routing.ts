// Exchange routing (AMQP 0-9-1 model, RabbitMQ docs "Exchanges"): which queues a published message
// reaches, and by which binding. The default exchange ('') routes to the queue named by the key.
import { topicMatches } from './topic.ts';
import type { Binding, Exchange, RabbitState, RouteHop } from './state.ts';

/** rabbit_exchange_type_headers: all binding args must match (all), or at least one (any); x- keys skipped. */
export function headersMatch(b: Binding, headers: Record<string, string>): boolean {
  const keys = Object.keys(b.args).filter((k) => !k.startsWith('x-'));
  if (b.match === 'all') return keys.every((k) => headers[k] === b.args[k]);
  return keys.some((k) => headers[k] === b.args[k]);
}

export function bindingMatches(x: Exchange, b: Binding, key: string, headers: Record<string, string>): boolean {
  switch (x.type) {
    case 'direct': return b.key === key;
    case 'fanout': return true;
    case 'topic': return topicMatches(b.key, key);
    case 'headers': return headersMatch(b, headers);
  }
}

export function describeBinding(x: Exchange, b: Binding): string {
  if (x.type === 'fanout') return 'fanout';
  if (x.type === 'headers') return `headers ${b.match} ${Object.entries(b.args).map(([k, v]) => `${k}=${v}`).join(',')}`;
  return b.key;
}

/** The queues a message reaches through `exchange` (each once, by the first binding that matched). */
export function route(s: RabbitState, exchange: string, key: string, headers: Record<string, string>): RouteHop[] {
  if (exchange === '') return s.queues[key] ? [{ exchange: '(default)', binding: key, queue: key }] : [];
  const x = s.exchanges[exchange];
  if (!x) return [];
  const hops: RouteHop[] = [];
  for (const b of x.bindings) {
    if (!s.queues[b.queue] || hops.some((h) => h.queue === b.queue)) continue;
    if (bindingMatches(x, b, key, headers)) hops.push({ exchange, binding: describeBinding(x, b), queue: b.queue });
  }
  return hops;
}
