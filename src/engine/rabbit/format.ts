// One short trace line per AMQP frame the lab models.
import type { Message } from '../core/types.ts';

export function formatRabbitMessage(m: Message): string {
  switch (m.type) {
    case 'Deliver': return `Deliver ${String(m.queue)} #${String(m.id)} tag=${String(m.tag)}${m.redelivered ? ' redelivered' : ''}`;
    case 'Ack': return `Ack ${String(m.queue)} tag=${String(m.tag)}`;
    case 'Nack': return `Nack ${String(m.queue)} tag=${String(m.tag)} requeue=${String(m.requeue)}`;
    case 'Publish': return `Publish ${String(m.exchange) || '(default)'} key=${String(m.key)} body=${String(m.body)}`;
    default: return m.type;
  }
}
