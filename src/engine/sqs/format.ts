// One short trace line per SQS request or answer.
import type { Message } from '../core/types.ts';
import type { Received } from './service.ts';

export function formatSqsMessage(m: Message): string {
  switch (m.type) {
    case 'SendMessage':
      return `SendMessage ${String(m.queue)} body=${String(m.body)}${m.group ? ` group=${String(m.group)}` : ''}${m.dedup ? ` dedup=${String(m.dedup)}` : ''}`;
    case 'ReceiveMessage':
      return `ReceiveMessage ${String(m.queue)} max=${String(m.max)}${(m.wait as number) > 0 ? ` wait=${String(m.wait)}ms` : ''}`;
    case 'Messages': {
      const got = m.messages as Received[];
      return `Messages ${String(m.queue)} ${got.length === 0 ? '(empty)' : got.map((x) => `#${x.id}${x.group ? `/${x.group}` : ''} r${x.receipt} x${x.receiveCount}`).join(', ')}`;
    }
    case 'ChangeMessageVisibility':
      return `ChangeMessageVisibility ${String(m.queue)} #${String(m.id)} r${String(m.receipt)} timeout=${String(m.timeout)}ms${typeof m.backoff === 'number' ? ` (backoff before retry ${m.backoff + 1})` : ''}`;
    case 'DeleteMessage':
      return `DeleteMessage ${String(m.queue)} #${String(m.id)} r${String(m.receipt)}`;
    default:
      return m.type;
  }
}
