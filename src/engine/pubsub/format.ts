// One short trace line per pub/sub request or answer.
import type { Message } from '../core/types.ts';

export function formatPubsubMessage(m: Message): string {
  switch (m.type) {
    case 'Publish': return `Publish ${String(m.topic)} body=${String(m.body)}`;
    case 'Pull': return `Pull ${String(m.sub)} max=${String(m.max)}`;
    case 'PullResponse': {
      const got = m.messages as { id: number; ackId: number }[];
      return `PullResponse ${String(m.sub)} ${got.length ? got.map((x) => `#${x.id} ack=${x.ackId}`).join(', ') : '(empty)'}`;
    }
    case 'Acknowledge': return `Acknowledge ${String(m.sub)} ack=${String(m.ackId)}`;
    case 'ModifyAckDeadline': return `ModifyAckDeadline ${String(m.sub)} ack=${String(m.ackId)} deadline=${String(m.deadline)}ms`;
    case 'Push': return `Push ${String(m.sub)} #${String(m.id)} ack=${String(m.ackId)} attempt=${String(m.attempt)}`;
    case 'PushResult': return `PushResult ${String(m.sub)} ack=${String(m.ackId)} ${m.ok ? '200 OK' : '503 nack'}`;
    default: return m.type;
  }
}
