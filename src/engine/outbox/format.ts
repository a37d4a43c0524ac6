// One short trace line per outbox message.
import type { Message } from '../core/types.ts';
import type { OutEvent } from './state.ts';

const list = (evs: unknown) => (evs as OutEvent[]).map((e) => `${e.id} ${e.type} ${e.aggregate} v${e.version}`).join(', ');

export function formatOutboxMessage(m: Message): string {
  switch (m.type) {
    case 'Publish': return `Publish ${list(m.events)}`;
    case 'Deliver': return `Deliver ${list(m.events)}`;
    case 'PubAck': return `PubAck rows ${(m.seqs as number[]).join(',')}`;
    default: return m.type;
  }
}
